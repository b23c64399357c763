package org.smtpdoctor.testkit;

import java.util.ArrayList;
import java.util.List;

/** Reply texts for robustness tests: very long lines and long multi-line replies. */
public final class Replies {

    private Replies() {
    }

    /** One reply line of exactly {@code length} characters: "code " followed by filler. */
    public static String longLine(int code, int length) {
        String head = code + " ";
        if (length < head.length()) {
            throw new IllegalArgumentException("length below " + head.length());
        }
        StringBuilder line = new StringBuilder(length).append(head);
        for (int i = 0; line.length() < length; i++) {
            line.append((char) ('a' + i % 26));
        }
        return line.toString();
    }

    /** A multi-line reply with {@code count} lines ("250-line 1" ... "250 line N"), joined by "\n". */
    public static String multiLine(int code, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(code + (i == count ? " " : "-") + "line " + i);
        }
        return String.join("\n", lines);
    }

    /** A multi-line reply made of the given texts ("250-a", "250-b", "250 c"), joined by "\n". */
    public static String multiLine(int code, String... texts) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add(code + (i == texts.length - 1 ? " " : "-") + texts[i]);
        }
        return String.join("\n", lines);
    }
}
