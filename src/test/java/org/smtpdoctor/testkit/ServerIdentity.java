package org.smtpdoctor.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * What a test server presents in TLS (its key and certificate) and what a client must trust to accept it (the test CA,
 * or the certificate itself when it is self-signed). Made by {@link TestCertificates}.
 *
 * @param privateKey  the server's key
 * @param certificate the server certificate the server sends (the chain is this one certificate: the CA is a root)
 * @param trustAnchor what a client adds to its trusted certificates to accept this server (CA or self-signed leaf)
 */
public record ServerIdentity(PrivateKey privateKey, X509Certificate certificate, X509Certificate trustAnchor) {

    private static final char[] KEY_STORE_PASSWORD = "test".toCharArray();

    /** For {@code ProbeOptions.withTrustedCertificates(...)}. */
    public List<X509Certificate> trustedCertificates() {
        return List.of(trustAnchor);
    }

    /** Key managers serving this identity, for a server-side {@link SSLContext}. */
    public KeyManager[] keyManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey, KEY_STORE_PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, KEY_STORE_PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a key store for the test identity", e);
        }
    }

    /** A server-side TLS context presenting this identity. */
    public SSLContext serverSslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a server TLS context", e);
        }
    }

    /** A client-side TLS context that trusts only this identity's trust anchor (for tests with raw SSLSockets). */
    public SSLContext clientSslContext() {
        return TestCertificates.clientContextTrusting(trustAnchor);
    }

    /** Writes the trust anchor as PEM (for the command line's {@code --trust-cert FILE.pem}) and returns the file. */
    public Path writeTrustPem(Path file) throws IOException {
        Files.writeString(file, toPem(trustAnchor), StandardCharsets.US_ASCII);
        return file;
    }

    /** A certificate in PEM form. */
    public static String toPem(X509Certificate certificate) {
        try {
            Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            return "-----BEGIN CERTIFICATE-----\n" + encoder.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + certificate.getSubjectX500Principal().getName() + ", trusted via "
                + trustAnchor.getSubjectX500Principal().getName() + "]";
    }
}
