package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.testkit.FakeSmtpServer;

/** The command line logs to standard error only with --verbose, and never the password. */
class VerboseLoggingTest {

    private static final String PASSWORD = "V3rb0se-S3cr3t";

    private static String[] args(FakeSmtpServer server, String... extra) {
        String[] base = {"probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--security",
            "none", "--allow-plaintext-auth", "--user", "alice@example.test", "--password-stdin"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void verboseLogsThePhasesToStandardErrorWithoutThePassword() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice@example.test", PASSWORD, "PLAIN").start()) {
            CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), args(server, "--verbose"));
            assertEquals(0, run.exitCode(), run.all());
            assertAll(
                    () -> assertTrue(run.err().contains("phase CONNECT"), run.err()),
                    () -> assertTrue(run.err().contains("phase AUTH"), run.err()),
                    () -> assertFalse(run.out().contains("phase CONNECT"), "the log stays off standard output"),
                    () -> assertFalse(run.all().contains(PASSWORD)));
        }
    }

    @Test
    void withoutVerboseNothingIsLogged() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice@example.test", PASSWORD, "PLAIN").start()) {
            CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), args(server));
            assertEquals(0, run.exitCode(), run.all());
            assertFalse(run.err().contains("phase "), run.err());
        }
    }
}
