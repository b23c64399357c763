package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.SignInPayloads;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 21's misses (online shops and billing, JVM applications, Microsoft's server stack), each a
 * general meaning: a connection refused with a real reply code was no time-out (Jakarta Mail's "response: 421" was
 * "port 25 is blocked, use 587" at high confidence); a server name the program holds as null or never set is the
 * server name; Microsoft's wrong-region answer is the smart host; an unreachable federation server is the
 * organisation's; a sign-in class the mail library cannot create is the sign-in method; an empty protocol setting is
 * the connection security; a reply the library cannot parse as a status code came from another service. With two
 * from round 22's misses: "SMTP unconfigured" is the server name, "auth() command not supported" sign-in the server
 * does not offer; and from round 23's: a server name with its port written into it is the server name; Jakarta
 * Mail's "AUTH LOGIN failed" is a refused sign-in (and no payload to redact); an account or message without the sender
 * address is the sender address. Mostly other programs' words than the records.
 */
class Round21ReadingsTest {

    @Test
    void aGreetingRefusedWithARealCodeIsNoTimeOut() {
        String busy = "org.springframework.mail.MailSendException: Mail server connection failed; nested exception is"
                + " javax.mail.MessagingException: Could not connect to SMTP host: 10.0.0.9, port: 25, response: 421";
        PastedEvidence e = ReplyParser.parse(busy);
        assertNotEquals(Optional.of(FailureKind.CONNECT_TIMEOUT), e.failureKind());
        assertEquals(Optional.of(Phase.GREETING), e.phase());
        Diagnosis d = explain(busy);
        assertNotEquals(Setting.PORT, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
        explainsAs(Setting.NETWORK_OR_FIREWALL, "javax.mail.MessagingException: Could not connect to SMTP host: mail.example.com,"
                + " port: 25, response: 554");
        // -1 is Jakarta Mail's "no answer", which stays a greeting never received
        assertNotEquals(Optional.empty(), ReplyParser.parse("Could not connect to SMTP host: smtp.example.com, port:"
                + " 465, response: -1").failureKind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "org.apache.commons.mail.EmailException: Sending the email to the following server failed : null:null",
        "RuntimeException: smtp.host needs to be set in application.conf in order to use this plugin",
        "No SMTP configuration found - MessagingException (SmtpMailManager:114 < NotificatorMail:44)",
        "fatal: [testhost]: FAILED! => {\"msg\": \"Unexpected response - 400 b'{\\\"error\\\":\\\"SMTP unconfigured\\\"}'\"}",
    })
    void aServerNameTheProgramHoldsAsNullIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    @Test
    void microsoftsWrongRegionIsTheSmartHost() {
        explainsAs(Setting.SERVER_HOST, "451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35. For more information please"
                + " go to https://go.microsoft.com/fwlink/?LinkId=526653");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.139 Authentication unsuccessful, federated STS service was unreachable.",
        "535 5.7.139 Authentication unsuccessful, the federated STS URL does not support HTTPS.",
    })
    void anUnreachableFederationServerIsTheOrganisationsNotThePassword(String pasted) {
        assertEquals(Actor.ADMIN, explainsAs(Setting.CONTACT_PROVIDER, pasted).actor(),
                "the organisation's own sign-in server: its administrator acts");
    }

    @Test
    void aSignInClassTheLibraryCannotCreateIsTheSignInMethod() {
        explainsAs(Setting.AUTH_METHOD, "Zend\\Mail\\Protocol\\SmtpPluginManager::get was unable to fetch or create an instance"
                + " for ");
    }

    @Test
    void anEmptyProtocolSettingIsTheConnectionSecurity() {
        Diagnosis d = explain("org.springframework.mail.MailSendException: Mail server connection failed; nested"
                + " exception is javax.mail.NoSuchProviderException: Invalid protocol: null");
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
    }

    @Test
    void anAuthCommandTheServerDoesNotSupportIsSignInItDoesNotOffer() {
        // round 22: another library's words for it
        assertEquals(Optional.of(FailureKind.AUTH_NOT_OFFERED), ReplyParser.parse("{\"message\":\"SMTP auth() command not"
                + " supported on 10.0.0.6\\n\",\"status\":400}").failureKind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2016/08/11 01:06:27 worker.go:230: x509: certificate is valid for smtp.example.com, not smtp.example.com:587",
        "ssl.CertificateError: hostname 'mail.example.org:465' doesn't match 'mail.example.org'",
        "Error: Hostname/IP does not match certificate's altnames: Host: smtp.example.net:587. is not in the cert's"
                + " altnames: DNS:smtp.example.net",
    })
    void aServerNameWithItsPortWrittenIntoItIsTheServerName(String pasted) {
        // round 23
        Diagnosis d = explainsAs(Setting.SERVER_HOST, pasted);
        assertEquals("explain.host.port_in_name", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DEBUG SMTP: Using mechanism LOGIN\nDEBUG SMTP: AUTH LOGIN command trace suppressed\nDEBUG SMTP: AUTH LOGIN"
                + " failed",
        "AUTH PLAIN failed",
    })
    void jakartaMailsDebugLinesSayTheSignInFailedAndAreNotRedactedAway(String pasted) {
        // round 23: "failed" alone after the mechanism was taken for a base64 payload and removed
        assertEquals(pasted, SignInPayloads.redact(pasted));
        assertEquals(Optional.of(FailureKind.AUTH_REJECTED), ReplyParser.parse(pasted).failureKind());
    }

    @Test
    void anAccountWithoutTheSenderAddressIsTheSenderAddress() {
        // round 23
        assertEquals(Setting.SENDER_ADDRESS, explain("failed to send: no account set up for x@example.org").setting());
        assertEquals(Setting.SENDER_ADDRESS, explain("550 MIME message is missing 'From' header").setting());
    }

    @Test
    void aReplyTheLibraryCannotParseCameFromAnotherService() {
        String pasted = "MailKit.Net.Smtp.SmtpProtocolException: Unable to parse status code returned by the server.";
        assertEquals(Optional.of(FailureKind.NOT_SMTP), ReplyParser.parse(pasted).failureKind());
        assertEquals(Setting.PORT, explain(pasted).setting());
    }
}
