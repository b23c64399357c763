package org.smtpdoctor.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The ESMTP extensions one EHLO reply announced (RFC 5321 4.1.1.1), keyword to parameters.
 *
 * @param extensions upper-case keyword ({@code AUTH}, {@code SIZE}, {@code STARTTLS} ...) to its parameter text
 *                   (empty when it has none)
 */
public record Capabilities(Map<String, String> extensions) {

    public static final Capabilities NONE = new Capabilities(Map.of());

    private static final Pattern MASKED = Pattern.compile("X{4,}[A-Z0-9]?");

    public Capabilities {
        extensions = Map.copyOf(extensions);
    }

    /** Reads the extensions of an EHLO reply; the first line is the server's greeting name and is skipped. */
    public static Capabilities fromEhloReply(Reply reply) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> lines = reply.lines();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String body = line.length() > 4 ? line.substring(4).strip() : "";
            if (body.isEmpty()) {
                continue;
            }
            // "AUTH=LOGIN PLAIN" is an old form of "AUTH LOGIN PLAIN"
            int split = indexOfSeparator(body);
            String keyword = (split < 0 ? body : body.substring(0, split)).toUpperCase(Locale.ROOT);
            String params = split < 0 ? "" : body.substring(split + 1).strip();
            map.merge(keyword, params, Capabilities::joinParameters);
        }
        return new Capabilities(map);
    }

    /**
     * Both lines' parameters, each word once: Apache James lists {@code AUTH LOGIN PLAIN} and {@code AUTH=LOGIN PLAIN},
     * which name the same mechanisms.
     */
    private static String joinParameters(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        StringBuilder joined = new StringBuilder(a);
        List<String> seen = List.of(a.toUpperCase(Locale.ROOT).split("\\s+"));
        for (String word : b.split("\\s+")) {
            if (!seen.contains(word.toUpperCase(Locale.ROOT))) {
                joined.append(' ').append(word);
            }
        }
        return joined.toString();
    }

    private static int indexOfSeparator(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ' ' || c == '=') {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String keyword) {
        return extensions.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    public boolean startTls() {
        return has("STARTTLS");
    }

    public boolean auth() {
        return has("AUTH");
    }

    /**
     * A keyword a firewall masked on its way to the client: Xs with at most one last other character, such as
     * {@code XXXXXXXA} where Cisco ASA/PIX "ESMTP inspection" hides STARTTLS. No ESMTP extension is spelled so.
     */
    public Optional<String> maskedKeyword() {
        return extensions.keySet().stream().filter(k -> MASKED.matcher(k).matches()).findFirst();
    }

    /** STARTTLS is missing and a masked keyword stands in the reply: a firewall, not the server, withholds it. */
    public boolean startTlsMasked() {
        return !startTls() && maskedKeyword().isPresent();
    }

    /** The SASL mechanisms offered, upper case, in the server's order. */
    public List<String> authMechanisms() {
        String p = extensions.getOrDefault("AUTH", "");
        return p.isBlank() ? List.of() : List.of(p.toUpperCase(Locale.ROOT).trim().split("\\s+"));
    }

    /** The SIZE limit in bytes, when announced with a value other than 0. */
    public OptionalLong sizeLimit() {
        String p = extensions.get("SIZE");
        if (p == null || p.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(p.trim().split("\\s+")[0]);
            return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public boolean eightBitMime() {
        return has("8BITMIME");
    }

    public boolean smtpUtf8() {
        return has("SMTPUTF8");
    }

    public boolean pipelining() {
        return has("PIPELINING");
    }
}
