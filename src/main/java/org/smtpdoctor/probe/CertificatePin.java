package org.smtpdoctor.probe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * "Trust this certificate for this test": the SHA-256 fingerprint of exactly one server certificate, as a mail
 * program shows it when it asks to accept a certificate. Matches that leaf certificate only, whatever its issuer,
 * names or dates; nothing else.
 *
 * @param sha256 the fingerprint, 64 upper-case hex digits
 */
public record CertificatePin(String sha256) {

    private static final int HEX_DIGITS = 64;

    public CertificatePin {
        if (sha256 == null || sha256.length() != HEX_DIGITS || !sha256.chars().allMatch(CertificatePin::isUpperHex)) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hex digits");
        }
    }

    private static boolean isUpperHex(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }

    /**
     * Reads {@code SHA256:AB:CD:…}, {@code AB CD …} or {@code abcd…} (the forms Thunderbird, Outlook, openssl and
     * browsers show). The message of the exception says what is expected.
     */
    public static CertificatePin parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.regionMatches(true, 0, "SHA256:", 0, 7)) {
            t = t.substring(7);
        } else if (t.regionMatches(true, 0, "SHA-256:", 0, 8)) {
            t = t.substring(8);
        }
        String hex = t.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (hex.length() != HEX_DIGITS || !hex.chars().allMatch(CertificatePin::isUpperHex)) {
            throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint: expected SHA256: followed"
                    + " by 64 hex digits (pairs may be separated by colons), as shown for the server's certificate");
        }
        return new CertificatePin(hex);
    }

    /** The pin of {@code certificate}. */
    public static CertificatePin of(X509Certificate certificate) {
        return new CertificatePin(hex(certificate));
    }

    boolean matches(X509Certificate certificate) {
        return sha256.equals(hex(certificate));
    }

    private static String hex(X509Certificate certificate) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }

    /** {@code SHA256:AB:CD:…}, the form the option takes and the output shows. */
    @Override
    public String toString() {
        return "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(sha256));
    }
}
