package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.ProbeSession;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.StagedMailServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/** "Test my settings" checks the alternatives before it suggests one, and Cancel stops that check too. */
class CheckVerifiesAlternativesTest {

    private static CoreEngine engine(FinderOptions.StandardPorts ports) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withGreetingWait(Duration.ofMillis(500)).withTrustedCertificates(List.of(TestCertificates.ca()));
        return new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults().withPorts(ports),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static AccountSettings relayPortSettings(StagedMailServer s) {
        return new AccountSettings(s.host(), s.relay().port(), Security.NONE, AuthMethod.AUTO,
                StagedMailServer.USER, Secret.of(StagedMailServer.PASSWORD), StagedMailServer.USER,
                StagedMailServer.EXTERNAL_RECIPIENT);
    }

    @Test
    void aRelayPortFailureIsAnsweredWithTheCheckedSubmissionPort() {
        try (StagedMailServer server = StagedMailServer.builder(StagedMailServer.Mta.POSTFIX).start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(server.implicitTls().port(),
                    server.submission().port(), server.relay().port()));

            Engine.Checked checked = engine.check(engine.newProbeRun(false), relayPortSettings(server),
                    ProbeListener.NONE);

            assertTrue(checked.verification().ran());
            assertEquals(Setting.PORT, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(String.valueOf(server.submission().port()),
                    checked.diagnosis().suggestedValue().orElseThrow().neutral());
            assertTrue(checked.diagnosis().explanation().contains("checked just now"),
                    checked.diagnosis().explanation());
            var advice = engine.advise(checked.diagnosis(), MailClient.THUNDERBIRD,
                    Optional.of(relayPortSettings(server)));
            assertEquals(2, advice.changes().size(), advice.toString());
            assertTrue(server.allLines().stream().noneMatch(l -> l.startsWith("AUTH")), "no credential went out");
        }
    }

    @Test
    void aRelayRefusalWhereNoPortOffersSignInSaysSoInsteadOfAssumingSignInBehindStarttls() throws Exception {
        try (FakeSmtpServer relay = FakeSmtpServer.builder().starttls(TestCertificates.forNames("127.0.0.1"))
                .reply(Verb.RCPT, "554 5.7.1 <bob@example.org>: Relay access denied").start()) {
            int closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            CoreEngine engine = engine(new FinderOptions.StandardPorts(closed, closed, relay.port()));
            AccountSettings typed = new AccountSettings("127.0.0.1", relay.port(), Security.NONE, AuthMethod.NONE,
                    "", Secret.empty(), "ann@example.test", "bob@example.org");

            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);

            assertTrue(checked.verification().ran());
            assertEquals("verified.nothing.relay", checked.diagnosis().ruleId());
            assertEquals(org.smtpdoctor.diagnosis.Confidence.LOW, checked.diagnosis().confidence());
            assertTrue(checked.diagnosis().changes().stream().noneMatch(c -> c.setting() == Setting.SECURITY),
                    "no STARTTLS-and-sign-in advice that was not seen to work: " + checked.diagnosis().changes());
            assertTrue(checked.diagnosis().explanation().contains("not even after encryption"),
                    checked.diagnosis().explanation());
        }
    }

    @Test
    void aFailureOnThePortItselfIsNotVerifiedElsewhere() {
        try (StagedMailServer server = StagedMailServer.builder(StagedMailServer.Mta.EXIM).start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(server.implicitTls().port(),
                    server.submission().port(), server.relay().port()));
            AccountSettings wrongPassword = new AccountSettings(server.host(), server.submission().port(),
                    Security.STARTTLS, AuthMethod.AUTO, StagedMailServer.USER, Secret.of("wrong"), "", "");

            Engine.Checked checked = engine.check(engine.newProbeRun(false), wrongPassword, ProbeListener.NONE);

            // no other port is tried; only one more sign-in on the same port, with the other form of the user name
            assertTrue(checked.verification().checks().stream()
                    .allMatch(c -> c.port() == server.submission().port()), checked.verification().toString());
            assertEquals(Setting.PASSWORD, checked.diagnosis().setting());
        }
    }

    @Test
    void cancelStopsTheCheckOfTheAlternatives() throws Exception {
        try (FakeSmtpServer relay = FakeSmtpServer.builder().start();
                FakeSmtpServer hole = FakeSmtpServer.builder().blackHole().start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(hole.port(), hole.port(), relay.port()));
            ProbeSession run = engine.newProbeRun(false);
            // with a sign-in, so that only the black holes are checked (without one, the loopback relay's own port
            // without encryption would be checked too, and answer at once)
            AccountSettings settings = new AccountSettings(relay.host(), relay.port(), Security.STARTTLS,
                    AuthMethod.AUTO, StagedMailServer.USER, Secret.of("not-sent"), "", "");
            CompletableFuture<Engine.Checked> checked = CompletableFuture.supplyAsync(
                    () -> engine.check(run, settings, ProbeListener.NONE));
            hole.awaitConnections(1, Duration.ofSeconds(5));
            long start = System.nanoTime();
            run.cancel();

            Engine.Checked result = checked.get(5, TimeUnit.SECONDS);

            assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "stopped promptly");
            assertTrue(result.verification().firstAnswering().isEmpty());
        }
    }
}
