package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.smtpdoctor.discovery.TestDnsServer;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;
import picocli.CommandLine;

/** {@code --dns} means every lookup of the command, the probe's own A/AAAA lookup included. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DnsOptionTest {

    private static final String HOST = "smtp.only-in-test-dns.test";
    private static final String PASSWORD = "Dns-S3cr3t";

    @TempDir
    Path dir;

    @Test
    void probeConnectsToANameOnlyTheChosenDnsServerKnowsAndChecksTheCertificateAgainstThatName()
            throws Exception {
        ServerIdentity identity = TestCertificates.forNames(HOST);
        try (TestDnsServer dns = TestDnsServer.start();
                FakeSmtpServer server = FakeSmtpServer.builder().bind("127.0.0.41").implicitTls(identity)
                        .auth("alice@example.test", PASSWORD, "PLAIN").start()) {
            dns.a(HOST, "127.0.0.41");
            Path pem = identity.writeTrustPem(dir.resolve("ca.pem"));

            CliRun run = CliRun.of(PASSWORD + "\n", Map.of(), "probe", "--host", HOST, "--port",
                    String.valueOf(server.port()), "--security", "ssl", "--user", "alice@example.test",
                    "--password-stdin", "--trust-cert", pem.toString(), "--dns", dns.address());

            assertEquals(0, run.exitCode(), run.all());
            assertTrue(run.out().contains("Resolved " + HOST + " to 127.0.0.41"), run.out());
            assertTrue(dns.questions().contains("A " + HOST + "."), dns.questions().toString());
        }
    }

    @Test
    void findFindsAndVerifiesANameOnlyTheChosenDnsServerKnows() throws Exception {
        String host = "smtp.dns-only.test";
        try (TestDnsServer dns = TestDnsServer.start();
                FakeSmtpServer server = FakeSmtpServer.builder().bind("127.0.0.43")
                        .implicitTls(TestCertificates.forNames(host)).auth("ann@dns-only.test", PASSWORD)
                        .requireAuth().start()) {
            dns.a(host, "127.0.0.43");
            int closed = Loopback.closedPort("127.0.0.43");
            FinderOptions options = Loopback.options().withProbeResolvedAddresses(false)
                    .withPorts(new FinderOptions.StandardPorts(server.port(), closed, closed));
            FindCommand command = new FindCommand(new ProviderCatalog(List.of()), options,
                    new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            StringWriter out = new StringWriter();
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(out, true));

            int exit = cmd.execute("ann@dns-only.test", "--password-stdin", "--dns", dns.address());

            assertEquals(0, exit, out.toString());
            assertTrue(out.toString().contains("Best: " + host + ", port " + server.port()), out.toString());
        }
    }

    @Test
    void unusableDnsServerIsAUsageError() {
        CliRun run = CliRun.of("probe", "--host", HOST, "--dns", "127.0.0.1:notaport");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--dns"), run.err());
    }
}
