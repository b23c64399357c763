package org.smtpdoctor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The platform's trust managers (PKIX, as the JDK's own TLS uses them: chain, validity, key usage, extended key usage,
 * name constraints, algorithm constraints) over three sets of anchors, consulted in this order: the JDK's trust
 * store, the operating system's (Windows-ROOT, the macOS keychain, the Linux CA bundle, as mail programs use them),
 * and the certificates the user gave. The first two are loaded once per JVM, the operating system's only when the
 * JDK's did not trust a chain (so a publicly trusted server costs nothing extra).
 */
final class TrustStores {

    /** Where Linux distributions keep the system's CA bundle (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine). */
    static final List<Path> LINUX_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    private TrustStores() {
    }

    private static final class Jdk {
        static final Optional<X509ExtendedTrustManager> MANAGER = managerFor(null);
    }

    private static final class Os {
        static final Optional<X509ExtendedTrustManager> MANAGER = loadSystem();
    }

    /** The JDK's default trust manager (its cacerts). */
    static Optional<X509ExtendedTrustManager> jdk() {
        return Jdk.MANAGER;
    }

    /** The operating system's trust store, when there is one this JVM can read. */
    static Optional<X509ExtendedTrustManager> system() {
        return Os.MANAGER;
    }

    /** A trust manager whose anchors are exactly {@code anchors}; empty when there are none. */
    static Optional<X509ExtendedTrustManager> of(List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate c : anchors) {
                store.setCertificateEntry("anchor-" + i++, c);
            }
            return managerFor(store);
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    /** The anchors of the first readable PEM bundle among {@code bundles}. */
    static Optional<X509ExtendedTrustManager> fromPemBundles(List<Path> bundles) {
        for (Path p : bundles) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(p)) {
                List<X509Certificate> certs = new ArrayList<>();
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    if (c instanceof X509Certificate) {
                        certs.add((X509Certificate) c);
                    }
                }
                Optional<X509ExtendedTrustManager> tm = of(certs);
                if (tm.isPresent()) {
                    return tm;
                }
            } catch (IOException | GeneralSecurityException e) {
                // an unreadable bundle is no bundle; try the next
            }
        }
        return Optional.empty();
    }

    private static Optional<X509ExtendedTrustManager> loadSystem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return fromKeyStore("Windows-ROOT");
        }
        if (os.contains("mac")) {
            return fromKeyStore("KeychainStore");
        }
        return fromPemBundles(LINUX_BUNDLES);
    }

    private static Optional<X509ExtendedTrustManager> fromKeyStore(String type) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            return managerFor(store);
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509ExtendedTrustManager> managerFor(KeyStore store) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager) {
                    return Optional.of((X509ExtendedTrustManager) tm);
                }
            }
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
