package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.testkit.FakeSmtpServer;

/** What a fresh process shows: stderr free of library log lines, and a wizard start without a display. */
class ProcessEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void noLibraryLogLineReachesStderr() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().extensions("8BITMIME").start()) {
            CliProcess p = CliProcess.run(dir, List.of(), Map.of(), "probe", "--host", server.host(), "--port",
                    String.valueOf(server.port()), "--security", "none", "--from", "jörg@example.test",
                    "--to", "b@example.test");

            assertFalse(p.err().contains("INFO"), p.err());
            assertFalse(p.err().contains("allowutf8"), p.err());
            assertTrue(p.out().contains("SMTPUTF8"), p.out());
        }
    }

    @Test
    void verboseLetsLibraryLogLinesThrough() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().extensions("8BITMIME").start()) {
            CliProcess p = CliProcess.run(dir, List.of(), Map.of(), "probe", "--verbose", "--host", server.host(),
                    "--port", String.valueOf(server.port()), "--security", "none", "--from", "jörg@example.test",
                    "--to", "b@example.test");

            assertTrue(p.err().contains("INFO: mail.mime.allowutf8"), p.err());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void wizardWithoutADisplaySaysSoInOneSentenceAndExitsTwo() throws Exception {
        CliProcess p = CliProcess.run(dir, List.of("-Djava.awt.headless=false"), Map.of("DISPLAY", "",
                "WAYLAND_DISPLAY", ""));

        assertEquals(2, p.exitCode(), p.all());
        assertEquals("No display found — the command line works without one: smtp-doctor --help", p.err().strip());
        assertEquals("", p.out());
    }
}
