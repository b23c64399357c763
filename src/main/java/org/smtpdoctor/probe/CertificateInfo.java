package org.smtpdoctor.probe;

import java.time.Instant;
import java.util.List;

/**
 * What a person needs to know about one certificate of the server's chain (no key material).
 *
 * @param dnsNames  subjectAltName dNSName entries (may contain wildcards such as {@code *.example.com})
 * @param ipAddresses subjectAltName iPAddress entries
 * @param sha256    fingerprint, hex with colons
 */
public record CertificateInfo(
        String subject,
        String issuer,
        List<String> dnsNames,
        List<String> ipAddresses,
        Instant notBefore,
        Instant notAfter,
        boolean selfSigned,
        String sha256) {

    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }
}
