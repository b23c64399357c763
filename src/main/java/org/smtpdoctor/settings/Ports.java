package org.smtpdoctor.settings;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What counts as a port when it is typed as text: digits only, 1 to 65535. One rule for the validator, the host
 * parser ({@code smtp.example.com:587}), the engine's explain context and the command line, so a port one of them
 * takes is never refused by another.
 */
public final class Ports {

    /** The highest TCP port. */
    public static final int MAX = 65535;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    private Ports() {
    }

    /** The port {@code text} names (spaces around it ignored), or empty for anything else, null included. */
    public static Optional<Integer> parse(String text) {
        if (text == null || !DIGITS.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text.strip());
        return port >= 1 && port <= MAX ? Optional.of(port) : Optional.empty();
    }
}
