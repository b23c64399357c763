package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Connection, network and provider-side families of pasted errors (round 4 of the train split), each proven with
 * wordings of other servers, libraries and clients than the records the rules were written from, and the confidence
 * each answer may claim: a reading the text does not prove says so.
 */
class ConnectionAndProviderSideFamiliesTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    private static Diagnosis explainOnPort(String pasted, int port) {
        return DIAGNOSER.explain(pasted, ExplainContext.none().withPort(port));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "gomail: could not send email 1: STARTTLS extension not found",
        "Error: STARTTLS is not advertised by mail.example.org",
        "mail.example.org: server doesn't support STARTTLS",
    })
    void aServerWithoutStartTlsInAnyWordingPointsAtConnectionSecurity(String pasted) {
        assertEquals(Setting.SECURITY, explain(pasted).setting(), pasted);
    }

    @Test
    void startTlsMissingOnPort25SuggestsTheSubmissionPortWithoutClaimingCertainty() {
        Diagnosis d = explainOnPort("smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server", 25);
        // with no known provider's server named, a relay inside one's own network (encryption off) is the likelier
        // reading (round 25); a provider's port 25 reads the same, so the submission port comes next, at low confidence
        assertEquals(Setting.SECURITY, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals(Setting.PORT, d.alternatives().get(0).setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "TLS handshake with smtp.example.org:465 failed: SSL_ERROR_SSL",
        "Sending failed: SSL_ERROR_RX_RECORD_TOO_LONG",
    })
    void sslErrorCodesAsLibrariesPrintThemPointAtConnectionSecurity(String pasted) {
        assertEquals(Setting.SECURITY, explain(pasted).setting(), pasted);
    }

    @Test
    void anOutlookHostNotFoundCodeTypedWithTheLetterOIsStillTheServerName() {
        Diagnosis d = explain("Tâche 'mail.example.org - Envoi' a signalé une erreur (0x800CCCOD)");
        assertEquals(Setting.SERVER_HOST, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Send rate exceeded for user alice@example.org, retry later",
        "Error: your account has been throttled, please slow down",
        "421 Sender is being throttled",
    })
    void sendingRateAndThrottlingWordingsMeanWaiting(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Sending domain example.org is paused",
        "Error: your domain has been paused by our compliance team",
    })
    void aPausedDomainOrAccountIsTheProvidersToLift(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Account expired due to inactivity",
        "-ERR mailbox has expired, contact support",
    })
    void theUsersOwnExpiredAccountIsTheProvidersToReopen(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @Test
    void anExpiredMailboxRefusedAtTheRecipientStepIsTheRecipients() {
        Diagnosis d = explain("<bob@example.net>: host mx.example.net[192.0.2.1] said: 550 5.2.1 <bob@example.net>:"
                + " account expired due to inactivity (in reply to RCPT TO command)");
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Delivery not authorized, message blocked by your organization's policy",
        "Your message to bob@example.net was blocked by the organisation's allow and block list",
    })
    void aBlockSetByTheSendersOwnOrganisationIsItsAdminsToChange(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Mail from dynamic IP 198.51.100.7 refused: use your provider's SMTP server",
        "554 Residential IP addresses may not deliver here. Please use a smarthost",
        "421 4.7.0 198.51.100.7 may not send directly to our servers, use the SMTP relay at your ISP",
    })
    void deliveringStraightFromAHomeConnectionMeansSendingThroughTheProvidersServer(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SERVER_HOST, d.setting(), pasted);
        // when the mail already went through the provider, its server is the one refused
        assertEquals(Setting.CONTACT_PROVIDER, d.alternatives().get(0).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: could not reach the SMTP server. Check server name or port.",
        "Connection failed (wrong server or port?)",
    })
    void aWrapperThatNamesServerOrPortGetsBothWithLowConfidence(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SERVER_HOST, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertEquals(Setting.PORT, d.alternatives().get(0).setting(), pasted);
    }

    @Test
    void javasOwnTcpConnectTimeoutIsTheNetworkNotTheConnectionSecurity() {
        Diagnosis d = explainOnPort("com.sun.mail.util.MailConnectException: Couldn't connect to host, port:"
                + " smtp.example.org, 465; timeout 30000; nested exception is: java.net.SocketTimeoutException:"
                + " connect timed out", 465);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
    }

    @Test
    void noRouteToTheHostIsNetworkAtMediumConfidenceAndAnUnreachableNetworkStaysHigh() {
        Diagnosis host = explain("Error: connect EHOSTUNREACH 192.0.2.10:587");
        assertEquals(Setting.NETWORK_OR_FIREWALL, host.setting());
        // the address may also be a wrong or retired server: the text does not prove the network
        assertEquals(Confidence.MEDIUM, host.confidence());
        Diagnosis network = explain("OSError: [Errno 101] Network is unreachable");
        assertEquals(Setting.NETWORK_OR_FIREWALL, network.setting());
        assertEquals(Confidence.HIGH, network.confidence());
    }

    @Test
    void aNextServersPolicyRefusalQuotedInABounceIsNotASignInProblem() {
        Diagnosis d = explain("<bob@example.net>: host mx.example.net[192.0.2.1] said: 550 5.7.1 Unable to"
                + " accept mail from this system at this time (in reply to RCPT TO command)");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.1.0 AbCdEf0123456789xyzQrs policy violation",
        "550 5.1.0 Naruszenie zasad Zx09Yw18Vu27Ts36Rq45, zobacz pomoc",
    })
    void anOpaquePolicyViolationIsASendingLimitSaidWithLowConfidence(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.alternatives().get(0).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 mx.example.net: no PTR record found for 198.51.100.7",
        "421 mx.example.net Bad DNS PTR resource record, closing connection",
    })
    void missingReverseDnsInOtherWordingsIsTheSendingConnections(String pasted) {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain(pasted).setting(), pasted);
    }

    @Test
    void aBlockedIpAddressIsTheConnectionsEvenWithoutACode() {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("Mailer error: IP address is blocked (198.51.100.7)")
                .setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Your IP 198.51.100.7 has a poor score here. Contact your postmaster.",
        "554 Message refused; please ask your mail administrator to contact abuse@example.net",
    })
    void aReplyThatSendsTheUserToTheirPostmasterIsTheProviders(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @Test
    void aBlockListEntryQuotedInAnExchangeReportIsTheSendingOrganisationsGateway() {
        Diagnosis d = explain("Delivery has failed to these recipients or groups: bob@example.net"
                + " Diagnostic information for administrators: Generating server: EX01.contoso.local"
                + " bob@example.net Remote Server returned '550 5.7.1 Service unavailable; Client host [203.0.113.5]"
                + " blocked using b.barracudacentral.org'");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
    }

    @Test
    void dotNetStackFramesNameTheStep() {
        String greeting = "System.IO.IOException: Unable to read data from the transport connection:"
                + " net_io_connectionclosed.\n   at System.Net.Mail.SmtpReplyReaderFactory.ReadLine(SmtpReplyReader"
                + " caller)\n   at System.Net.Mail.SmtpConnection.GetConnection(String host, Int32 port)";
        assertEquals(Optional.of(Phase.GREETING), ReplyParser.parse(greeting).phase());
        // .NET's SmtpClient cannot start with SSL/TLS: closed while waiting for the greeting is the port's security
        assertEquals(Setting.SECURITY, explain(greeting).setting());
        String recipient = "System.Net.Mail.SmtpException: Failure sending mail.\n   at"
                + " System.Net.Mail.RecipientCommand.Send(SmtpConnection conn, String from, String& response)";
        assertEquals(Optional.of(Phase.RCPT_TO), ReplyParser.parse(recipient).phase());
    }

    @Test
    void aDroppedDotNetConnectionOnPort25IsTheNetworksNotAnSslMismatch() {
        Diagnosis d = explainOnPort("Unable to write data to the transport connection: net_io_connectionclosed.", 25);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        Diagnosis submission = explainOnPort("Unable to read data from the transport connection:"
                + " net_io_connectionclosed.", 587);
        assertEquals(Setting.SECURITY, submission.setting());
    }

    @Test
    void aSenderDomainCodeAloneIsNoLongerClaimedWithHighConfidence() {
        Diagnosis d = explain("451 Temporary problem (#4.1.8)");
        assertEquals(Setting.SENDER_ADDRESS, d.setting());
        assertTrue(d.confidence() != Confidence.HIGH, d.confidence().toString());
    }

    @Test
    void aGreetingFromAnotherCompanysServerOnAProvidersAddressIsInterception() {
        String transcript = "2024-01-02 10:00:00 SERVER -> CLIENT: 220-box123.hostgator.com ESMTP Exim 4.96 #2\n"
                + "2024-01-02 10:00:00 CLIENT -> SERVER: EHLO example.org\n"
                + "2024-01-02 10:00:01 SERVER -> CLIENT: 250-box123.hostgator.com Hello example.org\n"
                + "2024-01-02 10:00:01 SMTP ERROR: Password command failed: 535 Incorrect authentication data";
        Diagnosis d = DIAGNOSER.explain(transcript, ExplainContext.none().withHost("smtp.gmail.com"));
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        Diagnosis own = DIAGNOSER.explain("[<-] 220 mx.google.com ESMTP ready [->] EHLO example.org [<-] 250 AUTH"
                + " LOGIN PLAIN [->] AUTH LOGIN [<-] 535 5.7.8 Username and Password not accepted",
                ExplainContext.none().withHost("smtp.gmail.com"));
        assertTrue(own.setting() != Setting.NETWORK_OR_FIREWALL, own.setting().toString());
    }

    @Test
    void aTranscriptOfEmptyServerRepliesIsSomethingInTheWayNotTheSignIn() {
        Diagnosis d = explain("SERVER -> CLIENT: \nCLIENT -> SERVER: EHLO example.org\nSERVER -> CLIENT: \n"
                + "SMTP ERROR: EHLO command failed: \nSMTP Error: Could not authenticate.\nSMTP connect() failed.");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertEquals(Confidence.MEDIUM, d.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javax.mail.MessagingException: Could not connect to SMTP host: mail.example.org, port: 588",
        "Failed to connect to mail.example.org port 5877: Connection refused",
        "dial tcp: connection refused (port 52)",
    })
    void aPortOneKeystrokeFromAMailPortIsAMistypedPort(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PORT, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        assertTrue(d.suggestedValue().isPresent(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Could not connect to SMTP host: relay.example.org, port: 2525; Connection refused",
        "Could not connect to SMTP host: 127.0.0.1, port: 9465; Connection refused",
        "Error: Connection timeout at SMTPConnection._onError (/app/node_modules/nodemailer/lib/index.js:787:19)",
    })
    void alternativeMailPortsAndLineNumbersAreNotTakenForTypos(String pasted) {
        assertTrue(!"explain.port.typo".equals(explain(pasted).ruleId()), pasted);
    }

    @Test
    void curlsCouldNotConnectCodeIsAConnectTimeoutNotAMissingGreetingOnPort465() {
        Diagnosis d = explain("curl: (7) Failed to connect to smtp.example.org port 465 after 21045 ms: Timed out");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
    }

    @Test
    void aTlsSessionClosedByTheServerPointsAtConnectionSecurity() {
        Diagnosis d = explain("ssl.SSLZeroReturnError: TLS/SSL connection has been closed (EOF) (_ssl.c:1149)");
        assertEquals(Setting.SECURITY, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Outgoing mail stopped: account frozen after spam complaints",
        "554 Sending refused: this account has been temporarily disabled due to suspicious activity",
    })
    void aFrozenOrTemporarilyDisabledAccountIsTheProvidersToLift(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "System.Net.Sockets.SocketException (10060): Ein Verbindungsversuch ist fehlgeschlagen, da die Gegenstelle"
                + " nach einer bestimmten Zeitspanne nicht richtig reagiert hat",
        "SocketException: Une tentative de connexion a échoué car le parti connecté n'a pas répondu convenablement"
                + " au-delà d'une certaine durée",
        "E-Mail konnte nicht gesendet werden: Zeitüberschreitung bei der Verbindung",
    })
    void translatedWindowsConnectTimeoutsAreTheNetwork(String pasted) {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung verweigerte 192.0.2.7:587",
        "Aucune connexion n'a pu être établie car l'ordinateur cible l'a expressément refusée 192.0.2.4:587",
        "No se puede establecer una conexión ya que el equipo de destino denegó expresamente dicha conexión",
    })
    void translatedWindowsRefusalsAreAPortWithoutService(String pasted) {
        assertEquals(Setting.PORT, explain(pasted).setting(), pasted);
    }

    @Test
    void appleMailsSslOnTheDefaultPortsWordingIsConnectionSecurity() {
        Diagnosis d = explain("Mail was unable to connect to server \"mail.example.net\" using SSL on the default"
                + " ports. Verify that this server supports SSL and that your account settings are correct.");
        assertEquals(Setting.SECURITY, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error: Socket closed unexpectedly", "SMTP session ended: unexpected close of connection"})
    void aConnectionClosedInOtherWordsIsRecognised(String pasted) {
        // closed with nothing said and no step named: the server hung up before its first reply (security, low)
        assertEquals(Setting.SECURITY, explain(pasted).setting(), pasted);
    }

    @Test
    void outlookComsIpRefusalIsTheProvidersToClear() {
        Diagnosis d = explain("550 SC-004 Unfortunately, messages from 192.0.2.9 weren't sent. Please contact your"
                + " Internet service provider.");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Something went wrong. We couldn't connect to smtp.example.org. Check your server settings.",
        "Error: unable to connect to mail.example.net:587",
    })
    void aGenericFailureToConnectIsRecognisedAsAConnectionProblem(String pasted) {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain(pasted).setting(), pasted);
    }

    @Test
    void aServerThatClosedTheConnectionIsRecognised() {
        assertEquals(Setting.SECURITY, explain("Sending failed: the server closed the connection (error 6)")
                .setting());
    }

    @Test
    void asyncioSmtpWordingsOfConnectTimeoutsAndDoubleTlsAreRead() {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("aiosmtplib.errors.SMTPConnectTimeoutError: Timed out"
                + " connecting to mail.example.net on port 587").setting());
        assertEquals(Setting.SECURITY, explain("aiosmtplib.errors.SMTPException: Connection already using TLS")
                .setting());
    }

    @Test
    void aBarePythonClosedConnectionIsSaidWithLowConfidenceAndPointsAtSecurityNext() {
        Diagnosis d = explain("smtplib.SMTPServerDisconnected: Connection unexpectedly closed");
        // the same words follow an SSL/port mismatch at most servers and a refused password at some providers
        assertEquals(Setting.SECURITY, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals(Setting.PORT, d.alternatives().get(0).setting());
        assertEquals(Setting.APP_PASSWORD, d.alternatives().get(1).setting());
        Diagnosis onSslPort = explainOnPort("smtplib.SMTPServerDisconnected: Connection unexpectedly closed", 465);
        assertEquals(Setting.SECURITY, onSslPort.setting());
        assertEquals(Confidence.HIGH, onSslPort.confidence());
    }

    @Test
    void exchangeOnlinesRelayRefusalWithItsRoutingCodeIsTheRecipientDomainsNotTheSignIn() {
        Diagnosis d = explain("550 5.4.1 Relay Access Denied AS(201806281) [DB5PEPF00014B8F.eurprd02.prod.outlook.com]");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
        assertEquals(Confidence.MEDIUM, d.confidence());
        // the plain relay refusal of a submission server still asks for sign-in
        assertEquals(Setting.AUTH_METHOD, explain("554 5.7.1 <bob@example.net>: Relay access denied").setting());
    }

    @Test
    void aRecipientThatOnlyAcceptsCertainSendersIsTheRecipientSidesRule() {
        Diagnosis d = explain("554 5.7.1 Delivery failed: the recipient is only accepting mail from approved senders");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
    }
}
