package org.smtpdoctor.probe;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes sign-in payloads from text whose secret is unknown: a transcript or log someone pasted. The payload after
 * {@code AUTH <mechanism>} and every client line answering a {@code 334} challenge become {@value Redactor#MASK}, in
 * the notations people paste (bare, {@code C:}/{@code S:}, swaks's {@code ->}/{@code <-}/{@code ~>}/{@code <~}, a
 * leading time stamp). Mechanism names stay readable.
 */
public final class SignInPayloads {

    private static final Pattern LINE = Pattern.compile(
            "^(\\s*(?:\\[[^\\]]{0,40}\\]\\s*|\\d{1,6}(?:[.:]\\d{1,6})*s?\\s+)?"
                    + "(?:[CS]:|->|<-|~>|<~|>>>|<<<|<\\*\\*|<~\\*|<|>|\\*\\*\\*|DEBUG SMTP:)?\\s*)(.*)$");
    private static final Pattern AUTH = Pattern.compile("(?i)^(AUTH\\s+([A-Z0-9_-]+))\\s+(\\S.*)$");
    /** A SASL mechanism name as RFC 4422 section 3.1 writes it: upper-case letters, digits, hyphen, underscore. */
    private static final Pattern SASL_NAME = Pattern.compile("[A-Z][A-Z0-9_-]{1,19}");
    /** What an initial response can be (RFC 4954): base64 (or its URL-safe form) or "=". */
    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9+/=_-]+");
    private static final Pattern SENTENCE_START = Pattern.compile("(?:failed|failure|error|not|rejected|refused"
            + "|unsuccessful|denied|disabled|invalid|unsupported|unrecogni[sz]ed|timed|timeout|returned|response|was|is"
            + "|succeeded|successful|command)[:,.]?");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "XOAUTH2",
            "OAUTHBEARER", "NTLM", "GSSAPI", "SCRAM-SHA-1", "SCRAM-SHA-256", "EXTERNAL", "ANONYMOUS");

    private SignInPayloads() {
    }

    /** {@code text} with every sign-in payload replaced; line breaks and everything else stay. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean challenged = false;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            String line = text.substring(start, stop);
            boolean cr = line.endsWith("\r");
            String content = cr ? line.substring(0, line.length() - 1) : line;
            Matcher m = LINE.matcher(content);
            String body = m.matches() ? m.group(2) : content;
            String prefix = m.matches() ? m.group(1) : "";
            Matcher auth = AUTH.matcher(body);
            if (isReply(body)) {
                challenged = body.startsWith("334");
            } else if (auth.matches() && isMechanism(auth.group(2)) && isPayload(auth.group(3))) {
                if (!MECHANISMS.contains(auth.group(3).trim().split("\\s+")[0].toUpperCase(Locale.ROOT))) {
                    content = prefix + auth.group(1) + " " + Redactor.MASK;
                }
                challenged = false;
            } else if (challenged && !body.isBlank()) {
                content = body.equals("*") ? content : prefix + Redactor.MASK;
                challenged = false;
            }
            out.append(content);
            if (cr) {
                out.append('\r');
            }
            if (end < 0) {
                break;
            }
            out.append('\n');
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * Whether the word after {@code AUTH} names a sign-in mechanism: a known one in any case, or any name written the
     * way the SASL registry writes them (upper case). A pasted sentence such as "AUTH not accepted from server: 503
     * ..." is no AUTH command and keeps its words.
     */
    private static boolean isMechanism(String word) {
        return MECHANISMS.contains(word.toUpperCase(Locale.ROOT)) || SASL_NAME.matcher(word).matches();
    }

    /**
     * A sentence goes on after the mechanism ("AUTH LOGIN failed: 535 ...", "AUTH XOAUTH2 failed 535 ..."); a payload
     * is one base64 token. A lower-case word that says how the command went starts a sentence even though its letters
     * are valid base64, also alone (Jakarta Mail's debug lines "AUTH LOGIN failed", "AUTH LOGIN succeeded"): an
     * initial response is the base64 of a user name or of "\0user\0password", never such a word. Anything else that
     * could be base64 is removed.
     */
    private static boolean isPayload(String rest) {
        String[] words = rest.trim().split("\\s+");
        if (SENTENCE_START.matcher(words[0]).matches()) {
            return false;
        }
        return PAYLOAD.matcher(words[0]).matches();
    }

    private static boolean isReply(String body) {
        return body.length() >= 3 && Character.isDigit(body.charAt(0)) && Character.isDigit(body.charAt(1))
                && Character.isDigit(body.charAt(2)) && (body.length() == 3 || body.charAt(3) == ' '
                || body.charAt(3) == '-');
    }
}
