package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.TestDnsServer;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.HostResolver;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
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
 * Something between the mail program and the server, round two, staged as the real conditions were met on loopback
 * (docs/REAL-SERVERS.md, "Network conditions, round two"): a dual-stack name whose one address family is dropped on
 * the way, a resolver that cannot answer, and a path that loses large packets (the TLS handshake stalls).
 */
class NetworkConditionsTwoTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Secr3t-pass";
    private static final String NAME = "mail.example.test";

    private static CoreEngine engine(HostResolver resolver) {
        return engine(FinderOptions.defaults()).withProbeResolver(resolver);
    }

    private static CoreEngine engine(FinderOptions finder) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withGreetingWait(Duration.ofMillis(500)).withTrustedCertificates(List.of(TestCertificates.ca()));
        return new CoreEngine(options, Clock.systemDefaultZone(), finder,
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static CoreEngine engine(int implicitTls, int submission) throws IOException {
        return engine(FinderOptions.defaults().withPorts(new FinderOptions.StandardPorts(implicitTls, submission,
                closedPort())));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A handshake whose answer never arrives within the read timeout: what a path that loses large packets does. */
    private static final Duration STALL = Duration.ofSeconds(20);

    private static AccountSettings signingIn(String host, int port, Security security) {
        return new AccountSettings(host, port, security, AuthMethod.AUTO, USER, Secret.of(PASSWORD), USER,
                "bob@example.org");
    }

    /**
     * A port on {@code address} whose connection attempts go unanswered, as behind a DROP firewall: its accept queue
     * is full, so the kernel drops further SYNs and a connect times out.
     */
    private static final class SilentPort implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> fillers = new ArrayList<>();

        SilentPort(InetAddress address, int port) throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(address, port), 1);
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(server.getLocalSocketAddress(), 300);
                    fillers.add(s);
                } catch (IOException full) {
                    s.close();
                    return;
                }
            }
            throw new IllegalStateException("the accept queue never filled");
        }

        @Override
        public void close() throws IOException {
            for (Socket s : fillers) {
                s.close();
            }
            server.close();
        }
    }

    @Test
    void aDroppedAddressFamilyFallsBackToTheOtherAsMailProgramsDo() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().bind("::1").serverName(NAME)
                .starttls(TestCertificates.localhost()).auth(USER, PASSWORD).authOnlyAfterTls().start();
                SilentPort dropped = new SilentPort(InetAddress.getByName("127.0.0.1"), server.port())) {
            HostResolver dualStack = host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}),
                InetAddress.getByAddress(host, InetAddress.getByName("::1").getAddress())};
            CoreEngine engine = engine(dualStack);

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn("localhost", server.port(), Security.STARTTLS), ProbeListener.NONE);

            assertTrue(checked.result().success(), checked.result().transcript().toString());
            assertEquals(1, server.connectionCount(), "the IPv6 address was tried after IPv4 timed out");
        }
    }

    @Test
    void aDnsServerThatDoesNotAnswerIsNotAWrongServerName() throws IOException {
        try (DatagramSocket silentDns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            HostResolver resolver = DnsJavaLookup.server("127.0.0.1:" + silentDns.getLocalPort(), Duration.ofSeconds(1))
                    .hostResolver();
            CoreEngine engine = engine(resolver);

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn(NAME, 587, Security.STARTTLS), ProbeListener.NONE);

            assertEquals(Optional.of(FailureKind.DNS_UNAVAILABLE), checked.result().failure());
            assertEquals(Setting.NETWORK_OR_FIREWALL, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertTrue(checked.diagnosis().changes().stream().noneMatch(c -> c.setting() == Setting.SERVER_HOST),
                    checked.diagnosis().changes().toString());
        }
    }

    @Test
    void aDnsServerThatAnswersServfailIsNotAWrongServerName() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.servfail(NAME);
            CoreEngine engine = engine(dns.lookup().hostResolver());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn(NAME, 587, Security.STARTTLS), ProbeListener.NONE);

            assertEquals(Optional.of(FailureKind.DNS_UNAVAILABLE), checked.result().failure());
            assertEquals(Setting.NETWORK_OR_FIREWALL, checked.diagnosis().setting(), checked.diagnosis().ruleId());
        }
    }

    @Test
    void aNameTheDnsSaysDoesNotExistStillPointsAtTheServerName() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            CoreEngine engine = engine(dns.lookup().hostResolver());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn(NAME, 587, Security.STARTTLS), ProbeListener.NONE);

            assertEquals(Optional.of(FailureKind.UNKNOWN_HOST), checked.result().failure());
            assertEquals(Setting.SERVER_HOST, checked.diagnosis().setting(), checked.diagnosis().ruleId());
        }
    }

    @Test
    void aHandshakeThatStallsOnEveryPortPointsAtTheNetworkNotAPortOrSecurity() throws IOException {
        try (FakeSmtpServer submission = FakeSmtpServer.builder().serverName(NAME)
                .starttls(TestCertificates.localhost()).tlsHandshakeDelay(STALL).auth(USER, PASSWORD)
                .authOnlyAfterTls().start();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                        .tlsHandshakeDelay(STALL).auth(USER, PASSWORD).start()) {
            CoreEngine engine = engine(implicit.port(), submission.port());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn(submission.host(), submission.port(), Security.STARTTLS), ProbeListener.NONE);

            assertTrue(checked.result().tlsHandshakeStalled(), checked.result().transcript().toString());
            assertEquals(Setting.NETWORK_OR_FIREWALL, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals("verified.tls_stalled_everywhere", checked.diagnosis().ruleId(), checks(checked));
            assertTrue(checked.diagnosis().changes().stream()
                    .noneMatch(c -> c.setting() == Setting.PORT || c.setting() == Setting.SECURITY),
                    "every port stalls the same: " + checked.diagnosis().changes());
        }
    }

    @Test
    void aHandshakeThatStallsOnlyOnThisPortGetsTheOtherPortCheckedToWork() throws IOException {
        try (FakeSmtpServer submission = FakeSmtpServer.builder().serverName(NAME)
                .starttls(TestCertificates.localhost()).tlsHandshakeDelay(STALL).auth(USER, PASSWORD)
                .authOnlyAfterTls().start();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                        .auth(USER, PASSWORD).start()) {
            CoreEngine engine = engine(implicit.port(), submission.port());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn(submission.host(), submission.port(), Security.STARTTLS), ProbeListener.NONE);

            assertEquals(Setting.PORT, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(String.valueOf(implicit.port()), checked.diagnosis().suggestedValue().orElseThrow().neutral());
        }
    }

    @Test
    void aPortThatClosesAtOnceGetsTheOtherPortCheckedToWork() throws IOException {
        try (FakeSmtpServer submission = FakeSmtpServer.builder().on(Verb.GREETING, Action.close()).start();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                        .auth(USER, PASSWORD).start()) {
            CoreEngine engine = engine(implicit.port(), submission.port());

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    signingIn(submission.host(), submission.port(), Security.STARTTLS), ProbeListener.NONE);

            assertEquals(Optional.of(FailureKind.CONNECTION_CLOSED), checked.result().failure());
            assertEquals(Setting.PORT, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(String.valueOf(implicit.port()), checked.diagnosis().suggestedValue().orElseThrow().neutral());
        }
    }

    private static String checks(Engine.Checked checked) {
        return checked.verification().checks().stream().map(c -> c.answer() + " " + c.failure() + " "
                + c.result().map(r -> r.failedPhase() + " " + r.failure()).orElse("-") + " " + c.elapsedMs() + " ms")
                .toList().toString();
    }
}
