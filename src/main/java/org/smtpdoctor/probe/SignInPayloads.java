package org.smtpdoctor.probe;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes sign-in payloads from text whose secret is unknown: a transcript or log someone pasted. The payload after
 * {@code AUTH <mechanism>} and every client line answering a {@code 334} challenge become {@value Redactor#MASK}, in
 * the notations people paste (bare, {@code C:}/{@code S:}, swaks's {@code ->}/{@code <-}/{@code ~>}/{@code <~}, a
 * leading time stamp). Mechanism names stay readable. Secrets people paste inside a line go too: the value of a
 * {@code password=}, {@code pass:}, {@code "smtp_password": "…"} or API-key pair, the password of a URL's user part
 * ({@code smtps://user:secret@host}), a bearer token ({@code auth=Bearer ya29…}) and the payload of an {@code AUTH}
 * command quoted in the middle of a sentence.
 */
public final class SignInPayloads {

    private static final Pattern LINE = Pattern.compile(
            "^(\\s*(?:\\[[^\\]]{0,40}\\]\\s*|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?\\s+"
                    + "|\\d{1,6}(?:(?:[.:]\\d{1,6})+s?|s)\\s+)?"
                    + "(?:SERVER -> CLIENT:|CLIENT -> SERVER:|[CS]:"
                    + "|->|<-|~>|<~|>>>|<<<|<\\*\\*|<~\\*|<|>|\\*\\*\\*|DEBUG SMTP:)?\\s*)(.*)$");
    private static final Pattern AUTH = Pattern.compile("(?i)^(AUTH\\s+([A-Z0-9_-]+))\\s+(\\S.*)$");
    /** A SASL mechanism name as RFC 4422 section 3.1 writes it: upper-case letters, digits, hyphen, underscore. */
    private static final Pattern SASL_NAME = Pattern.compile("[A-Z][A-Z0-9_-]{1,19}");
    /** What an initial response can be (RFC 4954): base64 (or its URL-safe form) or "=". */
    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9+/=_-]+");
    private static final Pattern SENTENCE_START = Pattern.compile("(?:failed|failure|error|not|rejected|refused"
            + "|unsuccessful|denied|disabled|invalid|unsupported|unrecogni[sz]ed|timed|timeout|returned|response|was|is"
            + "|succeeded|successful|command)[:,.]?");
    /** A log line's date ("2014-10-17"), which starts the next line of a log whose line breaks were lost. */
    private static final Pattern LOG_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "XOAUTH2",
            "OAUTHBEARER", "NTLM", "GSSAPI", "SCRAM-SHA-1", "SCRAM-SHA-256", "EXTERNAL", "ANONYMOUS");

    /**
     * A secret's name and its separator, then its value (quoted, or up to a space or a delimiter): {@code password=},
     * {@code SMTP_PASS: }, {@code "smtp_password": "…"}, PHP's {@code 'password' => '…'}, {@code api_key=},
     * {@code client_secret=}, {@code access_token=}.
     * The separator is on the same line, so a server's {@code 334 Password:} prompt keeps the line after it.
     */
    private static final Pattern SECRET_PAIR = Pattern.compile("(?i)(\\b(?:[a-z0-9]{1,20}[_.-]){0,3}(?:password|passwd|passwort"
            + "|pass|pwd|secret|api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|auth[_-]?token)[\"']?[ \\t]*(?:=>|[:=])"
            + "[ \\t]*)(\"[^\"\\n]+\"|'[^'\\n]+'|[^\\s,;&\"'}\\])]+)");
    /** A URL's user part with a password: {@code smtps://user:secret@smtp.example.com}. */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]{1,15}://[^\\s:/@]{1,200}:)([^\\s@/]{1,200})(@)");
    /** An OAuth bearer token as XOAUTH2's decoded payload and HTTP headers show it. */
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bBearer[ \\t]+)([A-Za-z0-9._~+/-]{12,}=*)");
    /** An AUTH command quoted inside a sentence, with a payload that can only be base64 (a digit, '+', '/' or '='). */
    private static final Pattern INLINE_AUTH = Pattern.compile(
            "(?i)(\\bAUTH[ \\t]+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5|DIGEST-MD5|NTLM)[ \\t]+)"
                    + "(?=[A-Za-z0-9+/]*[0-9+/=])([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])");

    private SignInPayloads() {
    }

    /**
     * A pasted text as every front keeps, shows and reads it: in plain characters ({@link PastedText}, so that a
     * no-break space or a quoted reply's marks hide no payload from the patterns below) and without its secrets.
     */
    public static String redactPasted(String text) {
        return redact(PastedText.plain(text));
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
            out.append(inlineSecrets(content));
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

    /** {@code line} with the secrets written inside it masked: pairs, URL passwords, bearer tokens, AUTH payloads. */
    private static String inlineSecrets(String line) {
        String out = line;
        for (Pattern p : List.of(SECRET_PAIR, URL_PASSWORD, BEARER, INLINE_AUTH)) {
            Matcher m = p.matcher(out);
            if (m.find()) {
                StringBuilder b = new StringBuilder();
                do {
                    String value = m.group(2);
                    boolean quoted = value.length() > 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'');
                    String masked = value.equals(Redactor.MASK) ? value
                            : quoted ? value.charAt(0) + Redactor.MASK + value.charAt(0) : Redactor.MASK;
                    m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + masked
                            + (m.groupCount() > 2 ? m.group(3) : "")));
                } while (m.find());
                m.appendTail(b);
                out = b.toString();
            }
        }
        return out;
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
        if (SENTENCE_START.matcher(words[0]).matches() || LOG_DATE.matcher(words[0]).matches()) {
            return false; // a sentence goes on, or a log line whose breaks were lost goes on with its next stamp
        }
        return PAYLOAD.matcher(words[0]).matches();
    }

    private static boolean isReply(String body) {
        return body.length() >= 3 && Character.isDigit(body.charAt(0)) && Character.isDigit(body.charAt(1))
                && Character.isDigit(body.charAt(2)) && (body.length() == 3 || body.charAt(3) == ' '
                || body.charAt(3) == '-');
    }
}
