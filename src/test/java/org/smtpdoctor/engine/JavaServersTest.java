package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Diagnoser;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * Replies of mail servers inside Java and Python programs, run for real on loopback where the advice was wrong or
 * its reason untrue (docs/REAL-SERVERS.md, tenth session): Apache James 3.8.1, SubEthaSMTP 7.1.1 (the SMTP server
 * library of many Java applications) and Twisted 22.4's ESMTP server. The libraries refuse with their own default
 * words, which say nothing of why: SubEthaSMTP's {@code RejectException} is "554 Transaction failed" and its
 * listener adapter's "553 &lt;…&gt; address unknown.", Twisted's {@code SMTPBadRcpt} is "550 Cannot receive for
 * specified address". James lists its sign-in methods twice ({@code AUTH LOGIN PLAIN} and {@code AUTH=LOGIN PLAIN}) and
 * refuses a sender the signed-in user does not own with "503 5.7.1 Incorrect Authentication for Specified Email
 * Address".
 */
class JavaServersTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";
    private static final String EXTERNAL = "bob@remote.invalid";

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static CoreEngine engine(FinderOptions.StandardPorts ports) {
        return new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults().withPorts(ports),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static CoreEngine engineWithoutOtherPorts() throws IOException {
        return engine(new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort()));
    }

    private static Engine.Checked check(CoreEngine engine, AccountSettings typed) {
        return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A port-25 style server as the wizard is usually filled in: no sign-in, no encryption, no recipient. */
    private static AccountSettings withoutSignInOrRecipient(int port) {
        return new AccountSettings("127.0.0.1", port, Security.NONE, AuthMethod.NONE, "", Secret.empty(), USER, "");
    }

    private static Map<Setting, Optional<SettingValue>> changes(Diagnosis d) {
        return d.changes().stream().collect(Collectors.toMap(Change::setting, Change::to));
    }

    /** STARTTLS and sign-in listed; a recipient at another domain refused with the given words until signed in. */
    private static FakeSmtpServer refusingOtherDomainsUntilSignedIn(String greeting, String refusal) {
        return RelayRefusingServer.start(greeting, refusal, USER, PASSWORD);
    }

    /**
     * The relay check's recipient refused in a library's bare words, on a server that offers sign-in: the answer is
     * sign-in (with STARTTLS), as for a recipient the user gave, not "your settings work"; following it once, mail
     * to another domain is taken.
     */
    private static void assertBareRefusalIsTheSignInAnswer(FakeSmtpServer server) throws IOException {
        AccountSettings typed = withoutSignInOrRecipient(server.port());
        Engine.Checked checked = check(engineWithoutOtherPorts(), typed);
        Diagnosis d = checked.diagnosis();

        assertNotEquals(Verdict.WORKS, d.verdict(), d.ruleId() + ": " + d.title());
        Map<Setting, Optional<SettingValue>> changes = changes(d);
        assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), changes.get(Setting.AUTH_METHOD),
                d.ruleId() + ": " + d.changes());
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), changes.get(Setting.SECURITY));
        assertEquals(Phase.RCPT_TO, checked.result().failedPhase().orElseThrow());
        assertEquals("", checked.result().settings().recipient(), "the typed settings stay as typed");
        assertTrue(server.allClearLines().stream().noneMatch(l -> l.startsWith("DATA")), "nothing is sent");

        AccountSettings followed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                AuthMethod.PLAIN, USER, Secret.of(PASSWORD), USER, EXTERNAL);
        assertTrue(new Prober(options()).probe(followed, ProbeListener.NONE).success(), "following it once works");
    }

    @Test
    void subEthaSmtpDefaultRefusalOfTheRelayCheckIsTheSignInAnswer() throws IOException {
        try (FakeSmtpServer server = refusingOtherDomainsUntilSignedIn("220 mail.example.test ESMTP SubEthaSMTP null",
                "554 Transaction failed")) {
            assertBareRefusalIsTheSignInAnswer(server);
        }
    }

    @Test
    void twistedDefaultRefusalOfTheRelayCheckIsTheSignInAnswer() throws IOException {
        try (FakeSmtpServer server = refusingOtherDomainsUntilSignedIn(
                "220 mail.example.test NO UCE NO UBE NO RELAY PROBES ESMTP", "550 Cannot receive for specified address")) {
            assertBareRefusalIsTheSignInAnswer(server);
        }
    }

    /** A refusal that speaks of the address (its mailbox, its domain) may be a check of the reserved domain. */
    @Test
    void aRefusalAboutTheAddressStillConcludesNothing() throws IOException {
        for (String refusal : List.of("553 <postmaster@example.net> address unknown.",
                "550 5.1.2 <postmaster@example.net>: Recipient address rejected: Domain not found")) {
            try (FakeSmtpServer server = refusingOtherDomainsUntilSignedIn("220 mail.example.test ESMTP", refusal)) {
                Diagnosis d = check(engineWithoutOtherPorts(), withoutSignInOrRecipient(server.port())).diagnosis();

                assertEquals("works.without_signin.no_recipient", d.ruleId(), refusal + ": " + d.title());
            }
        }
    }

    /** A server that offers no sign-in cannot be told to sign in: a bare refusal there concludes nothing either. */
    @Test
    void aBareRefusalFromAServerWithoutSignInConcludesNothing() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("220 mail.example.test ESMTP SubEthaSMTP null")
                .reply(Verb.RCPT, "554 Transaction failed").start()) {
            Diagnosis d = check(engineWithoutOtherPorts(), withoutSignInOrRecipient(server.port())).diagnosis();

            assertEquals("works.without_signin.no_recipient", d.ruleId(), d.title());
        }
    }

    /** SubEthaSMTP's "553 <…> address unknown." for a recipient: the mailbox does not exist, not "written wrongly". */
    @Test
    void subEthaSmtpAddressUnknownSaysTheRecipientDoesNotExist() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("220 mail.example.test ESMTP SubEthaSMTP null")
                .starttls(TestCertificates.localhost()).auth(USER, PASSWORD, "PLAIN", "LOGIN")
                .reply(Verb.RCPT, "553 <nobody@example.test> address unknown.").start()) {
            AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS, AuthMethod.AUTO,
                    USER, Secret.of(PASSWORD), USER, "nobody@example.test");
            Diagnosis probed = check(engineWithoutOtherPorts(), typed).diagnosis();
            Diagnosis pasted = new Diagnoser().explain("553 <nobody@example.test> address unknown.",
                    ExplainContext.none());
            Diagnosis unknownUser = new Diagnoser().explain("550 5.1.1 <nobody@example.test>: Recipient address"
                    + " rejected: User unknown in virtual mailbox table", ExplainContext.none());

            for (Diagnosis d : List.of(probed, pasted)) {
                assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), d.ruleId() + ": " + d.title());
                assertEquals(unknownUser.title(), d.title(), d.ruleId());
            }
        }
    }

    /** James's words for a sender the signed-in user does not own, pasted: the sender address, not the provider. */
    @Test
    void jamesIncorrectAuthenticationForTheSenderPastedNamesTheSenderAddress() {
        Diagnosis d = new Diagnoser().explain("503 5.7.1 Incorrect Authentication for Specified Email Address",
                ExplainContext.none());

        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + d.title());
    }

    /** James lists AUTH twice (the standard and the old "AUTH=" form): each method is named once. */
    @Test
    void jamesTwoAuthLinesNameEachMethodOnce() throws IOException {
        try (FakeSmtpServer submission = FakeSmtpServer.builder().greeting("220 Apache JAMES awesome SMTP Server")
                .starttls(TestCertificates.localhost()).auth(USER, PASSWORD, "LOGIN", "PLAIN")
                .extensions("AUTH=LOGIN PLAIN", "PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME").start()) {
            AccountSettings typed = new AccountSettings("127.0.0.1", closedPort(), Security.STARTTLS, AuthMethod.AUTO,
                    USER, Secret.of(PASSWORD), USER, EXTERNAL);
            Diagnosis d = check(engine(new FinderOptions.StandardPorts(closedPort(), submission.port(), closedPort())),
                    typed).diagnosis();

            assertEquals(Optional.of(SettingValue.port(submission.port())), changes(d).get(Setting.PORT),
                    d.ruleId() + ": " + d.changes());
            assertTrue(d.explanation().contains("(LOGIN, PLAIN)"), d.explanation());
            assertFalse(d.explanation().contains("PLAIN, LOGIN"), d.explanation());
        }
    }
}
