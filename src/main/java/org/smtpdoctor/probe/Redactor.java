package org.smtpdoctor.probe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes every known encoding of the secret from a text before it is stored: the clear password, URL-encoded
 * ({@code %20} or {@code +} for a space, either case of hex), with {@code +} for spaces, base64 (standard or URL
 * alphabet, with or without padding), the base64 of the AUTH PLAIN and XOAUTH2 payloads, each also as a server's
 * reply shows it when read byte by byte as ISO-8859-1 — and each also when split across the lines of a reply. The
 * transcript already replaces whole AUTH lines; this is the second line of defence for anything else (server
 * echoes, exception texts).
 */
final class Redactor {

    static final String MASK = "<redacted>";
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3} ");

    private final List<String> forms;

    Redactor(String username, String secret) {
        Set<String> f = new LinkedHashSet<>();
        if (secret != null && !secret.isEmpty()) {
            String user = username == null ? "" : username;
            for (String payload : List.of(user + "\0" + user + "\0" + secret, "\0" + user + "\0" + secret,
                    "user=" + user + "\u0001auth=Bearer " + secret + "\u0001\u0001", secret)) {
                byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
                f.add(Base64.getEncoder().encodeToString(bytes));
                f.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
                f.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
            String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            for (String form : List.of(secret, url, url.replace("+", "%20"), secret.replace(' ', '+'))) {
                f.add(form);
                // replies are read byte by byte as ISO-8859-1: a non-ASCII password echoed by a server looks like this
                f.add(new String(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
        }
        f.remove("");
        List<String> sorted = new ArrayList<>(f);
        sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
        forms = List.copyOf(sorted);
    }

    String scrub(String text) {
        if (text == null || forms.isEmpty()) {
            return text == null ? "" : text;
        }
        boolean[] hidden = new boolean[text.length()];
        boolean any = mark(text, identity(text.length()), hidden);
        if (text.indexOf('\n') >= 0) {
            // once with each further line's indentation left out (pasted text), once with it kept (a secret that
            // itself starts with spaces)
            for (boolean skipIndent : new boolean[] {true, false}) {
                int[] map = joinedPositions(text, skipIndent);
                StringBuilder joined = new StringBuilder(map.length);
                for (int p : map) {
                    joined.append(text.charAt(p));
                }
                any |= mark(joined.toString(), map, hidden);
            }
        }
        return any ? masked(text, hidden) : text;
    }

    /** Marks in {@code hidden} (positions through {@code map}) every occurrence of a form in {@code text}. */
    private boolean mark(String text, int[] map, boolean[] hidden) {
        boolean any = false;
        for (String form : forms) {
            // percent-encoding's hex digits may come in either case; everything else is compared exactly
            boolean hexCaseFree = form.indexOf('%') >= 0;
            int n = form.length();
            int i = hexCaseFree ? nextIgnoringCase(text, form, 0) : text.indexOf(form);
            while (i >= 0) {
                for (int k = i; k < i + n; k++) {
                    hidden[map[k]] = true;
                }
                any = true;
                i = hexCaseFree ? nextIgnoringCase(text, form, i + 1) : text.indexOf(form, i + 1);
            }
        }
        return any;
    }

    private static int nextIgnoringCase(String text, String form, int from) {
        for (int i = from; i + form.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, form, 0, form.length())) {
                return i;
            }
        }
        return -1;
    }

    private static int[] identity(int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        return m;
    }

    /**
     * The positions of the text as one line: line breaks left out, and at the start of each further line the reply
     * code ({@code 535-}, {@code 535 }), a repeated enhanced status code and indentation, so a secret split across
     * the lines of a reply or a pasted
     * message is found too.
     */
    private static int[] joinedPositions(String text, boolean skipIndent) {
        int[] map = new int[text.length()];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                i++;
                if (c == '\n') {
                    i = skipLinePrefix(text, i, skipIndent);
                }
                continue;
            }
            map[n++] = i++;
        }
        return java.util.Arrays.copyOf(map, n);
    }

    private static int skipLinePrefix(String text, int start, boolean skipIndent) {
        int i = start;
        if (i + 3 < text.length() && Character.isDigit(text.charAt(i)) && Character.isDigit(text.charAt(i + 1))
                && Character.isDigit(text.charAt(i + 2)) && (text.charAt(i + 3) == '-' || text.charAt(i + 3) == ' ')) {
            i += 4;
            Matcher enhanced = ENHANCED.matcher(text).region(i, text.length());
            if (enhanced.lookingAt()) {
                i = enhanced.end(); // Postfix and others repeat "5.7.8 " on every line of a reply
            }
        }
        while (skipIndent && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Each run of hidden characters within a line becomes one {@link #MASK}; line breaks stay. */
    private static String masked(String text, boolean[] hidden) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (hidden[i] && c != '\n' && c != '\r') {
                if (i == 0 || !hidden[i - 1] || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r') {
                    sb.append(MASK);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The line as it may be stored: {@code AUTH PLAIN <redacted>}; the mechanism stays readable. */
    static String redactAuthCommand(String command) {
        String[] parts = command.trim().split("\\s+", 3);
        if (parts.length <= 2) {
            return command;
        }
        return parts[0] + " " + parts[1] + " " + MASK;
    }
}
