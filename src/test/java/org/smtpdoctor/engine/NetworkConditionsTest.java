package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * Something between the mail program and the server, staged as the real conditions were met on loopback
 * (docs/REAL-SERVERS.md, "Network conditions"): a firewall whose SMTP inspection masks STARTTLS in the EHLO reply
 * (Cisco ASA/PIX answers {@code 250-XXXXXXXA}), and a network that sends one port to another server (a port-25
 * redirect to the internet provider's relay), whose certificate is for that other server's name.
 */
class NetworkConditionsTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Secr3t-pass";

    private static CoreEngine engine(int implicitTls, int submission, int relay) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withGreetingWait(Duration.ofMillis(500)).withTrustedCertificates(List.of(TestCertificates.ca()));
        return new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults()
                .withPorts(new FinderOptions.StandardPorts(implicitTls, submission, relay)),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static AccountSettings signingIn(String host, int port, Security security) {
        return new AccountSettings(host, port, security, AuthMethod.AUTO, USER, Secret.of(PASSWORD), USER,
                "bob@example.org");
    }

    /** What the firewall leaves of a STARTTLS port: the offer masked, so sign-in (behind STARTTLS) is not seen. */
    private static FakeSmtpServer.Builder masked() {
        return FakeSmtpServer.builder().serverName("mail.example.test")
                .extensions("PIPELINING", "SIZE 10240000", "XXXXXXXA", "8BITMIME")
                .auth(USER, PASSWORD).authOnlyAfterTls();
    }

    /** One check as the wizard runs it, signing in on {@code server}'s port with {@code security}. */
    private static Engine.Checked signIn(CoreEngine engine, FakeSmtpServer server, Security security) {
        return engine.check(engine.newProbeRun(false), signingIn(server.host(), server.port(), security),
                ProbeListener.NONE);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aMaskedStarttlsOfferNamesTheFirewallWhenAnotherPortIsCheckedToWork() throws IOException {
        try (FakeSmtpServer submission = masked().start();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                        .auth(USER, PASSWORD).start()) {
            CoreEngine engine = engine(implicit.port(), submission.port(), closedPort());

            Engine.Checked checked = signIn(engine, submission, Security.STARTTLS);

            assertEquals(Setting.PORT, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(String.valueOf(implicit.port()), checked.diagnosis().suggestedValue().orElseThrow().neutral());
            String explanation = checked.diagnosis().explanation();
            assertTrue(explanation.contains("XXXXXXXA") && explanation.contains("firewall"), explanation);
            assertFalse(explanation.contains("mail between servers"),
                    "the port was not seen to be a relay port: " + explanation);
        }
    }

    @Test
    void aStarttlsOfferRemovedWithoutTraceIsNotClaimedToBeAPortForServers() throws IOException {
        // a firewall or an antivirus proxy that drops the 250-STARTTLS line looks like a relay port from here
        try (FakeSmtpServer submission = FakeSmtpServer.builder().serverName("mail.example.test")
                .extensions("PIPELINING", "SIZE 10240000", "8BITMIME").start();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                        .auth(USER, PASSWORD).start()) {
            CoreEngine engine = engine(implicit.port(), submission.port(), closedPort());

            Engine.Checked checked = signIn(engine, submission, Security.STARTTLS);

            assertEquals(Setting.PORT, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            String explanation = checked.diagnosis().explanation();
            assertFalse(explanation.contains("is for mail between servers"), explanation);
            assertTrue(explanation.contains("something on the way"), explanation);
        }
    }

    @Test
    void aMaskedStarttlsOfferWithNoOtherPortWorkingPointsAtTheNetworkNotTheServerName() throws IOException {
        try (FakeSmtpServer submission = masked().start()) {
            int closed = closedPort();
            CoreEngine engine = engine(closed, submission.port(), closed);

            Engine.Checked checked = signIn(engine, submission, Security.STARTTLS);

            assertEquals(Setting.NETWORK_OR_FIREWALL, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertTrue(checked.diagnosis().changes().stream().noneMatch(c -> c.setting() == Setting.SERVER_HOST),
                    checked.diagnosis().changes().toString());
            assertTrue(checked.diagnosis().explanation().contains("XXXXXXXA"), checked.diagnosis().explanation());
        }
    }

    @Test
    void withoutEncryptionAMaskedOfferIsNotAnsweredWithStarttlsThatCannotGetThrough() throws IOException {
        try (FakeSmtpServer submission = masked().start()) {
            int closed = closedPort();
            CoreEngine engine = engine(closed, submission.port(), closed);

            Engine.Checked checked = signIn(engine, submission, Security.NONE);

            assertEquals(Setting.NETWORK_OR_FIREWALL, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertTrue(checked.diagnosis().changes().stream().noneMatch(c -> c.setting() == Setting.SECURITY),
                    "STARTTLS was masked on the way and would fail the same: " + checked.diagnosis().changes());
        }
    }

    @Test
    void aPortAnsweredByAnotherServersCertificateGetsTheCheckedPortNotTheOtherServersName() throws IOException {
        try (FakeSmtpServer redirected = FakeSmtpServer.builder().serverName("smtp.isp-relay.test")
                .starttls(TestCertificates.otherHost()).start();
                FakeSmtpServer submission = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                        .auth(USER, PASSWORD).authOnlyAfterTls().start()) {
            CoreEngine engine = engine(closedPort(), submission.port(), redirected.port());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn("localhost", redirected.port(), Security.STARTTLS), ProbeListener.NONE);

            assertEquals(Setting.PORT, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(String.valueOf(submission.port()),
                    checked.diagnosis().suggestedValue().orElseThrow().neutral());
            assertTrue(checked.diagnosis().changes().stream().noneMatch(c -> c.setting() == Setting.SERVER_HOST),
                    "the other server's name would not take this account's sign-in: "
                            + checked.diagnosis().changes());
            assertTrue(checked.diagnosis().explanation().contains(TestCertificates.OTHER_HOST),
                    checked.diagnosis().explanation());
        }
    }

    @Test
    void withoutEncryptionOnARedirectedPortStarttlsIsCheckedBeforeItIsSuggested() throws IOException {
        try (FakeSmtpServer redirected = FakeSmtpServer.builder().serverName("smtp.isp-relay.test")
                .starttls(TestCertificates.otherHost()).auth("customer@isp.test", "x").authOnlyAfterTls().start();
                FakeSmtpServer submission = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                        .auth(USER, PASSWORD).authOnlyAfterTls().start()) {
            CoreEngine engine = engine(closedPort(), submission.port(), redirected.port());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn("localhost", redirected.port(), Security.NONE), ProbeListener.NONE);

            assertEquals(Setting.PORT, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(String.valueOf(submission.port()),
                    checked.diagnosis().suggestedValue().orElseThrow().neutral());
        }
    }

    @Test
    void withoutEncryptionStarttlsThatPassesOnTheSamePortIsStillTheAdvice() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD).authOnlyAfterTls().start()) {
            CoreEngine engine = engine(server.port() + 1, server.port() + 1, server.port());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn("localhost", server.port(), Security.NONE), ProbeListener.NONE);

            assertEquals(Setting.SECURITY, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals("STARTTLS", checked.diagnosis().suggestedValue().orElseThrow().neutral());
        }
    }

    @Test
    void aCertificateForAnotherNameOnEveryPortStillSuggestsThatName() throws IOException {
        try (FakeSmtpServer relay = FakeSmtpServer.builder().starttls(TestCertificates.otherHost()).start();
                FakeSmtpServer submission = FakeSmtpServer.builder().starttls(TestCertificates.otherHost())
                        .auth(USER, PASSWORD).authOnlyAfterTls().start()) {
            CoreEngine engine = engine(closedPort(), submission.port(), relay.port());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn("localhost", relay.port(), Security.STARTTLS), ProbeListener.NONE);

            assertEquals(Setting.SERVER_HOST, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(TestCertificates.OTHER_HOST, checked.diagnosis().suggestedValue().orElseThrow().neutral());
        }
    }
}
