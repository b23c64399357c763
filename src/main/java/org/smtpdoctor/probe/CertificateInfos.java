package org.smtpdoctor.probe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/** Turns the peer's X.509 certificates into {@link CertificateInfo} values. */
final class CertificateInfos {

    private CertificateInfos() {
    }

    static List<CertificateInfo> of(List<X509Certificate> chain) {
        List<CertificateInfo> out = new ArrayList<>();
        for (X509Certificate c : chain) {
            out.add(of(c));
        }
        return out;
    }

    static CertificateInfo of(X509Certificate c) {
        return new CertificateInfo(
                c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                c.getIssuerX500Principal().getName(X500Principal.RFC2253),
                HostNames.dnsNames(c),
                HostNames.ipAddresses(c),
                c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(),
                selfSigned(c),
                sha256(c));
    }

    static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static String sha256(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02X", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }
}
