package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.ui.find.FindViewModel;
import org.smtpdoctor.ui.form.SettingsFormViewModel;
import org.smtpdoctor.ui.form.SettingsStore;
import org.smtpdoctor.ui.task.SameThreadTaskRunner;

/**
 * The find page asks before another domain's server gets the password, naming the server, and names the one
 * shared reason when everything failed for it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FindConfirmationViewModelTest {

    private static final String OTHER = "mail.hoster.test";

    @TempDir
    Path dir;

    private Loopback net;
    private FakeSmtpServer server;
    private WizardViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        net = new Loopback();
        server = net.implicitTls("127.0.0.91");
        int closed = Loopback.closedPort("127.0.0.91");
        vm = wizard(new FinderOptions.StandardPorts(closed, closed, closed));
    }

    private WizardViewModel wizard(FinderOptions.StandardPorts ports) {
        CoreEngine engine = new CoreEngine(Loopback.options().probe(), Clock.systemDefaultZone(),
                Loopback.options().withPorts(ports), net.dns::lookup);
        WizardViewModel wizard = new WizardViewModel(engine, new SameThreadTaskRunner(),
                new SettingsStore(dir.resolve("saved.json")), Messages.of(App.MESSAGES));
        SettingsFormViewModel form = wizard.form();
        form.programProperty().set(MailClient.THUNDERBIRD);
        form.emailProperty().set(Loopback.USER);
        form.signInProperty().set(true);
        form.usernameProperty().set(Loopback.USER);
        form.passwordProperty().set(Loopback.PASSWORD);
        return wizard;
    }

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private boolean authSent() {
        return server.connections().stream().anyMatch(c -> c.verbs().contains("AUTH"));
    }

    @Test
    void anotherDomainsServerIsNamedInAQuestionAndGetsThePasswordOnlyAfterYes() throws Exception {
        net.dns.srv("_submissions._tcp.example.test", 0, 1, server.port(), OTHER);
        net.name(OTHER, "127.0.0.91");
        FindViewModel find = vm.find();

        vm.findSettings();

        assertEquals(FindViewModel.Outcome.UNCONFIRMED, find.outcomeProperty().get());
        assertTrue(find.confirmQuestionProperty().get().contains(OTHER), find.confirmQuestionProperty().get());
        assertTrue(find.confirmActionProperty().get().contains(OTHER));
        assertTrue(find.headlineProperty().get().contains("password was not sent"), find.headlineProperty().get());
        assertFalse(authSent());

        find.confirmOtherDomain();

        assertEquals(FindViewModel.Outcome.FOUND, find.outcomeProperty().get());
        assertTrue(authSent());
        assertEquals("", find.confirmQuestionProperty().get());
    }

    @Test
    void namesThatDoNotResolveAreBlamedOnDnsNotOnTheNetwork() {
        FindViewModel find = vm.find();

        vm.findSettings();

        assertEquals(FindViewModel.Outcome.NOTHING, find.outcomeProperty().get());
        assertTrue(find.headlineProperty().get().contains("could be looked up"), find.headlineProperty().get());
        assertEquals("", find.confirmQuestionProperty().get());
    }

    @Test
    void aFirewallThatMasksTheEncryptionOfferIsNamedNotTheServer() throws Exception {
        FakeSmtpServer masked = net.maskedStarttls("127.0.0.92");
        net.name("smtp.example.test", "127.0.0.92");
        int closed = Loopback.closedPort("127.0.0.92");
        WizardViewModel behindFirewall = wizard(new FinderOptions.StandardPorts(closed, masked.port(), closed));
        FindViewModel find = behindFirewall.find();

        behindFirewall.findSettings();

        assertEquals(FindViewModel.Outcome.NOTHING, find.outcomeProperty().get());
        assertTrue(find.headlineProperty().get().contains("firewall on this network hides"),
                find.headlineProperty().get());
        assertFalse(masked.connections().stream().anyMatch(c -> c.verbs().contains("AUTH")));
    }
}
