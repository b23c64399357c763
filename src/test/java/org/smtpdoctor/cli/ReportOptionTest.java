package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;

/** {@code --report FILE} on probe and explain writes the wizard's redacted report, in the extension's format. */
class ReportOptionTest {

    private static final String PASSWORD = "Rep0rt-S3cr3t-Pa55";

    @TempDir
    Path dir;

    private String[] probeArgs(FakeSmtpServer server, Path pem, String password, Path report) {
        return new String[] {"probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
            "--security", "starttls", "--user", "alice@example.test", "--password-stdin",
            "--trust-cert", pem.toString(), "--from", "alice@example.test", "--to", "bob@example.test",
            "--report", report.toString()};
    }

    @Test
    void probeWritesAMarkdownReportWithoutThePassword() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(identity)
                .auth("alice@example.test", PASSWORD, "PLAIN", "LOGIN").start()) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            Path report = dir.resolve("report.md");
            CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), probeArgs(server, pem, PASSWORD, report));
            assertEquals(0, run.exitCode(), run.all());
            String text = Files.readString(report, StandardCharsets.UTF_8);
            String payload = Base64.getEncoder().encodeToString(
                    ("alice@example.test\0alice@example.test\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertAll(
                    () -> assertTrue(text.startsWith("# "), text),
                    () -> assertTrue(text.contains("127.0.0.1"), text),
                    () -> assertTrue(text.contains("EHLO"), "the transcript is in the report"),
                    () -> assertFalse(text.contains(PASSWORD)),
                    () -> assertFalse(text.contains(payload)));
        }
    }

    @Test
    void wrongPasswordReportNamesThePasswordButNeverContainsIt() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(identity)
                .auth("alice@example.test", "the-right-one", "PLAIN", "LOGIN").start()) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            Path report = dir.resolve("report.html");
            CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), probeArgs(server, pem, PASSWORD, report));
            assertEquals(1, run.exitCode(), run.all());
            String html = Files.readString(report, StandardCharsets.UTF_8);
            assertAll(
                    () -> assertTrue(html.contains("<html"), html),
                    () -> assertTrue(html.contains("Password"), html),
                    () -> assertFalse(html.contains(PASSWORD)));
        }
    }

    @Test
    void explainWritesAPlainTextReportWithThePastedText() throws Exception {
        Path report = dir.resolve("report.txt");
        CliRun run = CliRun.of("explain", "--report", report.toString(),
                "535 5.7.8 Username and Password not accepted.");
        assertEquals(1, run.exitCode(), run.all());
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertAll(
                () -> assertTrue(text.contains("535 5.7.8 Username and Password not accepted."), text),
                () -> assertFalse(text.contains("<html")),
                () -> assertFalse(text.startsWith("# ")));
    }

    @Test
    void anUnknownExtensionIsAUsageErrorBeforeAnythingRuns() {
        Path report = dir.resolve("report.pdf");
        CliRun run = CliRun.of("explain", "--report", report.toString(), "535 5.7.8 not accepted");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains(".md, .html or .txt"), run.err());
        assertFalse(Files.exists(report));
    }
}
