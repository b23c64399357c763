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
 * Connection, computer-name, hosting, encryption-mode, quota and provider-side families read from round 6 of the
 * train split, each proven with wordings of other servers, libraries and clients than the records the rules were
 * written from, and with the confidence and alternatives each answer may claim.
 */
class ComputerNameHostingAndTlsModeFamiliesTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    /** RFC 5321 4.1.1.1: the HELO/EHLO argument is the client's own name; a server refusing it refuses that name. */
    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Rejected: HELO name 'DESKTOP_7Q2' is not a valid hostname",
        "501 5.5.2 Invalid EHLO argument: my laptop",
        "Error: 550 Bad HELO - Host impersonation",
        "SMTPHeloError: (501, b'5.0.0 Invalid domain name in HELO argument')",
        "421 4.7.0 Your EHLO hostname does not resolve, closing connection",
        "554 5.7.1 <localhost>: Helo command rejected: Access denied",
    })
    void aRefusedComputerNameInAnyServersWordingIsTheComputersName(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        // servers check the name of senders who have not signed in (cPanel's Exim, ra38-0018): sign-in first, then
        // the port for mail programs
        assertEquals(Setting.AUTH_METHOD, d.alternatives().get(0).setting(), pasted);
        assertTrue(offers(d, Setting.PORT), pasted);
    }

    @Test
    void aServerAskingForTheGreetingFirstIsNotAboutTheComputersName() {
        Diagnosis d = explain("503 5.5.1 Error: send HELO/EHLO first");
        assertNotEquals(Setting.PORT, d.setting());
        assertNotEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
    }

    /** PHP programs run on web hosts, and many web hosts refuse connections to other companies' mail servers. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP -> ERROR: Failed to connect to server: Connection refused (111)",
        "Warning: stream_socket_client(): unable to connect to tls://smtp.example.org:587 (Connection refused)",
        "Connection could not be established with host \"smtp.example.org:465\": stream_socket_client():"
                + " Unable to connect to ssl://smtp.example.org:465 (Connection refused)",
    })
    void aRefusedConnectionFromAPhpProgramPointsAtTheWebHostsNetwork(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        assertTrue(offers(d, Setting.PORT), pasted);
    }

    @Test
    void aRefusedConnectionFromAnotherLibraryStillSuggestsAnotherPort() {
        assertEquals(Setting.PORT, explain("Error: connect ECONNREFUSED 192.0.2.10:587").setting());
    }

    /** A quota on sending (not on the recipient's mailbox) clears with time, in English or the provider's language. */
    @ParameterizedTest
    @ValueSource(strings = {
        "451 4.7.1 Outbound quota exceeded for user alice@example.org",
        "550 5.7.1 Send quota exceeded, try again tomorrow",
        "Fehler 550: Versandkontingent überschritten",
        "554 Limite d'envoi atteinte pour aujourd'hui",
        "Errore 550: quota di invio superata",
    })
    void aSendingQuotaInAnyWordingMeansWaiting(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @Test
    void aRecipientsFullMailboxIsStillTheRecipients() {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain("552 5.2.2 <bob@example.org>: user is over quota").setting());
    }

    /** Bytes that are not what the client's encryption setting expects: the security does not suit the port. */
    @ParameterizedTest
    @ValueSource(strings = {
        "curl: (8) Weird server reply",
        "Error: connection error: received corrupt message of type InvalidContentType",
        "Outlook: An encrypted connection to your mail server is not available. (0x80004005)",
        "smtp: the server sent empty reply",
    })
    void anEncryptionModeMismatchInLibraryWordingsPointsAtConnectionSecurity(String pasted) {
        assertEquals(Setting.SECURITY, explain(pasted).setting(), pasted);
    }

    @Test
    void rubysCertificateNameWordingIsACertificateNameProblem() {
        Diagnosis d = explain("Net::SMTP error: hostname was not match with the server certificate");
        assertEquals(Setting.SERVER_HOST, d.setting());
    }

    @Test
    void aServerHangingUpAfterTheGreetingIsNotSureAndNamesEncryptionNext() {
        Diagnosis d = explain("Swift_TransportException: Expected response code 250 but got an empty response");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals(Setting.SECURITY, d.alternatives().get(0).setting());
    }

    @Test
    void outlooksServerTerminatedWordingNamesOutdatedEncryptionAsTheNextReading() {
        Diagnosis d = explain("Your server has unexpectedly terminated the connection. Possible causes for this"
                + " include server problems, network problems, or a long period of inactivity.");
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(offers(d, Setting.SECURITY));
    }

    @Test
    void anUntrustedCertificateNamesTheServersOperatorAsTheNextReading() {
        Diagnosis d = explain("SSL_connect returned=1 errno=0 state=error: certificate verify failed");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertTrue(offers(d, Setting.CONTACT_PROVIDER));
    }

    /** Postfix's delivery log "connect to host[address]:25: ..." is a server delivering itself: port 25 is blocked. */
    @ParameterizedTest
    @ValueSource(strings = {
        "status=deferred (connect to mail.example.net[192.0.2.7]:25: Connection timed out)",
        "Status: 4.4.1\nDiagnostic-Code: X-Postfix; connect to in1.example.net[192.0.2.8]:25: Operation timed out",
        "bob@example.com (connect to example-com.mail.protection.outlook.com[192.0.2.9]:25: Connection refused)",
    })
    void directDeliveryThatCannotReachPort25IsTheNetwork(String pasted) {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "421 4.7.0 Sending has been suspended for this account",
        "550 5.7.1 Outgoing mail is suspended for alice@example.org",
        "554 5.2.0 Mailbox alice@example.org is not licensed to send mail",
        "550 Sender blocked: no license assigned to this mailbox",
    })
    void aSuspendedOrUnlicensedSenderIsTheProvidersToLift(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @Test
    void aSignInRefusedBetweenTwoServersInADeliveryReportIsNotYourPassword() {
        Diagnosis d = explain("I'm sorry to have to inform you that your message could not be delivered to one or"
                + " more recipients.\n<bob@example.net>: host relay.example.net[192.0.2.1] said: 535 5.7.8 Error:"
                + " authentication failed (in reply to AUTH command)");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
        assertEquals(Confidence.MEDIUM, d.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.3.0 Internal server error, message not accepted",
        "Server replied: Internal error (in reply to MAIL FROM command)",
    })
    void aServersInternalErrorIsItsOwnFaultAtLowConfidence(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.WAIT_AND_RETRY), pasted);
    }

    /** A name only an organisation's own network reaches: a timeout means this computer is outside that network. */
    @ParameterizedTest
    @ValueSource(strings = {
        "com.sun.mail.util.MailConnectException: Couldn't connect to host, port: mailhub.corp.example.com, 25;"
                + " timeout -1; nested exception is: java.net.ConnectException: Connection timed out",
        "smtplib: [Errno 110] Connection timed out while connecting to relay.example.internal:25",
        "Error: connect ETIMEDOUT exchange01:25",
    })
    void aTimeoutToAnInternalServerNameIsTheNetworkTheProgramRunsIn(String pasted) {
        Diagnosis d = DIAGNOSER.explain(pasted, ExplainContext.none().withPort(25));
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        assertEquals(Setting.SERVER_HOST, d.alternatives().get(0).setting(), pasted);
    }

    @Test
    void internalNamesAreTellableFromPublicOnes() {
        assertTrue(EvidenceFunctions.looksInternal("smtp02.intra.example.fr"));
        assertTrue(EvidenceFunctions.looksInternal("relay-int.example.org"));
        assertTrue(EvidenceFunctions.looksInternal("mailhost"));
        assertTrue(EvidenceFunctions.looksInternal("mx.office.lan"));
        assertTrue(!EvidenceFunctions.looksInternal("smtp.gmail.com"));
        assertTrue(!EvidenceFunctions.looksInternal("smtp.internode.on.net"));
        assertTrue(!EvidenceFunctions.looksInternal("192.0.2.10"));
        assertTrue(!EvidenceFunctions.looksInternal("localhost"));
    }

    @Test
    void aFailureRightAfterTheServerAgreedToStartTlsIsTheEncryptionNotTheServerName() {
        Diagnosis d = DIAGNOSER.explain("<- 220 mail.example.org ESMTP\n-> EHLO laptop\n<- 250-STARTTLS\n-> STARTTLS\n"
                + "<- 220 2.0.0 Ready to start TLS\nmsmtp: cannot connect to mail.example.org, port 587: Connection"
                + " reset by peer", ExplainContext.none());
        assertEquals(Setting.SECURITY, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
    }

    @Test
    void aGreetingSentWithoutAConnectionMeansTheConnectionFailedFirst() {
        Diagnosis d = explain("Mailer Error: SMTP Error: Called EHLO without being connected");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertTrue(offers(d, Setting.PORT));
    }

    /** Yahoo's VS*-IP codes judge the sending server's address: its operator, not the mail program, has to act. */
    @ParameterizedTest
    @ValueSource(strings = {
        "451 Message temporarily deferred - [VS3-IP5]",
        "553 5.7.1 VS99-IP3 Mail from this server is deferred",
    })
    void yahoosSendingAddressCodesAreTheSendingServersOperators(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    /** A refusal in the greeting says this client may not use that server, not which of network or server to fix. */
    @Test
    void aPastedRefusalAtTheGreetingIsTheNetworkWithoutClaimingCertainty() {
        Diagnosis d = explain("javax.mail.MessagingException: Could not connect to SMTP host: mail.example.org,"
                + " port: 25, response: 554");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertTrue(offers(d, Setting.SERVER_HOST));
    }

    /** Wrappers that drop the reply code still say the server was busy: waiting, not a setting. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Sending failed: the server responded: Too many concurrent SMTP connections from this IP address",
        "Mail server is busy, please try again later",
        "SMTP error: connection limit exceeded for 192.0.2.4",
    })
    void aBusyServerWithoutAReplyCodeMeansWaiting(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    /** Erlang's TLS (gen_smtp, Swoosh) names a plain-text record it was sent instead of a TLS one. */
    @Test
    void erlangsUnsupportedRecordTypeIsPlainTextWhereEncryptionWasExpected() {
        Diagnosis d = explain("Swoosh.DeliveryError: {:error, {:tls_alert, {:unexpected_message, 'TLS client:"
                + " In state hello generated CLIENT ALERT: Fatal - Unexpected Message {unsupported_record_type,50}'}}}");
        assertEquals(Setting.SECURITY, d.setting());
    }

    @Test
    void aGoErrorEndingInEofWhileOpeningEncryptionIsTheEncryptionMode() {
        assertEquals(Setting.SECURITY, explain("send mail: could not open TLS connection to smtp.example.org, EOF")
                .setting());
    }

    /**
     * A web program that hands its mail to the host's own mail function (PHP mail(), sendmail) instead of an SMTP
     * server: PHPMailer's, WordPress's and PHP's own wordings when that function is missing or switched off.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Message could not be sent. Mailer Error: Could not instantiate mail function.",
        "Mailer Error: Could not execute: /usr/sbin/sendmail -t -i",
        "The email could not be sent. Possible reason: your host may have disabled the mail() function.",
        "PHP Fatal error:  Uncaught Error: Call to undefined function mail() in /var/www/html/contact.php:42",
        "sh: 1: /usr/sbin/sendmail: not found",
    })
    void aProgramUsingTheHostsOwnMailFunctionIsToldToSendThroughAServer(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SERVER_HOST, d.setting(), pasted + " -> " + d.ruleId());
        assertEquals("explain.host.local_mailer", d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        // the next step is the web host's, not the name lookup that a wrong server name would suggest
        assertEquals(Setting.CONTACT_PROVIDER, d.alternatives().get(0).setting());
        assertTrue(d.alternatives().stream().noneMatch(a -> a.setting() == Setting.NETWORK_OR_FIREWALL),
                d.alternatives().toString());
    }
}
