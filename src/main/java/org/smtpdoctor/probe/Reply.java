package org.smtpdoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One SMTP reply: the basic three-digit code, the enhanced status code when the server sent one, and the text of
 * every line (RFC 5321 4.2: {@code 250-first}, {@code 250 last}).
 *
 * @param code     the basic code, 100-599
 * @param enhanced the RFC 3463 code of the first line, if any
 * @param lines    the full lines as received, code included
 */
public record Reply(int code, Optional<EnhancedStatusCode> enhanced, List<String> lines) {

    public Reply {
        lines = List.copyOf(lines);
    }

    /**
     * Parses a reply as received: one or more lines ({@code \n} or {@code \r\n} separated), each starting with the
     * same three-digit code. Returns empty when the first line does not start with a code.
     */
    public static Optional<Reply> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\r?\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty() || !startsWithCode(lines.get(0))) {
            return Optional.empty();
        }
        int code = Integer.parseInt(lines.get(0).substring(0, 3));
        String afterCode = lines.get(0).length() > 4 ? lines.get(0).substring(4) : "";
        return Optional.of(new Reply(code, EnhancedStatusCode.parseAtStart(afterCode), lines));
    }

    private static boolean startsWithCode(String line) {
        return line.length() >= 3
                && line.charAt(0) >= '1' && line.charAt(0) <= '5'
                && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2))
                && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
    }

    /** The text of all lines without the codes, joined by spaces: what a person reads. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String t = line.length() > 4 ? line.substring(4) : "";
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.strip());
        }
        return sb.toString();
    }

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }

    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanent() {
        return code >= 500;
    }
}
