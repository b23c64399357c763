package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderStroke;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard without a mouse: from Start to a result, Apply, "now change it in your program", and back to the
 * settings, by keys alone. Each page opens with the focus on its first input, Enter goes on (never back), and the
 * focused control shows a ring.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardJourneyTest {

    private static final String USER = "kim@example.test";
    private static final String PASSWORD = "Kb-0nly-Pa55";
    private static final ServerIdentity IDENTITY = TestCertificates.localhost();

    @TempDir
    static Path dir;

    private WizardHarness harness;
    private static Stage window;
    private FakeSmtpServer server;

    @Start
    void start(Stage stage) {
        window = stage;
        ProbeOptions options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5))
                .withTrustedCertificates(IDENTITY.trustedCertificates());
        harness = new WizardHarness(stage, new CoreEngine(options), dir.resolve(UUID.randomUUID() + ".json"));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Node focused(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return window.getScene().getFocusOwner();
    }

    private static String focusedId(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node n = focused(robot);
        return n == null ? "none" : String.valueOf(n.getId());
    }

    private void onPage(Page page) {
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == page, 20);
    }

    @Test
    void startToResultApplyAndBackWithTheKeyboardAlone(FxRobot robot) {
        server = FakeSmtpServer.builder().implicitTls(IDENTITY).auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
        List<String> everFocused = new CopyOnWriteArrayList<>();
        robot.interact(() -> window.getScene().focusOwnerProperty().addListener((o, was, now) ->
                everFocused.add(now == null ? "none" : String.valueOf(now.getId()))));
        // Start: the focus is on a program tile; Enter chooses it and moves on to the address
        Node tile = focused(robot);
        assertTrue(tile instanceof ToggleButton, focusedId(robot));
        robot.type(KeyCode.ENTER);
        assertTrue(((ToggleButton) tile).isSelected());
        assertEquals("emailField", focusedId(robot));
        robot.write(USER);
        robot.type(KeyCode.ENTER);
        onPage(Page.SERVER);
        assertEquals("hostField", focusedId(robot));
        robot.write("127.0.0.1");
        robot.type(KeyCode.TAB);
        assertEquals("portField", focusedId(robot));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(String.valueOf(server.port()));
        robot.type(KeyCode.ENTER);
        onPage(Page.SIGN_IN);
        assertEquals("usernameField", focusedId(robot));
        robot.write(USER);
        robot.type(KeyCode.TAB);
        assertEquals("passwordField", focusedId(robot));
        robot.write(PASSWORD);
        robot.type(KeyCode.ENTER);
        // STARTTLS on an SSL/TLS port: the result offers Apply, and has the focus on it
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT, 20);
        assertEquals(Setting.SECURITY, harness.vm.result().diagnosis().orElseThrow().setting());
        assertEquals("applyButton", focusedId(robot));
        robot.type(KeyCode.ENTER);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT
                && harness.vm.result().verdictProperty().get() == Verdict.WORKS, 20);
        assertEquals("These settings work — now change them in "
                + harness.vm.programName(harness.vm.form().programOrOther()) + ":",
                WizardHarness.text(robot, "#resultTitle"));
        // never Back: the focus is on a button that does no harm, and Enter there stays on the page
        assertEquals("copyReportButton", focusedId(robot));
        // no page ever opened with the focus on Back, not even for a moment
        assertTrue(everFocused.stream().noneMatch(id -> id.endsWith("BackButton")), everFocused.toString());
        // and back to the settings with the button's mnemonic
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        onPage(Page.SERVER);
        assertEquals("hostField", focusedId(robot));
    }

    @Test
    void enterOnBackGoesOnInstead(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", USER);
        robot.type(KeyCode.ENTER);
        onPage(Page.SERVER);
        WizardHarness.fill(robot, "#hostField", "smtp.example.test");
        Button back = robot.lookup("#serverBackButton").queryAs(Button.class);
        robot.interact(back::requestFocus);
        robot.type(KeyCode.ENTER);
        onPage(Page.SIGN_IN);
        assertEquals(Page.SIGN_IN, harness.vm.pageProperty().get());
    }

    @Test
    void enterOnTheSignInCheckBoxGoesOnAndKeepsItTicked(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", USER);
        robot.type(KeyCode.ENTER);
        onPage(Page.SERVER);
        WizardHarness.fill(robot, "#hostField", "smtp.example.test");
        robot.type(KeyCode.ENTER);
        onPage(Page.SIGN_IN);
        CheckBox signIn = robot.lookup("#signInCheck").queryAs(CheckBox.class);
        robot.interact(signIn::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(signIn.isSelected());
        // Next with an empty username: the focus goes to the first field in error, not back
        assertEquals(Page.SIGN_IN, harness.vm.pageProperty().get());
        assertEquals("usernameField", focusedId(robot));
    }

    @Test
    void enterOnAConnectionSecurityChoiceGoesOn(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", USER);
        robot.type(KeyCode.ENTER);
        onPage(Page.SERVER);
        WizardHarness.fill(robot, "#hostField", "smtp.example.test");
        ToggleButton ssl = robot.lookup("#security-SSL_TLS").queryAs(ToggleButton.class);
        robot.interact(ssl::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(org.smtpdoctor.settings.Security.SSL_TLS, harness.vm.form().securityProperty().get());
        robot.type(KeyCode.ENTER);
        onPage(Page.SIGN_IN);
    }

    @Test
    void aFocusedTileShowsAFocusRing(FxRobot robot) {
        Node tile = focused(robot);
        assertTrue(tile instanceof ToggleButton);
        WaitForAsyncUtils.waitForFxEvents();
        var border = ((ToggleButton) tile).getBorder();
        assertNotNull(border, "no focus ring");
        BorderStroke stroke = border.getStrokes().get(0);
        assertEquals(Color.web("#0969da"), stroke.getTopStroke());
        assertTrue(stroke.getWidths().getTop() >= 2, stroke.getWidths().toString());
    }
}
