package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.settings.Setting;

/**
 * The connection-side readings that round 7's misses asked for, each worded the way other servers, programs and
 * languages word it than the corpus text. A report in which the sending side's own server quotes the next server's
 * refusal of <em>that server</em> (its address, its reputation, Postfix's "refused to talk to me") is the sending
 * server's operator's to fix, not the user's connection. A program that says its mail server is not configured
 * needs a server name. "Server not found" in Japanese, Chinese and Korean is an unknown host. A TLS handshake cut
 * off by an end of file is a connection security that does not match the port, and so is a server's own log showing
 * that the client spoke TLS before the greeting on a plain port. A delivery given up after the recipient's mailbox
 * deferred it (4.2.x) is a wait. .NET's SmtpClient closed while reading the greeting is the security for the port.
 * The recipient's server failing to process a message is the provider side's. An HTTP status line in a web
 * application's log is not the mail server's reply code. A reply that quotes a failed TLS handshake (Microsoft's
 * "403 4.7.0 TLS handshake failed") reports the sending server's encryption, not a wait.
 */
class Round7ConnectionFamiliesTest {

    static Stream<Arguments> relayedRefusalsOfTheSendingServer() {
        return Stream.of(
                // Exim's bounce, a Postfix bounce, a DSN's Diagnostic-Code, an Exchange non-delivery report
                Arguments.of("SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n550 5.7.1 Client"
                        + " host [203.0.113.9] blocked; your IP address has a poor reputation"),
                Arguments.of("host mx.example.net[198.51.100.7] refused to talk to me: 554 5.7.1 Service unavailable;"
                        + " Client host [203.0.113.9] blocked"),
                Arguments.of("Reporting-MTA: dns; mail.example.com\nDiagnostic-Code: smtp; 550 5.7.1 Connection"
                        + " rejected: your server is not allowed to send mail here"),
                Arguments.of("Remote Server returned '550 5.7.1 Client host rejected: access denied'"),
                // Gmail's reverse-name refusal, quoted in an Exim bounce
                Arguments.of("SMTP error from remote mail server after RCPT TO:<kim@example.net>:\n550 5.7.25 The IP"
                        + " address sending this message does not have a PTR record setup"));
    }

