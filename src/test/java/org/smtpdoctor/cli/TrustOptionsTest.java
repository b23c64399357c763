package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.probe.CertificatePin;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;
import picocli.CommandLine;

/** {@code --trust-cert} and {@code --trust-fingerprint} mean the same on {@code probe} and {@code find}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrustOptionsTest {

    private static final String PASSWORD = "Tru5t-S3cret";
    private static final ServerIdentity SELF_SIGNED = TestCertificates.selfSigned();
    private static final String PIN = CertificatePin.of(SELF_SIGNED.certificate()).toString();

    @TempDir
    Path dir;

    private static FakeSmtpServer selfSignedServer() {
        return FakeSmtpServer.builder().starttls(SELF_SIGNED).auth("alice", PASSWORD, "PLAIN").start();
    }

    private static CliRun probe(FakeSmtpServer server, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("probe", "--host", "127.0.0.1", "--port",
                String.valueOf(server.port()), "--security", "starttls", "--user", "alice", "--password-stdin"));
        args.addAll(List.of(extra));
        return CliRun.of(PASSWORD + "\n", Map.of(), args.toArray(String[]::new));
    }

    private static boolean authSent(FakeSmtpServer server) {
        return server.connections().stream().flatMap(c -> c.lines().stream()).anyMatch(l -> l.startsWith("AUTH"));
    }

    @Test
    void untrustedCertificateShowsItsFingerprintAndHowToTrustIt() {
        try (FakeSmtpServer server = selfSignedServer()) {
            CliRun run = probe(server);

            // the server's own certificate: the provider or IT has to give the fingerprint (or a public certificate)
            assertEquals(Exits.TEMPORARY_OR_SERVER, run.exitCode(), run.all());
            assertTrue(run.out().contains("--trust-fingerprint " + PIN), run.out());
            assertTrue(run.out().contains("Issued by: "), run.out());
            assertFalse(authSent(server));
        }
    }

    @Test
    void pinnedFingerprintLetsTheProbeSignIn() throws Exception {
        try (FakeSmtpServer server = selfSignedServer()) {
            CliRun run = probe(server, "--trust-fingerprint", PIN, "--json");

            assertEquals(0, run.exitCode(), run.all());
            JsonNode tls = new ObjectMapper().readTree(run.out()).get("tls");
            assertEquals("pinned", tls.get("trusted_by").asText());
            assertEquals(PIN, tls.get("fingerprint").asText());
            assertTrue(authSent(server));
        }
    }

    @Test
    void malformedFingerprintIsAUsageError() {
        CliRun run = CliRun.of("probe", "--host", "smtp.example.test", "--trust-fingerprint", "SHA256:12:34");

        assertEquals(Exits.USAGE, run.exitCode(), run.all());
        assertTrue(run.err().contains("is not a SHA-256 fingerprint"), run.err());
    }

    @Test
    void findTakesTheSameTrustOptions() throws Exception {
        try (Loopback net = new Loopback()) {
            FakeSmtpServer server = net.keep(FakeSmtpServer.builder().bind("127.0.0.22").implicitTls(SELF_SIGNED)
                    .auth(Loopback.USER, Loopback.PASSWORD).requireAuth().start());
            net.name("smtp.example.test", "127.0.0.22");
            int closed = Loopback.closedPort("127.0.0.22");
            FinderOptions options = Loopback.options()
                    .withProbe(Loopback.options().probe().withTrustedCertificates(List.of()))
                    .withPorts(new FinderOptions.StandardPorts(server.port(), closed, closed));

            assertEquals(FindCommand.NONE_WORK, find(options, net, new StringWriter()));
            assertFalse(authSent(server));

            StringWriter out = new StringWriter();
            assertEquals(FindCommand.FOUND, find(options, net, out, "--trust-fingerprint", PIN), out.toString());
            assertTrue(authSent(server));

            assertEquals(Exits.USAGE, find(options, net, new StringWriter(), "--trust-cert", dir.toString()));
        }
    }

    private static int find(FinderOptions options, Loopback net, StringWriter out, String... extra) {
        CommandLine cmd = new CommandLine(new FindCommand(new ProviderCatalog(List.of()), options,
                new ByteArrayInputStream((Loopback.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8))));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        List<String> args = new java.util.ArrayList<>(List.of(Loopback.USER, "--password-stdin", "--dns",
                net.dns.address()));
        args.addAll(List.of(extra));
        return cmd.execute(args.toArray(String[]::new));
    }
}
