package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.PastedText;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.probe.Phase;

/** Pasted text becomes evidence: code, enhanced code, reply, program, phase, failure kind, host and port. */
class ReplyParserTest {

    @Test
    void multiLineReplyKeepsAllLinesAndTheEnhancedCode() {
        PastedEvidence e = ReplyParser.parse("535-5.7.8 Username and Password not accepted. Learn more at\n"
                + "535 5.7.8  https://support.google.com/mail/?p=BadCredentials x1 - gsmtp");
        assertEquals(OptionalInt.of(535), e.code());
        assertEquals("5.7.8", e.enhanced().orElseThrow().toString());
        assertEquals(2, e.replyText().split("\n").length);
        assertEquals(ClientShape.RAW_REPLY, e.shape());
        assertEquals(Optional.of(Phase.AUTH), e.phase());
    }

    @Test
    void aReplyCodeInBracketsAfterTheWordCodeIsOneInALongLogToo() {
        PastedEvidence e = ReplyParser.parse("12/03/01 09:14:02 SMTPC: received error code. [554] (8000)  ERR:\n"
                + "12/03/01 09:14:02 SMTPC: connection closed. (801)  ERR:");
        assertEquals(OptionalInt.of(554), e.code());
    }

    @Test
    void aVersionInAFieldDumpIsNoEnhancedCode() {
        for (String dump : List.of(
                "object(Mailer)#12 (40) {\n  [\"Version\"]=>\n  string(5) \"5.2.9\"\n  [\"ErrorInfo\"]=>\n"
                        + "  string(30) \"Could not execute: /usr/sbin/sendmail\"\n}",
                "{\"library_version\": \"2.1.10\", \"error\": \"Could not send the message\"}",
                "Mailer version = 4.0.1; error: could not send")) {
            PastedEvidence e = ReplyParser.parse(dump);
            assertEquals(Optional.empty(), e.enhanced(), dump);
        }
        // a status field of a delivery log is one
        assertEquals("5.1.1", ReplyParser.parse("{\"event\": \"bounced\", \"status\": \"5.1.1\", \"reason\":"
                + " \"mailbox does not exist\"}").enhanced().orElseThrow().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-05-01 10:11:12,550 ERROR [mailer] Connection timed out",
        "2024-05-01 10:11:12.421 WARN Sending failed: Connection timed out",
        "[10:11:12.535] smtp: connection timed out",
    })
    void aLogTimeStampsMillisecondsAreNoReplyCode(String pasted) {
        // a log's clock, "10:11:12,550", once read as the server's refusal "550 ERROR [mailer] …"
        assertTrue(ReplyParser.parse(pasted).code().isEmpty(), pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, Pasted.explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ehlo me\\n250-mail.example.com\\n250 AUTH PLAIN LOGIN\\nauth login\\n334 VXNlcm5hbWU6\\nxxxx\\n454 4.7.0 Try later|AUTH",
        "ehlo me\\n250 mail.example.com\\nmail from:<a@example.org>\\n250 ok\\nrcpt to:<b@example.net>\\n250 ok\\ndata\\n554 5.5.1 Error: no valid recipients|DATA",
        "helo me\\n554 5.7.1 Access denied|EHLO",
        "ehlo me\\n250-mail.example.com\\n250 STARTTLS\\nstarttls\\n454 4.7.0 TLS not available|STARTTLS",
    })
    void aSessionTypedByHandInLowerCaseNamesItsStep(String typed, Phase step) {
        // helpdesks test with telnet, nc or openssl s_client and type the commands in lower case, the first one too
        String session = typed.replace("\\n", "\n");
        assertEquals(Optional.of(step), ReplyParser.parse(session).phase(), session);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)|550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)",
        "smtplib.SMTPDataError: (550, b'5.7.1 Refused (policy)')|550 5.7.1 Refused (policy)",
        "SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted.')|535 5.7.8 Username and Password not accepted.",
        "Error: \"550 5.1.1 User unknown\"|550 5.1.1 User unknown",
    })
    void theReplyShownEndsWhereTheServersReplyEnds(String pasted, String reply) {
        // the quote marks and brackets a program put around the reply go; a bracket the reply opened itself stays
        assertEquals(reply, ReplyParser.parse(pasted).replyText(), pasted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-05-01 10:11:12,345 ERROR 535 5.7.8 Username and Password not accepted.",
        "[2024-05-01T10:11:12.345Z] WARN: 535 5.7.8 Username and Password not accepted.",
        "2024/05/01 10:11:12 535 5.7.8 Username and Password not accepted.",
    })
    void aLogLinesStampIsNotReadAsItsWords(String logged) {
        // when and how loud a program logged says nothing about the failure: the line reads as the reply alone
        String reply = "535 5.7.8 Username and Password not accepted.";
        PastedEvidence stamped = ReplyParser.parse(logged);
        PastedEvidence bare = ReplyParser.parse(reply);
        assertEquals(bare.code(), stamped.code(), logged);
        assertEquals(bare.shape(), stamped.shape(), logged);
        assertEquals(Pasted.explain(reply).ruleId(), Pasted.explain(logged).ruleId(), logged);
        // a date and time inside a line are the text's own words and stay
        assertEquals(OptionalInt.of(535), ReplyParser.parse("at 2024-05-01 10:11:12 the server said 535 5.7.8 no")
                .code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mailer-1  | 535 5.7.8 Username and Password not accepted.",
        "app_mailer_1     | 2024-05-01T10:11:12.345678Z 535 5.7.8 Username and Password not accepted.",
        "2024-05-01 10:11:12,345 ERROR [org.example.mail.Sender] (worker-3) 535 5.7.8 Username and Password not"
                + " accepted.",
        "2024-05-01 10:11:12,345 ERROR > 2024-05-01 10:11:12,345 ERROR [org.example.mail.Sender] (worker-3) 535 5.7.8"
                + " Username and Password not accepted.",
        "2024-05-01 10:11:12,345 ERROR [2024-05-01T10:11:12.345Z] WARN: 535 5.7.8 Username and Password not accepted.",
    })
    void aServicesNameAndALoggersNameAreNotReadAsWords(String logged) {
        // docker compose's service name before a line, and a logger's and thread's names after a stamp, say which part
        // of a program logged, not what went wrong
        String reply = "535 5.7.8 Username and Password not accepted.";
        assertEquals(Pasted.explain(reply).ruleId(), Pasted.explain(logged).ruleId(), logged);
        assertEquals(ReplyParser.parse(reply).replyText(), ReplyParser.parse(logged).replyText(), logged);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The server doesn\u2019t support STARTTLS on port 25.",
        "Mail can\u2019t send this message because the server \u201cmail.example.com\u201d isn\u2019t responding.",
        "Le serveur n\u2019annonce pas STARTTLS.",
    })
    void aTypographicApostropheReadsAsTheTypedOne(String pasted) {
        // Apple's and Office's programs print "can\u2019t"; a wording is written once, with the typed apostrophe
        String typed = pasted.replace('\u2019', '\'');
        assertEquals(typed.replace('\u201c', '"').replace('\u201d', '"'), PastedText.plain(pasted));
        Diagnosis curly = Pasted.explain(pasted);
        Diagnosis straight = Pasted.explain(typed);
        assertEquals(straight.ruleId(), curly.ruleId(), pasted);
        assertEquals(straight.setting(), curly.setting(), pasted);
        assertFalse(curly.ruleId().startsWith("fallback") || curly.ruleId().equals("not_recognised"), curly.ruleId());
    }

    @Test
    void outlookQuotedReplyIsFound() {
        PastedEvidence e = ReplyParser.parse("Task 'me@example.org - Sending' reported error (0x800CCC78) : "
                + "'Cannot send the message. Verify the e-mail address in your account properties. "
                + "The server responded: 553 sorry, that domain isn't in my list of allowed rcpthosts.'");
        assertEquals(ClientShape.OUTLOOK, e.shape());
        assertEquals(OptionalInt.of(553), e.code());
        assertEquals(Optional.of(Phase.MAIL_FROM), e.phase());
    }

    @Test
    void thunderbirdMessageWithoutBasicCodeStillGivesTheEnhancedCodeAndRecipientStep() {
        PastedEvidence e = ReplyParser.parse("Sending of the message failed.\nAn error occurred while sending mail. "
                + "The mail server responded:\n5.7.1 <bob@example.net>: Relay access denied.\n"
                + "Please check the message recipient \"bob@example.net\" and try again.");
        assertEquals(ClientShape.THUNDERBIRD, e.shape());
        assertEquals(OptionalInt.empty(), e.code());
        assertEquals("5.7.1", e.enhanced().orElseThrow().toString());
        assertEquals(Optional.of(Phase.RCPT_TO), e.phase());
    }

    @Test
    void pythonTupleReplyIsReadWithItsEscapedNewlines() {
        PastedEvidence e = ReplyParser.parse("smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific "
                + "password required. Learn more at\\n5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor')");
        assertEquals(ClientShape.PYTHON, e.shape());
        assertEquals(OptionalInt.of(534), e.code());
        assertEquals("5.7.9", e.enhanced().orElseThrow().toString());
        assertEquals(Optional.of(Phase.AUTH), e.phase());
    }

    @Test
    void libraryExpectedCodeIsNotMistakenForTheReply() {
        PastedEvidence e = ReplyParser.parse("Expected response code 250 but got code \"550\", with message "
                + "\"550 5.7.60 SMTP; Client does not have permissions to send as this sender\"");
        assertEquals(OptionalInt.of(550), e.code());
    }

    @Test
    void portNumbersAndErrnoValuesAreNotReplyCodes() {
        PastedEvidence e = ReplyParser.parse("SMTP ERROR: Failed to connect to server: Connection timed out (110) "
                + "Connection: opening to smtp.example.org:587");
        assertEquals(OptionalInt.empty(), e.code());
        assertEquals(Optional.of(FailureKind.CONNECT_TIMEOUT), e.failureKind());
        assertEquals(Optional.of("smtp.example.org"), e.host());
        assertEquals(OptionalInt.of(587), e.port());
    }

    @Test
    void stackFrameLineNumbersAreNotPorts() {
        PastedEvidence node = ReplyParser.parse("Error: Invalid login: 535 Authentication failed\n"
                + "    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)");
        assertEquals(OptionalInt.empty(), node.port(), "index.js:798:19 is a line and column");
        assertEquals(Optional.empty(), node.host());
        PastedEvidence java = ReplyParser.parse("jakarta.mail.AuthenticationFailedException: 535 5.7.8 Error\n"
                + "\tat org.eclipse.angus.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:954)");
        assertEquals(OptionalInt.empty(), java.port(), "SMTPTransport.java:954 is a line number");
        PastedEvidence real = ReplyParser.parse("connect ETIMEDOUT smtp.wp.pl:465 at index.js:12:3");
        assertEquals(Optional.of("smtp.wp.pl"), real.host());
        assertEquals(OptionalInt.of(465), real.port());
    }

    @Test
    void javaMailConnectMessageGivesHostAndPort() {
        PastedEvidence e = ReplyParser.parse("javax.mail.MessagingException: Could not connect to SMTP host: "
                + "smtp.gmail.com, port: 465, response: -1");
        assertEquals(ClientShape.JAVA_MAIL, e.shape());
        assertEquals(Optional.of("smtp.gmail.com"), e.host());
        assertEquals(OptionalInt.of(465), e.port());
        assertEquals(Optional.of(FailureKind.NO_GREETING), e.failureKind());
    }

    @Test
    void certificateNamesAreReadFromNodeAltnamesMessage() {
        PastedEvidence e = ReplyParser.parse("Hostname/IP does not match certificate's altnames: Host: "
                + "mail.example.com. is not in the cert's altnames: DNS:*.hostinger.com, DNS:hostinger.com");
        assertEquals(Optional.of(FailureKind.CERT_HOST_MISMATCH), e.failureKind());
        assertEquals(List.of("*.hostinger.com", "hostinger.com"), e.certificateNames());
        assertEquals(Optional.of("mail.example.com"), e.host());
    }

    @Test
    void textWithNothingToGoOnIsUnrecognised() {
        PastedEvidence e = ReplyParser.parse("my email does not work, please help");
        assertFalse(e.recognised());
        assertEquals(ClientShape.UNKNOWN, e.shape());
    }

    @Test
    void nullTextIsHandled() {
        assertFalse(ReplyParser.parse(null).recognised());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "javax.mail.MessagingException: Could not convert socket to TLS; nested exception is: "
                + "javax.net.ssl.SSLHandshakeException: PKIX path building failed | CERT_UNTRUSTED",
        "jakarta.mail.MessagingException: Could not convert socket to TLS | TLS_FAILED",
        "javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection? | PLAINTEXT_WHERE_TLS_EXPECTED",
        "Error: connect ETIMEDOUT 173.194.76.108:465 | CONNECT_TIMEOUT",
        "java.net.ConnectException: Connection refused | CONNECTION_REFUSED",
        "ConnectionRefusedError: [Errno 111] Connection refused | CONNECTION_REFUSED",
        "java.net.UnknownHostException: smtp.gmial.com | UNKNOWN_HOST",
        "socket.gaierror: [Errno 11001] getaddrinfo failed | UNKNOWN_HOST",
        "Error: getaddrinfo ENOTFOUND smtp.gmial.com | UNKNOWN_HOST",
        "OSError: [Errno 101] Network is unreachable | NETWORK_UNREACHABLE",
        "javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are "
                + "inappropriate) | TLS_NO_COMMON_PROTOCOL",
        "smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server. | AUTH_NOT_OFFERED",
        "smtplib.SMTPException: STARTTLS extension not supported by server. | STARTTLS_NOT_OFFERED",
        "smtplib.SMTPServerDisconnected: Connection unexpectedly closed | CONNECTION_CLOSED",
        "System.IO.IOException: Unable to read data from the transport connection: An existing connection was "
                + "forcibly closed by the remote host. | CONNECTION_RESET",
        "java.net.SocketTimeoutException: Read timed out | READ_TIMEOUT",
        "javax.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed | AUTH_REJECTED",
        "certificate has expired | CERT_EXPIRED",
        "Error: Greeting never received | NO_GREETING"
    })
    void failureWordingIsRecognised(String text, FailureKind kind) {
        assertEquals(Optional.of(kind), ReplyParser.parse(text).failureKind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Microsoft Outlook: Sending reported error (0x800CCC0F) | OUTLOOK",
        "An error occurred while sending mail: Outgoing server (SMTP) smtp.example.org is unknown. | THUNDERBIRD",
        "Cannot send message using the server smtp.example.org | APPLE_MAIL",
        "javax.mail.AuthenticationFailedException: 535 5.7.8 Bad credentials | JAVA_MAIL",
        "System.Net.Mail.SmtpException: Failure sending mail. | DOTNET",
        "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Bad credentials') | PYTHON",
        "SMTP Error: Could not authenticate. | PHP_MAILER",
        "Error: Invalid login: 535 5.7.8 Bad credentials | NODEMAILER",
        "status=bounced (host mx.example.net said: 550 5.1.1 unknown (in reply to RCPT TO command)) | SERVER_LOG",
        "msmtp: authentication failed (method PLAIN) | COMMAND_LINE"
    })
    void programWordingIsRecognised(String text, ClientShape shape) {
        assertEquals(shape, ReplyParser.parse(text).shape());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "smtplib.SMTPSenderRefused: (553, b'5.7.1 Sender address rejected') | MAIL_FROM",
        "smtplib.SMTPRecipientsRefused: {'x@example.net': (550, b'5.1.1 User unknown')} | RCPT_TO",
        "SMTP ERROR: DATA END command failed: 554 5.7.1 Message rejected | END_OF_DATA",
        "said: 552 5.3.4 Message too big (in reply to end of DATA command) | END_OF_DATA",
        "SMTP ERROR: Password command failed: 535 Incorrect authentication data | AUTH",
        "530 5.7.57 Client not authenticated to send mail. [MAIL FROM] | MAIL_FROM",
        "535 5.7.3 Authentication unsuccessful | AUTH",
        "354 End data with <CR><LF>.<CR><LF> | DATA"
    })
    void phaseIsTakenFromTheCommandOrTheCode(String text, Phase phase) {
        assertEquals(Optional.of(phase), ReplyParser.parse(text).phase());
    }

    @Test
    void pastedTextIsKeptAsGiven() {
        String text = "  550 5.1.1 User unknown  ";
        assertTrue(ReplyParser.parse(text).text().equals(text));
    }
}