    @ParameterizedTest
    @MethodSource("relayedRefusalsOfTheSendingServer")
    void aRelayedRefusalOfTheSendingServerIsForItsOperator(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId() + ": " + text);
        assertNotEquals(Confidence.HIGH, d.confidence(), text);
        assertTrue(Pasted.offers(d, Setting.NETWORK_OR_FIREWALL),
                "who runs the sending server may be the user: " + d.alternatives());
    }

    @Test
    void theSameRefusalAnsweredToTheUsersOwnConnectionIsTheNetwork() {
        // a direct refusal of the user's own connection is not the relayed report of a provider's server refused; its
        // reading (Round7SignInAndAddressFamiliesTest) is unsure and names the network among its next steps
        Diagnosis d = Pasted.explain("550 5.7.1 Client host rejected: Access denied");
        assertTrue(d.setting() == Setting.NETWORK_OR_FIREWALL
                || d.alternatives().stream().anyMatch(a -> a.setting() == Setting.NETWORK_OR_FIREWALL), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence(), d.ruleId());
        Diagnosis ptr = Pasted.explain("550 5.7.25 The IP address sending this message does not have a PTR record"
                + " setup");
        assertEquals(Setting.NETWORK_OR_FIREWALL, ptr.setting(), ptr.ruleId());
    }

    @Test
    void aRelayedSenderDomainRefusalStaysTheSenderDomain() {
        Diagnosis d = Pasted.explain("host mx.example.org[198.51.100.4] said: 550 5.7.23 SPF check failed: your IP"
                + " 203.0.113.5 is not permitted to send mail for example.com (in reply to end of DATA command)");
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId());
    }

    static Stream<Arguments> mailServerNotConfigured() {
        return Stream.of(
                Arguments.of("Mail server is not configured. Please contact your administrator."),
                Arguments.of("Der Mailserver ist nicht konfiguriert."),
                Arguments.of("Le serveur SMTP n'est pas configuré."),
                Arguments.of("El servidor de correo no está configurado."),
                Arguments.of("De mailserver is niet geconfigureerd."),
                Arguments.of("メールサーバーが設定されていません"));
    }

    @ParameterizedTest
    @MethodSource("mailServerNotConfigured")
    void aProgramWithoutAMailServerNeedsTheServerName(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Confidence.MEDIUM, d.confidence(), text);
    }

    @Test
    void aSendingDomainNotConfiguredIsNoMissingServer() {
        Diagnosis d = Pasted.explain("550 5.7.1 Domain example.com is not configured for sending");
        assertNotEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @MethodSource("serverNotFoundInAsianLanguages")
    void serverNotFoundInJapaneseChineseAndKoreanIsTheServerName(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId() + ": " + text);
    }

    static Stream<Arguments> serverNotFoundInAsianLanguages() {
        return Stream.of(Arguments.of("サーバーが見つかりません"), Arguments.of("错误：找不到服务器"),
                Arguments.of("서버를 찾을 수 없습니다"));
    }

    @ParameterizedTest
    @MethodSource("handshakesCutByEndOfFile")
    void aTlsHandshakeCutByEndOfFileIsTheSecurityForThePort(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + text);
        assertNotEquals(Confidence.HIGH, d.confidence(), text);
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
    }

    static Stream<Arguments> handshakesCutByEndOfFile() {
        return Stream.of(Arguments.of("Connection error: tls handshake eof"),
                Arguments.of("io error: unexpected end of file during handshake"),
                Arguments.of("TlsError: EOF in handshake"));
    }

    static Stream<Arguments> serverLogsOfTlsBeforeTheGreeting() {
        return Stream.of(
                Arguments.of("postfix/smtpd[4242]: improper command pipelining after CONNECT from"
                        + " unknown[203.0.113.5]: \\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03"),
                Arguments.of("SMTP protocol synchronization error (input sent without waiting for greeting):"
                        + " rejected connection from H=[203.0.113.5] input=\"\\x16\\x03\\x01\\x02\\x00\""),
                Arguments.of("Roundcube: SMTP Error (-1): Connection to server failed.\npostfix/submission/smtpd[811]:"
                        + " lost connection after UNKNOWN from localhost[127.0.0.1]"));
    }

    @ParameterizedTest
    @MethodSource("serverLogsOfTlsBeforeTheGreeting")
    void aServerLogOfTlsBeforeTheGreetingIsTheSecurity(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Confidence.MEDIUM, d.confidence(), text);
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
    }

    static Stream<Arguments> deliveriesExpiredAfterMailboxDeferrals() {
        return Stream.of(
                Arguments.of("postfix/smtp[912]: 4F1A2: to=<ann@example.org>, relay=mx.example.org[198.51.100.4]:25,"
                        + " delay=432000, dsn=4.2.1, status=expired, returned to sender (host"
                        + " mx.example.org[198.51.100.4] said: 450 4.2.1 Mailbox temporarily disabled (in reply to"
                        + " RCPT TO command))"),
                Arguments.of("Message has expired. Remote host said: 452 4.2.2 The recipient's mailbox is over its"
                        + " limit"));
    }

    @ParameterizedTest
    @MethodSource("deliveriesExpiredAfterMailboxDeferrals")
    void aDeliveryGivenUpAfterMailboxDeferralsIsAWait(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId() + ": " + text);
        assertTrue(Pasted.offers(d, Setting.CONTACT_PROVIDER), d.alternatives().toString());
    }

    @Test
    void dotnetClosedWhileReadingTheGreetingIsTheSecurityButClosedMidSessionIsNot() {
        Diagnosis greeting = Pasted.explain("System.Net.Mail.SmtpException: Failure sending mail. --->"
                + " System.IO.IOException: Unable to read data from the transport connection:"
                + " net_io_connectionclosed.\n   at System.Net.Mail.SmtpReplyReaderFactory.ProcessRead(Byte[] buffer,"
                + " Int32 offset, Int32 read, Boolean readLine)\n   at"
                + " System.Net.Mail.SmtpConnection.GetConnection(ServicePoint servicePoint)");
        assertEquals(Setting.SECURITY, greeting.setting(), greeting.ruleId());
        assertEquals(Confidence.LOW, greeting.confidence());
        assertTrue(Pasted.offers(greeting, Setting.PORT), greeting.alternatives().toString());
        Diagnosis midSession = Pasted.explain("System.Net.Mail.SmtpException: Failure sending mail. --->"
                + " System.IO.IOException: Unable to read data from the transport connection: The connection was"
                + " closed.\n   at System.Net.Mail.SmtpReplyReaderFactory.ReadLine(SmtpReplyReader caller)\n   at"
                + " System.Net.Mail.SmtpTransport.SendMail(MailAddress sender)");
        assertNotEquals(Setting.SECURITY, midSession.setting(), midSession.ruleId());
    }

    static Stream<Arguments> recipientServersThatFailed() {
        return Stream.of(Arguments.of("The recipient's server was unable to process the message."),
                Arguments.of("Der Server des Empfängers konnte die Nachricht nicht verarbeiten."),
                Arguments.of("El servidor del destinatario no pudo procesar el mensaje."),
                Arguments.of("Le serveur destinataire n'a pas ete en mesure de traiter le message."));
    }

    @ParameterizedTest
    @MethodSource("recipientServersThatFailed")
    void aRecipientServerThatFailedIsTheProviderSides(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Confidence.LOW, d.confidence(), text);
    }

    @Test
    void anHttpStatusLineIsNoReplyCode() {
        Diagnosis d = Pasted.explain("Mail test failed: connect ETIMEDOUT 203.0.113.5:587\n"
                + "POST /settings/mail/test 502 Bad Gateway");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        Diagnosis rust = Pasted.explain("mailer: smtp transport failed: Resource temporarily unavailable (os error 11)"
                + "\nGET /api/notify/test-mail -> 400 Bad Request");
        assertEquals(Setting.NETWORK_OR_FIREWALL, rust.setting(), rust.ruleId());
    }

    @Test
    void aServerReplyThatItsTlsHandshakeFailedIsTheSendingServersNotAWait() {
        Diagnosis d = Pasted.explain("Delivery deferred: 451 4.7.0 TLS handshake failed");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(Pasted.offers(d, Setting.WAIT_AND_RETRY), d.alternatives().toString());
    }
}
