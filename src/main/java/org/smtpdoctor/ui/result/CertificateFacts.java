package org.smtpdoctor.ui.result;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smtpdoctor.probe.CertificateInfo;

/**
 * A server certificate as a person checks it before trusting it: who it is for, who issued it, until when it is
 * valid, and its SHA-256 fingerprint in groups of four, to read aloud over the phone and compare.
 *
 * @param issuedTo    the name it was issued to (the subject's common name, else the whole subject)
 * @param validFor    the names and addresses it is valid for, comma-separated; empty when none
 * @param issuedBy    who issued it (the issuer's common name, else the whole issuer)
 * @param validUntil  the last day it is valid (yyyy-MM-dd, UTC)
 * @param fingerprint the SHA-256 fingerprint in groups of four hex digits: "AB12 CD34 …"
 * @param sha256      the fingerprint as the probe gave it, for pinning
 */
public record CertificateFacts(String issuedTo, String validFor, String issuedBy, String validUntil,
        String fingerprint, String sha256) {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The facts of the server's own (leaf) certificate. */
    public static CertificateFacts of(CertificateInfo c) {
        List<String> names = new ArrayList<>(c.dnsNames());
        names.addAll(c.ipAddresses());
        return new CertificateFacts(commonName(c.subject()), String.join(", ", names), commonName(c.issuer()),
                c.notAfter() == null ? "—" : DAY.format(c.notAfter()), inFours(c.sha256()), c.sha256());
    }

    /** "ab:12:cd:34:…" → "AB12 CD34 …" */
    static String inFours(String fingerprint) {
        String hex = fingerprint.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex, i, Math.min(i + 4, hex.length()));
        }
        return sb.toString();
    }

    private static String commonName(String distinguishedName) {
        for (String part : distinguishedName.split(",")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3);
            }
        }
        return distinguishedName;
    }
}
