package org.smtpdoctor.settings;

import java.util.Arrays;

/**
 * A password or OAuth token, held as characters so it can be wiped, and never printed.
 *
 * <p>{@link #toString()} is redacted so a secret cannot leak through string concatenation, records' generated
 * {@code toString}, logging or exception messages. The only way out is {@link #reveal()}, used at the single point
 * where the probe hands the value to the mail library.
 */
public final class Secret {

    private static final Secret EMPTY = new Secret(new char[0]);

    private final char[] chars;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /** Copies {@code chars}; the caller may wipe its own array afterwards. */
    public static Secret of(char[] chars) {
        return chars == null || chars.length == 0 ? EMPTY : new Secret(chars.clone());
    }

    public static Secret of(String text) {
        return text == null || text.isEmpty() ? EMPTY : new Secret(text.toCharArray());
    }

    public static Secret empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    /**
     * Whether the secret starts or ends with white space: a common copy-and-paste slip that validation warns
     * about without ever showing the secret.
     */
    public boolean hasSurroundingWhitespace() {
        return chars.length > 0
                && (Character.isWhitespace(chars[0]) || Character.isWhitespace(chars[chars.length - 1]));
    }

    /** The secret in clear. Call only where the value is handed to the server. */
    public String reveal() {
        return new String(chars);
    }

    /** Overwrites the characters; the secret is empty afterwards. */
    public void wipe() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : "<redacted>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret && Arrays.equals(chars, ((Secret) o).chars);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chars);
    }
}
