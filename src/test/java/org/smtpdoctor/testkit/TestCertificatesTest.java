package org.smtpdoctor.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

    private static X509TrustManager trusting(X509Certificate anchor) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        if (anchor != null) {
            store.setCertificateEntry("anchor", anchor);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchor == null ? null : store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static void check(ServerIdentity identity, X509Certificate anchor) throws Exception {
        trusting(anchor).checkServerTrusted(new X509Certificate[] {identity.certificate()}, "ECDHE_ECDSA");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** A TLS handshake against a server with this identity, trusting only its anchor, checking the host name. */
    private static void handshake(ServerIdentity identity, String hostName) throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(identity).start();
                LineClient client = LineClient.connectTls(server, identity.clientSslContext(), hostName)) {
            assertEquals("220 fake.test ESMTP ready", client.readLine());
        }
    }

    @Test
    void localhostCertificateIsTrustedThroughTheTestCa() throws Exception {
        check(TestCertificates.localhost(), TestCertificates.ca());
    }

    @Test
    void localhostCertificateIsNotTrustedByTheJdkTrustStore() {
        assertThrows(CertificateException.class, () -> check(TestCertificates.localhost(), null));
    }

    @Test
    void expiredCertificateFailsWithCertificateExpired() {
        Exception error = assertThrows(CertificateException.class,
                () -> check(TestCertificates.expired(), TestCertificates.ca()));
        assertTrue(causedBy(error, CertificateExpiredException.class), error.toString());
    }

    @Test
    void notYetValidCertificateFailsWithCertificateNotYetValid() {
        Exception error = assertThrows(CertificateException.class,
                () -> check(TestCertificates.notYetValid(), TestCertificates.ca()));
        assertTrue(causedBy(error, CertificateNotYetValidException.class), error.toString());
    }

    @Test
    void selfSignedCertificateIsItsOwnAnchor() throws Exception {
        ServerIdentity identity = TestCertificates.selfSigned();
        assertEquals(identity.certificate(), identity.trustAnchor());
        check(identity, identity.certificate());
    }

    @Test
    void selfSignedCertificateIsNotTrustedThroughTheTestCa() {
        assertThrows(CertificateException.class, () -> check(TestCertificates.selfSigned(), TestCertificates.ca()));
    }

    @Test
    void handshakeSucceedsForLocalhost() throws IOException {
        handshake(TestCertificates.localhost(), "localhost");
    }

    @Test
    void handshakeWithAnExpiredCertificateFails() {
        SSLHandshakeException error = assertThrows(SSLHandshakeException.class,
                () -> handshake(TestCertificates.expired(), "localhost"));
        assertTrue(causedBy(error, CertificateExpiredException.class), error.toString());
    }

    @Test
    void otherHostCertificateFailsTheHostNameCheckForLocalhost() {
        SSLHandshakeException error = assertThrows(SSLHandshakeException.class,
                () -> handshake(TestCertificates.otherHost(), "localhost"));
        assertTrue(causedBy(error, CertificateException.class), error.toString());
    }

    @Test
    void otherHostCertificatePassesTheHostNameCheckForItsOwnName() throws IOException {
        handshake(TestCertificates.otherHost(), TestCertificates.OTHER_HOST);
    }

    @Test
    void wildcardCertificateMatchesOneLabelBelowItsDomain() throws IOException {
        handshake(TestCertificates.wildcard(), "mail.example.test");
    }

    @Test
    void wildcardCertificateDoesNotMatchLocalhost() {
        assertThrows(SSLHandshakeException.class, () -> handshake(TestCertificates.wildcard(), "localhost"));
    }

    @Test
    void trustPemFileHoldsTheAnchor(@TempDir Path directory) throws Exception {
        Path file = TestCertificates.localhost().writeTrustPem(directory.resolve("ca.pem"));
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(TestCertificates.ca(), CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    @Test
    void certificatesAreMadeOncePerJvm() {
        assertEquals(TestCertificates.expired(), TestCertificates.expired());
    }
}
