package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad input on every option gets one clear line and exit code 2, never a stack trace. */
class CommandLineInputTest {

    private static void assertCleanUsageError(CliRun run, String expectedWords) {
        assertAll(
                () -> assertEquals(2, run.exitCode(), run.all()),
                () -> assertTrue(run.err().toLowerCase().contains(expectedWords.toLowerCase()), run.err()),
                () -> assertFalse(run.all().contains("\tat "), "stack trace: " + run.all()),
                () -> assertFalse(run.all().contains("Exception"), run.all()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "port 70000            | --port          | 70000                 | port",
        "port 0                | --port          | 0                     | port",
        "port not a number     | --port          | abc                   | port",
        "host with spaces      | --host          | smtp example.com      | server name",
        "unknown security      | --security      | tls13                 | none, starttls or ssl",
        "unknown auth          | --auth          | kerberos              | auto, none, plain",
        "timeout zero          | --timeout       | 0                     | --timeout",
        "sender not an address | --from          | alice                 | address",
    })
    void badOptionValueIsOneClearLine(String name, String option, String value, String expectedWords) {
        String host = option.equals("--host") ? value : "127.0.0.1";
        CliRun run = option.equals("--host")
                ? CliRun.of("probe", "--host", host, "--security", "none")
                : CliRun.of("probe", "--host", host, "--security", "none", option, value);
        assertCleanUsageError(run, expectedWords);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "port 70000            | --port          | 70000                 | port",
        "port not a number     | --port          | abc                   | port",
        "unknown security      | --security      | tls13                 | none, starttls or ssl",
        "unknown client        | --client        | eudora                | thunderbird",
    })
    void explainTakesTheSharedOptionsLikeProbe(String name, String option, String value, String expectedWords) {
        assertCleanUsageError(CliRun.of("explain", option, value, "535 5.7.8 authentication failed"), expectedWords);
    }

    @Test
    void passwordAsAnArgumentIsRefusedWithTheReason() {
        CliRun run = CliRun.of("probe", "--host", "127.0.0.1", "--user", "alice", "--password", "hunter2");
        assertCleanUsageError(run, "shell history");
        assertFalse(run.all().contains("hunter2"));
    }

    @Test
    void signInWithoutAnyPasswordSourceSaysWhatToUse() {
        CliRun run = CliRun.of("probe", "--host", "127.0.0.1", "--user", "alice");
        assertCleanUsageError(run, "--password-stdin");
    }

    @Test
    void unknownOptionPointsToHelp() {
        CliRun run = CliRun.of("probe", "--host", "127.0.0.1", "--colour");
        assertCleanUsageError(run, "--help");
    }

    @Test
    void missingHostIsNamed() {
        CliRun run = CliRun.of("probe");
        assertCleanUsageError(run, "--host");
    }

    @Test
    void emptyPasswordEnvironmentVariableIsNamed() {
        CliRun run = CliRun.of("", Map.of(), "probe", "--host", "127.0.0.1", "--user", "alice",
                "--password-env", "SMTP_PASS");
        assertCleanUsageError(run, "SMTP_PASS");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("SMTP Doctor"), run.out());
    }

    @Test
    void urlPastedAsHostIsNormalisedWithANote() {
        CliRun run = CliRun.of("probe", "--host", "smtp://127.0.0.1:1", "--security", "none", "--timeout", "2");
        assertTrue(run.err().startsWith("note:"), run.err());
        assertFalse(run.all().contains("\tat "));
    }
}
