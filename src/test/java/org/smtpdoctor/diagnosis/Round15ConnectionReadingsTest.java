package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Readings from round 15's misses (web hosting, relays, community software, low-code apps), each written as the
 * general reading and tested with the wordings of other servers, libraries and languages than the round's texts: a
 * web host's own Exim answering for a large provider; a web address or a second colon in the server name; a named
 * certificate-name failure over an app's words about accounts; .NET's words for an encryption mismatch; Jakarta
 * Mail's "Exception reading response"; no usable sign-in method; libraries' own shapes of an empty greeting, a closed
 * connection and a time-out; "authentication was refused" at Microsoft 365; a public service's certificate judged
 * expired or untrusted by the device; and a connection error numbered 0 at a documented server and port.
 */
class Round15ConnectionReadingsTest {

    private static final String HOSTER_EXIM_GREETING = "2024-05-02 10:11:12 SERVER -> CLIENT: 220-server123.webhost-"
            + "example.net ESMTP Exim 4.96.2 #2 Thu, 02 May 2024 10:11:12 +0000 220-We do not authorize the use of this"
            + " system to transport unsolicited, 220 and/or bulk e-mail.\n";

    private static boolean offers(Diagnosis d, Setting setting) {
        return d.alternatives().stream().anyMatch(a -> a.setting() == setting);
    }

