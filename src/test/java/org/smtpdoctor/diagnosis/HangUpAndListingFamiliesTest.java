package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Families of pasted errors read the way an expert reads them, each worded the way several libraries, programs and
 * servers word it: a server that hangs up before its first reply, with nothing said, is most often a connection
 * security that does not match the port (a plain client waiting for the greeting on an implicit-TLS port, or the
 * reverse), said at low confidence with the port and a provider that hangs up on a refused password as the next
 * readings; a connection lost while the program was sending, or after the server had answered, is not that. A
 * refusal that names a list of refused addresses (DNS block lists, Spamhaus, Spamcop, Barracuda) may list the user's
 * own connection or the provider's server: the provider and the signed-in port for mail programs come next. A
 * refusal that names the port to use (ISPs blocking port 25, submission-only policies) is the port it names. An
 * account suspended, disabled or blocked "temporarily" or "permanently" is the provider's to lift; a sign-in locked
 * after too many failed attempts is a wait, with the password next. Reply-code meanings: a server that does not
 * know the AUTH command offers no sign-in there; RFC 4954's "mechanism is too weak" is the sign-in method whatever
 * the basic code; RFC 5321's "No SMTP service here" is a refused greeting. Translated mail-program wrappers name
 * the step by its words: the sender's address, the recipients' addresses, the connection's encryption type.
 */
class HangUpAndListingFamiliesTest {

    static Stream<Arguments> hangUpsBeforeAnyReply() {
        return Stream.of(
                // Python smtplib, Nodemailer, Mono/.NET SmtpClient, s-nail/mailx, msmtp
                Arguments.of("Traceback (most recent call last):\n  File \"send.py\", line 9, in <module>\n"
                        + "smtplib.SMTPServerDisconnected: Connection unexpectedly closed"),
                Arguments.of("Error: Connection closed unexpectedly\n    at SMTPConnection._onClose"),
                Arguments.of("System.Net.Mail.SmtpException: Failure sending mail. ---> System.IO.IOException:"
                        + " Connection closed"),
                Arguments.of("mailx: Unexpected EOF on SMTP connection"),
                Arguments.of("msmtp: the server closed the connection unexpectedly"));
    }

