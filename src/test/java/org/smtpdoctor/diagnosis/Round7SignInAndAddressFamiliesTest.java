package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * The readings the round-7 misses about sign-in and addresses asked for, each proven with wordings of other servers,
 * programs and languages than the corpus texts: a relay refusal in any words (the server's own reply read like a
 * program's sentence), a sender that does not match the account or may not be sent on behalf of, a sender field
 * left empty, a user name the server does not know, an authentication mode the server lacks, sign-in failures worded
 * in Chinese and Japanese, a client the server's access table refuses, Microsoft 365's 535 5.7.3, the command names of
 * program wrappers, a mail proxy that wants sign-in before the sender, a provider's case code for bad headers and a
 * delivery given up after days in the queue.
 */
class Round7SignInAndAddressFamiliesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "554 Relay rejected for policy reasons",
        "550 中继被拒绝",
        "553 リレーは許可されていません",
        "550 Weiterleitung abgelehnt",
        "550 Relais rejeté pour ce client",
        "550 Retransmisión rechazada",
    })
    void aRelayRefusalInAnyWordingAsksToSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @Test
    void aRelayHostInALogIsNoRelayRefusal() {
        Diagnosis d = explain("postfix/smtp[812]: 4F2A1: to=<bob@example.org>, relay=mail.example.net[192.0.2.7]:25,"
                + " status=bounced (host mail.example.net said: 550 5.1.1 <bob@example.org>: Recipient address rejected:"
                + " User unknown in virtual mailbox table (in reply to RCPT TO command))");
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 发件人与登录账号不一致",
        "554 差出人アドレスが一致しません",
        "550 Absenderadresse stimmt nicht mit dem Konto überein",
        "Net::SMTPFatalError: 553 Relaying disallowed as info@example.org",
        "Vous ne disposez pas de l'autorisation d'envoyer ce message au nom de l'utilisateur spécifié.",
        "No tiene permiso para enviar el mensaje en nombre del usuario especificado.",
        "422 The sender field is required",
        "400 Bad Request: from_email is required",
        "ValidationError: from field is empty",
        "SendMail: Error setting \"From Address\", 550 Request failed; Mailbox unavailable",
    })
    void aSenderTheAccountMayNotUseOrThatIsMissingIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Error: authentication failed: username not found",
        "535 Benutzername unbekannt",
        "535 Nom d'utilisateur inconnu",
        "501 5.5.4 Invalid user name",
        "535 Authentication failed: unknown username",
    })
    void aUserNameTheServerDoesNotKnowIsTheUserName(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.USERNAME, d.setting(), pasted);
        assertTrue(offers(d, Setting.PASSWORD), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 Authentication failed: invalid username or password",
        "535 Invalid username/password combination",
    })
    void aUserNameOrPasswordRefusalIsNotTheUserNameAlone(String pasted) {
        assertNotEquals(Setting.USERNAME, explain(pasted).setting(), pasted);
    }

    @Test
    void anAccountWithoutPermissionToSendByMailProgramIsTheAccountSwitch() {
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, explain("550 User has no permission").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "502 认证方式不支持",
        "504 auth type unsupported",
        "451 authentication mode not supported",
        "Error: none of the authenticators are supported by the server. Authenticators tried: [NTLM]",
    })
    void anAuthenticationModeTheServerLacksIsTheSignInMethod(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 登录失败，请检查账号",
        "554 ユーザー認証に失敗しました",
        "552 用户认证错误",
        "メールサーバーにログインできません",
    })
    void aSignInFailureInChineseOrJapaneseIsThePassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Error: The following recipients failed: bob@example.org: <mail.example.com[203.0.113.5]>: Client host"
                + " rejected: Access denied",
        "Transaction failed. The server response was: <web01.example.net[198.51.100.20]>: Client host rejected:"
                + " Access denied",
    })
    void aClientTheServerRefusesIsTheOperatorsWithSignInAndNetworkNext(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertTrue(offers(d, Setting.AUTH_METHOD), pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL), pasted);
    }

    @Test
    void microsoft365AuthenticationUnsuccessfulIsTheSmtpAuthSwitchWithThePasswordNext() {
        Diagnosis d = explain("MailKit.Security.AuthenticationException: 535: 5.7.3 Authentication unsuccessful"
                + " [LO2P265CA0123.GBRP265.PROD.OUTLOOK.COM]");
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertTrue(offers(d, Setting.PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AUTH LOGIN -> 500 5.5.1 Command unrecognized: \"AUTH LOGIN\"",
        "C: AUTH PLAIN\nS: 554 5.5.1 Unknown command",
    })
    void aServerThatDoesNotKnowTheAuthCommandIsTheSignInMethod(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }

    @Test
    void aMailProxyRefusingTheSenderBeforeSignInAsksToSignIn() {
        Diagnosis d = explain("client was rejected: \"MAIL FROM:<office@example.org> SIZE=2048\" while in auth state,"
                + " client: 192.0.2.10, server: 0.0.0.0:25");
        assertEquals(Setting.AUTH_METHOD, d.setting());
    }

    @Test
    void theProvidersHeaderCaseCodeIsTheMessage() {
        Diagnosis d = explain("554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit"
                + " https://postmaster.gmx.net/en/case?c=hi&i=ip&v=198.51.100.2");
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Google blocked a sign-in attempt from an app that does not meet modern security standards.",
        "Sign-in attempt was blocked for your linked Google Account",
    })
    void anAppBlockedAsNotSecureEnoughIsTheAccountSwitch(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), pasted);
        assertTrue(offers(d, Setting.APP_PASSWORD), pasted);
    }

    @Test
    void aDeliveryGivenUpAfterDaysInTheQueueIsTheRecipientDomain() {
        Diagnosis d = explain("<bob@example.net>: Connected to 192.0.2.1 but connection died. (#4.4.2) I'm not going"
                + " to try again; this message has been in the queue too long.");
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
    }

    @Test
    void noSuchUserHereFromAnotherProgramIsTheRecipient() {
        assertEquals(Setting.RECIPIENT_ADDRESS,
                explain("SMTP Error: The following recipients failed: bob@example.org: No Such User Here").setting());
    }

    @Test
    void aBareDeferredPolicyRefusalAsksToSignInWithoutCertainty() {
        Diagnosis d = explain("SMTP ERROR: RCPT TO command failed: 454 4.7.1 <bob@example.org>");
        assertEquals(Setting.AUTH_METHOD, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
    }

    @Test
    void aSenderDomainWithoutDnsRecordsIsTheSenderAddress() {
        assertEquals(Setting.SENDER_ADDRESS, explain("550 5.7.1 [198.51.100.4] The sender domain has invalid DNS MX or"
                + " A/AAAA resource records").setting());
    }
}
