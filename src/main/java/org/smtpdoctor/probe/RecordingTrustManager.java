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
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's certificate the way a mail client would, but records what it saw first, so the result can
 * say what the certificate is valid for even when the handshake fails on it. Checks in this order: the leaf's
 * validity dates, the PKIX chain (the JDK's trust store plus the user's extra certificates), the host name
 * (RFC 6125). Each failure is a {@link TlsCertificateException} of its own kind.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final String host;
    private final List<X509Certificate> extraTrusted;

    private volatile boolean called;
    private volatile List<X509Certificate> chain = List.of();
    private volatile boolean trusted;
    private volatile boolean hostMatches;
    private volatile List<String> validNames = List.of();
    private volatile String protocol = "";
    private volatile String cipherSuite = "";

    RecordingTrustManager(String host, List<X509Certificate> extraTrusted) {
        this.host = host;
        this.extraTrusted = List.copyOf(extraTrusted);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
        check(certs, socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
        check(certs, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        check(certs, null);
    }

    private void check(X509Certificate[] certs, SSLSession session) throws CertificateException {
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
        TlsCertificateException dateProblem = null;
        Date at = new Date();
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            dateProblem = new TlsCertificateException(FailureKind.CERT_EXPIRED, "certificate expired", e);
            at = middleOfValidity(leaf);
        } catch (CertificateNotYetValidException e) {
            dateProblem = new TlsCertificateException(FailureKind.CERT_NOT_YET_VALID, "certificate not yet valid", e);
            at = middleOfValidity(leaf);
        }
        GeneralSecurityException pkixFailure = validate(certs, at);
        trusted = pkixFailure == null;
        if (dateProblem != null) {
            throw dateProblem;
        }
        if (!trusted) {
            throw new TlsCertificateException(FailureKind.CERT_UNTRUSTED, "certificate chain not trusted", pkixFailure);
        }
        if (!hostMatches) {
            throw new TlsCertificateException(FailureKind.CERT_HOST_MISMATCH, "certificate not valid for the host", null);
        }
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
        return new TlsInfo(p, c, CertificateInfos.of(chain), trusted, hostMatches, validNames);
    }
}
