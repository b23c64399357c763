package org.smtpdoctor.probe;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Records what the server's certificate shows, then lets the platform decide, as a mail client would: the
 * certificate the user pinned for this test is trusted as it is; otherwise the leaf's validity dates, then the
 * JDK's own PKIX trust manager ({@link TrustStores}: the JDK's anchors, then the operating system's, then the user's
 * extra certificates; extended key usage, key usage, name constraints and algorithm constraints included), then the
 * host name (RFC 6125, {@link HostNames}). Each failure is a {@link TlsCertificateException} of its own kind. This
 * class only records and orders the checks; it never trusts anything the platform refuses.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final String host;
    private final List<X509Certificate> extraTrusted;
    private final List<CertificatePin> pins;

    private volatile boolean called;
    private volatile List<X509Certificate> chain = List.of();
    private volatile boolean trusted;
    private volatile TrustSource trustedBy = TrustSource.NONE;
    private volatile String trustProblem = "";
    private volatile boolean hostMatches;
    private volatile List<String> validNames = List.of();
    private volatile String protocol = "";
    private volatile String cipherSuite = "";

    RecordingTrustManager(String host, List<X509Certificate> extraTrusted, List<CertificatePin> pins) {
        this.host = host;
        this.extraTrusted = List.copyOf(extraTrusted);
        this.pins = List.copyOf(pins);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        check(certs, socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null,
                (tm, c) -> tm.checkServerTrusted(c, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        check(certs, engine == null ? null : engine.getHandshakeSession(),
                (tm, c) -> tm.checkServerTrusted(c, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        check(certs, null, (tm, c) -> tm.checkServerTrusted(c, authType));
    }

    /** One call of a platform trust manager, with the socket or engine of the handshake. */
    @FunctionalInterface
    private interface PlatformCheck {
        void check(X509ExtendedTrustManager tm, X509Certificate[] certs) throws CertificateException;
    }

    private void check(X509Certificate[] certs, SSLSession session, PlatformCheck platform)
            throws CertificateException {
        called = true;
        if (session != null) {
            protocol = nullToEmpty(session.getProtocol());
            cipherSuite = nullToEmpty(session.getCipherSuite());
        }
        if (certs == null || certs.length == 0) {
            throw new TlsCertificateException(FailureKind.CERT_UNTRUSTED, "the server sent no certificate", null);
        }
        chain = List.of(certs);
        X509Certificate leaf = certs[0];
        validNames = HostNames.validNames(leaf);
        hostMatches = HostNames.matches(host, leaf);
        for (CertificatePin pin : pins) {
            if (pin.matches(leaf)) {
                trusted = true;
                trustedBy = TrustSource.PINNED;
                return; // the user looked at exactly this certificate and chose to trust it for this test
            }
        }
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            // the platform would refuse it for its dates alone; whether the chain is otherwise sound is still worth
            // knowing ("expired" vs "expired and from an unknown issuer"): validated at the middle of its validity
            GeneralSecurityException pkix = validate(certs, middleOfValidity(leaf));
            trusted = pkix == null;
            trustProblem = nullToEmpty(e.getMessage());
            throw e instanceof CertificateExpiredException
                    ? new TlsCertificateException(FailureKind.CERT_EXPIRED, "certificate expired", e)
                    : new TlsCertificateException(FailureKind.CERT_NOT_YET_VALID, "certificate not yet valid", e);
        }
        CertificateException refusal = decide(certs, platform);
        if (refusal != null) {
            trustProblem = nullToEmpty(refusal.getMessage());
            throw new TlsCertificateException(FailureKind.CERT_UNTRUSTED, "certificate chain not trusted", refusal);
        }
        if (!hostMatches) {
            throw new TlsCertificateException(FailureKind.CERT_HOST_MISMATCH, "certificate not valid for the host", null);
        }
    }

    /** The platform's decision over each set of anchors in turn; null when one of them trusts the chain. */
    private CertificateException decide(X509Certificate[] certs, PlatformCheck platform) {
        CertificateException first = null;
        List<Map.Entry<TrustSource, Supplier<Optional<X509ExtendedTrustManager>>>> sources = List.of(
                Map.entry(TrustSource.PUBLIC_CA, TrustStores::jdk),
                Map.entry(TrustSource.SYSTEM, TrustStores::system),
                Map.entry(TrustSource.USER_CERTIFICATE, () -> TrustStores.of(extraTrusted)));
        for (Map.Entry<TrustSource, Supplier<Optional<X509ExtendedTrustManager>>> source : sources) {
            Optional<X509ExtendedTrustManager> tm = source.getValue().get();
            if (tm.isEmpty()) {
                continue;
            }
            try {
                platform.check(tm.get(), certs);
                trusted = true;
                trustedBy = source.getKey();
                return null;
            } catch (CertificateException e) {
                // the user's own anchors say most about a chain they meant to trust
                first = first == null || source.getKey() == TrustSource.USER_CERTIFICATE ? e : first;
            }
        }
        return first != null ? first : new CertificateException("no trust anchors");
    }

    private static Date middleOfValidity(X509Certificate c) {
        long from = c.getNotBefore().getTime();
        long to = c.getNotAfter().getTime();
        return new Date(from + (to - from) / 2);
    }

    /** PKIX validation at {@code at}; null when the chain leads to a trusted anchor. */
    private GeneralSecurityException validate(X509Certificate[] certs, Date at) {
        try {
            Set<TrustAnchor> anchors = TrustAnchors.with(extraTrusted);
            List<X509Certificate> path = new ArrayList<>(Arrays.asList(certs));
            // the anchor itself need not be (and should not be) part of the path
            while (!path.isEmpty() && isAnchor(path.get(path.size() - 1), anchors)) {
                if (path.size() == 1) {
                    return null; // the leaf itself is trusted
                }
                path.remove(path.size() - 1);
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(at);
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return e instanceof GeneralSecurityException ? (GeneralSecurityException) e
                    : new CertificateException("no trust anchors", e);
        }
    }

    private static boolean isAnchor(X509Certificate c, Set<TrustAnchor> anchors) {
        for (TrustAnchor a : anchors) {
            if (c.equals(a.getTrustedCert())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("client certificates are not checked by the probe");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("client certificates are not checked by the probe");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not checked by the probe");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Whether the server got as far as presenting a certificate (so it certainly speaks TLS). */
    boolean called() {
        return called;
    }

    /** What was seen, with the protocol and cipher of the finished handshake when there is one. */
    TlsInfo info(SSLSession finished) {
        String p = protocol;
        String c = cipherSuite;
        if (finished != null && finished.isValid()) {
            p = nullToEmpty(finished.getProtocol());
            c = nullToEmpty(finished.getCipherSuite());
        }
        return new TlsInfo(p, c, CertificateInfos.of(chain), trusted, hostMatches, validNames, trustedBy,
                trustProblem);
    }
}
