package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.LOCALHOST;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.options;
import static org.smtpdoctor.probe.Probes.probe;
import static org.smtpdoctor.probe.Probes.ssl;
import static org.smtpdoctor.probe.Probes.startTls;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/** Implicit TLS, STARTTLS and the certificate checks, each failure its own kind. */
class ProberTlsTest {

    @Test
    void expiredCertificateIsCertExpired() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(TestCertificates.expired()).start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.CERT_EXPIRED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
            TlsInfo tls = r.tls().orElseThrow();
            assertTrue(tls.trusted(), "signed by the trusted test CA, only out of date");
            assertTrue(tls.chain().get(0).notAfter().isBefore(Instant.now()));
        }
    }

    @Test
    void notYetValidCertificateIsCertNotYetValid() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(TestCertificates.notYetValid()).start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.CERT_NOT_YET_VALID, r.failure().orElseThrow(), describe(r));
        }
    }

    @Test
    void certificateFromUnknownCaIsCertUntrusted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).start()) {
            ProbeResult r = probe(ssl(server), options().withTrustedCertificates(List.of()));

            assertEquals(FailureKind.CERT_UNTRUSTED, r.failure().orElseThrow(), describe(r));
            TlsInfo tls = r.tls().orElseThrow();
            assertFalse(tls.trusted());
            assertTrue(tls.hostMatches());
            assertEquals("CN=SMTP Doctor Test CA,O=SMTP Doctor tests", tls.chain().get(0).issuer());
        }
    }

    @Test
    void selfSignedCertificateIsCertUntrustedAndMarkedSelfSigned() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(TestCertificates.selfSigned()).start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.CERT_UNTRUSTED, r.failure().orElseThrow(), describe(r));
            assertTrue(r.tls().orElseThrow().chain().get(0).selfSigned());
        }
    }

    @Test
    void selfSignedCertificateTheUserTrustsIsAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(TestCertificates.selfSigned()).start()) {
            ProbeResult r = probe(ssl(server),
                    options().withTrustedCertificates(TestCertificates.selfSigned().trustedCertificates()));

            assertTrue(r.success(), describe(r));
        }
    }

    @Test
    void wrongHostCertificateNamesValidNames() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(TestCertificates.otherHost()).start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.CERT_HOST_MISMATCH, r.failure().orElseThrow(), describe(r));
            TlsInfo tls = r.tls().orElseThrow();
            assertTrue(tls.trusted());
            assertFalse(tls.hostMatches());
            assertEquals(List.of(TestCertificates.OTHER_HOST), tls.validNames());
        }
    }

    @Test
    void certificateProblemAfterStartTlsIsClassifiedTheSameWay() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.otherHost()).start()) {
            ProbeResult r = probe(startTls(server));

            assertEquals(FailureKind.CERT_HOST_MISMATCH, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
            assertTrue(r.passed(Phase.STARTTLS));
        }
    }

    @Test
    void handshakeFailureAlertIsTlsNoCommonProtocol() throws IOException {
        try (AlertingTlsServer server = new AlertingTlsServer()) {
            ProbeResult r = probe(AccountSettings.of("127.0.0.1", server.port(), Security.SSL_TLS));

            assertEquals(FailureKind.TLS_NO_COMMON_PROTOCOL, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
            assertTrue(r.tls().isEmpty(), "no certificate was ever shown");
        }
    }

    @Test
    void hangUpOnTheClientHelloOfASilentPortIsTlsNoCommonProtocol() throws IOException {
        try (AlertingTlsServer server = AlertingTlsServer.hangingUp()) {
            ProbeResult r = probe(AccountSettings.of("127.0.0.1", server.port(), Security.SSL_TLS),
                    options().withGreetingWait(Duration.ofMillis(300)));

            assertEquals(FailureKind.TLS_NO_COMMON_PROTOCOL, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void serverDemandingAClientCertificateIsTlsFailed() throws Exception {
        // a plain JDK TLS server that insists on a client certificate: the handshake fails after the server's
        // certificate was accepted, for a reason that is neither the certificate nor the protocol version
        try (SSLServerSocket tls = (SSLServerSocket) LOCALHOST.serverSslContext().getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            tls.setNeedClientAuth(true);
            Thread acceptor = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) tls.accept()) {
                    s.startHandshake();
                } catch (IOException e) {
                    // the handshake fails, as intended
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            ProbeResult r = probe(AccountSettings.of("127.0.0.1", tls.getLocalPort(), Security.SSL_TLS));

            assertEquals(FailureKind.TLS_FAILED, r.failure().orElseThrow(), describe(r));
            // TLS 1.3: the client has finished its part when the server rejects it; the alert is the answer to
            // the first read, the greeting's
            assertEquals(Phase.GREETING, r.failedPhase().orElseThrow());
            assertTrue(r.tls().orElseThrow().trusted(), "the server's certificate itself was fine");
        }
    }

    @Test
    void serverSpeakingOnlyTls10IsTlsNoCommonProtocol() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).tlsProtocols("TLSv1").start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.TLS_NO_COMMON_PROTOCOL, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void serverSpeakingOnlyTls11AfterStartTlsIsTlsNoCommonProtocol() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).tlsProtocols("TLSv1.1").start()) {
            ProbeResult r = probe(startTls(server));

            assertEquals(FailureKind.TLS_NO_COMMON_PROTOCOL, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
            assertTrue(r.passed(Phase.STARTTLS));
        }
    }

    @Test
    void portThatHangsUpAtOnceIsConnectionClosedInTlsHandshake() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.GREETING, Action.close()).start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.CONNECTION_CLOSED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void sslChosenOnPlainPortIsPlaintextWhereTlsExpected() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).start()) {
            ProbeResult r = probe(ssl(server));

            assertEquals(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.TLS_HANDSHAKE, r.failedPhase().orElseThrow());
            assertEquals(220, r.lastReply().orElseThrow().code(), "the plain greeting is the evidence");
        }
    }

    @Test
    void silentImplicitTlsPortIsNamedWithinTwoSeconds() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).start()) {
            ProbeOptions defaultTimeouts = options().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(15));
            long start = System.nanoTime();
            ProbeResult r = probe(startTls(server), defaultTimeouts);
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertEquals(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.GREETING, r.failedPhase().orElseThrow());
            assertTrue(ms < 2000, "took " + ms + " ms");
        }
    }

    @Test
    void silentImplicitTlsPortWithNoSecurityIsNamedToo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).start()) {
            ProbeResult r = probe(startTls(server).withSecurity(Security.NONE));

            assertEquals(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED, r.failure().orElseThrow(), describe(r));
        }
    }

    @Test
    void startTlsNotOfferedIsReported() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            ProbeResult r = probe(startTls(server));

            assertEquals(FailureKind.STARTTLS_NOT_OFFERED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.STARTTLS, r.failedPhase().orElseThrow());
            assertTrue(r.passed(Phase.EHLO));
            assertFalse(server.connection(1).verbs().contains("STARTTLS"));
            assertFalse(server.connection(1).verbs().contains("MAIL"), "never continue in clear text");
        }
    }

    @Test
    void startTls454IsRefused() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .refuseStarttls("454 4.7.0 TLS not available due to local problem").start()) {
            ProbeResult r = probe(Probes.envelope(startTls(server)));

            assertEquals(FailureKind.STARTTLS_REFUSED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.STARTTLS, r.failedPhase().orElseThrow());
            assertEquals(454, r.lastReply().orElseThrow().code());
            assertFalse(server.connection(1).verbs().contains("MAIL"), "never continue in clear text");
        }
    }
}
