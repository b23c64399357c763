package org.smtpdoctor.probe;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The JDK's default trust anchors (its cacerts, as the default PKIX trust manager sees them). Loaded once per JVM:
 * the set is immutable and reading the key store costs more than a probe's whole TLS handshake.
 */
final class TrustAnchors {

    private TrustAnchors() {
    }

    private static final class Jdk {
        static final Set<TrustAnchor> ANCHORS = load();

        private static Set<TrustAnchor> load() {
            Set<TrustAnchor> anchors = new HashSet<>();
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                for (TrustManager tm : tmf.getTrustManagers()) {
                    if (tm instanceof X509TrustManager) {
                        for (X509Certificate c : ((X509TrustManager) tm).getAcceptedIssuers()) {
                            anchors.add(new TrustAnchor(c, null));
                        }
                    }
                }
            } catch (GeneralSecurityException e) {
                return Set.of();
            }
            return Set.copyOf(anchors);
        }
    }

    /** The JDK's anchors plus the certificates the user chose to trust. */
    static Set<TrustAnchor> with(List<X509Certificate> extra) {
        Set<TrustAnchor> all = new HashSet<>(Jdk.ANCHORS);
        for (X509Certificate c : extra) {
            all.add(new TrustAnchor(c, null));
        }
        return all;
    }
}
