package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.ui.WizardViewModel.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Find working settings" end to end in the window, headless: the real finder against fake SMTP servers on
 * 127.0.0.x, host names resolved by a test DNS server on loopback; never real DNS, never a real provider.
 */
@ExtendWith(ApplicationExtension.class)
class FindSettingsFlowTest {

    private static final String IP = "127.0.0.42";
    private static final String HOLE_IP = "127.0.0.43";

    @TempDir
    static Path dir;

    private Loopback net;
    private FakeSmtpServer tls;
    private FakeSmtpServer hole;
    private int closed;
    private WizardHarness harness;

    @Start
    void start(Stage stage) throws Exception {
        net = new Loopback();
        tls = net.implicitTls(IP);
        hole = net.blackHole(HOLE_IP);
        closed = Loopback.closedPort(IP);
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(tls.port(), closed, closed))
                // a black hole holds its row open long enough to be stopped by hand
                .withGreetingTimeout(Duration.ofSeconds(20))
                .withProbe(Loopback.options().probe().withGreetingWait(Duration.ofSeconds(20))
                        .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20)))
                .withOverallTimeout(Duration.ofSeconds(40));
        CoreEngine engine = new CoreEngine(Loopback.options().probe(), Clock.systemDefaultZone(), options,
                net.dns::lookup);
        harness = new WizardHarness(stage, engine, dir.resolve(UUID.randomUUID() + ".json"));
    }

    @AfterEach
    void stop() throws Exception {
        harness.vm.cancelRunning();
        net.close();
    }

    /** Start, Outgoing server and Sign-in pages filled in as a user would, then Test. */
    private void testSettings(FxRobot robot, String host, int port) {
        robot.clickOn("#program-THUNDERBIRD");
        WizardHarness.fill(robot, "#emailField", Loopback.USER);
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        WizardHarness.fill(robot, "#hostField", host);
        robot.clickOn("#security-" + Security.STARTTLS.name());
        WizardHarness.fill(robot, "#portField", String.valueOf(port));
        robot.clickOn("#serverNextButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 5);
        WizardHarness.fill(robot, "#usernameField", Loopback.USER);
        WizardHarness.fill(robot, "#passwordField", Loopback.PASSWORD);
        robot.clickOn("#testButton");
    }

    @Test
    void findButtonOnAFailedResultShowsCandidatesAndAppliesTheWinner(FxRobot robot) {
        testSettings(robot, IP, closed);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT, 20);
        assertTrue(robot.lookup("#findSettingsButton").query().isVisible());

        robot.clickOn("#findSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.FIND, 5);
        WizardHarness.waitUntil(() -> robot.lookup("#useSettingsButton").query().isVisible(), 20);

        assertEquals("works, sign-in checked", WizardHarness.text(robot, status(IP, tls.port(), Security.SSL_TLS)));
        assertEquals("does not answer", WizardHarness.text(robot, status(IP, closed, Security.STARTTLS)));
        ClientGuide guide = new ClientGuide();
        assertTrue(WizardHarness.text(robot, "#change-PORT")
                .startsWith("Change " + guide.locate(MailClient.THUNDERBIRD, Setting.PORT).fieldName()));
        assertTrue(WizardHarness.text(robot, "#change-SECURITY")
                .endsWith(guide.valueLabel(MailClient.THUNDERBIRD, Security.SSL_TLS)));
        assertNoPassword(robot);

        robot.clickOn("#useSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT
                && harness.vm.result().verdictProperty().get() == Verdict.WORKS, 20);
        assertEquals(Security.SSL_TLS, harness.vm.form().securityProperty().get());
        assertEquals(String.valueOf(tls.port()), harness.vm.form().portProperty().get());
        assertFalse(robot.lookup("#findSettingsButton").query().isVisible());
    }

    @Test
    void escapeStopsTheSearchAtOnce(FxRobot robot) throws Exception {
        robot.clickOn("#program-THUNDERBIRD");
        WizardHarness.fill(robot, "#emailField", Loopback.USER);
        // what the user has: a server that accepts the connection and never says a word
        robot.interact(() -> {
            harness.vm.form().hostProperty().set(HOLE_IP);
            harness.vm.form().securityProperty().set(Security.STARTTLS);
            harness.vm.form().portProperty().set(String.valueOf(hole.port()));
        });
        robot.clickOn("#findSettingsStartButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.FIND, 5);
        hole.awaitConnections(1, Duration.ofSeconds(10));
        WizardHarness.waitUntil(() -> harness.vm.find().candidates().stream()
                .anyMatch(l -> l.state() == CandidateLine.State.TRYING), 10);
        assertTrue(harness.vm.find().runningProperty().get());
        assertNoPassword(robot);

        long before = System.nanoTime();
        robot.type(KeyCode.ESCAPE);
        WizardHarness.waitUntil(() -> !harness.vm.find().runningProperty().get(), 2);

        assertTrue(System.nanoTime() - before < 2_000_000_000L);
        assertEquals(Page.FIND, harness.vm.pageProperty().get());
        assertEquals("stopped", WizardHarness.text(robot, status(HOLE_IP, hole.port(), Security.STARTTLS)));
        assertEquals("The search was stopped.", WizardHarness.text(robot, "#statusLine"));
        assertFalse(robot.lookup("#useSettingsButton").query().isVisible());
    }

    /** The id of a candidate row's status label. */
    private static String status(String host, int port, Security security) {
        return "#status-" + host.replace('.', '_') + "-" + port + "-" + security.name();
    }

    /** No text in the window (labels, buttons, text areas; not the password field itself) shows the password. */
    private static void assertNoPassword(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = new ArrayList<>();
        robot.interact(() -> collect(robot.lookup(".root").queryAs(Parent.class), texts));
        assertFalse(texts.isEmpty());
        for (String text : texts) {
            assertFalse(text != null && text.contains(Loopback.PASSWORD), text);
        }
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled) {
            texts.add(((Labeled) node).getText());
            texts.add(node.getAccessibleText());
        } else if (node instanceof TextInputControl && !(node instanceof PasswordField)
                && !"passwordShownField".equals(node.getId())) {
            texts.add(((TextInputControl) node).getText());
        }
        if (node instanceof Parent) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }
}
