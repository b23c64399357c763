package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 18, each prompted by a record of blind rounds 40 to 42 (exact low-level phrases in GitHub
 * threads; servers' replies inside applications; libraries' own errors) that moved to train for it, and written as
 * other programs and servers word the same thing.
 */
class Round40To42ReadingsTest {

    /**
     * MailKit's class is also called SmtpClient, but MailKit speaks SSL/TLS from the start on port 465, unlike
     * System.Net.Mail's (ra41-0076: a hosting server's "4.4.2 … Error: timeout exceeded" was answered "Set Port to 587,
     * .NET cannot use port 465" at high confidence).
     */
    @Test
    void mailKitOnPort465IsNotTheOldDotNetClient() {
        String mailKit = "MailKit.Net.Smtp.SmtpCommandException: 4.4.2 mail.example-hosting.net Error: timeout exceeded\n"
                + "   at MailKit.Net.Smtp.SmtpClient.SendAsync(FormatOptions options, MimeMessage message)";
        Diagnosis d = Pasted.explainAt(mailKit, "mail.example-hosting.net", 465);
        assertNotEquals(Setting.PORT, d.setting(), d.ruleId());
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
        // the server answered with a temporary refusal of its own: nothing timed out on this side
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
        // System.Net.Mail's SmtpClient on 465 still gets its own reading
        Diagnosis old = Pasted.explainAt("System.Net.Mail.SmtpException: The operation has timed out.\n"
                + "   at System.Net.Mail.SmtpClient.Send(MailMessage message)", "smtp.example.net", 465);
        assertEquals(Setting.PORT, old.setting(), old.ruleId());
    }

    /**
     * A documented server name of a large sending service that the computer cannot look up is no typo: the name is
     * right, so this computer's name lookup (DNS) fails (ra41-0026, "getaddrinfo ENOTFOUND" for smtp.mailgun.org,
     * answered "check the server name" at high confidence; the asker's rebuilt machine sent fine).
     */
    @ParameterizedTest
    @ValueSource(strings = {"smtp.mailgun.org", "smtp.eu.mailgun.org", "smtp.sendgrid.net"})
    void aSendingServicesOwnNameThatDoesNotResolveIsTheNetwork(String host) {
        Diagnosis d = Pasted.explainAt("Error: getaddrinfo ENOTFOUND " + host, host, 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        Diagnosis python = Pasted.explainAt("socket.gaierror: [Errno -2] Name or service not known", host, 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, python.setting(), python.ruleId());
        // a name nobody documents stays the server name
        Diagnosis typo = Pasted.explainAt("Error: getaddrinfo ENOTFOUND smtp.mailgunn.org", "smtp.mailgunn.org", 587);
        assertEquals(Setting.SERVER_HOST, typo.setting(), typo.ruleId());
    }

    /**
     * Postfix's "SMTPUTF8 is required, but was not offered by host" is about an address with non-English characters
     * that the next server cannot take (RFC 6531), not about encryption, though Postfix words its TLS refusal the same
     * way (rb41-0044, rb41-0045, rb41-0047, answered "set the connection security").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "status=bounced (SMTPUTF8 is required, but was not offered by host mx.example.net[192.0.2.7])",
            "Action: failed\nStatus: 5.6.7\nDiagnostic-Code: X-Postfix; SMTPUTF8 is required, but was not offered by"
                    + " host\n    mx.example.net[192.0.2.7]",
            "<müller@example.de>: SMTPUTF8 is required, but was not offered by host ::1[::1]"})
    void smtputf8RequiredIsTheMessagesAddressesNotTheEncryption(String pasted) {
        Diagnosis d = Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, Confidence.MEDIUM, pasted);
        assertTrue(Pasted.offers(d, Setting.SENDER_ADDRESS), d.alternatives()::toString);
        assertTrue(Pasted.offers(d, Setting.CONTACT_PROVIDER), d.alternatives()::toString);
        // the same words about TLS stay the connection security
        Pasted.explainsAs(Setting.SECURITY, "status=deferred (TLS is required, but was not offered by host"
                + " mx.example.net[192.0.2.7])");
    }

    /** Exim's "message has lines too long for transport" and Gmail's refusal of a From: with several addresses. */
    @ParameterizedTest
    @ValueSource(strings = {
            "2021-11-15 15:59:54 1mmdSc-0007cW-Q0 ** friend@example.net R=dnslookup T=remote_smtp: message has lines"
                    + " too long for transport",
            "550 5.7.1 [192.0.2.9 13] Messages with multiple addresses in From: header are not accepted. - gsmtp"})
    void theMessagesOwnShapeIsTheMessage(String pasted) {
        Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
    }

    /**
     * A program's summary that counts failures by kind ("auth_failures=0 network_failures=0") names no failure by the
     * kinds it counts as none (ra40-0034, Watchtower's summary read as a refused sign-in).
     */
    @Test
    void aCounterOfNoFailuresIsNoFailure() {
        String summary = "level=warning msg=\"Notification send completed with failures\" auth_failures=0"
                + " failed_count=1 network_failures=0 success_count=0";
        assertTrue(ReplyParser.parse(summary).failureKind().isEmpty(), summary);
        // a count above none is still read as what it counts
        assertEquals(Setting.PASSWORD, Pasted.explain("SMTP auth failed: 535 5.7.8 auth_failures=3").setting());
    }

    /**
     * A web page's path in a framework's error page ("SMTPSenderRefused at /password_reset/") is where the program was,
     * not a sentence about a refused password (rb42-0057: Gmail's "530 5.5.1 Authentication Required" was answered
     * "use an app password" at high confidence for the path's words).
     */
    @Test
    void aPagesPathIsNoSentenceAboutTheFailure() {
        String django = "SMTPSenderRefused at /password_reset/\n\n(530, b'5.5.1 Authentication Required. Learn more at\\n"
                + "5.5.1  https://support.google.com/mail/?p=WantAuthError q3sm8571800qte.0 - gsmtp', 'me@example.org')";
        Diagnosis d = Pasted.explainAt(django, "smtp.gmail.com", 587);
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
        assertEquals(Pasted.explainAt(django.replace("/password_reset/", "/reset/"), "smtp.gmail.com", 587).ruleId(),
                d.ruleId());
    }

    /**
     * A success reply inside a program's exception ("RuntimeException … 2.7.0 Authentication successful": the program
     * expected another form of reply) is no proof that sending works (rb42-0055, answered "works" at high confidence).
     */
    @Test
    void aSuccessReplyInsideAnExceptionIsNotSureToWork() {
        Diagnosis d = Pasted.explain("Zend\\Mail\\Protocol\\Exception\\RuntimeException\n2.7.0 Authentication successful\n"
                + "#0 vendor/zendframework/zend-mail/src/Protocol/Smtp/Auth/Plain.php(74): _expect()");
        assertEquals(Confidence.LOW, d.confidence(), d.ruleId());
    }

    /**
     * Python's smtplib sends a message given as text in ASCII only: a traceback through its sendmail's
     * {@code _fix_eols(msg).encode('ascii')} is the message's non-English characters, not a mail setting (rb42-0101,
     * rb42-0104, answered "no conclusion").
     */
    @Test
    void smtplibsAsciiOnlyMessageIsTheMessage() {
        Diagnosis d = Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, Confidence.MEDIUM, """
                  File "/opt/app/report.py", line 40, in send_report
                    server.sendmail(sender, recipients, body)
                  File "/usr/lib/python3.11/smtplib.py", line 876, in sendmail
                    msg = _fix_eols(msg).encode('ascii')
                UnicodeEncodeError: 'ascii' codec can't encode character '\\xfc' in position 312: ordinal not in range(128)""");
        assertEquals("explain.content.not_ascii_message", d.ruleId());
    }

