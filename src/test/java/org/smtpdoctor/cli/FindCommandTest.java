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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.testkit.FakeSmtpServer;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FindCommandTest {

    private Loopback net;
    private FakeSmtpServer server;
    private int closed;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        net = new Loopback();
        server = net.implicitTls("127.0.0.21");
        net.name("smtp.example.test", "127.0.0.21");
        closed = Loopback.closedPort("127.0.0.21");
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private int run(String stdin, String... args) {
        return run(new FinderOptions.StandardPorts(server.port(), closed, closed), stdin, args);
    }

    private int run(FinderOptions.StandardPorts ports, String stdin, String... args) {
        FinderOptions options = Loopback.options().withPorts(ports);
        CommandLine cmd = new CommandLine(new FindCommand(new ProviderCatalog(List.of()), options,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void foundSettingsExitZeroAndPrintOnlyTheFieldsToChange() {
        int exit = run(Loopback.PASSWORD + "\n", Loopback.USER, "--password-stdin", "--current-host",
                "smtp.example.test", "--current-port", Integer.toString(closed), "--current-security", "starttls",
                "--dns", net.dns.address());

        assertEquals(0, exit, out.toString() + err);
        String text = out.toString();
        assertTrue(text.contains("Port: from " + closed + " to " + server.port()), text);
        assertTrue(text.contains("Connection security: from STARTTLS to SSL/TLS"), text);
        assertFalse(text.contains("Server: from"), text);
        assertFalse(text.contains(Loopback.PASSWORD), text);
    }

    @Test
    void aFirewallThatMasksStarttlsIsNamedWhenNoPortWorks() throws Exception {
        FakeSmtpServer masked = net.maskedStarttls("127.0.0.22");
        net.name("smtp.mailco.test", "127.0.0.22");
        int shut = Loopback.closedPort("127.0.0.22");

        int exit = run(new FinderOptions.StandardPorts(shut, masked.port(), shut), "", "ann@mailco.test",
                "--dns", net.dns.address());

        assertEquals(1, exit, out.toString() + err);
        String text = out.toString();
        assertTrue(text.contains("(starttls_not_offered: a firewall on the way masks it)"), text);
        assertTrue(text.contains("mail inspection"), text);
        assertTrue(text.contains("Do not turn encryption off."), text);
    }

    @Test
    void noWorkingSettingsExitOne() {
        int exit = run("", "ann@nowhere.test", "--dns", net.dns.address());

        assertEquals(1, exit, out.toString() + err);
    }

    @Test
    void passwordAsArgumentIsRefusedAsUsageError() {
        int exit = run("", Loopback.USER, "--password", "hunter2", "--dns", net.dns.address());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--password-stdin"), err.toString());
        assertFalse(err.toString().contains("hunter2"), err.toString());
        assertEquals(0, server.connectionCount());
    }

    @Test
    void ipLiteralAddressIsRefusedWithASentenceAndNothingIsProbed() {
        int exit = run("", "alice@[127.0.0.21]", "--dns", net.dns.address());

        assertEquals(2, exit, out.toString() + err);
        assertTrue(err.toString().contains("smtp-doctor probe --host 127.0.0.21"), err.toString());
        assertEquals(0, server.connectionCount());
    }

    @Test
    void addressWithTwoAtSignsOrASpaceIsRefused() {
        assertEquals(2, run("", "a@b@example.test", "--dns", net.dns.address()), err.toString());
        assertEquals(2, run("", "a b@example.test", "--dns", net.dns.address()), err.toString());
        assertEquals(0, server.connectionCount());
    }

    @Test
    void unknownConnectionSecurityIsUsageError() {
        assertEquals(2, run("", Loopback.USER, "--current-host", "smtp.example.test", "--current-security", "tls13",
                "--dns", net.dns.address()));
    }

    @Test
    void jsonNamesTheBestSettingsAndTheChangesWithoutTheSecret() throws Exception {
        int exit = run(Loopback.PASSWORD + "\n", Loopback.USER, "--password-stdin", "--json", "--current-host",
                "smtp.example.test", "--current-port", Integer.toString(closed), "--dns", net.dns.address());

        assertEquals(0, exit, err.toString());
        assertFalse(out.toString().contains(Loopback.PASSWORD));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertTrue(json.path("found").asBoolean());
        assertEquals("works_with_sign_in", json.path("best").path("status").asText());
        assertEquals("smtp.example.test", json.path("best").path("host").asText());
        assertEquals("port", json.path("changes").path(0).path("setting").asText());
        assertEquals("security", json.path("changes").path(1).path("setting").asText());
        assertEquals("SSL/TLS", json.path("changes").path(1).path("to").asText());
    }
}
