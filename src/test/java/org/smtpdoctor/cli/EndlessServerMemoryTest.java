package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            CliProcess p = CliProcess.run(dir, List.of("-Xmx64m"), Map.of(), "probe", "--host", server.host(),
                    "--port", String.valueOf(server.port()), "--security", "none", "--timeout", "20",
                    "--from", "a@example.test", "--to", "b@example.test");

            assertFalse(p.err().contains("OutOfMemoryError"), p.err());
            assertEquals(3, p.exitCode(), p.all());
            assertTrue(p.out().contains("endless reply"), p.out());
        }
    }
}
