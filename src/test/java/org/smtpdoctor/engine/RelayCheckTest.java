package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * Without sign-in and without a recipient, the check of the typed settings tries one recipient at a reserved domain
 * of another owner, so "it works" rests on whether the server passes mail on without sign-in (what "Relay access
 * denied" is about) rather than on a sender it took: a refusal in words about relaying is the sign-in answer, an
 * acceptance is "works", any other refusal concludes nothing. Nothing is sent in any case.
 */
class RelayCheckTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";

    private static CoreEngine engine() throws IOException {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
        return new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults().withPorts(
                new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort())),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Engine.Checked check(FakeSmtpServer server) throws IOException {
        CoreEngine engine = engine();
        AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.NONE, AuthMethod.NONE, "",
                Secret.empty(), USER, "");
        return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);
    }

    private static FakeSmtpServer answeringRecipients(String reply) {
        return FakeSmtpServer.builder().greeting("220 mail.example.test ESMTP").auth(USER, PASSWORD, "PLAIN", "LOGIN")
                .on(Verb.RCPT, (command, session) -> session.isAuthenticated() ? Action.proceed()
                        : Action.reply(reply))
                .start();
    }

    @Test
    void aServerThatPassesMailOnOnlyAfterSignInIsToldSignInNotThatItWorks() throws IOException {
        try (FakeSmtpServer server = answeringRecipients("554 5.7.1 <postmaster@example.net>: Relay access denied")) {
            Engine.Checked checked = check(server);
            Diagnosis d = checked.diagnosis();
            assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + d.title());
            assertEquals(Phase.RCPT_TO, checked.result().failedPhase().orElseThrow());
            assertTrue(server.allClearLines().stream().noneMatch(l -> l.startsWith("DATA")), "nothing is sent");
            assertEquals("", checked.result().settings().recipient(), "the typed settings stay as typed");
        }
    }

    @Test
    void aServerThatTakesARecipientElsewhereWithoutSignInWorks() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("220 mail.example.test ESMTP").start()) {
            Engine.Checked checked = check(server);
            assertEquals(Verdict.WORKS, checked.diagnosis().verdict());
            assertEquals("works.without_signin.relay_checked", checked.diagnosis().ruleId());
            assertTrue(checked.diagnosis().explanation().contains("another domain"), checked.diagnosis().explanation());
            assertTrue(checked.result().passed(Phase.RCPT_TO));
            assertTrue(server.allClearLines().stream().noneMatch(l -> l.startsWith("DATA")), "nothing is sent");
        }
    }

    @Test
    void aRefusalInOtherWordsConcludesNothing() throws IOException {
        try (FakeSmtpServer server = answeringRecipients("550 5.1.2 <postmaster@example.net>: Domain not found")) {
            Engine.Checked checked = check(server);
            ProbeResult r = checked.result();
            assertEquals(Verdict.WORKS, checked.diagnosis().verdict());
            assertEquals("works.without_signin.no_recipient", checked.diagnosis().ruleId());
            assertEquals(StepOutcome.SKIPPED, r.step(Phase.RCPT_TO).orElseThrow().outcome());
            assertEquals("", r.settings().recipient(), "no recipient the user did not give is reported as theirs");
        }
    }
}
