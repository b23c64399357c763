package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any server-controlled string through the terminal escaper yields no control character. */
class TerminalTextProperties {

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars('\u202e', '\u2066', '\u200f', '\u2028')
                        .ofMaxLength(60));
    }

    @Property(tries = 1000)
    void escapedTextHasNoControlCharacter(@ForAll("hostile") String text) {
        String escaped = TerminalText.escape(text);

        assertFalse(hasUnsafe(escaped), () -> "unsafe character left in: " + escaped);
    }

    @Property(tries = 500)
    void everythingPrintedThroughTheSafeWriterIsEscaped(@ForAll("hostile") String text) {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalText.safe(new PrintWriter(sink));
        out.println(text);
        out.printf("%s|%n", text);
        out.print(text.toCharArray());
        out.flush();

        assertFalse(hasUnsafe(sink.toString()), () -> "unsafe character left in: " + sink);
    }

    /** Line feed and tab are harmless; CR only as the CR LF of a line end. */
    private static boolean hasUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lineEnd = c == '\n' || c == '\t' || c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n';
            if (TerminalText.isUnsafe(c) && !lineEnd) {
                return true;
            }
        }
        return false;
    }
}
