package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Families of pasted connection, encryption and sign-in errors, each worded the way several servers, libraries and
 * mail programs word it, so that a row proves the meaning rather than one source's sentence: an empty answer where
 * the greeting belongs, a connection that closed inside the library's connect step, implicit TLS sent to a
 * plain-start port, a server that offers no sign-in here, a DNS server that failed rather than a name that does
 * not exist, and the wrapper sentences programs print around these.
 */
class ConnectionAndSignInFamiliesTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    static Stream<Arguments> families() {
        return Stream.of(
                // the greeting (220) answered by nothing: implicit TLS expected by the port (RFC 8314)
                Arguments.of("Symfony\\Component\\Mailer\\Exception\\TransportException: Expected response code"
                        + " \"220\" but got an empty response.", Setting.SECURITY),
                Arguments.of("Swift_TransportException: Expected response code 220 but got code \"\", with message"
                        + " \"\"", Setting.SECURITY),
                Arguments.of("Traceback (most recent call last):\n  File \"/usr/lib/python3.11/smtplib.py\", line"
                        + " 341, in connect\n    (code, msg) = self.getreply()\n  File \"/usr/lib/python3.11/smtplib.py\","
                        + " line 405, in getreply\n    raise SMTPServerDisconnected(\"Connection unexpectedly closed\")"
                        + "\nsmtplib.SMTPServerDisconnected: Connection unexpectedly closed", Setting.SECURITY),
                // the step of a Python traceback is its innermost smtplib frame: closed in login() or starttls()
                Arguments.of("  File \"app.py\", line 12, in notify\n    smtp.login(user, secret)\n  File \"/usr/lib/"
                        + "python3.12/smtplib.py\", line 750, in login\n    (code, resp) = self.auth(\n  File \"/usr/lib/"
                        + "python3.12/smtplib.py\", line 409, in getreply\n    raise SMTPServerDisconnected(\"Connection"
                        + " unexpectedly closed\")\nsmtplib.SMTPServerDisconnected: Connection unexpectedly closed",
                        Setting.PASSWORD),
                Arguments.of("  File \"app.py\", line 9, in notify\n    smtp.starttls()\n  File \"/usr/lib/python3.12/"
                        + "smtplib.py\", line 779, in starttls\n    (resp, reply) = self.docmd(\"STARTTLS\")\n"
                        + "smtplib.SMTPServerDisconnected: Connection unexpectedly closed", Setting.SECURITY),
                // TLS spoken first where the server starts in plain text (RFC 3207)
                Arguments.of("2024-02-01 10:00:00 Connection: opening to ssl://mail.example.net:587, timeout=300,"
                        + " options=array()\n2024-02-01 10:05:00 Connection: Failed to connect to server.",
                        Setting.SECURITY),
                Arguments.of("System.IO.IOException: The handshake failed due to an unexpected packet format.",
                        Setting.SECURITY),
                Arguments.of("ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:1131) while connecting"
                        + " to mail.example.net:587", Setting.SECURITY),
                Arguments.of("lettre: Connection error: received corrupt message of type InvalidContentType",
                        Setting.SECURITY),
                // the TLS handshake broke off, as OpenSSL 3, GnuTLS, Node and Python's wrappers say it
                Arguments.of("SMTP connect failed: error:0A000126:SSL routines::unexpected eof while reading",
                        Setting.SECURITY),
                Arguments.of("msmtp: TLS handshake failed: the TLS connection was non-properly terminated",
                        Setting.SECURITY),
                Arguments.of("Error: Client network socket disconnected before secure TLS connection was established",
                        Setting.SECURITY),
                Arguments.of("Error: read ECONNRESET\n    at TLSSocket.onStreamRead (node:internal/stream_base_commons"
                        + ":217:20) {\n  errno: -104,\n  code: 'ESOCKET',\n  syscall: 'read',\n  command: 'CONN'\n}",
                        Setting.SECURITY),
                // connecting failed, in the wrapper sentences of PHPMailer's translations and other programs
                Arguments.of("SMTP-Fehler: Konnte keine Verbindung zum SMTP-Host herstellen.",
                        Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Mailer Error: SMTP Connect() falló.", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Errore: SMTP Connect() fallita.", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Fout: SMTP Verbinding mislukt.", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Erreur SMTP : impossible de se connecter au serveur SMTP.", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("SMTP Error (-1): Connection to server failed.", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Something went wrong. We couldn't connect to your outgoing mail server (SMTP). Error code:"
                        + " 0x80072efd", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Could not resolve the hostname smtp.exmaple.net (SMTP)", Setting.SERVER_HOST),
                Arguments.of("jakarta.mail.MessagingException: Couldn't connect to host, port: mail.example.net, 465;"
                        + " timeout 30000", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("curl: (7) Failed to connect to mail.example.net port 25 after 4 ms: Couldn't connect to"
                        + " server", Setting.PORT),
                Arguments.of("The server \"mail.example.net\" cannot be contacted on port 25.", Setting.PORT),
                // command-line senders (msmtp with GnuTLS, curl, swaks, ssmtp)
                Arguments.of("msmtp: TLS certificate verification failed: the certificate owner does not match hostname"
                        + " smtp.example.net", Setting.SERVER_HOST),
                Arguments.of("msmtp: cannot get initial OK message from server", Setting.SECURITY),
                Arguments.of("curl: (64) Requested SSL level failed", Setting.SECURITY),
                Arguments.of("curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to smtp.example.net:587",
                        Setting.SECURITY),
                Arguments.of("=== Trying smtp.example.net:465...\n=== Connected to smtp.example.net.\n*** Remote host"
                        + " closed connection unexpectedly.", Setting.SECURITY),
                Arguments.of("ssmtp: Cannot open smtp.example.net:587", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Connection failed. Error #2: stream_socket_client(): unable to connect to"
                        + " ssl://smtp.example.net:587 (Unknown error)", Setting.SECURITY),
                Arguments.of("lettre: network error: Resource temporarily unavailable (os error 11)",
                        Setting.NETWORK_OR_FIREWALL),
                // the network in between: port 25 blocked by the access provider, the client's address refused
                Arguments.of("421 Service not available: outbound port 25 is blocked on this network",
                        Setting.PORT),
                Arguments.of("554 5.7.1 mx.example.net: you are not allowed to connect.", Setting.NETWORK_OR_FIREWALL),
                // the name server failed (SERVFAIL) rather than the name not existing (NXDOMAIN)
                Arguments.of("dial tcp: lookup smtp.mailbox.org on 127.0.0.53:53: server misbehaving",
                        Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Error: queryA ESERVFAIL smtp.mailbox.org", Setting.NETWORK_OR_FIREWALL),
                // Windows' WSAEADDRNOTAVAIL on connect: the server address itself is unusable (empty, 0.0.0.0)
                Arguments.of("System.Net.Sockets.SocketException (10049): The requested address is not valid in its"
                        + " context. [::ffff:0.0.0.0]:587", Setting.SERVER_HOST),
                // sign-in: the server offers none here, or its challenge is not the one the client expects
                Arguments.of("SMTP ERROR: AUTH command failed: 503 5.5.1 Error: authentication not enabled",
                        Setting.AUTH_METHOD),
                Arguments.of("502 5.5.2 Error: command \"AUTH\" not recognized", Setting.AUTH_METHOD),
                Arguments.of("Failed to authenticate on SMTP server with username \"alerts@example.net\" using 0"
                        + " possible authenticators.", Setting.AUTH_METHOD),
                Arguments.of("gomail: could not send email 1: smtp: unexpected server challenge",
                        Setting.AUTH_METHOD),
                Arguments.of("level=error msg=\"smtp command result\" err=\"authentication aborted\" cmd=auth code=501",
                        Setting.AUTH_METHOD),
                Arguments.of("550 5.7.1 Please turn on SMTP Authentication in your mail client. 203.0.113.9 is not"
                        + " permitted to send through this server.", Setting.AUTH_METHOD),
                Arguments.of("550 Delivery is not allowed to this address.", Setting.AUTH_METHOD),
                Arguments.of("Cannot Send Mail. The message was rejected by the server.", Setting.AUTH_METHOD),
                Arguments.of("Scan to e-mail failed: E-mail address rejected by server.", Setting.AUTH_METHOD),
                // the server wants encryption before it goes on (RFC 3207, RFC 4954 5.7.11)
                Arguments.of("530 5.7.0 TLS required for authentication", Setting.SECURITY),
                Arguments.of("Error: 554 5.7.0 Encryption required", Setting.SECURITY),
                Arguments.of("Swift_TransportException: Unable to connect with TLS encryption", Setting.SECURITY),
                Arguments.of("authentication failure [SMTP: STARTTLS failed (code: 220, response: 2.0.0 Ready to start"
                        + " TLS)]", Setting.SECURITY),
                Arguments.of("Failed to connect to ssl://smtp.example.net:587 [SMTP: Failed to connect socket: (code:"
                        + " -1, response: )]", Setting.SECURITY),
                Arguments.of("smtplib.SMTPException: No suitable authentication method found.", Setting.AUTH_METHOD),
                // sign-in refused before encryption (Dovecot's wording through a submission server)
                Arguments.of("503 5.5.1 AUTH mechanism not available (Plaintext authentication disallowed on non-secure"
                        + " (SSL/TLS) connections)", Setting.SECURITY),
                // sending from mail programs switched off in the account's web settings
                Arguments.of("535 5.7.0 Authentication failed: SMTP access is disabled for this account",
                        Setting.ENABLE_SMTP_AUTH_AT_PROVIDER),
                Arguments.of("554 5.7.0 Sending refused: SMTP service is not enabled for this mailbox. Enable it in"
                        + " the web settings.", Setting.ENABLE_SMTP_AUTH_AT_PROVIDER),
                // credentials, in the programs' own sentences
                Arguments.of("The SMTP server \"mail.example.net\" does not recognize the user name and password that"
                        + " you entered.", Setting.PASSWORD),
                Arguments.of("Sending failed: authentication error. Please check your username and password.",
                        Setting.PASSWORD),
                Arguments.of("Task 'me@example.net - Sending' reported error (0x800CCC92) : 'Your e-mail server rejected"
                        + " your login.'", Setting.PASSWORD),
                // Google blocked the sign-in until confirmed in a browser: mail programs need an app password now
                Arguments.of("534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1> Please log in via"
                        + " your web browser and\n534-5.7.14 then try again.", Setting.APP_PASSWORD),
                Arguments.of("smtplib.SMTPAuthenticationError: (534, b'5.7.9 Please log in with your web browser and"
                        + " then try again.')", Setting.APP_PASSWORD));
    }

    @ParameterizedTest
    @MethodSource("families")
    void eachWordingOfAFamilyPointsAtItsSetting(String text, Setting expected) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(expected, d.setting(), d.ruleId() + ": " + text);
    }

    /**
     * Postfix says "authentication not enabled" when sign-in is off on that port and when it is offered only after
     * STARTTLS. Libraries that start TLS on their own (PHPMailer, Nodemailer, Ruby) meet the first, so sign-in off (or
     * the submission port) comes first, with low confidence, and STARTTLS and port 587 are the alternatives.
     */
    @Test
    void signInNotEnabledHereOffersNoSignInFirstAndTheEncryptedSubmissionPortAsAlternatives() {
        Diagnosis d = DIAGNOSER.explain("Net::SMTPAuthenticationError: 503 5.5.1 Error: authentication not enabled",
                ExplainContext.none());
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals(java.util.List.of(Setting.SECURITY, Setting.PORT),
                d.alternatives().stream().map(Alternative::setting).toList());
    }

    @Test
    void anEmptyAnswerToTheGreetingIsNotASignInProblemButOneAfterAuthIs() {
        assertEquals(Setting.SECURITY, DIAGNOSER.explain("Expected response code \"220\" but got code \"\","
                + " with message \"\"", ExplainContext.none()).setting());
        assertEquals(Setting.PASSWORD, DIAGNOSER.explain("Expected response code \"235\" but got code \"\","
                + " with message \"\"", ExplainContext.none()).setting());
    }

    @Test
    void implicitTlsToAPlainStartPortAsksForStartTls() {
        Diagnosis d = DIAGNOSER.explain("Connection: opening to ssl://mail.example.net:587, timeout=300\n"
                + "SMTP ERROR: Failed to connect to server: Connection timed out (110)", ExplainContext.none());
        assertEquals(Setting.SECURITY, d.setting());
        assertEquals(Optional.of(SettingValue.security(org.smtpdoctor.settings.Security.STARTTLS)),
                d.changes().get(0).to());
    }

    @Test
    void aSignInRefusedAfterTheConnectionWorkedIsNeverBlamedOnTheSecuritySetting() {
        Diagnosis d = DIAGNOSER.explain("Connection: opening to ssl://mail.example.net:587, timeout=300\n"
                + "SERVER -> CLIENT: 220 mail.example.net ESMTP\nCLIENT -> SERVER: AUTH LOGIN\n"
                + "SERVER -> CLIENT: 535 5.7.8 Error: authentication failed\nSMTP Error: Could not authenticate.",
                ExplainContext.none());
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
    }

    @Test
    void aResetOnATlsSocketToTheImplicitTlsPortIsNotBlamedOnTheSecuritySetting() {
        Diagnosis d = DIAGNOSER.explain("Error: read ECONNRESET\n    at TLSWrap.onStreamRead\n  command: 'CONN'",
                ExplainContext.of(null, "mail.example.net", 465, null, null));
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    @Test
    void aResetOnATlsSocketAfterSignInBeganIsNotBlamedOnTheSecuritySetting() {
        Diagnosis d = DIAGNOSER.explain("Error: read ECONNRESET\n    at TLSWrap.onStreamRead\n  code: 'ESOCKET',\n"
                + "  command: 'AUTH PLAIN'", ExplainContext.none());
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    @Test
    void aLibraryWrapperThatNamesOnlyTheServerGetsALowConfidenceGuessWithAlternatives() {
        Diagnosis d = DIAGNOSER.explain("org.apache.commons.mail.EmailException: Sending the email to the following"
                + " server failed : mail.example.net:465", ExplainContext.none());
        assertEquals(Setting.SECURITY, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        // the wrapper hides whether the connection or the sign-in failed: the port is next, then the password
        assertEquals(Setting.PORT, d.alternatives().get(0).setting(), d.alternatives().toString());
        assertTrue(d.explanation().contains("not what the server answered"), d.explanation());
    }

    @Test
    void aWrapperThatHidesTheCauseAndNamesNoPortIsNotGuessedAt() {
        Diagnosis d = DIAGNOSER.explain("org.apache.commons.mail.EmailException: Sending the email to the following"
                + " server failed", ExplainContext.none());
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }
}
