package org.smtpdoctor.settings;

import java.util.Locale;

/** How the client signs in (RFC 4954 SASL mechanisms as mail clients name them). */
public enum AuthMethod {
    /** No sign-in at all. */
    NONE(null),
    /** The best mechanism both sides support (what mail clients call "Automatic"). */
    AUTO(null),
    PLAIN("PLAIN"),
    LOGIN("LOGIN"),
    CRAM_MD5("CRAM-MD5"),
    XOAUTH2("XOAUTH2");

    private final String mechanism;

    AuthMethod(String mechanism) {
        this.mechanism = mechanism;
    }

    /** The SASL mechanism name on the wire, or null for NONE and AUTO. */
    public String mechanism() {
        return mechanism;
    }

    /**
     * Command-line and JSON form: {@code none}, {@code auto}, {@code plain}, {@code login}, {@code cram-md5},
     * {@code xoauth2}.
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AuthMethod parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown sign-in method '" + text
                    + "': use auto, none, plain, login, cram-md5 or xoauth2", e);
        }
    }
}