    // ---- a web host's own server answers for a large provider ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp.gmail.com      | 587 | SMTP ERROR: Password command failed: 535 Incorrect authentication data",
        "smtp.mail.yahoo.com | 465 | SMTP Error: Could not authenticate.",
        "smtp.zoho.eu        | 465 | smtplib.SMTPAuthenticationError: (535, b'Incorrect authentication data')",
        "smtp.office365.com  | 587 | SMTP ERROR: Password command failed: 535 Incorrect authentication data",
    })
    void aHostersEximGreetingAtALargeProviderIsTheHostRedirectingMailNotThePassword(String host, int port,
            String failure) {
        Diagnosis d = explainAt(HOSTER_EXIM_GREETING + failure, host, port);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
    }

    @Test
    void theProvidersOwnGreetingIsNoOtherServer() {
        String[][] cases = {
            {"smtp.zoho.com", "SERVER -> CLIENT: 220 mx.zohomail.com SMTP Server ready May 2, 2024 10:11:12 AM PDT\n"
                + "SMTP ERROR: Password command failed: 535 Authentication Failed"},
            {"smtp.gmail.com", "SERVER -> CLIENT: 220 smtp.gmail.com ESMTP a1sm123456wmb.1 - gsmtp\n"
                + "SMTP ERROR: Password command failed: 535-5.7.8 Username and Password not accepted"},
        };
        for (String[] c : cases) {
            Diagnosis d = explainAt(c[1], c[0], 465);
            assertNotEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
            assertTrue(!d.ruleId().startsWith("explain.network."), d.ruleId());
        }
    }

    /**
     * Providers whose servers greet under another domain than their addresses: iCloud's sending servers are named
     * under apple.com, Outlook.com's under Microsoft 365's office365.com, AOL's under Yahoo's, IONOS's under 1&amp;1's
     * kundenserver.de. Their own greeting before a failure is no other server answering.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp.mail.me.com|220 p00-icloudmta-asmtp-us-west-2a-60-percent-4.p00-icloudmta-asmtp-vip.icloud-mail-production"
                + ".svc.kube.us-west-2a.k8s.cloud.apple.com ESMTP",
        "smtp-mail.outlook.com|220 MW4PR03CA0101.outlook.office365.com Microsoft ESMTP MAIL Service ready",
        "smtp.aol.com|220 smtp.mail.yahoo.com ESMTP ready",
        "smtp.ionos.com|220 kundenserver.de (mreue106) Nemesis ESMTP Service ready",
    })
    void aProvidersGreetingUnderItsCompanysOtherDomainIsNoOtherServer(String host, String greeting) {
        Diagnosis d = explainAt("SERVER -> CLIENT: " + greeting + "\nSMTP Error: Could not connect to SMTP host.", host,
                587);
        assertTrue(!d.ruleId().startsWith("explain.network."), d.ruleId());
    }

    @Test
    void anotherOrganisationsGreetingAtAProvidersServerIsStillRead() {
        Diagnosis d = explainAt("SERVER -> CLIENT: 220 relay.isp-intercept.example ESMTP\nSMTP Error: Could not connect to"
                + " SMTP host.", "smtp.mail.me.com", 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    @Test
    void aHostersEximGreetingAtTheHostersOwnServerIsItsOwnSignIn() {
        Diagnosis d = explainAt(HOSTER_EXIM_GREETING + "SMTP ERROR: Password command failed: 535 Incorrect"
                + " authentication data", "server123.webhost-example.net", 465);
        assertNotEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    // ---- the server name holds a web address or more than a name ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dial tcp: address https://smtp.office365.com:587: too many colons in address",
        "failed to send email: dial tcp: address smtp://smtp.example.com:587:587: too many colons in address",
        "dial tcp: address smtp.sendgrid.net: missing port in address",
        "System.UriFormatException: Invalid URI: The hostname could not be parsed.",
    })
    void aServerNameWrittenAsAnAddressPointsAtTheServerName(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    // ---- a named certificate-name failure outranks an app's words about accounts ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Could not send the account activation email: ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED]"
            + " certificate verify failed: Hostname mismatch, certificate is not valid for 'mail.example.org'.",
        "Account activation email could not be sent: javax.net.ssl.SSLHandshakeException: No subject alternative DNS"
            + " name matching mail.example.org found.",
        "mailer: subject: Verify your account: x509: certificate is valid for *.hoster.example, not mail.example.org",
    })
    void aCertificateNameFailureBesideAccountWordsIsTheServerName(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp.office365.com | x509: certificate is valid for *.secureserver.net, secureserver.net, not smtp.office365.com",
        "smtp.gmail.com     | Hostname/IP does not match certificate's altnames: Host: smtp.gmail.com. is not in the"
            + " cert's altnames: DNS:*.hostgator.com, DNS:hostgator.com",
        "smtp.zoho.com      | javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching"
            + " smtp.zoho.com found.",
    })
    void aCertificateForAnotherNameAtALargeProvidersServerIsAnotherServerAnswering(String host, String text) {
        Diagnosis d = explainAt(text, host, 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertTrue(offers(d, Setting.SERVER_HOST));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sendEmail subject: Verify your account Error: connect ECONNREFUSED 203.0.113.5:587     | CONTACT_PROVIDER",
        "sendEmail subject: Activate your account Error: getaddrinfo ENOTFOUND smtp.example.com | CONTACT_PROVIDER",
        "Failed to send 'Verify your account' email: Error: Greeting never received               | CONTACT_PROVIDER",
    })
    void accountWordsBesideAFailureToConnectAreTheProgramsOwn(String text, Setting notThis) {
        Diagnosis d = Pasted.explain(text);
        assertNotEquals(notThis, d.setting(), d.ruleId());
        assertTrue(!d.ruleId().startsWith("explain.account."), d.ruleId());
    }

    // ---- .NET's SmtpClient and encryption it cannot do ----

    @Test
    void dotnetsProtocolViolationIsTheConnectionSecurity() {
        Diagnosis d = Pasted.explain("Send-MailMessage : The server committed a protocol violation. The server"
                + " response was:");
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertTrue(offers(d, Setting.PORT));
        assertEquals(Confidence.LOW, d.confidence());
    }

    @Test
    void dotnetsSyntaxErrorOnPort465IsThePortItCannotUse() {
        Diagnosis d = explainAt("System.Net.Mail.SmtpException: Syntax error, command unrecognized. The server"
                + " response was: ", "smtp.office365.com", 465);
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.port(587)), d.suggestedValue());
    }

    @Test
    void dotnetsEmptyServerResponseOnTheStartTlsPortIsTheConnectionSecurity() {
        Diagnosis d = explainAt("SmtpException: Bad sequence of commands. The server response was:\n"
                + "   at System.Net.Mail.SmtpConnection.ConnectAndHandshakeAsyncResult.End(IAsyncResult result)",
                "smtp.example.net", 587);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), d.suggestedValue());
    }

    @Test
    void dotnetsSyntaxErrorWithTheServersOwnWordsIsNoEncryptionMismatch() {
        Diagnosis d = Pasted.explain("System.Net.Mail.SmtpException: Syntax error, command unrecognized. The server"
                + " response was: 5.5.1 Unrecognized command 'XEXCH50'");
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    // ---- Jakarta Mail reading no reply ----

    @Test
    void jakartasExceptionReadingResponseAloneIsTheConnectionSecurity() {
        Diagnosis d = Pasted.explain("jakarta.mail.MessagingException: Exception reading response");
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertTrue(offers(d, Setting.PORT));
    }

    @Test
    void aNestedExceptionStillNamesItsOwnFailure() {
        assertEquals(Optional.of(FailureKind.CONNECTION_RESET), ReplyParser.parse("javax.mail.MessagingException:"
                + " Exception reading response; nested exception is: java.net.SocketException: Connection reset")
                .failureKind());
        assertEquals(Optional.of(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED), ReplyParser.parse("javax.mail"
                + ".MessagingException: Exception reading response; nested exception is: javax.net.ssl.SSLException:"
                + " Unrecognized SSL message, plaintext connection?").failureKind());
    }

    // ---- no usable sign-in method ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp.gmail.com     | Error: no form of authorisation supported",
        "smtp.office365.com | smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.",
    })
    void noSignInOfferedAtALargeProviderIsSignInOnlyAfterStartTls(String host, String text) {
        Diagnosis d = explainAt(text, host, null);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), d.suggestedValue());
    }

    @Test
    void genSmtpsMissingSignInAtALargeProviderIsSignInOnlyAfterStartTls() {
        Diagnosis d = explainAt("{:error, {:missing_requirement, 'smtp.gmail.com', :auth}}", "smtp.gmail.com", 25);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    @Test
    void mailSosBadMethodIsTheSignInMethodOrTheEncryptionNeverThePassword() {
        Diagnosis d = Pasted.explain("SMTP[NOTICE]: exception 'MailSo\\Smtp\\Exceptions\\LoginBadMethodException'"
                + " with message 'MailSo-Smtp-Exceptions-LoginBadMethodException'");
        assertTrue(Set.of(Setting.AUTH_METHOD, Setting.SECURITY).contains(d.setting()), d.ruleId());
        assertTrue(offers(d, Setting.SECURITY) || d.setting() == Setting.SECURITY);
    }

    @Test
    void sendmailsUnfulfilledMechanismsAreTheSignInMethod() {
        Diagnosis d = explainAt("AUTH=client, available mechanisms do not fulfil requirements\nAUTH=client,"
                + " relay=smtp.example.net., temporary failure, connection abort", "smtp.example.net", null);
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
    }

    // ---- libraries' own shapes of a failure kind ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Error: invalidGreeting(code: -1, greeting: \"\") | NO_GREETING",
        "{error,retries_exceeded,{network_failure,\"smtp.example.com\",{error,closed}}} | CONNECTION_CLOSED",
        "Failed to send: {:network_failure, 'smtp.example.com', {:error, :closed}} | CONNECTION_CLOSED",
        "thread 'main' panicked: Error: deadline has elapsed | READ_TIMEOUT",
        "SmtpNoGreetingException: No greeting from server | NO_GREETING",
        "** (exit) {:error, :nxdomain} | UNKNOWN_HOST",
        "{:error, {:missing_requirement, 'smtp.example.com', :auth}} | AUTH_NOT_OFFERED",
        "There was an unexpected problem communicating with SMTP: Could not open SMTP Port. | CONNECT_TIMEOUT",
        "Connecting To smtp.example.com...Could not open connection to the host, on port 25: Connect failed"
            + " | CONNECT_TIMEOUT",
    })
    void librariesOwnShapesNameTheirFailureKind(String text, FailureKind kind) {
        assertEquals(Optional.of(kind), ReplyParser.parse(text).failureKind());
        assertNotEquals(Verdict.NOT_RECOGNISED, Pasted.explain(text).verdict());
    }

    @Test
    void aDeadlineOnPort465IsTheEncryptionFromTheStart() {
        Diagnosis d = explainAt("Failed to send test email: Internal Server Error\nError: deadline has elapsed",
                "smtp.example.net", 465);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.security(Security.SSL_TLS)), d.suggestedValue());
    }

    // ---- "authentication was refused" ----

    @Test
    void signInRefusedAtMicrosoft365IsTheSmtpAuthSwitch() {
        Diagnosis d = explainAt("SMTP authentication was refused by the mail server", "smtp.office365.com", 587);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), d.ruleId());
        assertTrue(offers(d, Setting.PASSWORD));
    }

    @Test
    void signInRefusedElsewhereIsACredentialReading() {
        Diagnosis d = explainAt("Error: SMTP authentication has been refused.", "mail.example.net", 587);
        assertTrue(Set.of(Setting.PASSWORD, Setting.APP_PASSWORD, Setting.USERNAME).contains(d.setting()),
                d.ruleId());
    }

    // ---- a public service's certificate judged by the device ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp.gmail.com   | javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert"
            + ".CertPathValidatorException: validity check failed; caused by CertificateExpiredException: NotAfter",
        "smtp.sendgrid.net | ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify"
            + " failed: certificate has expired (_ssl.c:1131)",
        "smtp.postmarkapp.com | MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an"
            + " SSL or TLS connection. The remote certificate is invalid according to the validation procedure.",
        "email-smtp.eu-west-1.amazonaws.com | Error: certificate is not yet valid",
    })
    void aPublicServicesCertificateJudgedBadIsTheDeviceOrItsNetwork(String host, String text) {
        Diagnosis d = explainAt(text, host, 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
        assertTrue(offers(d, Setting.CONTACT_PROVIDER));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail.example.org                     | certificate has expired",
        "ec2-3-4-5-6.compute-1.amazonaws.com | The remote certificate is invalid according to the validation procedure.",
    })
    void anyoneElsesCertificateIsNotTakenForAPublicOne(String host, String text) {
        Diagnosis d = explainAt(text, host, 587);
        assertTrue(!d.ruleId().startsWith("explain.cert.public_server"), d.ruleId());
    }

    @Test
    void aStackFramesSourceFileIsNoServerName() {
        assertEquals(Optional.empty(), ReplyParser.parse("HandshakeException: Handshake error in client (OS Error:"
                + " CERTIFICATE_VERIFY_FAILED: certificate has expired(handshake.cc:393))").host());
    }

    // ---- a connection error numbered 0 ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp.gmail.com     | 465 | SMTP ERROR: Failed to connect to server:  (0)                               | SSL/TLS",
        "smtp.office365.com | 587 | Failed to connect socket: stream_socket_client(): unable to connect to"
            + " tls://smtp.office365.com:587 (Unknown error)                                                          | STARTTLS",
        "smtp.gmail.com     | 587 | Connection could not be established with host smtp.gmail.com [ #0]        | STARTTLS",
    })
    void noNetworkErrorAtADocumentedServerAndPortIsTheConnectionSecurity(String host, int port, String text,
            String security) {
        Diagnosis d = explainAt(text, host, port);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals(security, d.suggestedValue().map(SettingValue::neutral).orElse(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''             | Connection could not be established with host host.com [ #0]",
        "smtp.gmail.com | Connection could not be established with host smtp.gmail.com [Connection timed out #110]",
    })
    void anUnknownServerOrARealNetworkErrorStaysTheNetwork(String host, String text) {
        Diagnosis d = explainAt(text, host.isEmpty() ? null : host, host.isEmpty() ? null : 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }
}
