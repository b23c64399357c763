package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.discovery.ProbeSession;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;

/** The desktop log keeps the probe's phases and failures for later, and never the password. */
class LogFileTest {

    private static final String SECRET = "L0g-S3cr3t-Pa55";

    @TempDir
    Path dir;

    private String logText() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    @Test
    void phasesAndFailuresAreLoggedButNeverThePassword() throws Exception {
        LogFile log = LogFile.open(dir.resolve("config"));
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice@example.test", "the-right-one", "PLAIN")
                .start()) {
            Engine engine = new CoreEngine(ProbeOptions.defaults().withAllowPlaintextAuth(true));
            ProbeSession run = engine.newProbeRun(false);
            engine.check(run, new AccountSettings("127.0.0.1", server.port(), Security.NONE, AuthMethod.PLAIN,
                    "alice@example.test", Secret.of(SECRET), "alice@example.test", "bob@example.test"),
                    ProbeListener.NONE);
            System.getLogger(WizardViewModel.class.getName()).log(System.Logger.Level.ERROR,
                    "The test failed unexpectedly", new IllegalStateException("boom"));
        } finally {
            log.close();
        }
        dir = dir.resolve("config");
        String text = logText();
        String payload = Base64.getEncoder().encodeToString(
                ("\0alice@example.test\0" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertAll(
                () -> assertTrue(text.contains("phase AUTH"), text),
                () -> assertTrue(text.contains("The test failed unexpectedly"), text),
                () -> assertTrue(text.contains("IllegalStateException: boom"), text),
                () -> assertFalse(text.contains(SECRET)),
                () -> assertFalse(text.contains(payload)));
    }
}
