package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 30's "not recognised" records of the sign-in, address, content and provider settings, each a
 * general meaning: Microsoft CDO's error numbers stand for the messages {@code cdosyserr.h} documents for them
 * (CDO_E_LOGON_FAILURE 0x80040217 "The transport was unable to log on to the server" is a refused sign-in, and so on
 * through the table's sending entries), in hexadecimal or as VBScript's signed decimal; "authorization failed" (ssmtp,
 * many small libraries) and a program's "SMTP verification error" are a refused sign-in; PHPMailer's Indonesian
 * sign-in failure reads as the English one; a provider's "sign-in attempt blocked" is the account's switch for mail
 * programs; a message body called invalid is the message, not a setting; an invalid Bcc address is a recipient's;
 * a password "not specified" is missing credentials; Outlook's "one of the recipients was rejected by the server" in
 * Japanese and German and Gmail's Spanish "not found at the destination domain" read as their English wording.
 */
class Round30SignInReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "The message could not be sent to the SMTP server. The transport error code was 0x80040217. The server"
                + " response was not available",
        "0x80040217 ( \u201cThe server response was not available\u201d )",
        "CDO.Message.1 error '80040217'",
        "Method 'Send' of object 'IMessage' failed: error -2147220969",
        "error &H80040215",
    })
    void cdosLogonAndAuthenticationFailuresAreARefusedSignIn(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.APP_PASSWORD), d.alternatives().toString());
    }

    @Test
    void cdosOtherSendingErrorsSayTheirOwnCause() {
        // CDO_E_FAILED_TO_CONNECT, CDO_E_FROM_MISSING, CDO_E_SENDER_REJECTED, CDO_E_RECIPIENTS_REJECTED
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("Run-time error '-2147220973 (80040213)': Automation error")
                .setting());
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("error '80040213'").setting());
        explainsAs(Setting.SENDER_ADDRESS, "error '8004020d'");
        Diagnosis sender = explainsAs(Setting.SENDER_ADDRESS, Confidence.LOW, "CDO.Message.1 error '8004020e'");
        assertTrue(offers(sender, Setting.AUTH_METHOD), sender.alternatives().toString());
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.LOW,
                "Method 'send' in COM object of class 'CDO.Message' returned error code 0x8004020F");
    }

    @Test
    void cdosGeneralSendFailureNamesNoCause() {
        // CDO_E_SMTP_SEND_FAILED (0x80040211) is "could not be sent"; only its transport error code says why
        assertEquals(Verdict.NOT_RECOGNISED, explain("error '80040211'").verdict());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-9 Authorization failure.",
        "Error: Authorization failure",
        "Send Email fail\uff01Accout or SMTP verification error \uff01",
        "Send mail failed: SMTP verification failed",
        "Kesalahan SMTP: Tidak dapat mengotentikasi.",
        "Kesalahan SMTP: Tidak dapat mengautentikasi",
        "Gagal mengautentikasi ke server SMTP",
    })
    void aFailedAuthorizationOrVerificationIsARefusedSignIn(String pasted) {
        explainsAs(Setting.PASSWORD, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Google Account: sign-in attempt blocked",
        "Review blocked sign-in attempt",
        "Critical security alert: sign-in attempt blocked for your linked Google Account",
        "Google: Sign-in attempt was prevented",
    })
    void aBlockedSignInAttemptIsTheAccountsSwitchForMailPrograms(String pasted) {
        Diagnosis d = explainsAs(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.APP_PASSWORD), d.alternatives().toString());
    }

    @Test
    void tooManyAttemptsBlockedIsStillALimitNotTheSwitch() {
        explainsAs(Setting.WAIT_AND_RETRY, "Too many failed login attempts, login attempt blocked temporarily");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error sending e-mail <Bkp&Upd: Device - MikroTik. Backup was created.>: invalid BODY",
        "Error sending e-mail <Backup>: socket error\nEarlier multiline body tests also showed: invalid BODY",
        "Mailer Error: message body is invalid",
    })
    void anInvalidMessageBodyIsTheMessage(String pasted) {
        Diagnosis d = explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.CONTACT_PROVIDER), d.alternatives().toString());
    }

    @Test
    void anInvalidRequestBodyOfAnApiIsNoMessageBody() {
        assertEquals(Verdict.NOT_RECOGNISED, explain("Invalid request body: JSON parse error").verdict());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"Invalid\" Bcc \"e-mail address\" {customer_email} \"\"",
        "Invalid Bcc address: {customer_email}",
        "The Bcc address \"foo@@bar\" is not valid",
    })
    void anInvalidBlindCopyAddressIsARecipients(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Username and password not specified",
        "SMTP password not provided",
        "Passwort nicht angegeben",
    })
    void aPasswordNotSpecifiedIsMissingCredentials(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.MEDIUM, pasted);
        assertEquals("explain.meaning.credentials_not_specified", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\u53d7\u4fe1\u8005\u306e 1 \u4eba\u304c\u30b5\u30fc\u30d0\u30fc\u306b\u3088\u3063\u3066\u62d2\u5426\u3055"
                + "\u308c\u305f\u305f\u3081\u3001\u30e1\u30c3\u30bb\u30fc\u30b8\u3092\u9001\u4fe1\u3067\u304d\u307e"
                + "\u305b\u3093\u3067\u3057\u305f\u3002",
        "Die Nachricht konnte nicht gesendet werden, da einer der Empf\u00e4nger vom Server abgelehnt wurde.",
    })
    void outlooksRecipientRejectedReadsAsTheEnglishSentence(String translated) {
        String english = "The message could not be sent because one of the recipients was rejected by the server.";
        assertEquals(explain(english).setting(), explain(translated).setting(), translated);
        assertEquals(Setting.AUTH_METHOD, explain(translated).setting());
    }

    @Test
    void gmailsSpanishAddressNotFoundIsTheRecipient() {
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.MEDIUM, "No se pudo entregar el mensaje. Parece que la"
                + " direcci\u00f3n de correo electr\u00f3nico donde envi\u00f3 el mensaje no se encontraba en el"
                + " dominio de destino.");
    }
}
