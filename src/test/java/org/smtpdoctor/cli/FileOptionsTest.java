package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory given where a file is expected says so, on every option that takes a file. */
class FileOptionsTest {

    @TempDir
    Path dir;

    @Test
    void directoryAsTrustCertSaysItIsADirectory() {
        CliRun run = CliRun.of("probe", "--host", "smtp.example.test", "--trust-cert", dir.toString());

        assertEquals(Exits.USAGE, run.exitCode(), run.all());
        assertTrue(run.err().contains(dir + " is a directory"), run.err());
    }

    @Test
    void directoryAsReportSaysItIsADirectory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("reports.md"));
        CliRun run = CliRun.of("explain", "--report", folder.toString(), "535 5.7.8 Authentication failed");

        assertEquals(Exits.USAGE, run.exitCode(), run.all());
        assertTrue(run.err().contains(folder + " is a directory"), run.err());
    }
}
