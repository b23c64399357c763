package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.Verb;

/**
 * The probe's memory stays bounded whatever a server sends: the command line, in a JVM of its own with a 64 MB heap,
 * against a server whose EHLO reply never ends (without the limits it held 2.5 GB and died with OutOfMemoryError).
 */
class EndlessServerMemoryTest {

    @Test
    void endlessReplyEndsAsEndlessReplyInA64MegabyteHeap(@TempDir Path dir) throws Exception {
        String line = "250-" + "y".repeat(60);
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.EHLO, (cmd, session) -> {
            while (true) {
                session.send(line, line, line, line, line, line, line, line);
            }
        }).start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    "org.smtpdoctor.Launcher", "probe", "--host", server.host(), "--port", String.valueOf(server.port()),
                    "--security", "none", "--timeout", "20", "--from", "a@example.test", "--to", "b@example.test"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the probe did not end");
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);

            assertFalse(stderr.contains("OutOfMemoryError"), stderr);
            assertEquals(3, p.exitValue(), stdout + stderr);
            assertTrue(stdout.contains("endless reply"), stdout);
        }
    }
}
