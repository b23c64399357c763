package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.probe.Transcript;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/** The standard alternatives on the same host, checked at once, without credentials, within the budget. */
class AlternativesVerifierTest {

    private static final String IP = "127.0.0.1";

    private static ProbeOptions probeOptions() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withGreetingWait(Duration.ofMillis(300))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static FakeSmtpServer submission() {
        return FakeSmtpServer.builder().bind(IP).starttls(TestCertificates.forNames(IP))
                .auth("ann", "s3cret", "PLAIN", "LOGIN").authOnlyAfterTls().requireAuth().start();
    }

    private static FakeSmtpServer implicitTls() {
        return FakeSmtpServer.builder().bind(IP).implicitTls(TestCertificates.forNames(IP))
                .auth("ann", "s3cret", "PLAIN").requireAuth().start();
    }

    private static AccountSettings tested(int port, Security security) {
        return new AccountSettings(IP, port, security, AuthMethod.PLAIN, "ann", Secret.of("s3cret"),
                "ann@example.test", "bob@example.net");
    }

    /** Only a host on the user's own computer or network is ever checked without encryption, judged by name alone. */
    @Test
    void ownNetworkIsJudgedByTheNameAlone() {
        for (String own : List.of("localhost", "127.0.0.1", "::1", "[::1]", "10.1.2.3", "192.168.0.25", "172.20.0.4",
                "fd12:3456::25", "fe80::1", "mailhog", "postfix", "cafe")) {
            assertTrue(AlternativesVerifier.onOwnNetwork(own), own);
        }
        for (String other : List.of("smtp.gmail.com", "mail.example.com", "8.8.8.8", "2001:db8::25", "172.32.0.1",
                "192.169.0.1", "11.0.0.1", "")) {
            assertFalse(AlternativesVerifier.onOwnNetwork(other), other);
        }
    }

    @Test
    void bothAlternativesAnswerAndSayWhatTheyOffer() {
        try (FakeSmtpServer relay = FakeSmtpServer.builder().bind(IP).start();
                FakeSmtpServer sub = submission(); FakeSmtpServer tls = implicitTls()) {
            AlternativesVerifier verifier = new AlternativesVerifier(probeOptions(),
                    new FinderOptions.StandardPorts(tls.port(), sub.port(), relay.port()), Duration.ofSeconds(4));

            Verification v = verifier.verify(tested(relay.port(), Security.STARTTLS));

            assertEquals(2, v.checks().size(), v.toString());
            AlternativeCheck first = v.checks().get(0);
            assertEquals(sub.port(), first.port(), "the one keeping STARTTLS comes first");
            assertEquals(AlternativeCheck.Answer.ANSWERS, first.answer(), v.toString());
            assertTrue(first.offersStartTls());
            assertEquals(List.of("PLAIN", "LOGIN"), first.authMechanisms());
            AlternativeCheck second = v.checks().get(1);
            assertEquals(Security.SSL_TLS, second.security());
            assertTrue(second.answer() == AlternativeCheck.Answer.ANSWERS
                    || second.answer() == AlternativeCheck.Answer.NOT_FINISHED, v.toString());
            assertEquals(Optional.of(first), v.firstAnswering());
        }
    }

    @Test
    void aLowerRankedAlternativeAnswersWhenTheFirstIsRefused() {
        try (FakeSmtpServer relay = FakeSmtpServer.builder().bind(IP).start(); FakeSmtpServer tls = implicitTls()) {
            AlternativesVerifier verifier = new AlternativesVerifier(probeOptions(),
                    new FinderOptions.StandardPorts(tls.port(), Loopback.closedPort(IP), relay.port()),
                    Duration.ofSeconds(4));

            Verification v = verifier.verify(tested(relay.port(), Security.STARTTLS));

            assertEquals(AlternativeCheck.Answer.REFUSED, v.checks().get(0).answer(), v.toString());
            assertEquals(AlternativeCheck.Answer.ANSWERS, v.checks().get(1).answer(), v.toString());
            assertEquals(List.of("PLAIN"), v.firstAnswering().orElseThrow().authMechanisms());
        }
    }

    @Test
    void noCredentialIsEverSent() {
        try (FakeSmtpServer sub = submission(); FakeSmtpServer tls = implicitTls()) {
            AlternativesVerifier verifier = new AlternativesVerifier(probeOptions(),
                    new FinderOptions.StandardPorts(tls.port(), sub.port(), 25), Duration.ofSeconds(4));

            verifier.verify(tested(Loopback.closedPort(IP), Security.SSL_TLS));

            for (FakeSmtpServer s : List.of(sub, tls)) {
                assertTrue(s.allLines().stream().noneMatch(l -> l.startsWith("AUTH") || l.startsWith("MAIL")),
                        s.allLines().toString());
            }
        }
    }

    @Test
    void refusedAndSilentAlternativesAreReportedAsSuch() {
        int closed = Loopback.closedPort(IP);
        try (FakeSmtpServer hole = FakeSmtpServer.builder().bind(IP).blackHole().start()) {
            AlternativesVerifier verifier = new AlternativesVerifier(probeOptions(),
                    new FinderOptions.StandardPorts(hole.port(), closed, 25), Duration.ofSeconds(2));
            long start = System.nanoTime();

            Verification v = verifier.verify(tested(25, Security.STARTTLS));

            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(AlternativeCheck.Answer.REFUSED, v.checks().get(0).answer(), v.toString());
            assertEquals(AlternativeCheck.Answer.SILENT, v.checks().get(1).answer(), v.toString());
            assertTrue(v.firstAnswering().isEmpty());
            assertTrue(ms < 4_500, "bounded by the budget: " + ms + " ms");
        }
    }

