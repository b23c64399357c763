package org.smtpdoctor.settings;

import java.util.Locale;
import java.util.Optional;

/** Connection security as mail clients offer it. */
public enum Security {
    /** Plain text; only sensible on trusted networks. */
    NONE("None", 25),
    /** Plain connection upgraded with the STARTTLS command (RFC 3207), usually on port 587 (RFC 6409). */
    STARTTLS("STARTTLS", 587),
    /** TLS from the first byte ("implicit TLS", RFC 8314), usually on port 465. */
    SSL_TLS("SSL/TLS", 465);

    private final String label;
    private final int usualPort;

    Security(String label, int usualPort) {
        this.label = label;
        this.usualPort = usualPort;
    }

    /** The neutral name shown to users ("SSL/TLS"). */
    public String label() {
        return label;
    }

    /** The submission port that goes with this security (RFC 6409 / RFC 8314). */
    public int usualPort() {
        return usualPort;
    }

    /**
     * The encryption a port for mail programs goes with, the inverse of {@link #usualPort}: 465 encrypts from the
     * start (RFC 8314), 587 upgrades (RFC 6409); empty for any other port, whose security the number does not tell.
     */
    public static Optional<Security> ofSubmissionPort(int port) {
        return port == STARTTLS.usualPort ? Optional.of(STARTTLS)
                : port == SSL_TLS.usualPort ? Optional.of(SSL_TLS) : Optional.empty();
    }

    /** Command-line and JSON form: {@code none}, {@code starttls}, {@code ssl}. */
    public String cliName() {
        return this == SSL_TLS ? "ssl" : name().toLowerCase(Locale.ROOT);
    }

    /** Parses the command-line form, also accepting common spellings ("tls", "ssl/tls", "ssl_tls"). */
    public static Security parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "none", "plain" -> NONE;
            case "starttls" -> STARTTLS;
            case "ssl", "tls", "ssl/tls", "ssl_tls", "smtps" -> SSL_TLS;
            default -> throw new IllegalArgumentException("Unknown connection security '" + text
                    + "': use none, starttls or ssl");
        };
    }
}
