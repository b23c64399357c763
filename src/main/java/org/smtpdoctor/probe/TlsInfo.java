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
 */
public record TlsInfo(
        String protocol,
        String cipherSuite,
        List<CertificateInfo> chain,
        boolean trusted,
        boolean hostMatches,
        List<String> validNames) {

    public TlsInfo {
        chain = List.copyOf(chain);
        validNames = List.copyOf(validNames);
    }
}
