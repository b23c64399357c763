package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Readings from round 16's misses (home-lab apps, education, DevOps), each written as the general meaning of a
 * program's own setting rather than one product's sentence: a program that stops because it has no sender or no
 * recipient names that address; two encryption switches on at once are the connection security; a sign-in method
 * value the mail library does not know is the authentication method; "the server does not support AUTH" is the
 * failure "sign-in not offered", decided by server, port and whether credentials are set; a server name that is
 * empty or written as a URL is the server name; and a daemon that can neither sign in nor encrypt (ossec/wazuh maild),
 * refused at MAIL or RCPT, needs a relay that takes its mail without sign-in. The wordings below are mostly of other
 * libraries, programs and languages than the records.
 */
class Round16SettingsReadingsTest {


    @ParameterizedTest
    @ValueSource(strings = {
        "Symfony\\Component\\Mailer\\Exception\\LogicException: An email must have a \"From\" or a \"Sender\" header.",
        "ArgumentError: An SMTP From address is required to send a message. Set the message smtp_envelope_from,"
                + " return_path, sender, or from address.",
        "System.InvalidOperationException: A from address must be specified.",
        "System.InvalidOperationException: No sender has been specified.",
        "gomail: invalid message, \"From\" field is absent",
        "lettre error: missing source address, invalid envelope",
        "Error: Email sender address missing. Set EMAIL_FROM or SMTP_FROM environment variable.",
        "[ERR] could not send notification: from_address missing from provider config",
        "Fehler: Nachricht kann ohne Absender nicht gesendet werden",
    })
    void aProgramThatHasNoSenderNamesTheSenderAddress(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ArgumentError: An SMTP To address is required to send a message. Set the message smtp_envelope_to, to, cc,"
                + " or bcc address.",
        "Symfony\\Component\\Mime\\Exception\\LogicException: An email must have a \"To\", \"Cc\", or \"Bcc\" header.",
        "Swift_TransportException: Cannot send message without a recipient",
        "lettre error: missing destination address, invalid envelope",
        "System.InvalidOperationException: A recipient must be specified.",
        "Error: No recipients defined",
    })
    void aProgramThatHasNoRecipientNamesTheRecipientNotTheSender(String pasted) {
        Diagnosis d = explainsAs(Setting.RECIPIENT_ADDRESS, pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @Test
    void aBlankFromAddressStaysTheSenderAndABlankToAddressTheRecipient() {
        explainsAs(Setting.SENDER_ADDRESS, "ArgumentError: SMTP From address may not be blank: nil");
        explainsAs(Setting.RECIPIENT_ADDRESS, "ArgumentError: SMTP To address may not be blank: [\"\"]");
        assertEquals(Phase.RCPT_TO, ReplyParser.parse("SMTP To address may not be blank: []").phase().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ValueError: MAIL_USE_SSL and MAIL_USE_TLS are mutually exclusive",
        "AirflowException: The connection cannot use both SSL and STARTTLS",
        "Error: execution error at (oncall/templates/engine/deployment.yaml): cannot set Email (SMTP) to use SSL and"
                + " TLS at the same time",
        "config error: smtps and starttls cannot be enabled at the same time",
        "Fehler: SSL und STARTTLS schließen sich gegenseitig aus",
        "Erreur : les options SSL et STARTTLS sont mutuellement exclusives",
    })
    void twoEncryptionSwitchesOnAtOnceAreTheConnectionSecurity(String pasted) {
        Diagnosis d = explainsAs(Setting.SECURITY, pasted);
        assertEquals("explain.meaning.encryption_switches_contradict", d.ruleId(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @Test
    void theSwitchToKeepIsTheOneOfThePort() {
        String pasted = "ImproperlyConfigured: EMAIL_USE_SSL and EMAIL_USE_TLS cannot both be True";
        assertEquals(Optional.of(SettingValue.security(Security.SSL_TLS)),
                explainAt(pasted, "smtp.example.org", 465).suggestedValue());
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)),
                explainAt(pasted, "smtp.example.org", 587).suggestedValue());
    }

    @Test
    void aTlsFailureNamingBothWordsIsNoContradictionOfSwitches() {
        Diagnosis d = explain("ssl.SSLError: [SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1131) while"
                + " starting TLS");
        assertNotEquals("explain.meaning.encryption_switches_contradict", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ArgumentError: wrong authentication type cram_md6",
        "Error: Unknown authentication method \"oauth\"",
        "Invalid value for SMTP_AUTH_TYPE: \"None\". Must be one of: plain, login, cram-md5",
        "config: unknown auth type 'basic' for smtp",
        "Fehler: Unbekannter Authentifizierungstyp \"keine\"",
    })
    void aSignInMethodValueTheLibraryDoesNotKnowIsTheAuthenticationMethod(String pasted) {
        Diagnosis d = explainsAs(Setting.AUTH_METHOD, pasted);
        assertEquals("explain.meaning.auth_method_value_unknown", d.ruleId(), pasted);
        assertTrue(offers(d, Setting.USERNAME), pasted);
        assertEquals(FailureKind.AUTH_NO_COMMON_MECHANISM, ReplyParser.parse(pasted).failureKind().orElseThrow(),
                pasted);
    }

    @Test
    void anUnknownMethodValueWinsOverTheConnectionWordsAroundIt() {
        explainsAs(Setting.AUTH_METHOD, "Failed - Unable to connect to SMTP Server - wrong authentication type plain_text");
        assertEquals(Phase.AUTH, ReplyParser.parse("Error connecting to SMTP - wrong authentication type")
                .phase().orElseThrow());
    }

    @Test
    void theServersOwnRefusalOfAMechanismAndAWrongPasswordKeepTheirReadings() {
        Diagnosis server = explainsAs(Setting.AUTH_METHOD, "504 5.7.4 Unrecognized authentication type");
        assertNotEquals("explain.meaning.auth_method_value_unknown", server.ruleId());
        Diagnosis bare = explain("Unrecognized authentication type");
        assertNotEquals("explain.meaning.auth_method_value_unknown", bare.ruleId());
        Diagnosis mechanism = explainsAs(Setting.AUTH_METHOD, "504 5.5.4 Unknown authentication mechanism");
        assertNotEquals("explain.meaning.auth_method_value_unknown", mechanism.ruleId());
        explainsAs(Setting.PASSWORD, "535 5.7.8 Authentication failed: wrong password for authentication method"
                + " LOGIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "failed to send email: dial failed: server does not support SMTP AUTH",
        "Error: SMTP server does not support AUTH",
        "smtp: server doesn't support SMTP AUTH",
        "mail: AUTH extension is not supported by this server",
        "EmailException: the server does not advertise AUTH",
    })
    void everyWordingOfAuthNotOfferedIsThatFailure(String pasted) {
        assertEquals(FailureKind.AUTH_NOT_OFFERED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertEquals(Phase.AUTH, ReplyParser.parse(pasted).phase().orElseThrow(), pasted);
    }

    @Test
    void authNotOfferedIsDecidedByServerAndByWhetherCredentialsAreSet() {
        String bare = "failed to send magic code email: dial failed: server does not support SMTP AUTH";
        Diagnosis noCredentials = explainAt(bare, "smtp.example.com", 25);
        assertEquals(Setting.AUTH_METHOD, noCredentials.setting(), noCredentials.ruleId());
        assertTrue(offers(noCredentials, Setting.SECURITY));

        Diagnosis local = explainAt(bare, "localhost", 25);
        assertEquals("explain.auth.local_relay", local.ruleId());

        String withCredentials = "Mailer error: SMTP server does not support AUTH, but username and password are set";
        Diagnosis credentials = explainsAs(Setting.SECURITY, withCredentials);
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), credentials.suggestedValue());
        assertEquals(Confidence.LOW, credentials.confidence());
        assertTrue(offers(credentials, Setting.AUTH_METHOD));
        assertTrue(offers(credentials, Setting.PORT));

        Diagnosis provider = explainAt("gomail: could not send email 1: SMTP server does not support AUTH, but"
                + " credentials provided", "smtp.office365.com", 587);
        assertEquals(Setting.SECURITY, provider.setting(), provider.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Invalid SMTP host: should not contain a scheme like smtp:// - use just the hostname",
        "SMTP_HOST must be a hostname, not a URL (remove https://)",
        "config: smtp relay must be a bare host name, without the smtp:// scheme",
        "Le serveur SMTP ne doit pas contenir de schéma (smtp://), seulement le nom d'hôte",
    })
    void aServerNameWrittenAsAUrlIsTheServerName(String pasted) {
        Diagnosis d = explainsAs(Setting.SERVER_HOST, pasted);
        assertEquals("explain.meaning.host_written_as_url", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: No SMTP host specified.",
        "Error: SMTP host is not defined",
        "lettre::transport::smtp::Error { kind: Connection, source: \"smtp host undefined\" }",
        "ValidationError: smtp host may not be blank",
    })
    void anEmptyServerNameIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    @Test
    void aLinkInAServerReplyIsNoServerNameWrittenAsAUrl() {
        Diagnosis d = explain("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the"
                + " Tenant. Visit https://aka.ms/smtp_auth_disabled for more information about the server.");
        assertNotEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2021/03/02 10:00:01 wazuh-maild: ERROR: (1764): Mail from not accepted by server\n"
                + "2021/03/02 10:00:01 wazuh-maild: ERROR: (1223): Error Sending email to smtp.office365.com"
                + " (smtp server)",
        "ossec-maild: ERROR: (1765): Rcpt to not accepted by server",
        "2019/05/01 08:00:00 os_sendmail(1764): WARN: Mail from not accepted by server",
    })
    void aDaemonThatCannotSignInIsRefusedAndNeedsARelayWithoutSignIn(String pasted) {
        Diagnosis d = explainsAs(Setting.AUTH_METHOD, pasted);
        assertEquals("explain.relay.program_cannot_sign_in", d.ruleId(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.SERVER_HOST), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mail from not accepted by server",
        "Sender address not accepted by server",
        "SMTP Error: The following From address failed: root@localhost : MAIL FROM command failed,550,5.7.1 Sender"
                + " not accepted",
    })
    void anotherProgramsRefusedSenderStaysTheSenderAddress(String pasted) {
        Diagnosis d = explainsAs(Setting.SENDER_ADDRESS, pasted);
        assertNotEquals("explain.relay.program_cannot_sign_in", d.ruleId(), pasted);
    }

    @Test
    void aServerReplyTheDaemonQuotesDecidesItself() {
        explainsAs(Setting.RECIPIENT_ADDRESS, "wazuh-maild: ERROR: (1765): Rcpt to not accepted by server: 550 5.1.1"
                + " <soc@example.org>: Recipient address rejected: User unknown");
    }

    @Test
    void aPathOrAGemVersionInABacktraceIsNoEnhancedCode() {
        assertTrue(ReplyParser.parse("ArgumentError (wrong authentication type \"login\"):\n"
                + "  /usr/local/lib/ruby/2.7.0/net/smtp.rb:772:in `check_auth_method'").enhanced().isEmpty());
        assertTrue(ReplyParser.parse("mail (2.6.6) lib/mail/network/delivery_methods/smtp.rb:111:in `deliver!'")
                .enhanced().isEmpty());
        assertEquals("5.7.1", ReplyParser.parse("550 5.7.1 Relaying denied").enhanced().orElseThrow().toString());
    }
}
