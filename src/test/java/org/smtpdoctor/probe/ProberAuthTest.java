package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.Verb;

/** Sign-in: each mechanism, and each way it can fail before or after credentials are sent. */
class ProberAuthTest {

    private static FakeSmtpServer.Builder allMechanisms() {
        return FakeSmtpServer.builder().starttls(LOCALHOST)
                .auth(USER, PASSWORD, "PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PLAIN", "LOGIN", "CRAM_MD5", "XOAUTH2"})
    void eachMechanismSignsIn(AuthMethod method) {
        try (FakeSmtpServer server = allMechanisms().start()) {
            ProbeResult r = probe(envelope(signingIn(startTls(server), method, PASSWORD)));

            assertTrue(r.success(), describe(r));
            assertEquals(USER, server.connection(1).authenticatedUser());
            assertTrue(server.connection(1).lines().stream().anyMatch(l -> l.startsWith("AUTH " + method.mechanism())),
                    server.connection(1).lines().toString());
        }
    }

    @Test
    void autoPicksAMechanismTheServerOffers() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "LOGIN")
                .start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.AUTO, PASSWORD));

            assertTrue(r.success(), describe(r));
            assertEquals(USER, server.connection(1).authenticatedUser());
        }
    }

    @Test
    void autoUsesCramMd5WhenItIsAllTheServerOffers() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "CRAM-MD5")
                .start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.AUTO, PASSWORD));

            assertTrue(r.success(), describe(r));
        }
    }

    @Test
    void wrongPasswordIsAuthRejectedWithReply535() {
        try (FakeSmtpServer server = allMechanisms().start()) {
            ProbeResult r = probe(envelope(signingIn(startTls(server), AuthMethod.PLAIN, "wrong")));

            assertEquals(FailureKind.AUTH_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
            assertEquals(535, r.lastReply().orElseThrow().code());
            assertEquals("5.7.8", r.lastReply().orElseThrow().enhanced().orElseThrow().toString());
        }
    }

    @Test
    void wrongPasswordWithLoginIsAuthRejectedToo() {
        try (FakeSmtpServer server = allMechanisms().start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.LOGIN, "wrong"));

            assertEquals(FailureKind.AUTH_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(535, r.lastReply().orElseThrow().code());
        }
    }

    @Test
    void temporaryAuthFailure454IsAuthRejectedWithThatReply() {
        try (FakeSmtpServer server = allMechanisms().authFailure("454 4.7.0 Temporary authentication failure")
                .start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, "wrong"));

            assertEquals(FailureKind.AUTH_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(454, r.lastReply().orElseThrow().code());
        }
    }

    @Test
    void authOnlyAfterTlsIsReportedForSignInOnAPlainConnection() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "PLAIN")
                .authOnlyAfterTls().start()) {
            ProbeResult r = probe(signingIn(plain(server), AuthMethod.PLAIN, PASSWORD),
                    options().withAllowPlaintextAuth(true));

            assertEquals(FailureKind.AUTH_ONLY_AFTER_TLS, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
            assertFalse(r.capabilities().auth());
            assertTrue(r.capabilitiesAfterTls().orElseThrow().auth(), "seen on the second connection");
            assertTrue(server.allLines().stream().noneMatch(l -> l.startsWith("AUTH")), server.allLines().toString());
        }
    }

    @Test
    void authNotOfferedAtAllIsReported() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD));

            assertEquals(FailureKind.AUTH_NOT_OFFERED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void noCommonMechanismIsReportedBeforeAnythingIsSent() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "CRAM-MD5")
                .start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD));

            assertEquals(FailureKind.AUTH_NO_COMMON_MECHANISM, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
            assertTrue(server.allLines().stream().noneMatch(l -> l.startsWith("AUTH")));
        }
    }

    @Test
    void signInOnAnUnencryptedConnectionIsBlockedAndNoCredentialIsSent() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth(USER, PASSWORD, "PLAIN", "LOGIN").start()) {
            ProbeResult r = probe(envelope(signingIn(plain(server), AuthMethod.PLAIN, PASSWORD)));

            assertEquals(FailureKind.PLAINTEXT_AUTH_BLOCKED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
            assertTrue(server.allLines().stream().noneMatch(l -> l.startsWith("AUTH")), server.allLines().toString());
        }
    }

    @Test
    void signInOnAnUnencryptedConnectionWorksWhenAllowed() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth(USER, PASSWORD, "PLAIN", "LOGIN").start()) {
            ProbeResult r = probe(envelope(signingIn(plain(server), AuthMethod.LOGIN, PASSWORD)),
                    options().withAllowPlaintextAuth(true));

            assertTrue(r.success(), describe(r));
            assertEquals(USER, server.connection(1).authenticatedUser());
        }
    }

    @Test
    void authAnswered530OnAPlainConnectionIsTlsRequiredWithoutSilentUpgrade() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "PLAIN")
                .reply(Verb.AUTH, "530 5.7.0 Must issue a STARTTLS command first").start()) {
            ProbeResult r = probe(signingIn(plain(server), AuthMethod.PLAIN, PASSWORD),
                    options().withAllowPlaintextAuth(true));

            assertEquals(FailureKind.TLS_REQUIRED_BY_SERVER, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
            assertEquals(530, r.lastReply().orElseThrow().code());
            assertFalse(server.connection(1).verbs().contains("STARTTLS"), "the user chose no encryption");
        }
    }

    @Test
    void mailFromAnswered530WithoutSignInIsTlsRequired() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).requireTls().start()) {
            ProbeResult r = probe(envelope(plain(server)));

            assertEquals(FailureKind.TLS_REQUIRED_BY_SERVER, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void implicitTlsSignInWorks() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).auth(USER, PASSWORD, "PLAIN")
                .start()) {
            ProbeResult r = probe(envelope(signingIn(ssl(server), AuthMethod.PLAIN, PASSWORD)));

            assertTrue(r.success(), describe(r));
        }
    }

    @Test
    void mailFromWithoutSignInOnAServerRequiringItIsServerRejectedInMailFrom() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "PLAIN")
                .requireAuth().start()) {
            ProbeResult r = probe(envelope(startTls(server)));

            assertEquals(FailureKind.SERVER_REJECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
            assertEquals(530, r.lastReply().orElseThrow().code());
        }
    }
}