    /**
     * A program that refuses a header value with a line break in it (Django's BadHeaderError, Python's email policy,
     * PHP's mail() with blank lines among extra headers) most often has it in the subject or in extra headers built
     * from a template or a form: the message, with the sender's settings next (rc43-0034, rc43-0039, rc43-0055,
     * rc43-0056, rc43-0058, rc43-0059, read while round 43's other half stayed unread; one older train record labelled
     * the sender now reads as the message with the sender next).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "django.core.mail.message.BadHeaderError: Header values can't contain newlines (got 'Weekly report\\n'"
                    + " for header 'Subject')",
            "ValueError: Header values may not contain linefeed or carriage return characters",
            "PHP Warning:  mail(): Multiple or malformed newlines found in additional_header in /var/www/contact.php"})
    void aLineBreakInAHeaderValueIsTheMessage(String pasted) {
        Diagnosis d = Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, Confidence.MEDIUM, pasted);
        assertTrue(Pasted.offers(d, Setting.SENDER_ADDRESS), d.alternatives()::toString);
        // .NET's wording names no line break: the sender's name or address stays first
        Pasted.explainsAs(Setting.SENDER_ADDRESS, "System.FormatException: An invalid character was found in the mail"
                + " header: ','.");
    }

    /**
     * Apache Commons Email's "Cannot find valid hostname for mail session" is the server-name setting left empty
     * (rc43-0026, answered "no conclusion").
     */
    @Test
    void aMailSessionWithoutAHostNameIsTheServerName() {
        Pasted.explainsAs(Setting.SERVER_HOST, "org.apache.commons.mail.EmailException: Cannot find valid hostname for"
                + " mail session\n\tat org.apache.commons.mail.Email.getMailSession(Email.java:647)");
    }
}
