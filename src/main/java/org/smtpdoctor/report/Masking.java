package org.smtpdoctor.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presentation mode: hides the middle of names and email addresses so a report or a screen share does not show
 * them in full ({@code alice@example.com} becomes {@code al***e@ex***.com}) while a helpdesk can still tell them
 * apart. This is about privacy on screen; passwords never reach a report at all.
 */
public final class Masking {

    private static final String STARS = "***";
    private static final Pattern ADDRESS =
            // character classes only (a repeated group recurses once per domain label: StackOverflowError), and a
            // local part that starts only where a run of its characters starts and never gives back (no quadratic
            // rescanning of a long run without an @)
            Pattern.compile("(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]++@[\\p{L}\\p{N}\\-]+\\.[\\p{L}\\p{N}.\\-]*"
                    + "[\\p{L}\\p{N}\\-]");

    private Masking() {
    }

    /** {@code alice@example.com} → {@code al***e@ex***.com}; text without an @ is masked as a name. */
    public static String maskAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return maskName(address);
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int lastDot = domain.lastIndexOf('.');
        String maskedDomain = lastDot <= 0
                ? maskName(domain)
                : keepStart(domain.substring(0, lastDot), 2) + STARS + domain.substring(lastDot);
        return maskName(local) + "@" + maskedDomain;
    }

    /** A username: an address is masked as one; otherwise the first two and the last character stay. */
    public static String maskUsername(String username) {
        return username.indexOf('@') >= 0 ? maskAddress(username) : maskName(username);
    }

    /**
     * Masks every email address in free text (a transcript line, a server reply, a pasted message), and each of
     * {@code names} (e.g. a username without @), also in its base64 form as it travels in AUTH LOGIN.
     */
    public static String maskText(String text, Collection<String> names) {
        Matcher m = ADDRESS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(maskAddress(m.group())));
        }
        m.appendTail(sb);
        String result = sb.toString();
        for (String name : longestFirst(names)) {
            if (name.length() >= 2) {
                result = result.replace(name, maskUsername(name));
                String b64 = Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
                result = result.replace(b64, STARS);
            }
        }
        return result;
    }

    private static List<String> longestFirst(Collection<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return list;
    }

    private static String maskName(String s) {
        int n = s.codePointCount(0, s.length());
        if (n == 0) {
            return s;
        }
        if (n < 4) {
            return keepStart(s, 1) + STARS;
        }
        int lastStart = s.offsetByCodePoints(0, n - 1);
        return keepStart(s, 2) + STARS + s.substring(lastStart);
    }

    private static String keepStart(String s, int codePoints) {
        int n = s.codePointCount(0, s.length());
        return s.substring(0, s.offsetByCodePoints(0, Math.min(codePoints, n)));
    }
}
