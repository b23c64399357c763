package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.discovery.TestDnsServer;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;

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
    void unusableDnsServerIsAUsageError() {
        CliRun run = CliRun.of("probe", "--host", HOST, "--dns", "127.0.0.1:notaport");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--dns"), run.err());
    }
}
