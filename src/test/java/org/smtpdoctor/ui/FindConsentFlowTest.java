package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.ui.WizardViewModel.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The find page in the window, headless: a server in another domain, named only by the domain's SRV record, is
 * shown with a question naming it; its sign-in is tested only after Yes.
 */
@ExtendWith(ApplicationExtension.class)
class FindConsentFlowTest {

    private static final String OTHER = "mail.hoster.test";

    @TempDir
    static Path dir;

    private Loopback net;
    private FakeSmtpServer server;
    private WizardHarness harness;

    @Start
    void start(Stage stage) throws Exception {
        net = new Loopback();
        server = net.implicitTls("127.0.0.95");
        int closed = Loopback.closedPort("127.0.0.95");
        net.dns.srv("_submissions._tcp.example.test", 0, 1, server.port(), OTHER);
        net.name(OTHER, "127.0.0.95");
        FinderOptions options = Loopback.options().withPorts(new FinderOptions.StandardPorts(closed, closed, closed));
        CoreEngine engine = new CoreEngine(Loopback.options().probe(), Clock.systemDefaultZone(), options,
                net.dns::lookup);
        harness = new WizardHarness(stage, engine, dir.resolve(UUID.randomUUID() + ".json"));
    }

    @AfterEach
    void stop() throws Exception {
        harness.vm.cancelRunning();
        net.close();
    }

    private boolean authSent() {
        return server.connections().stream().anyMatch(c -> c.verbs().contains("AUTH"));
    }

    @Test
    void questionNamesTheOtherDomainsServerAndYesTestsItsSignIn(FxRobot robot) {
        robot.clickOn("#program-THUNDERBIRD");
        WizardHarness.fill(robot, "#emailField", Loopback.USER);
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        WizardHarness.fill(robot, "#hostField", "smtp.example.test");
        robot.clickOn("#security-" + Security.STARTTLS.name());
        WizardHarness.fill(robot, "#portField", "587");
        robot.clickOn("#serverNextButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 5);
        WizardHarness.fill(robot, "#usernameField", Loopback.USER);
        WizardHarness.fill(robot, "#passwordField", Loopback.PASSWORD);
        robot.clickOn("#testButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT, 20);
        robot.clickOn("#findSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.FIND, 5);
        WizardHarness.waitUntil(() -> robot.lookup("#confirmOtherDomain").query().isVisible(), 20);

        assertTrue(WizardHarness.text(robot, "#confirmQuestion").contains(OTHER));
        assertTrue(WizardHarness.text(robot, "#confirmOtherDomainButton").contains(OTHER));
        assertFalse(authSent(), "the password went to " + OTHER + " before the user agreed");

        robot.clickOn("#confirmOtherDomainButton");
        WizardHarness.waitUntil(() -> !harness.vm.find().runningProperty().get()
                && harness.vm.find().outcomeProperty().get() == FindViewModel.Outcome.FOUND, 20);

        assertTrue(authSent());
        assertFalse(robot.lookup("#confirmOtherDomain").query().isVisible());
    }
}
