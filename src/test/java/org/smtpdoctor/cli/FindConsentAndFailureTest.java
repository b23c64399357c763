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
import java.util.ArrayList;
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

/** {@code find}: consent before another domain's server gets the password, and failures named honestly. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FindConsentAndFailureTest {

    private static final String OTHER = "mail.hoster.test";

    private Loopback net;
    private FakeSmtpServer server;
    private int closed;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> questions = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        net = new Loopback();
        server = net.implicitTls("127.0.0.81");
        closed = Loopback.closedPort("127.0.0.81");
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private void srvElsewhere() throws Exception {
        net.dns.srv("_submissions._tcp.example.test", 0, 1, server.port(), OTHER);
        net.name(OTHER, "127.0.0.81");
    }

    private int run(FindCommand.Confirmer confirmer, String stdin, String... args) {
        FinderOptions options = Loopback.options().withPorts(new FinderOptions.StandardPorts(closed, closed, closed));
        FindCommand command = new FindCommand(new ProviderCatalog(List.of()), options,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        command.confirmer = confirmer;
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--dns");
        all.add(net.dns.address());
        return cmd.execute(all.toArray(new String[0]));
    }

    private boolean authSent() {
        return server.connections().stream().anyMatch(c -> c.verbs().contains("AUTH"));
    }

    @Test
    void withoutATerminalAnotherDomainsServerIsShownAsNeedingConfirmationAndGetsNoPassword() throws Exception {
        srvElsewhere();

        int exit = run(null, Loopback.PASSWORD + "\n", Loopback.USER, "--password-stdin");

        String text = out.toString();
        assertEquals(1, exit, text + err);
        assertTrue(text.contains("needs your confirmation"), text);
        assertTrue(text.contains(OTHER + " answers, but it is outside example.test"), text);
        assertTrue(text.contains("--allow-other-domain"), text);
        assertFalse(authSent());
    }

    @Test
    void userWhoConfirmsAtTheTerminalGetsTheSignInTested() throws Exception {
        srvElsewhere();

        int exit = run(question -> questions.add(question), Loopback.PASSWORD + "\n", Loopback.USER,
                "--password-stdin");

        assertEquals(0, exit, out.toString() + err);
        assertEquals(1, questions.size());
        assertTrue(questions.get(0).contains("Send your password to " + OTHER), questions.get(0));
        assertTrue(authSent());
    }

    @Test
    void userWhoSaysNoKeepsThePassword() throws Exception {
        srvElsewhere();

        int exit = run(question -> false, Loopback.PASSWORD + "\n", Loopback.USER, "--password-stdin");

        assertEquals(1, exit);
        assertFalse(authSent());
    }

    @Test
    void allowOtherDomainOptionIsConsentInAdvance() throws Exception {
        srvElsewhere();

        int exit = run(null, Loopback.PASSWORD + "\n", Loopback.USER, "--password-stdin", "--allow-other-domain");

        assertEquals(0, exit, out.toString() + err);
        assertTrue(authSent());
    }

    @Test
    void namesThatDoNotResolveAreListedAsFailuresAndBlamedOnDns() {
        int exit = run(null, "", Loopback.USER);

        String text = out.toString();
        assertEquals(1, exit, text + err);
        assertTrue(text.contains("Did not work:"), text);
        assertFalse(text.contains("best first"), text);
        assertTrue(text.contains("could be looked up (DNS)"), text);
        assertFalse(text.contains("blocks"), text);
    }

    @Test
    void refusedConnectionsAreBlamedOnTheNetworkAndJsonNamesIt() throws Exception {
        net.name("smtp.example.test", "127.0.0.81");

        int exit = run(null, "", Loopback.USER, "--json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, exit);
        assertEquals("network", json.path("shared_failure").asText());
    }

    @Test
    void mxHostCandidateIsLabelledAsTheMailHostNotAsAGuess() throws Exception {
        net.dns.mx("example.test", 10, "smtp.example.test");
        net.name("smtp.example.test", "127.0.0.81");

        run(null, "", Loopback.USER, "--json");

        JsonNode candidates = new ObjectMapper().readTree(out.toString()).path("candidates");
        boolean found = false;
        for (JsonNode c : candidates) {
            if (c.path("host").asText().equals("smtp.example.test") && c.path("port").asInt() == closed) {
                assertEquals("mx_host", c.path("source").asText(), c.toString());
                found = true;
            }
        }
        assertTrue(found, candidates.toString());
    }
}
