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

    /**
     * Issue 14's whole case: a server with a private CA, names that only the chosen DNS server knows, the CA given
     * with {@code --trust-cert} (the search itself trusts nothing extra), the user's current port wrong: the search
     * finds and verifies the server with the password and names the one change.
     */
    @Test
    void findWithAPrivateCaAndItsOwnDnsServerNamesTheSmallestChange() throws Exception {
        String host = "smtp.private-ca.test";
        ServerIdentity identity = TestCertificates.forNames(host);
        try (TestDnsServer dns = TestDnsServer.start();
                FakeSmtpServer server = FakeSmtpServer.builder().bind("127.0.0.44").implicitTls(identity)
                        .auth("ann@private-ca.test", PASSWORD).requireAuth().start()) {
            dns.a(host, "127.0.0.44");
            int closed = Loopback.closedPort("127.0.0.44");
            Path pem = identity.writeTrustPem(dir.resolve("private-ca.pem"));
            FinderOptions options = Loopback.options()
                    .withProbe(Loopback.options().probe().withTrustedCertificates(List.of()))
                    .withProbeResolvedAddresses(false)
                    .withPorts(new FinderOptions.StandardPorts(server.port(), closed, closed));
            FindCommand command = new FindCommand(new ProviderCatalog(List.of()), options,
                    new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            StringWriter out = new StringWriter();
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(out, true));

            int exit = cmd.execute("ann@private-ca.test", "--password-stdin", "--dns", dns.address(),
                    "--trust-cert", pem.toString(), "--current-host", host, "--current-port",
                    String.valueOf(closed), "--current-security", "ssl");

            assertEquals(0, exit, out.toString());
            assertTrue(out.toString().contains("Best: " + host + ", port " + server.port()), out.toString());
            assertTrue(out.toString().contains("from " + closed + " to " + server.port()), out.toString());
            assertTrue(server.connections().stream().anyMatch(c -> "ann@private-ca.test".equals(c.authenticatedUser())),
                    "the password was checked against the found server");
            assertTrue(!out.toString().contains(PASSWORD), "no password in the output");
        }
    }

    @Test
    void unusableDnsServerIsAUsageError() {
        CliRun run = CliRun.of("probe", "--host", HOST, "--dns", "127.0.0.1:notaport");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--dns"), run.err());
    }
}
