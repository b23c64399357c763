package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.smtpdoctor.probe.Probes.LOCALHOST;
import static org.smtpdoctor.probe.Probes.PASSWORD;
import static org.smtpdoctor.probe.Probes.USER;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.envelope;
import static org.smtpdoctor.probe.Probes.options;
import static org.smtpdoctor.probe.Probes.plain;
import static org.smtpdoctor.probe.Probes.probe;
import static org.smtpdoctor.probe.Probes.signingIn;
import static org.smtpdoctor.probe.Probes.ssl;
import static org.smtpdoctor.probe.Probes.startTls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.Verb;

/** Sessions that work, and refusals by reply, phase by phase. */
class ProberSessionTest {

    private static List<Phase> phases(ProbeResult r) {
        return r.steps().stream().map(Step::phase).toList();
    }

    @Test
    void successfulStartTlsAuthProbeReachesRcpt() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST)
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").start()) {
            ProbeResult r = probe(envelope(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD)));

            assertTrue(r.success(), describe(r));
            assertEquals(List.of(Phase.DNS, Phase.CONNECT, Phase.GREETING, Phase.EHLO, Phase.STARTTLS,
                    Phase.TLS_HANDSHAKE, Phase.EHLO, Phase.AUTH, Phase.MAIL_FROM, Phase.RCPT_TO, Phase.QUIT), phases(r));
            assertEquals(List.of("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "QUIT"),
                    server.connection(1).verbs());
            assertEquals(USER, server.connection(1).authenticatedUser());
            assertEquals(250, r.step(Phase.RCPT_TO).orElseThrow().reply().orElseThrow().code());
        }
    }

    @Test
    void capabilitiesAreRecordedBeforeAndAfterStartTls() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST)
                .auth(USER, PASSWORD, "PLAIN").authOnlyAfterTls().start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD));

            assertTrue(r.success(), describe(r));
            assertTrue(r.capabilities().startTls());
            assertFalse(r.capabilities().auth());
            assertEquals(List.of("PLAIN"), r.capabilitiesAfterTls().orElseThrow().authMechanisms());
            assertEquals(List.of("PLAIN"), r.effectiveCapabilities().authMechanisms());
        }
    }

    @Test
    void implicitTlsProbeRecordsProtocolCipherAndChain() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).start()) {
            ProbeResult r = probe(envelope(ssl(server)));

            assertTrue(r.success(), describe(r));
            TlsInfo tls = r.tls().orElseThrow();
            assertTrue(tls.protocol().startsWith("TLSv1."), tls.protocol());
            assertFalse(tls.cipherSuite().isEmpty());
            assertTrue(tls.trusted());
            assertTrue(tls.hostMatches());
            assertEquals(1, tls.chain().size());
            assertTrue(tls.validNames().contains("127.0.0.1"));
            assertEquals(List.of(Phase.DNS, Phase.CONNECT, Phase.TLS_HANDSHAKE, Phase.GREETING, Phase.EHLO,
                    Phase.MAIL_FROM, Phase.RCPT_TO, Phase.QUIT), phases(r));
        }
    }

    @Test
    void ipv6LiteralHostIsReachedAndMatchedAgainstTheIpSan() {
        assumeTrue(ipv6LoopbackAvailable(), "no IPv6 loopback here");
        try (FakeSmtpServer server = FakeSmtpServer.builder().bind("::1").implicitTls(LOCALHOST).start()) {
            ProbeResult r = probe(envelope(ssl(server)));

            assertTrue(r.success(), describe(r));
            assertEquals(List.of("0:0:0:0:0:0:0:1"), r.resolvedAddresses());
            assertTrue(r.tls().orElseThrow().hostMatches());
        }
    }

    private static boolean ipv6LoopbackAvailable() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("::1", 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void transcriptMarksLinesInsideTls() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).start()) {
            ProbeResult r = probe(startTls(server));

            assertTrue(r.success(), describe(r));
            String rendered = r.transcript().render();
            assertTrue(rendered.contains("-> STARTTLS"), rendered);
            assertTrue(rendered.contains("~> EHLO smtp-doctor.localhost"), rendered);
            assertTrue(rendered.contains("<~ 221"), rendered);
        }
    }

    @Test
    void plainProbeWithoutRecipientStopsAfterMailFrom() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            ProbeResult r = probe(plain(server).withSender("alice@example.test"));

            assertTrue(r.success(), describe(r));
            assertEquals(List.of("EHLO", "MAIL", "QUIT"), server.connection(1).verbs());
            assertEquals(StepOutcome.SKIPPED, r.step(Phase.RCPT_TO).orElseThrow().outcome());
        }
    }

    @Test
    void heloFallbackWhenEhloIsRefused() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.EHLO, "502 5.5.2 Command not recognized")
                .start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertTrue(r.success(), describe(r));
            assertEquals(List.of("EHLO", "HELO", "MAIL", "RCPT", "QUIT"), server.connection(1).verbs());
            assertEquals(StepOutcome.WARNING, r.step(Phase.EHLO).orElseThrow().outcome());
            assertEquals(Capabilities.NONE, r.capabilities());
        }
    }

    @Test
    void recipientRejectedAtRcptToIsServerRejectedWithEnhancedCode() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .reply(Verb.RCPT, "550 5.1.1 <bob@example.test>: Recipient address rejected: User unknown").start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertEquals(FailureKind.SERVER_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.RCPT_TO, r.failedPhase().orElseThrow());
            Reply reply = r.lastReply().orElseThrow();
            assertEquals(550, reply.code());
            assertEquals("5.1.1", reply.enhanced().orElseThrow().toString());
            assertEquals(StepOutcome.FAILED, r.step(Phase.RCPT_TO).orElseThrow().outcome());
            assertEquals(Phase.RCPT_TO, r.phaseReached());
        }
    }

    @Test
    void senderRejectedAtMailFromIsServerRejectedInMailFrom() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.MAIL, "553 5.7.1 Sender address rejected")
                .start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertEquals(FailureKind.SERVER_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
            assertEquals(553, r.lastReply().orElseThrow().code());
        }
    }

    @Test
    void politeQuitFollowsARefusedCommand() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.MAIL, "550 5.7.1 No").start()) {
            probe(envelope(plain(server)));

            server.connection(1).awaitEnd(Duration.ofSeconds(2));
            assertEquals(List.of("EHLO", "MAIL", "QUIT"), server.connection(1).verbs());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GREETING|421 4.3.2 Service not available, closing transmission channel",
        "EHLO|421 4.7.0 Too many connections",
        "MAIL_FROM|451 4.3.0 Temporary local problem",
        "RCPT_TO|450 4.2.0 Greylisted, try again later",
        "DATA|554 5.5.1 No valid recipients",
        "END_OF_DATA|552 5.3.4 Message size exceeds fixed limit"
    })
    void refusalIsServerRejectedInThePhaseOfItsCommand(Phase phase, String reply) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.of(phase), reply).start()) {
            ProbeResult r = probe(envelope(plain(server)), options().withSendTestMessage(true));

            assertEquals(FailureKind.SERVER_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(phase, r.failedPhase().orElseThrow());
            assertEquals(reply, r.lastReply().orElseThrow().lines().get(0));
        }
    }

    @Test
    void refusedQuitIsOnlyAWarning() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.QUIT, "500 5.5.1 What?").start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertTrue(r.success(), describe(r));
            assertEquals(StepOutcome.WARNING, r.step(Phase.QUIT).orElseThrow().outcome());
        }
    }

    @Test
    void replyThatIsNotSmtpMidSessionIsProtocolError() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.MAIL, "hello, who are you?").start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertEquals(FailureKind.PROTOCOL_ERROR, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void portOutOfRangeIsInvalidInputWithoutAnyNetworkTraffic() {
        ProbeResult r = probe(AccountSettings.of("127.0.0.1", 70000, Security.NONE));

        assertEquals(FailureKind.INVALID_INPUT, r.failure().orElseThrow(), describe(r));
        assertEquals(List.of(Phase.INPUT), phases(r));
    }

    @Test
    void greeting554IsServerRejectedAtGreeting() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("554 5.7.1 No SMTP service here").start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.SERVER_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.GREETING, r.failedPhase().orElseThrow());
            assertEquals(554, r.lastReply().orElseThrow().code());
        }
    }

    @Test
    void testMessageIsSentWithSendTestMessage() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            ProbeResult r = probe(envelope(plain(server)), options().withSendTestMessage(true));

            assertTrue(r.success(), describe(r));
            assertEquals(1, server.messages().size());
            assertTrue(server.messages().get(0).content().contains("Subject: SMTP Doctor test message"));
            assertEquals(List.of("bob@example.test"), server.messages().get(0).recipients());
            assertTrue(r.passed(Phase.DATA));
            assertEquals(250, r.step(Phase.END_OF_DATA).orElseThrow().reply().orElseThrow().code());
        }
    }

    @Test
    void noMessageIsSentWithoutSendTestMessage() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertTrue(r.success(), describe(r));
            assertEquals(List.of(), server.messages());
            assertFalse(server.connection(1).verbs().contains("DATA"));
        }
    }

    @Test
    void messageRefusedAtEndOfDataIsServerRejectedThere() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .reply(Verb.END_OF_DATA, "554 5.7.1 Message rejected as spam").start()) {
            ProbeResult r = probe(envelope(plain(server)), options().withSendTestMessage(true));

            assertEquals(FailureKind.SERVER_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.END_OF_DATA, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void listenerSeesPhasesAndLinesAsTheyHappen() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            Probes.RecordingListener listener = new Probes.RecordingListener();
            ProbeResult r = new Prober(options()).probe(envelope(plain(server)), listener);

            assertTrue(r.success(), describe(r));
            assertEquals(r.steps(), listener.steps);
            assertEquals(r.transcript().lines(), listener.lines);
            assertTrue(listener.events.get(0).startsWith("start DNS"), listener.events.toString());
        }
    }

    @Test
    void multiLineGreetingIsKeptWhole() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .greeting("220-fake.test ESMTP\n220-Unauthorised use prohibited\n220 ready").start()) {
            ProbeResult r = probe(plain(server));

            assertTrue(r.success(), describe(r));
            assertEquals(3, r.step(Phase.GREETING).orElseThrow().reply().orElseThrow().lines().size());
        }
    }

    @Test
    void slowGreetingWithinTheReadTimeoutIsAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .on(Verb.GREETING, Action.proceed().after(Probes.ms(1500))).start()) {
            ProbeResult r = probe(plain(server));

            assertTrue(r.success(), describe(r));
        }
    }
}
