package org.smtpdoctor.probe;

import java.util.List;

/**
 * What the TLS handshake showed, recorded even when the handshake failed on the certificate.
 *
 * @param protocol    e.g. {@code TLSv1.3}; empty when the handshake did not finish
 * @param cipherSuite e.g. {@code TLS_AES_128_GCM_SHA256}; empty when the handshake did not finish
 * @param chain       the peer's certificates, leaf first
 * @param trusted     whether the chain leads to a trusted root (the JDK trust store plus any certificate the
 *                    user chose to trust)
 * @param hostMatches whether the leaf certificate is valid for the server name used
 * @param validNames  the names the leaf certificate is valid for (its DNS and IP SANs, or its CN when it has none)
 * @param trustedBy   what vouched for the certificate ({@link TrustSource#NONE} when nothing did)
 * @param trustProblem the platform's reason for refusing the chain, as it worded it (empty when trusted); a fact to
 *                    show, never to classify by
 */
public record TlsInfo(
        String protocol,
        String cipherSuite,
        List<CertificateInfo> chain,
        boolean trusted,
        boolean hostMatches,
        List<String> validNames,
        TrustSource trustedBy,
        String trustProblem) {

    public TlsInfo {
        chain = List.copyOf(chain);
        validNames = List.copyOf(validNames);
        trustedBy = trustedBy == null ? (trusted ? TrustSource.PUBLIC_CA : TrustSource.NONE) : trustedBy;
        trustProblem = trustProblem == null ? "" : trustProblem;
    }

    /** Without the trust details: a trusted chain counts as publicly trusted. */
    public TlsInfo(String protocol, String cipherSuite, List<CertificateInfo> chain, boolean trusted,
            boolean hostMatches, List<String> validNames) {
        this(protocol, cipherSuite, chain, trusted, hostMatches, validNames, null, "");
    }

    /** The leaf's pin, as {@code --trust-fingerprint} takes it; empty when no certificate was seen. */
    public java.util.Optional<String> leafFingerprint() {
        return chain.isEmpty() || chain.get(0).sha256().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("SHA256:" + chain.get(0).sha256());
    }
}
