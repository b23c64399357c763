package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.testkit.FakeSmtpServer;

/**
 * Server-controlled and user-supplied text reaches the terminal with its control characters shown as visible
 * escapes: no window title, clear screen or clipboard write from a hostile greeting; control characters in an
 * option are refused.
 */
class TerminalSafetyTest {

    /** Window title, bell, clear screen, clipboard write (OSC 52), a C1 CSI and a right-to-left override. */
    static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u009b31m\u202egnp.exe";

    static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && TerminalText.isUnsafe(c));
    }

    @Test
    void hostileGreetingIsEscapedInStepsDetailAndTranscript() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("554 " + HOSTILE).start()) {
            CliRun run = CliRun.of("probe", "--host", server.host(), "--port", String.valueOf(server.port()),
                    "--security", "none");

            assertFalse(hasControl(run.out()), run.out());
            assertFalse(hasControl(run.err()), run.err());
            assertTrue(run.out().contains("\\u001b]0;pwned\\u0007"), run.out());
            assertTrue(run.out().contains("\\u009b"), run.out());
        }
    }

    @Test
    void jsonKeepsTheTextAndStaysValidJson() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("554 " + HOSTILE).start()) {
            CliRun run = CliRun.of("probe", "--host", server.host(), "--port", String.valueOf(server.port()),
                    "--security", "none", "--json");

            assertFalse(hasControl(run.out()), run.out());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertTrue(json.toString().contains("pwned"), run.out());
        }
    }

    @Test
    void explainEscapesPastedText() {
        CliRun run = CliRun.of("explain", "--host", "smtp.example.test", "535 5.7.8 " + HOSTILE);

        assertFalse(hasControl(run.all()), run.all());
        assertTrue(run.all().contains("\\u202egnp.exe"), run.all());
    }

    @Test
    void controlCharactersInAnOptionAreRefused() {
        CliRun run = CliRun.of("probe", "--host", "smtp.example.test", "--user", "alice\u001b]0;pwned\u0007");

        assertEquals(Exits.USAGE, run.exitCode(), run.all());
        assertFalse(hasControl(run.all()), run.all());
        assertTrue(run.err().contains("--user"), run.err());
    }

    @Test
    void escaperShowsEveryControlCharacterVisibly() {
        assertEquals("a\\u001b[2Jb\\u0007c\\u0000\\u007f\\u0085", TerminalText.escape("a\u001b[2Jb\u0007c\u0000\u007f\u0085"));
        assertEquals("plain text, ä é ✔", TerminalText.escape("plain text, ä é ✔"));
        assertEquals("line one\nline two\ttab", TerminalText.escape("line one\nline two\ttab"));
        assertEquals("over\\u000dwrite", TerminalText.escape("over\rwrite"));
    }
}