    @Test
    void theTestedCombinationIsNeverAnAlternativeAndPlainTextNeverIs() {
        AlternativesVerifier verifier = new AlternativesVerifier(probeOptions());

        List<AccountSettings> alts = verifier.alternatives(AccountSettings.of("mail.example.org", 587,
                Security.STARTTLS));

        assertEquals(1, alts.size());
        assertEquals(465, alts.get(0).port());
        assertEquals(Security.SSL_TLS, alts.get(0).security());
        assertTrue(verifier.alternatives(AccountSettings.of("mail.example.org", 587, Security.SSL_TLS)).stream()
                .noneMatch(a -> a.security() == Security.NONE));
    }

    @Test
    void cancelStopsTheCheckPromptly() throws Exception {
        try (FakeSmtpServer hole = FakeSmtpServer.builder().bind(IP).blackHole().start()) {
            AlternativesVerifier verifier = new AlternativesVerifier(probeOptions(),
                    new FinderOptions.StandardPorts(hole.port(), hole.port(), 25), Duration.ofSeconds(10));
            CompletableFuture<Verification> running = CompletableFuture.supplyAsync(
                    () -> verifier.verify(tested(25, Security.NONE)));
            Thread.sleep(300);
            long start = System.nanoTime();
            verifier.cancel();

            Verification v = running.get(5, TimeUnit.SECONDS);

            assertTrue((System.nanoTime() - start) / 1_000_000 < 3_000);
            assertTrue(v.checks().stream().noneMatch(AlternativeCheck::answers), v.toString());
        }
    }

    @Test
    void whenSignInIsNeededAnAlternativeWithoutItDoesNotCountAndTheNextIsTried() {
        // the relay port offers STARTTLS but no sign-in inside it (a real Postfix port 25): its STARTTLS is tried
        // first, answers, and is passed over because sign-in is what the refusal lacked
        try (FakeSmtpServer relay = FakeSmtpServer.builder().bind(IP).starttls(TestCertificates.forNames(IP))
                .reply(Verb.RCPT, "554 5.7.1 <bob@example.net>: Relay access denied").start();
                FakeSmtpServer sub = submission(); FakeSmtpServer tls = implicitTls()) {
            AlternativesVerifier verifier = new AlternativesVerifier(probeOptions(),
                    new FinderOptions.StandardPorts(tls.port(), sub.port(), relay.port()), Duration.ofSeconds(4));
            AccountSettings typed = new AccountSettings(IP, relay.port(), Security.NONE, AuthMethod.NONE, "",
                    Secret.empty(), "ann@example.test", "bob@example.net");
            ProbeResult refused = new Prober(probeOptions()).probe(typed, ProbeListener.NONE);
            assertEquals(FailureKind.SERVER_REJECTED, refused.failure().orElseThrow(), refused.detail());
            assertTrue(AlternativesVerifier.worthChecking(refused), "STARTTLS is offered, sign-in behind it is not"
                    + " assumed");
            assertTrue(AlternativesVerifier.signInNeeded(refused));

            Verification v = verifier.verify(refused);

            AlternativeCheck samePort = v.checks().get(0);
            assertEquals(relay.port(), samePort.port(), "the smallest change is tried first");
            assertEquals(Security.STARTTLS, samePort.security());
            assertEquals(AlternativeCheck.Answer.ANSWERS, samePort.answer(), v.toString());
            assertFalse(samePort.offersAuth());
            assertEquals(sub.port(), v.firstAnswering().orElseThrow().port(), v.toString());
            assertTrue(v.firstAnswering().orElseThrow().offersAuth());
            assertTrue(relay.allLines().stream().noneMatch(l -> l.startsWith("AUTH")));
        }
    }

    @Test
    void onlyEvidencePointingAwayFromThePortIsWorthChecking() {
        assertTrue(AlternativesVerifier.worthChecking(failed(FailureKind.CONNECTION_REFUSED, Phase.CONNECT,
                Capabilities.NONE)));
        assertTrue(AlternativesVerifier.worthChecking(failed(FailureKind.STARTTLS_NOT_OFFERED, Phase.STARTTLS,
                Capabilities.NONE)));
        assertTrue(AlternativesVerifier.worthChecking(failed(FailureKind.SERVER_REJECTED, Phase.RCPT_TO,
                Capabilities.NONE)), "relay refused where no sign-in is offered");
        assertFalse(AlternativesVerifier.worthChecking(failed(FailureKind.SERVER_REJECTED, Phase.RCPT_TO,
                new Capabilities(java.util.Map.of("AUTH", "PLAIN")))), "sign-in is offered right here");
        assertTrue(AlternativesVerifier.worthChecking(failed(FailureKind.SERVER_REJECTED, Phase.RCPT_TO,
                new Capabilities(java.util.Map.of("STARTTLS", "")))), "sign-in behind STARTTLS is checked, not assumed");
        assertTrue(AlternativesVerifier.worthChecking(failed(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED,
                Phase.TLS_HANDSHAKE, new Capabilities(java.util.Map.of("STARTTLS", "")))),
                "STARTTLS offered on the same port is checked before it is suggested");
        assertFalse(AlternativesVerifier.worthChecking(failed(FailureKind.AUTH_REJECTED, Phase.AUTH,
                Capabilities.NONE)));
    }

    private static ProbeResult failed(FailureKind kind, Phase phase, Capabilities caps) {
        return new ProbeResult(AccountSettings.of("mail.example.org", 25, Security.NONE), false, false,
                Optional.of(kind), Optional.of(phase),
                kind == FailureKind.SERVER_REJECTED ? Reply.parse("554 5.7.1 Relay access denied") : Optional.empty(),
                List.of(), List.of(), caps,
                Optional.empty(), Optional.empty(), Optional.empty(), "", Transcript.EMPTY, 0);
    }
}
