package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.LOCALHOST;
import static org.smtpdoctor.probe.Probes.PASSWORD;
import static org.smtpdoctor.probe.Probes.USER;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.envelope;
import static org.smtpdoctor.probe.Probes.plain;
import static org.smtpdoctor.probe.Probes.probe;
import static org.smtpdoctor.probe.Probes.signingIn;
import static org.smtpdoctor.probe.Probes.ssl;
import static org.smtpdoctor.probe.Probes.startTls;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.Verb;

/**
 * The facts the advice rests on: what a plain-text port offers when SSL/TLS was chosen, which sign-in method the
 * server accepted, and a server that says "yes" where no correct server can.
 */
class ProberEvidenceTest {

    @Test
    void sslOnAStartTlsPortReadsWhatEhloOffersOnASecondConnection() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "PLAIN", "LOGIN")
                .authOnlyAfterTls().start()) {
            ProbeResult r = probe(signingIn(ssl(server), AuthMethod.AUTO, PASSWORD));

            assertEquals(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, r.failure().orElseThrow(), describe(r));
            assertTrue(r.capabilities().startTls(), describe(r));
            assertFalse(r.capabilities().auth(), "no AUTH in clear text: " + describe(r));
            assertEquals(List.of("PLAIN", "LOGIN"), r.capabilitiesAfterTls().orElseThrow().authMechanisms());
            assertTrue(r.detail().contains("offers STARTTLS"), r.detail());
            assertTrue(server.allLines().stream().noneMatch(l -> l.startsWith("AUTH")), "nothing secret was sent");
        }
    }

    @Test
    void sslOnAPlainPortWithoutStartTlsSaysSo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, r.failure().orElseThrow(), describe(r));
            assertFalse(r.capabilities().startTls(), describe(r));
            assertTrue(r.capabilitiesAfterTls().isEmpty());
            assertTrue(r.detail().contains("offers no STARTTLS"), r.detail());
        }
    }

    @Test
    void successSaysWhichMechanismWasAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "CRAM-MD5")
                .start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.AUTO, PASSWORD));

            assertTrue(r.success(), describe(r));
            assertEquals("CRAM-MD5", r.authMechanism().orElseThrow());
        }
    }

    @Test
    void plainSignInIsRecordedAsPlain() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "PLAIN", "LOGIN")
                .start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.AUTO, PASSWORD));

            assertTrue(r.success(), describe(r));
            assertEquals("PLAIN", r.authMechanism().orElseThrow());
        }
    }

    @Test
    void noMechanismIsRecordedWhenTheSignInFails() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "PLAIN")
                .start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, "wrong"));

            assertEquals(FailureKind.AUTH_REJECTED, r.failure().orElseThrow(), describe(r));
            assertTrue(r.authMechanism().isEmpty());
        }
    }

    @Test
    void signInAcceptedBeforeAnyCredentialIsAMisbehavingServer() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "LOGIN")
                .reply(Verb.AUTH, "235 2.7.0 Authentication successful").start()) {
            ProbeResult r = probe(envelope(signingIn(startTls(server), AuthMethod.AUTO, PASSWORD)));

            assertFalse(r.success(), describe(r));
            assertEquals(FailureKind.SERVER_MISBEHAVED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
            assertTrue(r.authMechanism().isEmpty());
            assertTrue(server.allLines().stream().noneMatch(l -> l.startsWith("MAIL")), "stopped before MAIL FROM");
        }
    }

    @Test
    void aPositiveReplyNoCommandCanHaveIsAMisbehavingServer() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.MAIL, "354 Go ahead").start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertEquals(FailureKind.SERVER_MISBEHAVED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
        }
    }
}
