package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.envelope;
import static org.smtpdoctor.probe.Probes.options;
import static org.smtpdoctor.probe.Probes.plain;
import static org.smtpdoctor.probe.Probes.probe;
import static org.smtpdoctor.probe.Probes.ssl;
import static org.smtpdoctor.probe.Probes.startTls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/** Reaching the server, losing it mid-session, other services on the port, timeouts and cancel. */
class ProberConnectionTest {

    @Test
    void unknownHostIsUnknownHostInDns() {
        // RFC 6761: names under .invalid never resolve
        ProbeResult r = probe(AccountSettings.of("smtp.no-such-host.invalid", 587, Security.STARTTLS));

        assertEquals(FailureKind.UNKNOWN_HOST, r.failure().orElseThrow(), describe(r));
        assertEquals(Phase.DNS, r.failedPhase().orElseThrow());
        assertEquals(StepOutcome.FAILED, r.step(Phase.DNS).orElseThrow().outcome());
    }

    @Test
    void closedLoopbackPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = s.getLocalPort();
        }
        ProbeResult r = probe(AccountSettings.of("127.0.0.1", port, Security.STARTTLS));

        assertEquals(FailureKind.CONNECTION_REFUSED, r.failure().orElseThrow(), describe(r));
        assertEquals(Phase.CONNECT, r.failedPhase().orElseThrow());
        assertEquals(List.of("127.0.0.1"), r.resolvedAddresses());
    }

    @Test
    void portWhoseBacklogIsFullIsConnectTimeout() throws IOException {
        // a listening socket that never accepts: once its backlog is full the kernel drops further SYNs
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                    } catch (IOException e) {
                        // the backlog is full already
                    }
                    fillers.add(s);
                }
                ProbeResult r = probe(AccountSettings.of("127.0.0.1", full.getLocalPort(), Security.NONE),
                        options().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2)));

                assertEquals(FailureKind.CONNECT_TIMEOUT, r.failure().orElseThrow(), describe(r));
                assertEquals(Phase.CONNECT, r.failedPhase().orElseThrow());
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void closedAtMailFromIsConnectionClosedInMailFrom() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.MAIL, Action.close()).start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertEquals(FailureKind.CONNECTION_CLOSED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void closedAfterGreetingIsConnectionClosedInEhlo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.EHLO, Action.close()).start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.CONNECTION_CLOSED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.EHLO, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void closedInsteadOfGreetingIsConnectionClosedInGreeting() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.GREETING, Action.close()).start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.CONNECTION_CLOSED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.GREETING, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void resetMidSessionIsConnectionResetInThatPhase() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.RCPT, Action.reset()).start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertEquals(FailureKind.CONNECTION_RESET, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.RCPT_TO, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void resetInsideTlsIsConnectionResetToo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(Probes.LOCALHOST).on(Verb.MAIL, Action.reset())
                .start()) {
            ProbeResult r = probe(envelope(startTls(server)));

            assertEquals(FailureKind.CONNECTION_RESET, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void serverFallingSilentMidSessionIsReadTimeoutInThatPhase() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.RCPT, Action.silence()).start()) {
            ProbeResult r = probe(envelope(plain(server)),
                    options().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500)));

            assertEquals(FailureKind.READ_TIMEOUT, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.RCPT_TO, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void phaseOutlastingTheReadTimeoutIsStoppedByTheWatchdog() {
        // every reply comes within the read timeout, but AUTH LOGIN takes three of them
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth(Probes.USER, Probes.PASSWORD, "LOGIN")
                .replyDelay(Duration.ofMillis(1200)).start()) {
            ProbeResult r = probe(Probes.signingIn(plain(server), AuthMethod.LOGIN, Probes.PASSWORD),
                    options().withAllowPlaintextAuth(true).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500))
                            .withGreetingWait(Duration.ofSeconds(2)));

            assertEquals(FailureKind.READ_TIMEOUT, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void cancelledProbeBeforeStartRecordsACancelledStep() {
        Prober prober = new Prober(options());
        prober.cancel();
        ProbeResult r = prober.probe(AccountSettings.of("127.0.0.1", 25, Security.NONE), ProbeListener.NONE);

        assertEquals(StepOutcome.CANCELLED, r.steps().get(0).outcome());
    }

    @ParameterizedTest
    @EnumSource(value = OtherService.class, names = {"IMAP", "POP3", "SSH"})
    void bannerOfAnotherServiceIsNotSmtp(OtherService service) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(service).start()) {
            ProbeResult r = probe(startTls(server));

            assertEquals(FailureKind.NOT_SMTP, r.failure().orElseThrow(), describe(r));
            assertEquals(service, r.otherService().orElseThrow());
            assertEquals(Phase.GREETING, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void imapServerIsNotSmtp() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.IMAP).start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.NOT_SMTP, r.failure().orElseThrow(), describe(r));
            assertEquals(OtherService.IMAP, r.otherService().orElseThrow());
        }
    }

    @Test
    void ftpServerIsNotSmtp() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.FTP).start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.NOT_SMTP, r.failure().orElseThrow(), describe(r));
            assertEquals(OtherService.FTP, r.otherService().orElseThrow());
        }
    }

    @Test
    void silentWebServerIsNotSmtpHttpWithoutWaitingForTheReadTimeout() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.HTTP).start()) {
            long start = System.nanoTime();
            ProbeResult r = probe(plain(server), options().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(15)));
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertEquals(FailureKind.NOT_SMTP, r.failure().orElseThrow(), describe(r));
            assertEquals(OtherService.HTTP, r.otherService().orElseThrow());
            assertTrue(ms < 3000, "took " + ms + " ms");
        }
    }

    @Test
    void aGreetingThatBeginsAtOnceAndEndsLateIsAwaitedWithoutTalkingOnOtherConnections() {
        // Postfix's postscreen: "220-" at once, the last line after its greeting wait; talking before it is PREGREET
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .greetAfter("220-fake.test ESMTP Postfix", Duration.ofMillis(1500), "521 5.5.1 Protocol error")
                .start()) {
            ProbeResult r = probe(plain(server), options().withGreetingWait(Duration.ofMillis(300)));

            assertTrue(r.success(), describe(r));
            assertEquals(1, server.connectionCount(), "no TLS or web request on a second connection: "
                    + server.connections());
            assertFalse(r.transcript().render().contains("No greeting"), r.transcript().render());
        }
    }

    @Test
    void sslChosenOnASilentWebServerIsNotSmtpHttpWithoutWaitingForTheReadTimeout() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.HTTP).start()) {
            long start = System.nanoTime();
            ProbeResult r = probe(ssl(server), options().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(15)));
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertEquals(FailureKind.NOT_SMTP, r.failure().orElseThrow(), describe(r));
            assertEquals(OtherService.HTTP, r.otherService().orElseThrow());
            assertTrue(ms < 5000, "took " + ms + " ms");
        }
    }

    @Test
    void sslChosenOnAnImapPortIsNotSmtp() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.IMAP).start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.NOT_SMTP, r.failure().orElseThrow(), describe(r));
            assertEquals(OtherService.IMAP, r.otherService().orElseThrow());
        }
    }

    @Test
    void blackHoleIsNoGreetingAfterTheReadTimeout() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().blackHole().start()) {
            ProbeResult r = probe(plain(server), options().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));

            assertEquals(FailureKind.NO_GREETING, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.GREETING, r.failedPhase().orElseThrow());
            assertTrue(r.totalMs() < 3500, "took " + r.totalMs() + " ms");
        }
    }

    @Test
    void cancelReturnsPromptly() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().blackHole().start()) {
            Prober prober = new Prober(options().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)));
            CompletableFuture<ProbeResult> running = CompletableFuture.supplyAsync(
                    () -> prober.probe(plain(server), ProbeListener.NONE));
            server.awaitConnections(1, Duration.ofSeconds(5));
            Thread.sleep(200);
            long start = System.nanoTime();
            prober.cancel();
            ProbeResult r = running.get(1, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertEquals(FailureKind.CANCELLED, r.failure().orElseThrow(), describe(r));
            assertEquals(StepOutcome.CANCELLED, r.steps().get(r.steps().size() - 1).outcome());
            assertTrue(ms < 1000, "took " + ms + " ms");
        }
    }

    @Test
    void cancelDuringTheTlsSniffReturnsPromptly() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().blackHole().start()) {
            Prober prober = new Prober(options().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)));
            CompletableFuture<ProbeResult> running = CompletableFuture.supplyAsync(
                    () -> prober.probe(plain(server), ProbeListener.NONE));
            server.awaitConnections(2, Duration.ofSeconds(5));
            prober.cancel();
            ProbeResult r = running.get(1, TimeUnit.SECONDS);

            assertEquals(FailureKind.CANCELLED, r.failure().orElseThrow(), describe(r));
        }
    }

    @Test
    void cancelBeforeTheProbeStartsReturnsCancelled() {
        Prober prober = new Prober(options());
        prober.cancel();
        ProbeResult r = prober.probe(AccountSettings.of("127.0.0.1", 25, Security.NONE), ProbeListener.NONE);

        assertEquals(FailureKind.CANCELLED, r.failure().orElseThrow(), describe(r));
    }
}