    @ParameterizedTest
    @MethodSource("hangUpsBeforeAnyReply")
    void aServerThatHangsUpBeforeAnyReplyPointsAtTheConnectionSecurity(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Confidence.LOW, d.confidence(), text);
        assertTrue(Pasted.offers(d, Setting.PORT), "the port belongs with the security: " + d.alternatives());
        assertTrue(Pasted.offers(d, Setting.APP_PASSWORD),
                "some providers hang up on a refused password: " + d.alternatives());
    }

    @Test
    void aHangUpThatNamesThePortGetsTheSecurityForThatPort() {
        Diagnosis d = new Diagnoser().explain("smtplib.SMTPServerDisconnected: Connection unexpectedly closed",
                ExplainContext.of(null, "smtp.example.net", 465, null, null));
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertTrue(d.explanation().contains("465"), d.explanation());
    }

    static Stream<Arguments> connectionsLostOnTheWay() {
        return Stream.of(
                // Python's traceback names the step: the message's data was being sent
                Arguments.of("Traceback (most recent call last):\n  File \"/usr/lib/python3.10/smtplib.py\", line"
                        + " 898, in sendmail\n    (code, resp) = self.data(msg)\nsmtplib.SMTPServerDisconnected:"
                        + " Connection unexpectedly closed"),
                // writing: the session was under way (a .NET write, Python's broken pipe)
                Arguments.of("System.IO.IOException: Unable to write data to the transport connection: An"
                        + " established connection was aborted by the software in your host machine."),
                Arguments.of("BrokenPipeError: [Errno 32] Broken pipe"),
                // aborted by this computer (Windows Live Mail's and Java's words for WSAECONNABORTED / ECONNABORTED)
                Arguments.of("Socket Error: 10053, Error Number: 0x800CCC0F"),
                Arguments.of("java.net.SocketException: Software caused connection abort: recv failed"),
                // a session under way that was cut: Outlook's and Thunderbird's words
                Arguments.of("The connection to the server was interrupted. If this problem continues, contact your"
                        + " server administrator or Internet service provider (ISP). Error Number: 0x800CCC0F"),
                Arguments.of("Sending of the message failed. The connection to the server was lost in the middle of"
                        + " the transaction."),
                // Outlook's number for a dropped connection says it whatever the language of its sentence
                Arguments.of("任务“user@example.org - 正在发送”报告了错误(0x800CCC0F):“与服务器的连接已中断。”"),
                // a device log whose reply code stands in brackets: the server had answered
                Arguments.of("12/03/01 09:14:02 SMTPC: received error code. [554] (8000)  ERR:\n"
                        + "12/03/01 09:14:02 SMTPC: connection closed. (801)  ERR:"),
                // the server had answered: a reply code is in the text
                Arguments.of("> AUTH LOGIN\n< 334 VXNlcm5hbWU6\n> ****\n< 334 UGFzc3dvcmQ6\n> ****\n"
                        + "Connection closed by server"));
    }

    @ParameterizedTest
    @MethodSource("connectionsLostOnTheWay")
    void aConnectionLostWhileSendingOrAfterAReplyIsNotReadAsAHangUpBeforeTheGreeting(String text) {
        Diagnosis d = Pasted.explain(text);
        assertNotEquals("explain.connection.closed_without_reply", d.ruleId(), text);
    }

    static Stream<Arguments> listedAddressRefusals() {
        return Stream.of(
                // Postfix, Exim, Exchange Online, Haraka, Spamcop's and Barracuda's own wordings
                Arguments.of("554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using"
                        + " b.barracudacentral.org"),
                Arguments.of("550 Rejected because 198.51.100.7 is in a black list at zen.spamhaus.org"),
                Arguments.of("550 5.7.1 Service unavailable, Client host [198.51.100.7] blocked using Spamhaus. To"
                        + " request removal from this list see https://www.spamhaus.org/query/ip/198.51.100.7"),
                Arguments.of("550 5.7.1 198.51.100.7 is listed at bl.spamcop.net"),
                Arguments.of("550 5.7.606 Access denied, banned sending IP [198.51.100.7]"));
    }

    @ParameterizedTest
    @MethodSource("listedAddressRefusals")
    void aListedAddressOffersTheProviderAndTheSignedInPortNext(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Setting.CONTACT_PROVIDER, d.alternatives().get(0).setting(), text);
        assertEquals(Setting.PORT, d.alternatives().get(1).setting(), text);
        assertEquals("587", d.alternatives().get(1).suggestedValue().map(SettingValue::neutral).orElse(""), text);
    }

    /**
     * A bounce from the own provider's server that quotes the next server's block-list refusal: the listed address is
     * the provider's server, not the user's connection. Cloudmark's refusal names its list only as {@code AUP#CDRBL}
     * (round 15, a cPanel host's Exim bounce), other lists' short names end in "RBL" too.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "A message that you sent could not be delivered to one or more of its recipients. This is a permanent error."
                + " The following address(es) failed:\n    SMTP error from remote mail server after end of data:\n"
                + "    550 kq1 - <info@example.net> sender rejected AUP#CDRBL",
        "This is the mail system at host mail.example.net.\nI'm sorry to have to inform you that your message could"
                + " not be delivered.\n<bob@example.org>: host mx.example.org[192.0.2.8] said: 554 5.7.1 Rejected:"
                + " sending IP found on UCEPROTECT RBL (in reply to RCPT TO command)",
    })
    void aBounceQuotingTheNextServersListRefusalIsForTheProvider(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId() + ": " + text);
    }

    @Test
    void aConnectionResetAtTheGreetingKeepsThePortAndServerAsNextReadings() {
        Diagnosis d = Pasted.explain("read tcp 192.0.2.4:50412->198.51.100.7:25: read: connection reset by peer");
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
        assertFalse(Pasted.offers(d, Setting.CONTACT_PROVIDER), d.alternatives().toString());
    }

    static Stream<Arguments> refusalsThatNameThePort() {
        return Stream.of(
                Arguments.of("550 5.7.1 Sending mail from this IP is not allowed. Use port 587 with authentication.",
                        587),
                Arguments.of("554 5.7.1 Port 25 is blocked for residential customers, please use port 465.", 465),
                Arguments.of("530 Message submission on port 25 is not allowed: use the submission port 587 with SMTP"
                        + " authentication", 587),
                Arguments.of("421 Please connect on port 465 or 587", 465),
                Arguments.of("554 This port is for server-to-server mail only. Mail clients must use port 587.", 587));
    }

    @ParameterizedTest
    @MethodSource("refusalsThatNameThePort")
    void aRefusalThatNamesThePortToUseIsThatPort(String text, int port) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.PORT, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Confidence.MEDIUM, d.confidence(), text);
        assertEquals(SettingValue.port(port), d.changes().get(0).to().orElseThrow(), text);
        assertTrue(Pasted.offers(d, Setting.AUTH_METHOD), "that port expects sign-in: " + d.alternatives());
    }

    @Test
    void mailKitsAdviceToTryTheOtherPortStaysAboutTheSecurity() {
        Diagnosis d = Pasted.explain("MailKit.Security.SslHandshakeException: An error occurred while attempting to"
                + " establish an SSL or TLS connection. When connecting to an SMTP service, port 587 is typically"
                + " reserved for plain-text connections. If you intended to connect to SMTP on the SSL port, try"
                + " connecting to port 465 instead.");
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Account has been temporarily suspended for sending spam.",
        "550 5.7.1 Your account has been temporarily disabled because of suspicious activity",
        "554 Your account is permanently blocked",
    })
    void anAccountSuspendedForAWhileOrForGoodIsTheProvidersToLift(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId() + ": " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.0 Your account has been temporarily locked due to too many failed login attempts",
        "421 4.7.0 Too many failed authentication attempts from your IP, try again later",
    })
    void aSignInLockedAfterFailedAttemptsIsAWaitWithThePasswordNext(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Setting.PASSWORD, d.alternatives().get(0).setting(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500 5.5.1 Unrecognized command: AUTH", "500 5.5.2 Unknown command: AUTH LOGIN"})
    void aServerThatDoesNotKnowTheAuthCommandOffersNoSignInThere(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + text);
        assertTrue(Pasted.offers(d, Setting.SECURITY), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"535 5.7.9 Authentication mechanism is too weak", "534 5.7.9 Mechanism too weak"})
    void aMechanismTooWeakIsTheSignInMethodWhateverTheCode(String text) {
        assertEquals(Setting.AUTH_METHOD, Pasted.explain(text).setting(), text);
    }

    @Test
    void nodemailersInvalidGreetingWithA554IsARefusedGreeting() {
        Diagnosis d = Pasted.explain("Error: Invalid greeting. response=554 mail.example.com ESMTP not accepting"
                + " messages: 554 mail.example.com ESMTP not accepting messages");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    @Test
    void noSmtpServiceHereIsARefusedGreeting() {
        Diagnosis d = Pasted.explain("554 No SMTP service here");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertTrue(Pasted.offers(d, Setting.SERVER_HOST), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le serveur a rejeté l'adresse e-mail de l'expéditeur.",
        "De server heeft het e-mailadres van de afzender geweigerd.",
        "Der Server hat die E-Mail-Adresse des Absenders zurückgewiesen.",
    })
    void aTranslatedWrapperThatNamesTheSendersAddressIsAboutTheSender(String text) {
        assertEquals(Setting.SENDER_ADDRESS, Pasted.explain(text).setting(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Der Server unterstützt den angegebenen Verbindungsverschlüsselungstyp nicht.",
        "Votre serveur ne prend pas en charge le type de chiffrement de connexion spécifié.",
        "El servidor no admite el tipo de cifrado de conexión especificado.",
        "Il server non supporta il tipo di crittografia della connessione specificato.",
    })
    void aTranslatedUnsupportedEncryptionTypeIsTheConnectionSecurity(String text) {
        assertEquals(Setting.SECURITY, Pasted.explain(text).setting(), text);
    }

    @Test
    void aTranslatedWrapperAroundARecipientRefusalReadsTheReplyInside() {
        Diagnosis d = Pasted.explain("Der Server hat mindestens eine Empfängeradresse zurückgewiesen. Serverantwort: 554"
                + " 5.7.1 Relay access denied");
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
    }

    @Test
    void appleMailsPortRefusalAndSslOnAPlainPortAreThePortAndTheSecurity() {
        assertEquals(Setting.PORT, Pasted.explain("Cannot send message using the server smtp.example.com. The server"
                + " \"smtp.example.com\" refused to allow a connection on port 465.").setting());
        assertEquals(Setting.SECURITY, Pasted.explain("The SMTP server “smtp.example.com” doesn’t support SSL/TLS on"
                + " port 587.").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scan to email failed. Error code: 0x0008 Authentication error", "SMTP server authentication"
            + " error"})
    void aScannersOrAppsBareAuthenticationErrorIsARefusedSignIn(String text) {
        assertEquals(Setting.PASSWORD, Pasted.explain(text).setting(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of"
                + " the sending domain.",
        "554 5.7.1 Rejected: sender domain reputation too low",
    })
    void aDistrustedSenderDomainIsTheSenderAddressSaidWithLowConfidence(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + text);
        assertEquals(Confidence.LOW, d.confidence(), text);
        assertTrue(Pasted.offers(d, Setting.CONTACT_PROVIDER), d.alternatives().toString());
    }

    @Test
    void aMessageThatIsNotRfc5322CompliantIsItsContent() {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, Pasted.explain("550-5.7.1 Our system has detected that this"
                + " message is not RFC 5322 compliant. Multiple 'Date' headers were found.").setting());
    }

    @Test
    void anInvalidNameInHeloIsTheComputersName() {
        Diagnosis d = Pasted.explain("501 5.5.4 Invalid domain name in HELO");
        assertEquals("explain.helo.bad_name", d.ruleId());
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
    }

    @Test
    void eximsDuplicateHeaderRefusalIsTheMessagesContent() {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, Pasted.explain("550 Messages should have one or no Subject"
                + " headers, not 2.").setting());
    }

    @Test
    void aSilentServerOnThisComputerItselfIsTheServerNameSaidWithLowConfidence() {
        // nothing on the network can time out on loopback: inside a container, "localhost" is not the mail server
        Diagnosis d = new Diagnoser().explain("javax.mail.MessagingException: Exception reading response;\n"
                + "  nested exception is:\n\tjava.net.SocketTimeoutException: Read timed out",
                ExplainContext.of(null, "localhost", 2525, null, null));
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
    }

    static Stream<Arguments> outlooksReplyErrorNumbers() {
        return Stream.of(
                Arguments.of("Task 'smtp.example.com - Sending' reported error (0x800CCC67)", Setting.WAIT_AND_RETRY),
                Arguments.of("Error Number: 0x800CCC6A", Setting.WAIT_AND_RETRY),
                Arguments.of("Error Number: 0x800CCC6D", Setting.MESSAGE_CONTENT_OR_SIZE),
                // a reply quoted beside the number is read, not the number
                Arguments.of("Sending reported error (0x800CCC69) : 'The server responded: 550 5.1.1 User unknown'",
                        Setting.RECIPIENT_ADDRESS));
    }

    @ParameterizedTest
    @MethodSource("outlooksReplyErrorNumbers")
    void anOutlookErrorNumberForAServerReplyIsReadAsThatReplyCode(String text, Setting setting) {
        assertEquals(setting, Pasted.explain(text).setting(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Authentication credentials invalid; XOAUTH2 token expired",
        "Error: Can't create new access token for user",
        "lettre: failed to refresh access token: 400 Bad Request",
    })
    void anOAuthTokenThatExpiredOrCouldNotBeRenewedIsTheOAuthSignIn(String text) {
        assertEquals(Setting.AUTH_METHOD, Pasted.explain(text).setting(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Der Server wurde nicht gefunden. (Konto: 'Privat', SMTP-Server: 'smtp.example.de', Fehlernummer: 0x800CCC0D)",
        "Le serveur est introuvable. (Compte : 'Perso', serveur SMTP : 'smtp.example.fr')",
        "No se encuentra el servidor.",
        "Impossibile trovare il server.",
        "Kan de server niet vinden.",
        "Não foi possível encontrar o servidor.",
    })
    void aTranslatedServerNotFoundIsTheServerName(String text) {
        assertEquals(Setting.SERVER_HOST, Pasted.explain(text).setting(), text);
    }

    @Test
    void mozillasCertificateOnlyValidForAnotherNameSuggestsThatName() {
        Diagnosis d = Pasted.explain("smtp.example.com:465 uses an invalid security certificate. The certificate is"
                + " only valid for the following names: mail.hosting-example.net, www.hosting-example.net");
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        assertEquals(SettingValue.host("mail.hosting-example.net"), d.changes().get(0).to().orElseThrow());
    }

    @Test
    void rfc5321sLocalErrorInProcessingIsAWait() {
        assertEquals(Setting.WAIT_AND_RETRY, Pasted.explain("Sending of the message failed. An error occurred while"
                + " sending mail. Outgoing server (SMTP) error. The server responded: Requested action aborted: local"
                + " error in processing.").setting());
    }
}
