package org.smtpdoctor.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cleans text that came from outside before a report shows it: control characters (a server may send terminal
 * escape sequences) become {@code ?}, and in presentation mode names and addresses are masked.
 */
final class Text {

    private final boolean mask;
    private final Set<String> names;

    private Text(boolean mask, Set<String> names) {
        this.mask = mask;
        this.names = names;
    }

    static Text forReport(ReportData data) {
        Set<String> names = new LinkedHashSet<>();
        data.settings().ifPresent(s -> {
            if (!s.username().isBlank()) {
                names.add(s.username());
            }
        });
        data.earlier().forEach(a -> {
            if (!a.settings().username().isBlank()) {
                names.add(a.settings().username());
            }
        });
        return new Text(data.presentationMode(), names);
    }

    String clean(String text) {
        String s = stripControls(text == null ? "" : text);
        return mask ? Masking.maskText(s, names) : s;
    }

    /** Splits at line breaks and cleans each line. */
    List<String> cleanLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\r\n|\r|\n", -1)) {
            lines.add(clean(line));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static String stripControls(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                sb.append(c == '\t' ? ' ' : '\n');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append('?');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
