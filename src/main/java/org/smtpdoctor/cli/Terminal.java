package org.smtpdoctor.cli;

import java.nio.charset.Charset;
import org.smtpdoctor.probe.StepOutcome;

/** What the output can show: bold via ANSI only on a real terminal, check marks only in UTF-8. */
record Terminal(boolean ansi, boolean unicode) {

    static Terminal detect() {
        boolean tty = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        String enc = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding",
                Charset.defaultCharset().name()));
        return new Terminal(tty, enc.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8"));
    }

    String bold(String text) {
        return ansi ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    String ok() {
        return unicode ? StepOutcome.OK.glyph() : "OK  ";
    }

    String failed() {
        return unicode ? StepOutcome.FAILED.glyph() : "FAIL";
    }

    String skipped() {
        return unicode ? "·" : "-   ";
    }

    String arrow() {
        return unicode ? "→" : "->";
    }
}
