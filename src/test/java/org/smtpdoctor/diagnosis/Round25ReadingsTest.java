package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from the two answers round 25 gave wrong at high confidence (each moved to train and read first): a
 * greeting Jakarta Mail calls bad, quoting the server's refusal, is a server that was reached and refused the
 * connection (163's "554 HL:IHU spammer" was "port 25 is not your provider's" at high confidence beside the server's
 * name, and "the message's content" without it: "spammer" names the sender's address, not a message); a relay
 * refusal in a server's log whose client is that server's own computer is no missing sign-in of a mail program
 * ("sign in" at high confidence, where the program's server setting or the server's own trust was the fix). From
 * round 26's four dangerous answers and its two wrong at high confidence: a server's reply that says it takes nothing
 * unencrypted outranks the program's "authentication failed" (Yandex's 530 in a transcript was "app password" at
 * high); MailCore's "current session's credentials" also means a sign-in the server did not offer on a plain
 * connection, so the connection security is among its alternatives; a port the text shows timing out is never the
 * advice (a log of 25, 587 and 465 all timing out was "use 587" at high), and "SMTPS on 465" names a port, not a reply.
 * From round 27's two: an error name such as {@code ENOTFOUND} holds only where a word starts ({@code
 * ModuleNotFoundError} was "the server name does not exist" at high) and Mono's {@code <filename unknown>} names no
 * host; a program that lacks its own mail module is no mail setting; an application's own web server port
 * ({@code :80 (http)}) is not the mail port ("port 80 is something else" at high). And from train's answers wrong at
 * high confidence: a port the provider's documentation does not list is only medium for pasted text, where nothing
 * could be checked (GoDaddy's 587, missing from the data, was "not one your provider uses" at high); and a port advised
 * alone ("Port 465" to a program on STARTTLS) comes with the security it goes with.
 */
class Round25ReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "send mail failed, reason is Mail server connection failed; nested exception is"
                + " javax.mail.MessagingException: Got bad greeting from SMTP host: smtp.163.com, port: 25, response:"
                + " 554 HL:IHU  spammer,163 gzga-smtp-mtada-g1-4,_____wDHTwenLDFpTAxjDw--.240S0 1764830376",
        "jakarta.mail.MessagingException: Got bad greeting from SMTP host: smtp.example.org, port: 25, response: 554"
                + " 5.7.1 Your IP 203.0.113.5 is listed at zen.spamhaus.org",
        "org.springframework.mail.MailSendException: Mail server connection failed; nested exception is"
                + " javax.mail.MessagingException: Got bad greeting from SMTP host: smtp.qq.com, port: 25, response:"
                + " 554 IP<198.51.100.7> in blacklist"})
    void aBadGreetingQuotingARefusalIsAServerThatWasReachedAndRefusedTheConnection(String pasted) {
        PastedEvidence e = ReplyParser.parse(pasted);
        assertEquals(Optional.of(Phase.GREETING), e.phase(), "the refusal answered the connection");
        assertNotEquals(Optional.of(FailureKind.CONNECT_TIMEOUT), e.failureKind(), "a server that answered");
        Set<Setting> connectionRefused = Set.of(Setting.NETWORK_OR_FIREWALL, Setting.CONTACT_PROVIDER);
        Diagnosis d = explain(pasted);
        assertTrue(connectionRefused.contains(d.setting()), d.setting() + " by " + d.ruleId());
        Diagnosis beside = explainAt(pasted, e.host().orElse("smtp.163.com"), 25);
        assertTrue(connectionRefused.contains(beside.setting()), beside.setting() + " by " + beside.ruleId());
        assertNotEquals(Confidence.HIGH, beside.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javax.mail.MessagingException: Got bad greeting from SMTP host: mail.example.com, port: 587, response: 421"
                + " Service not available, closing transmission channel",
        "Could not connect to SMTP host: mail.example.com, port: 587, response: 421"})
    void aBadGreetingWithATemporaryRefusalIsToBeTriedAgain(String pasted) {
        explainsAs(Setting.WAIT_AND_RETRY, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NOQUEUE: reject: RCPT from localhost[::1]: 454 4.7.1 <alerts@lists.example.org>: Relay access denied;"
                + " from=<monit@web1.example.org> to=<alerts@lists.example.org> proto=ESMTP helo=<web1>",
        "Jan  3 10:00:01 mx postfix/smtpd[99]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 554 5.7.1"
                + " <bob@example.org>: Relay access denied; from=<root@host> to=<bob@example.org> proto=ESMTP"
                + " helo=<host>",
        "postfix/smtpd[4411]: NOQUEUE: reject: RCPT from unknown[IPv6:::1]: 554 5.7.1 <ops@example.net>: Relay"
                + " access denied; from=<cron@backup> to=<ops@example.net> proto=SMTP"})
    void aRelayRefusedToAProgramOnTheServersOwnComputerIsNoMissingSignInOfAMailProgram(String pasted) {
        Diagnosis d = explainsAs(Setting.SERVER_HOST, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.AUTH_METHOD), "signing in stays the next thing to try");
        assertTrue(offers(d, Setting.CONTACT_PROVIDER), "or the server's operator lets its own computer send");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NOQUEUE: reject: RCPT from unknown[172.17.0.1]: 554 5.7.1 <x@example.com>: Relay access denied;"
                + " from=<postmaster@example.cn> to=<x@example.com> proto=ESMTP helo=<desktop>",
        "NOQUEUE: reject: RCPT from office.example.edu[198.51.100.11]: 554 5.7.1 : Relay access denied",
        "554 5.7.1 <bob@example.org>: Relay access denied"})
    void aRelayRefusedToAnotherComputerStillAsksForSignIn(String pasted) {
        explainsAs(Setting.AUTH_METHOD, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "220 smtp4o.mail.yandex.net ESMTP\nEHLO localhost\n250-smtp4o.mail.yandex.net\n250-STARTTLS\n"
                + "250 AUTH LOGIN PLAIN XOAUTH2\nAUTH PLAIN xxx\n530 5.7.7 Email sending without SSL/TLS encryption is"
                + " not allowed. Please see: http://help.yandex.ru/mail/mail-clients/ssl.xml\nQUIT\n"
                + "Error sending e-mail: SMTP authentication failed",
        "530 5.7.7 Email sending without SSL/TLS encryption is not allowed.",
        "SMTP Error: Could not authenticate. 554 5.7.1 Mail relay over an unencrypted connection is not permitted",
        "smtplib.SMTPAuthenticationError: (530, b'Sending mail over an insecure connection is forbidden')"})
    void aServerThatTakesNothingUnencryptedOutranksTheProgramsFailedSignIn(String pasted) {
        assertNotEquals(Optional.of(FailureKind.AUTH_REJECTED), ReplyParser.parse(pasted).failureKind());
        explainsAs(Setting.SECURITY, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "530 5.7.0 Plaintext authentication disallowed without SSL/TLS, use a stronger password method",
        "535 Authentication failed: unencrypted connection is not allowed for this password"})
    void wordsAboutThePasswordStayWithTheSignInReadings(String pasted) {
        assertNotEquals(Optional.of(FailureKind.TLS_REQUIRED_BY_SERVER), ReplyParser.parse(pasted).failureKind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error sending email: Error Domain=MCOErrorDomain Code=5 \"Unable to authenticate with the current session's"
                + " credentials.\" UserInfo=0x1308c500 {NSLocalizedDescription=Unable to authenticate with the current"
                + " session's credentials.}",
        "Error Domain=MCOErrorDomain Code=5 \"Unable to authenticate with the current session\u2019s credentials.\""})
    void mailCoresFailedSignInIsTheConnectionSecurityWithThePasswordNext(String pasted) {
        // round 28: MailCore's connection is unencrypted unless the program sets it, so the connection security is
        // the answer and the password the alternative (Round28ConnectionReadingsTest)
        Diagnosis d = explainAt(pasted, "smtp.example.com", 587);
        assertEquals(Setting.SECURITY, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(d.changes().stream().anyMatch(c -> c.setting() == Setting.SECURITY
                && c.to().map(v -> v.neutral().equals("STARTTLS")).orElse(false)), d.changes().toString());
        assertTrue(d.alternatives().stream().anyMatch(a -> a.setting() == Setting.PASSWORD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[info]SMTP STARTTLS on 25 Send Error. dial tcp 203.0.113.57:25: i/o timeout\n"
                + "[info]SMTPS on 587 Send Error. dial tcp 203.0.113.57:587: i/o timeout\n"
                + "[info]SMTPS on 465 Send Error. dial tcp 203.0.113.57:465: i/o timeout\n"
                + "[error]delivery failed dial tcp 203.0.113.57:25: i/o timeout",
        "Error: connect ETIMEDOUT 192.0.2.10:587\nError: connect ETIMEDOUT 192.0.2.10:465\n"
                + "Error: connect ETIMEDOUT 192.0.2.10:25",
        "Trying port 587 ... Connection timed out\nTrying port 465 ... Connection timed out"})
    void noPortTheTextShowsTimingOutIsOffered(String pasted) {
        Diagnosis d = explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
        assertTrue(d.alternatives().stream().noneMatch(a -> a.setting() == Setting.PORT
                && a.suggestedValue().map(v -> v.neutral().equals("587") || v.neutral().equals("465")).orElse(false)),
                d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dial tcp 203.0.113.5:25: i/o timeout", "Error: connect ETIMEDOUT 74.125.1.1:25"})
    void aPortTheTextDoesNotShowFailingIsStillOffered(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals("587", d.suggestedValue().orElseThrow().neutral());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMTPS on 465 Send Error. dial tcp 203.0.113.57:465: i/o timeout",
        "Connecting on 587 Failed: network unreachable"})
    void theMailPortsAreNeverReadAsReplyCodes(String pasted) {
        assertTrue(ReplyParser.parse(pasted).code().isEmpty(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ModuleNotFoundError: No module named 'aiosmtplib'",
        "at System.Net.Mail.SmtpClient.Send (System.Net.Mail.MailMessage message) [0x00000] in <filename unknown>:0",
        "Exception in thread main: TimeoutException: SomethingEnotfoundish happened"})
    void anErrorNameInsideAnotherWordNamesNoUnknownHost(String pasted) {
        assertNotEquals(Optional.of(FailureKind.UNKNOWN_HOST), ReplyParser.parse(pasted).failureKind());
        assertNotEquals(Setting.SERVER_HOST, explain(pasted).setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error: getaddrinfo ENOTFOUND smtp.example.com", "{ code: 'ENOTFOUND', syscall: 'getaddrinfo' }",
        "queryA ENOTFOUND mail.example.org"})
    void anErrorNameAtAWordsStartStillNamesAnUnknownHost(String pasted) {
        assertEquals(Optional.of(FailureKind.UNKNOWN_HOST), ReplyParser.parse(pasted).failureKind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "** (UndefinedFunctionError) function Swoosh.Adapters.SMTP.handle_config/1 is undefined (module"
                + " Swoosh.Adapters.SMTP is not available)",
        "ModuleNotFoundError: No module named 'aiosmtplib'",
        "Error: Cannot find module 'nodemailer'\nRequire stack:\n- /app/mailer.js",
        "PHP Fatal error:  Uncaught Error: Class 'PHPMailer\\PHPMailer\\PHPMailer' not found in /var/www/send.php:12",
        "System.IO.FileNotFoundException: Could not load file or assembly 'MailKit, Version=4.3.0.0'",
        "cannot load such file -- net/smtp (LoadError)"})
    void aProgramWithoutItsOwnMailPartHasNoMailSettingToChange(String pasted) {
        Diagnosis d = explainsAs(Setting.NONE, pasted);
        assertEquals("explain.program.mail_component_missing", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"module smtp_relay is not available on this plan: 550 5.7.1 Relaying denied",
        "Class 'Mail' not found but 535 5.7.8 Authentication failed"})
    void aServerReplyBesideTheModuleWordsIsReadAsTheReply(String pasted) {
        assertNotEquals(Setting.NONE, explain(pasted).setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Server: app.example.org:80 (http)\nRequest: POST /api\n** (exit) an exception was raised",
        "Server: app.example.org:443 (https) Request: GET /settings/mail"})
    void anApplicationsOwnWebServerPortIsNotTheMailPort(String pasted) {
        assertTrue(ReplyParser.parse(pasted).port().isEmpty(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMTP ERROR: Failed to connect to server: Connection timed out (110)",
        "Error: connect ETIMEDOUT 192.0.2.10:2525"})
    void aPortMissingFromTheProvidersDocumentationIsNoCertaintyInPastedText(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.gmail.com", 2525);
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence(), "nothing was checked: the documentation may be incomplete");
        // followed once, it works: the documented port comes with its security, and no alternative contradicts it
        assertTrue(d.changes().stream().anyMatch(c -> c.setting() == Setting.SECURITY
                && c.to().map(v -> v.neutral().equals("SSL/TLS")).orElse(false)), d.changes().toString());
        assertTrue(d.alternatives().stream().noneMatch(a -> a.setting() == Setting.SECURITY), d.alternatives().toString());
    }
}
