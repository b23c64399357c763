package org.smtpdoctor.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presentation mode: hides the middle of usernames and email addresses on screen ({@code al***e@ex***.com}), so a
 * screen share or screenshot does not show whose account it is.
 */
public final class Masking {

    private static final Pattern ADDRESS = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final String STARS = "***";

    private Masking() {
    }

    /** {@code alice@example.com} → {@code al***e@ex***.com}. */
    public static String maskAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return maskWord(address);
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String maskedDomain = dot > 0 ? maskWord(domain.substring(0, dot)) + domain.substring(dot) : maskWord(domain);
        return maskWord(address.substring(0, at)) + "@" + maskedDomain;
    }

    /** A username: an address is masked as one, a plain name keeps its first and last character. */
    public static String maskUsername(String username) {
        if (username == null || username.isEmpty()) {
            return "";
        }
        return username.indexOf('@') >= 0 ? maskAddress(username) : maskWord(username);
    }

    /** Masks every email address in {@code text}, and {@code username} wherever it appears. */
    public static String maskText(String text, String username) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String result = text;
        if (username != null && username.length() > 1 && username.indexOf('@') < 0) {
            result = result.replace(username, maskUsername(username));
        }
        Matcher m = ADDRESS.matcher(result);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(maskAddress(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String maskWord(String word) {
        int n = word.codePointCount(0, word.length());
        if (n <= 2) {
            return STARS;
        }
        int keepStart = n > 4 ? 2 : 1;
        int startEnd = word.offsetByCodePoints(0, keepStart);
        int lastStart = word.offsetByCodePoints(0, n - 1);
        return word.substring(0, startEnd) + STARS + word.substring(lastStart);
    }
}
