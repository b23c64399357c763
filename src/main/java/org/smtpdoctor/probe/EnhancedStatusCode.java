package org.smtpdoctor.probe;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 3463 enhanced status code {@code class.subject.detail}, e.g. {@code 5.7.8}.
 *
 * @param statusClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 * @param subject     0-7: other, addressing, mailbox, mail system, network/routing, protocol, content, security
 * @param detail      0-999
 */
public record EnhancedStatusCode(int statusClass, int subject, int detail) {

    private static final Pattern AT_START = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?=\\s|$)");

    public EnhancedStatusCode {
        if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
            throw new IllegalArgumentException("class must be 2, 4 or 5: " + statusClass);
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("subject and detail must be 0-999");
        }
    }

    /** Parses the code at the start of {@code text} (the reply text after the basic code). */
    public static Optional<EnhancedStatusCode> parseAtStart(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = AT_START.matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new EnhancedStatusCode(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    public static EnhancedStatusCode parse(String text) {
        return parseAtStart(text).orElseThrow(() -> new IllegalArgumentException("Not an enhanced status code: " + text));
    }

    /** {@code x.subject.*}: the subject-level form rules fall back to ("5.7"). */
    public String subjectCode() {
        return statusClass + "." + subject;
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
