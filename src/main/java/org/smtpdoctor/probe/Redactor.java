package org.smtpdoctor.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Removes every known encoding of the secret from a text before it is stored: the clear password, its base64 form,
 * the base64 of the AUTH PLAIN and XOAUTH2 payloads. The transcript already replaces whole AUTH lines; this is the
 * second line of defence for anything else (server echoes, exception texts).
 */
final class Redactor {

    static final String MASK = "<redacted>";

    private final List<String> forms;

    Redactor(String username, String secret) {
        List<String> f = new ArrayList<>();
        if (secret != null && !secret.isEmpty()) {
            String user = username == null ? "" : username;
            f.add(b64(user + "\0" + user + "\0" + secret));
            f.add(b64("\0" + user + "\0" + secret));
            f.add(b64("user=" + user + "\u0001auth=Bearer " + secret + "\u0001\u0001"));
            f.add(b64(secret));
            f.add(secret);
            // replies are read byte by byte as ISO-8859-1: a non-ASCII password echoed by a server looks like this
            f.add(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        forms = List.copyOf(f);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    String scrub(String text) {
        if (text == null || forms.isEmpty()) {
            return text == null ? "" : text;
        }
        String t = text;
        for (String form : forms) {
            if (t.contains(form)) {
                t = t.replace(form, MASK);
            }
        }
        return t;
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
