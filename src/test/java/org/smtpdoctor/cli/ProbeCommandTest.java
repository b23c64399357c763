package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/** The probe command end to end against a real (fake) server on loopback, as a user runs it. */
class ProbeCommandTest {

    private static final String PASSWORD = "Cli-S3cr3t-Pa55";

    @TempDir
    Path dir;

    private FakeSmtpServer startTlsServer(ServerIdentity identity) {
        return FakeSmtpServer.builder().starttls(identity).auth("alice@example.test", PASSWORD, "PLAIN", "LOGIN")
                .start();
    }

    private String[] probeArgs(FakeSmtpServer server, Path pem, String... extra) {
        String[] base = {"probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
            "--security", "starttls", "--user", "alice@example.test", "--password-stdin",
            "--trust-cert", pem.toString(), "--from", "alice@example.test", "--to", "bob@example.test"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void workingSettingsExitZeroAndShowEveryStep() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = startTlsServer(identity)) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), probeArgs(server, pem));
            assertEquals(0, run.exitCode(), run.all());
            assertAll(
                    () -> assertTrue(run.out().contains("Sign in"), run.out()),
                    () -> assertTrue(run.out().contains("Recipient (RCPT TO)"), run.out()),
                    () -> assertTrue(run.out().contains("AUTH PLAIN <redacted>") || run.out().contains("AUTH LOGIN"),
                            run.out()),
                    () -> assertTrue(run.out().contains("[Your settings work]"), run.out()));
        }
    }

    @Test
    void wrongPasswordExitsOneAndNamesThePassword() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = startTlsServer(identity)) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            CliRun run = CliRun.of("not-the-password\n", Map.of(), probeArgs(server, pem, "--json"));
            assertEquals(1, run.exitCode(), run.all());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals("auth_rejected", json.path("kind").asText());
            assertEquals("auth", json.path("failed_phase").asText());
            assertEquals("password", json.path("diagnosis").path("setting").asText());
        }
    }

    @Test
    void jsonUsesTheSharedVocabularyInSnakeCase() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = startTlsServer(identity)) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), probeArgs(server, pem, "--json"));
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertAll(
                    () -> assertTrue(json.path("success").asBoolean()),
                    () -> assertTrue(json.path("total_ms").isNumber()),
                    () -> assertEquals("starttls", json.path("settings").path("security").asText()),
                    () -> assertTrue(json.path("phases").get(0).has("duration_ms")),
                    () -> assertTrue(json.path("tls").path("protocol").asText().startsWith("TLS")),
                    () -> assertTrue(json.path("capabilities").path("starttls").asBoolean()),
                    () -> assertEquals("works", json.path("diagnosis").path("verdict").asText()),
                    () -> assertEquals("none", json.path("diagnosis").path("setting").asText()),
                    () -> assertEquals("PLAIN", json.path("auth_mechanism").asText(), "the method that worked"),
                    () -> assertTrue(json.path("transcript").size() > 5));
        }
    }

    @Test
    void passwordAppearsNowhereInOutputInAnyEncoding() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = startTlsServer(identity)) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            String plainPayload = Base64.getEncoder().encodeToString(
                    ("alice@example.test\0alice@example.test\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            String loginPayload = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
            for (String format : new String[] {"--json", "--allow-plaintext-auth"}) {
                CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), probeArgs(server, pem, format));
                assertAll(
                        () -> assertFalse(run.all().contains(PASSWORD)),
                        () -> assertFalse(run.all().contains(plainPayload)),
                        () -> assertFalse(run.all().contains(loginPayload)));
            }
        }
    }

    @Test
    void startTlsOnAnImplicitTlsPortNamesSslTls() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(identity).start()) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            CliRun run = CliRun.of("probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                    "--security", "starttls", "--trust-cert", pem.toString(), "--json");
            assertEquals(1, run.exitCode(), run.all());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals("tls_where_plaintext_expected", json.path("kind").asText());
            assertEquals("security", json.path("diagnosis").path("setting").asText());
            assertEquals("SSL/TLS", json.path("diagnosis").path("suggested_value").asText());
        }
    }

    @Test
    void jsonListsTheChangeFromTheTestedValueAndAnEmptyListOfAlternatives() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(identity).start()) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            CliRun run = CliRun.of("probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                    "--security", "starttls", "--trust-cert", pem.toString(), "--json");
            JsonNode diagnosis = new ObjectMapper().readTree(run.out()).path("diagnosis");
            JsonNode change = diagnosis.path("changes").path(0);
            assertAll(
                    () -> assertEquals(1, diagnosis.path("changes").size(), run.out()),
                    () -> assertEquals("security", change.path("setting").asText()),
                    () -> assertEquals("STARTTLS", change.path("from").asText()),
                    () -> assertEquals("SSL/TLS", change.path("to").asText()),
                    () -> assertTrue(diagnosis.path("alternatives").isArray()),
                    () -> assertEquals(0, diagnosis.path("alternatives").size()));
            JsonNode advice = new ObjectMapper().readTree(run.out()).path("advice").path("changes").path(0);
            assertAll(
                    () -> assertEquals("security", advice.path("setting").asText()),
                    () -> assertEquals("STARTTLS", advice.path("from").asText()),
                    () -> assertEquals("SSL/TLS", advice.path("to").asText()),
                    () -> assertFalse(advice.path("where").asText().isBlank(), run.out()));
        }
    }

    @Test
    void aPortWithoutEncryptionMakesTheProbeCheckTheStandardPortsOfTheSameServer() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            CliRun json = CliRun.of("probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                    "--security", "starttls", "--json");
            JsonNode checked = new ObjectMapper().readTree(json.out()).path("alternatives_checked");
            // on the user's own computer and without sign-in, the same port without encryption is checked first
            assertAll(
                    () -> assertEquals(3, checked.size(), json.out()),
                    () -> assertEquals(server.port(), checked.path(0).path("port").asInt()),
                    () -> assertEquals("none", checked.path(0).path("security").asText()),
                    () -> assertEquals(587, checked.path(1).path("port").asInt()),
                    () -> assertEquals("starttls", checked.path(1).path("security").asText()),
                    () -> assertEquals(465, checked.path(2).path("port").asInt()),
                    () -> assertFalse(checked.path(1).path("answer").asText().isBlank()));
            CliRun human = CliRun.of("probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                    "--security", "starttls");
            assertTrue(human.out().contains("Checked just now on the same server"), human.out());
            assertTrue(human.out().contains("port 587 (STARTTLS): "), human.out());
            // a port is a number, not an amount: no thousands separator
            assertTrue(human.out().contains("port " + server.port() + " (None): "), human.out());
        }
    }

    @Test
    void wrongServerSettingsPointToTheFindCommandWithTheCurrentValues() throws Exception {
        ServerIdentity identity = TestCertificates.forNames("127.0.0.1", "localhost");
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(identity).start()) {
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));
            CliRun run = CliRun.of("probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                    "--security", "starttls", "--trust-cert", pem.toString(), "--from", "alice@example.test");
            assertTrue(run.out().contains("smtp-doctor find alice@example.test --current-host 127.0.0.1 --current-port "
                    + server.port() + " --current-security starttls"), run.out());
        }
    }

    @Test
    void serverRefusingTheRecipientTemporarilyExitsThree() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .reply(Verb.RCPT, "451 4.7.1 Greylisted, please try again later").start()) {
            CliRun run = CliRun.of("probe", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                    "--security", "none", "--from", "a@example.test", "--to", "b@example.test");
            assertEquals(3, run.exitCode(), run.all());
            assertTrue(run.out().contains("451 4.7.1"), run.out());
        }
    }
}
