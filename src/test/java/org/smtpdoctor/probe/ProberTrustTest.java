package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.PASSWORD;
import static org.smtpdoctor.probe.Probes.USER;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.probe;
import static org.smtpdoctor.probe.Probes.signingIn;
import static org.smtpdoctor.probe.Probes.startTls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * The trust decision is the platform's (PKIX with extended key usage and the rest), over the JDK's anchors, the
 * operating system's, the user's extra certificates and a pinned fingerprint; never more trusting than a mail
 * program, and the password goes out only after it.
 */
class ProberTrustTest {

    private static ProbeOptions plainOptions() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(4));
    }

    private static FakeSmtpServer server(ServerIdentity id) {
        return FakeSmtpServer.builder().starttls(id).auth(USER, PASSWORD, "PLAIN").start();
    }

    private static boolean authSent(FakeSmtpServer server) {
        return server.connection(1).lines().stream().anyMatch(l -> l.startsWith("AUTH"));
    }

    @Test
    void clientAuthenticationOnlyCertificateIsRefusedAndNoPasswordSent() {
        try (FakeSmtpServer server = server(TestCertificates.clientAuthOnly())) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD));

            assertEquals(FailureKind.CERT_UNTRUSTED, r.failure().orElseThrow(), describe(r));
            assertFalse(r.tls().orElseThrow().trusted());
            assertFalse(r.tls().orElseThrow().trustProblem().isEmpty());
            assertFalse(authSent(server));
        }
    }

    @Test
    void userTrustedCertificateIsTrustedByTheUsersCertificate() {
        try (FakeSmtpServer server = server(TestCertificates.localhost())) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD));

            assertTrue(r.success(), describe(r));
            assertEquals(TrustSource.USER_CERTIFICATE, r.tls().orElseThrow().trustedBy());
        }
    }

    @Test
    void pinnedFingerprintTrustsExactlyThatSelfSignedCertificate() {
        ServerIdentity id = TestCertificates.selfSigned();
        try (FakeSmtpServer server = server(id)) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD),
                    plainOptions().withPinnedCertificates(List.of(CertificatePin.of(id.certificate()))));

            assertTrue(r.success(), describe(r));
            assertEquals(TrustSource.PINNED, r.tls().orElseThrow().trustedBy());
            assertTrue(authSent(server));
        }
    }

    @Test
    void pinnedFingerprintAlsoCoversACertificateForAnotherName() {
        ServerIdentity id = TestCertificates.otherHost();
        try (FakeSmtpServer server = server(id)) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD),
                    plainOptions().withPinnedCertificates(List.of(CertificatePin.of(id.certificate()))));

            assertTrue(r.success(), describe(r));
            assertFalse(r.tls().orElseThrow().hostMatches());
        }
    }

    @Test
    void anotherFingerprintTrustsNothingAndNoPasswordIsSent() {
        try (FakeSmtpServer server = server(TestCertificates.selfSigned())) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD),
                    plainOptions().withPinnedCertificates(
                            List.of(CertificatePin.of(TestCertificates.localhost().certificate()))));

            assertEquals(FailureKind.CERT_UNTRUSTED, r.failure().orElseThrow(), describe(r));
            assertEquals(TrustSource.NONE, r.tls().orElseThrow().trustedBy());
            assertFalse(authSent(server));
        }
    }

    @Test
    void fingerprintIsParsedInTheFormsMailProgramsShow() {
        X509Certificate c = TestCertificates.localhost().certificate();
        String colons = CertificateInfos.of(c).sha256();
        CertificatePin pin = CertificatePin.of(c);

        assertEquals(pin, CertificatePin.parse("SHA256:" + colons));
        assertEquals(pin, CertificatePin.parse(colons.replace(":", "").toLowerCase(java.util.Locale.ROOT)));
        assertEquals(pin, CertificatePin.parse("sha256:" + colons.replace(":", " ")));
        assertTrue(pin.toString().startsWith("SHA256:"));
        assertThrows(IllegalArgumentException.class, () -> CertificatePin.parse("SHA1:AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> CertificatePin.parse("SHA256:12"));
    }

    @Test
    void certificateFactsAreThoseAMailProgramShows() {
        ServerIdentity id = TestCertificates.selfSigned();
        try (FakeSmtpServer server = server(id)) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, PASSWORD), plainOptions());

            TlsInfo tls = r.tls().orElseThrow();
            CertificateInfo leaf = tls.chain().get(0);
            assertEquals(id.certificate().getSubjectX500Principal().getName(), leaf.subject());
            assertEquals(leaf.subject(), leaf.issuer());
            assertTrue(leaf.selfSigned());
            assertEquals(id.certificate().getNotAfter().toInstant(), leaf.notAfter());
            assertEquals(CertificatePin.of(id.certificate()).toString(), "SHA256:" + leaf.sha256());
            assertTrue(tls.validNames().contains("localhost"), tls.validNames().toString());
            assertEquals(TrustSource.NONE, tls.trustedBy());
        }
    }

    @Test
    void systemBundleAnchorsAreTrustedAlongsideTheJdks(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("ca-certificates.crt");
        Files.writeString(bundle, ServerIdentity.toPem(TestCertificates.ca()));
        X509Certificate leaf = TestCertificates.localhost().certificate();

        var tm = TrustStores.fromPemBundles(List.of(dir.resolve("missing.crt"), bundle)).orElseThrow();
        tm.checkServerTrusted(new X509Certificate[] {leaf, TestCertificates.ca()}, "ECDHE_ECDSA");
        assertThrows(java.security.cert.CertificateException.class, () -> tm.checkServerTrusted(
                new X509Certificate[] {TestCertificates.selfSigned().certificate()}, "ECDHE_ECDSA"));
    }
}
