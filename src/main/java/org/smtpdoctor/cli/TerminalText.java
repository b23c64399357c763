package org.smtpdoctor.cli;

import java.io.PrintWriter;

/**
 * The one place where text meets the terminal. Everything a command prints passes {@link #safe(PrintWriter)}: server
 * replies, certificate names, exception texts, pasted text and option values can carry escape sequences (a window
 * title, a clear screen, a clipboard write) or characters that reorder what is shown (right-to-left overrides). Each
 * such character is printed as a visible {@code \}{@code uXXXX} escape instead, which also keeps JSON output valid
 * JSON with the same meaning. Line feeds, tabs and CR LF line ends stay; the program's own bold on/off sequences are
 * the only escape sequences let through.
 */
final class TerminalText {

    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private TerminalText() {
    }

    /** Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional formatting marks. */
    static boolean isUnsafe(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0xfeff;
    }

    /** {@code text} with every unsafe character but line feed and tab shown as {@code \}{@code uXXXX}. */
    static String escape(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean allowBold) {
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean keep = !isUnsafe(c) || c == '\n' || c == '\t' || c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n';
            if (!keep && allowBold && c == '\u001b' && (text.startsWith(BOLD, i) || text.startsWith(RESET, i))) {
                keep = true;
            }
            if (keep) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(n + 16).append(text, 0, i);
            }
            sb.append(String.format("\\u%04x", (int) c));
        }
        return sb == null ? text : sb.toString();
    }

    /** A writer that escapes whatever is printed through it (line ends of println stay as they are). */
    static PrintWriter safe(PrintWriter out) {
        return out instanceof Safe ? out : new Safe(out);
    }

    private static final class Safe extends PrintWriter {
        Safe(PrintWriter out) {
            super(out, true);
        }

        @Override
        public void write(int c) {
            super.write(escape(String.valueOf((char) c), false));
        }

        @Override
        public void write(char[] buf, int off, int len) {
            write(new String(buf, off, len), 0, len);
        }

        @Override
        public void write(String s, int off, int len) {
            String e = escape(s.substring(off, off + len), true);
            super.write(e, 0, e.length());
        }
    }

    /**
     * The first option value with a control character, as a one-line message; null when none. (Pasted text, the
     * positional parameter of {@code explain}, may hold anything: it is escaped when printed.)
     */
    static String controlCharacterIn(picocli.CommandLine.ParseResult parsed) {
        for (picocli.CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (picocli.CommandLine.Model.OptionSpec o : p.matchedOptions()) {
                for (String v : o.originalStringValues()) {
                    if (v.codePoints().anyMatch(TerminalText::isUnsafe)) {
                        return o.longestName() + " contains a control character (" + firstUnsafe(v)
                                + "): type the value without it.";
                    }
                }
            }
        }
        return null;
    }

    private static String firstUnsafe(String v) {
        return v.codePoints().filter(TerminalText::isUnsafe).mapToObj(c -> String.format("\\u%04x", c))
                .findFirst().orElse("");
    }
}
