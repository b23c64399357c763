package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 17's misses (IoT, web frameworks, chat and game servers, WordPress and shops), each written as
 * a general meaning rather than one product's sentence: a program with no password configured names the password; PHP's "socket
 * transport" it cannot find is the encryption setting's value; a greeting that never came is the connection security;
 * credentials the server cannot decode are the user name or password; Google's "Authentication Required" is the
 * sign-in, also beside a microcontroller's closing line; a mail server URL or host variable not set is the server
 * name; PHP's stream tls:// on a plain port and mbedTLS's "invalid record" are the connection security; a sender that
 * does not match the login at RCPT, and a from address that must be verified, are the sender address. The wordings
 * below are mostly of other libraries, programs and languages than the records.
 */
class Round17ReadingsTest {


    @ParameterizedTest
    @ValueSource(strings = {
        "ArgumentError: SMTP-AUTH requested but missing secret phrase",
        "System.ArgumentNullException: Value cannot be null. (Parameter 'password')\n"
                + "   at MailKit.MailService.Authenticate(String userName, String password)",
        "Traceback (most recent call last):\n  File \"/usr/lib/python3.11/smtplib.py\", line 739, in login\n"
                + "AttributeError: 'NoneType' object has no attribute 'encode'",
        "DEBUG SMTP: need username and password for authentication\n"
                + "DEBUG SMTP: protocolConnect returning false, host=mail.example.net, user=alerts",
    })
    void aProgramWithNoPasswordConfiguredNamesThePassword(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.USERNAME), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fsockopen(): unable to connect to TLS://mail.example.org:587 (Unable to find the socket transport \"TLS\" -"
                + " did you forget to enable it when you configured PHP?)",
        "Symfony\\Component\\Mailer\\Exception\\TransportException: Connection could not be established with host"
                + " \"mail.example.org:465\": stream_socket_client(): Unable to find the socket transport \"SSL\"",
    })
    void aSocketTransportPhpDoesNotKnowIsTheEncryptionSetting(String pasted) {
        Diagnosis d = explainsAs(Setting.SECURITY, pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "aiosmtplib.errors.SMTPTimeoutError: Timed out waiting for server ready message",
        "Error: Timeout waiting for greeting from mail.example.com",
        "smtp: timed out waiting for the server greeting",
    })
    void aGreetingThatNeverCameIsTheConnectionSecurity(String pasted) {
        Diagnosis d = explainsAs(Setting.SECURITY, pasted);
        assertTrue(offers(d, Setting.PORT), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AUTH LOGIN\n334 VXNlcm5hbWU6\n501 Invalid base64 data",
        "AUTH PLAIN\n535 5.7.8 Error: authentication failed: Invalid base64 data in continued response",
        "AUTH LOGIN\n334 VXNlcm5hbWU6\n501 5.5.2 Cannot Decode response - gsmtp",
    })
    void credentialsTheServerCannotDecodeAreTheUserNameOrPasswordNeverConfidently(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.gmail.com", 465);
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId() + ": " + pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
        assertTrue(offers(d, Setting.USERNAME), d.alternatives().toString());
    }

    @Test
    void googlesSyntaxReplyToMailFromIsNotASignInProblem() {
        Diagnosis d = explain("failed to issue MAIL command: 555 5.5.2 Syntax error, cannot decode response. - gsmtp");
        assertNotEquals("explain.auth.credentials_not_decoded", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: Mail command failed: 530-5.7.0 Authentication Required. Learn more at\n530 5.7.0"
                + "  https://support.google.com/mail/?p=WantAuthError a1-20020a - gsmtp",
        "> C: send message header\n< S: 530 5.7.0 Authentication Required. Learn more at"
                + " https://support.google.com/mail/?p=WantAuthError - gsmtp\n! E: send header failed\n"
                + "> C: cleaning SSL connection\nError sending email: send header failed",
    })
    void googlesAuthenticationRequiredIsTheSignInEvenBesideAClosingSslLine(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.gmail.com", 465);
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP host required",
        "Error: MAILER_DSN environment variable is not set",
        "RuntimeError: SMTP_HOST is not set; cannot send e-mail",
        "(Mail not sent; to enable sending, set the MAIL_URL environment variable.)",
    })
    void noMailServerConfiguredIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    @Test
    void aMissingMailPasswordVariableIsNotTheServerName() {
        Diagnosis d = explain("Error: SMTP_PASSWORD environment variable is not set");
        assertNotEquals("explain.meaning.mail_url_not_set", d.ruleId());
    }

    @Test
    void phpStreamTlsSchemeOnPort587IsTheConnectionSecurity() {
        Diagnosis d = explainsAs(Setting.SECURITY, "Warning: stream_socket_client(): Failed to enable crypto\n"
                + "stream_socket_client(): Unable to connect to tls://smtp.example.com:587 (Unknown error)");
        assertEquals("explain.tls.implicit_scheme_on_plain_port", d.ruleId());
    }

    @Test
    void phpMailersTlsHostIsStartTlsAndNotAnImplicitScheme() {
        Diagnosis d = explain("SMTP ERROR: Failed to connect to server: Connection: opening to"
                + " tls://smtp.gmail.com:587, timeout=300");
        assertNotEquals("explain.tls.implicit_scheme_on_plain_port", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "E (1234) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x7200",
        "handshake failed: MBEDTLS_ERR_SSL_INVALID_RECORD",
        "[E][ssl_client.cpp:33] handle_error(): SSL - An invalid SSL record was received",
    })
    void mbedTlsInvalidRecordOnAStartTlsPortIsTheConnectionSecurity(String pasted) {
        Diagnosis d = explainAt(pasted, "mail.example.com", 587);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + pasted);
        assertTrue(offers(d, Setting.PORT), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "RCPT TO:<bob@example.org>\n554 5.7.1 Recipient address rejected: sender and login user do not match",
        "The mail server does not understand the RCPT TO command. Reason: 553 5.7.1 Recipient address rejected:"
                + " Absender stimmt nicht mit dem Benutzer überein",
    })
    void aSenderThatDoesNotMatchTheLoginAtRcptIsTheSenderAddress(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "422 Unprocessable Entity: The from.email must be verified.",
        "Error: The from address must be verified before you can send.",
        "ValidationError: from_email is not verified for this account",
    })
    void aFromAddressThatMustBeVerifiedIsTheSenderAddress(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }
}
