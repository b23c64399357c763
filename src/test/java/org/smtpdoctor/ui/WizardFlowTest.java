package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.ui.testing.StepLine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard end to end, headless: the real engine (validator, prober, diagnoser, client guide, reports) against
 * GreenMail and the test kit's fake SMTP server on loopback.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "S3cr3t-Pa55-✓";
    private static final ServerIdentity IDENTITY = TestCertificates.localhost();

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @TempDir
    static Path dir;

    private WizardHarness harness;
    private Stage stage;
    private FakeSmtpServer server;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ProbeOptions options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5))
                .withTrustedCertificates(IDENTITY.trustedCertificates());
        harness = new WizardHarness(stage, new CoreEngine(options),
                dir.resolve(UUID.randomUUID() + ".json"));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- flows

    private void startPage(FxRobot robot) {
        robot.clickOn("#program-THUNDERBIRD");
        WizardHarness.fill(robot, "#emailField", USER);
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
    }

    private void serverPage(FxRobot robot, int port, Security security) {
        WizardHarness.fill(robot, "#hostField", "127.0.0.1");
        robot.clickOn("#security-" + security.name());
        WizardHarness.fill(robot, "#portField", String.valueOf(port));
        robot.clickOn("#serverNextButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 5);
    }

    private void signInPage(FxRobot robot, String password) {
        WizardHarness.fill(robot, "#usernameField", USER);
        WizardHarness.fill(robot, "#passwordField", password);
        robot.clickOn("#testButton");
    }

    private void awaitResult() {
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT, 20);
    }

    private FakeSmtpServer starttlsServer() {
        server = FakeSmtpServer.builder().starttls(IDENTITY).auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
        return server;
    }

    private static ClientGuide guide() {
        return new ClientGuide();
    }

    // ---- tests

    @Test
    void successPathAgainstGreenMailEndsInWorks(FxRobot robot) {
        startPage(robot);
        serverPage(robot, GREENMAIL.getSmtp().getPort(), Security.NONE);
        robot.clickOn("#signInCheck");
        robot.clickOn("#testButton");
        awaitResult();
        assertEquals(Verdict.WORKS, harness.vm.result().verdictProperty().get());
        assertEquals("It works", WizardHarness.text(robot, "#verdictBanner"));
        assertTrue(robot.lookup("#verdictBox").query().getStyleClass().contains("verdict-works"));
        assertEquals("Step 5 of 5 — Result", WizardHarness.text(robot, "#pageTitle"));
    }

    @Test
    void successPathWithStarttlsAndSignInEndsInWorks(FxRobot robot) {
        starttlsServer();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        signInPage(robot, PASSWORD);
        awaitResult();
        assertEquals(Verdict.WORKS, harness.vm.result().verdictProperty().get());
        assertTrue(harness.vm.testing().steps().stream()
                .anyMatch(l -> l.phase() == Phase.AUTH && l.state() == StepLine.State.OK),
                harness.vm.testing().steps().toString());
    }

    @Test
    void knownProviderFillsTheServerAndWarnsAboutAppPasswords(FxRobot robot) {
        robot.clickOn("#program-THUNDERBIRD");
        WizardHarness.fill(robot, "#emailField", "alice@gmail.com");
        robot.clickOn("#program-THUNDERBIRD");
        WizardHarness.waitUntil(() -> !WizardHarness.text(robot, "#sourceNote").isEmpty(), 5);
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        assertEquals("smtp.gmail.com", WizardHarness.text(robot, "#hostField"));
        assertTrue(WizardHarness.text(robot, "#serverSourceNote").contains("Gmail"));
        robot.clickOn("#serverNextButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 5);
        assertEquals("alice@gmail.com", WizardHarness.text(robot, "#usernameField"));
        assertTrue(robot.lookup("#providerHint").query().isVisible());
        assertTrue(WizardHarness.text(robot, "#providerHint").contains("app password"));
    }

    @Test
    void wrongPasswordNamesThePasswordField(FxRobot robot) {
        starttlsServer();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        signInPage(robot, "not-the-password");
        awaitResult();
        assertEquals(Setting.PASSWORD, harness.vm.result().diagnosis().orElseThrow().setting());
        assertEquals(guide().locate(MailClient.THUNDERBIRD, Setting.PASSWORD).fieldName(),
                WizardHarness.text(robot, "#settingName"));
        assertTrue(robot.lookup("#settingCard").query().isVisible());
    }

    @Test
    void starttlsOnAnImplicitTlsPortNamesSslTlsAndApplyMakesItWork(FxRobot robot) {
        server = FakeSmtpServer.builder().implicitTls(IDENTITY).auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        signInPage(robot, PASSWORD);
        awaitResult();
        assertEquals(Setting.SECURITY, harness.vm.result().diagnosis().orElseThrow().setting());
        assertEquals(guide().locate(MailClient.THUNDERBIRD, Setting.SECURITY).fieldName(),
                WizardHarness.text(robot, "#settingName"));
        assertEquals(guide().valueLabel(MailClient.THUNDERBIRD, Security.SSL_TLS),
                WizardHarness.text(robot, "#suggestedValue"));
        robot.clickOn("#applyButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT
                && harness.vm.result().verdictProperty().get() == Verdict.WORKS, 20);
        assertEquals(Security.SSL_TLS, harness.vm.form().securityProperty().get());
        assertEquals(String.valueOf(server.port()), harness.vm.form().portProperty().get());
        // the program still has STARTTLS: the page says what to change there, not "nothing to change"
        assertEquals("These settings work — now change them in Thunderbird:",
                WizardHarness.text(robot, "#resultTitle"));
        assertTrue(robot.lookup("#settingCard").query().isVisible());
        assertEquals(guide().valueLabel(MailClient.THUNDERBIRD, Security.STARTTLS),
                WizardHarness.text(robot, "#currentValue"));
        assertEquals(guide().valueLabel(MailClient.THUNDERBIRD, Security.SSL_TLS),
                WizardHarness.text(robot, "#suggestedValue"));
        assertTrue(WizardHarness.text(robot, "#whereToFind").contains(
                guide().locate(MailClient.THUNDERBIRD, Setting.SECURITY).menuPath()));
        assertFalse(robot.lookup("#applyButton").query().isVisible());
    }

    @Test
    void aServerOfferingOnlyEncryptedPasswordsIsNamedAndApplied(FxRobot robot) {
        server = FakeSmtpServer.builder().starttls(IDENTITY).auth(USER, PASSWORD, "CRAM-MD5").start();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        robot.interact(() -> harness.vm.form().authMethodProperty().set(AuthMethod.PLAIN));
        signInPage(robot, PASSWORD);
        awaitResult();
        assertEquals(Setting.AUTH_METHOD, harness.vm.result().diagnosis().orElseThrow().setting());
        assertEquals("Encrypted password", WizardHarness.text(robot, "#suggestedValue"));
        robot.clickOn("#applyButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT
                && harness.vm.result().verdictProperty().get() == Verdict.WORKS, 20);
        assertEquals(AuthMethod.CRAM_MD5, harness.vm.form().authMethodProperty().get());
        assertEquals("Encrypted password", WizardHarness.text(robot, "#suggestedValue"));
        assertFalse(String.join("\n", server.allLines()).contains(PASSWORD));
    }

    @Test
    void pastedErrorIsExplainedOnTheResultPage(FxRobot robot) {
        robot.clickOn("#pasteErrorButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.PASTE, 5);
        WizardHarness.fill(robot, "#pasteArea", "535 5.7.8 Error: authentication failed: authentication failure");
        robot.clickOn("#explainButton");
        awaitResult();
        assertEquals(Setting.PASSWORD, harness.vm.result().diagnosis().orElseThrow().setting());
        assertFalse(WizardHarness.text(robot, "#resultTitle").isBlank());
        assertFalse(robot.lookup("#applyButton").query().isVisible());
    }

    /** The address typed on the start page names the provider: Gmail takes no normal password from a program. */
    @Test
    void aPastedErrorIsReadWithTheProviderOfTheAddressTypedOnTheStartPage(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", "alice@gmail.com");
        robot.clickOn("#pasteErrorButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.PASTE, 5);
        WizardHarness.fill(robot, "#pasteArea", "535 Authentication failed");
        robot.clickOn("#explainButton");
        awaitResult();
        assertEquals(Setting.APP_PASSWORD, harness.vm.result().diagnosis().orElseThrow().setting());
        assertTrue(WizardHarness.text(robot, "#explanation").contains("Gmail"),
                WizardHarness.text(robot, "#explanation"));
    }

    @Test
    void pastedTextThatIsNoMailErrorShowsNotRecognisedWithAHint(FxRobot robot) {
        robot.clickOn("#pasteErrorButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.PASTE, 5);
        WizardHarness.fill(robot, "#pasteArea", "hello world");
        robot.clickOn("#explainButton");
        awaitResult();
        assertEquals("No conclusion from this text", WizardHarness.text(robot, "#verdictBanner"));
        assertFalse(robot.lookup("#settingCard").query().isVisible());
        assertFalse(robot.lookup("#applyButton").query().isVisible());
        assertFalse(robot.lookup("#actorLabel").query().isVisible(), "no conclusion, nobody named to act");
    }

    @Test
    void pastedErrorShowsWhatToTryIfTheChangeDoesNotHelp(FxRobot robot) {
        robot.clickOn("#pasteErrorButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.PASTE, 5);
        WizardHarness.fill(robot, "#pasteArea", "535 5.7.8 Error: authentication failed: authentication failure");
        robot.clickOn("#explainButton");
        awaitResult();
        assertTrue(WizardHarness.text(robot, "#alternatives").startsWith("If that does not help"),
                WizardHarness.text(robot, "#alternatives"));
    }

    @Test
    void aPastedErrorThatSaysLittleIsMarkedNotSure(FxRobot robot) {
        robot.clickOn("#pasteErrorButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.PASTE, 5);
        WizardHarness.fill(robot, "#pasteArea", "Net::SMTPAuthenticationError: 503 5.5.1 Error: authentication not"
                + " enabled");
        robot.clickOn("#explainButton");
        awaitResult();
        assertTrue(robot.lookup("#unsureNote").query().isVisible());
        assertTrue(WizardHarness.text(robot, "#unsureNote").startsWith("Not sure"),
                WizardHarness.text(robot, "#unsureNote"));
    }

    @Test
    void aPastedErrorThatNamesItsCauseIsNotMarkedNotSure(FxRobot robot) {
        robot.clickOn("#pasteErrorButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.PASTE, 5);
        WizardHarness.fill(robot, "#pasteArea", "530 5.7.0 Must issue a STARTTLS command first");
        robot.clickOn("#explainButton");
        awaitResult();
        assertFalse(robot.lookup("#unsureNote").query().isVisible(), WizardHarness.text(robot, "#unsureNote"));
    }

    @Test
    void escapeCancelsARunningTestAtOnce(FxRobot robot) {
        server = FakeSmtpServer.builder().replyDelay(Duration.ofSeconds(30)).start();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        signInPage(robot, PASSWORD);
        WizardHarness.waitUntil(() -> harness.vm.testing().runningProperty().get()
                && robot.lookup("#step-CONNECT").tryQuery().isPresent(), 10);
        long before = System.nanoTime();
        robot.type(KeyCode.ESCAPE);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 2);
        assertFalse(harness.vm.testing().runningProperty().get());
        assertTrue(System.nanoTime() - before < 2_000_000_000L);
        assertEquals("The test was cancelled.", WizardHarness.text(robot, "#statusLine"));
    }

    @Test
    void aSilentServerShowsHowLongTheTestStillWaitsAndEscStopsIt(FxRobot robot) {
        server = FakeSmtpServer.builder().replyDelay(Duration.ofSeconds(30)).start();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        signInPage(robot, PASSWORD);
        WizardHarness.waitUntil(() -> robot.lookup("#waitingNote").query().isVisible(), 10);
        String waiting = WizardHarness.text(robot, "#waitingNote");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("up to (\\d+) s more").matcher(waiting);
        assertTrue(m.find(), waiting);
        // the harness waits 5 s for a reply: never more than that is announced
        assertTrue(Integer.parseInt(m.group(1)) <= 5, waiting);
        assertTrue(waiting.contains("Esc"), waiting);
        robot.type(KeyCode.ESCAPE);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 2);
    }

    @Test
    void closingTheWindowCancelsARunningTest(FxRobot robot) {
        server = FakeSmtpServer.builder().replyDelay(Duration.ofSeconds(30)).start();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        signInPage(robot, PASSWORD);
        WizardHarness.waitUntil(() -> harness.vm.testing().runningProperty().get(), 10);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WizardHarness.waitUntil(() -> !harness.vm.testing().runningProperty().get(), 2);
    }

    @Test
    void thePasswordIsInNoLabelReportOrClipboard(FxRobot robot) {
        starttlsServer();
        startPage(robot);
        serverPage(robot, server.port(), Security.STARTTLS);
        signInPage(robot, PASSWORD);
        awaitResult();
        robot.interact(() -> robot.lookup("#technicalDetails")
                .queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        robot.clickOn("#copyReportButton");
        // ControlsFX's notification says so over the page, in words
        NotificationPane notice = robot.lookup("#notice").queryAs(NotificationPane.class);
        WizardHarness.waitUntil(notice::isShowing, 5);
        assertTrue(notice.getText().contains("clipboard"), notice.getText());
        assertFalse(notice.getText().contains(PASSWORD));
        WaitForAsyncUtils.waitForFxEvents();
        String[] clipboard = new String[1];
        robot.interact(() -> clipboard[0] = Clipboard.getSystemClipboard().getString());
        assertFalse(clipboard[0].isBlank());
        assertFalse(clipboard[0].contains(PASSWORD), "clipboard");
        for (ReportRenderer.Format f : ReportRenderer.Format.values()) {
            assertFalse(harness.vm.reports().reportText(f).contains(PASSWORD), f.name());
        }
        for (String text : visibleTexts(robot.lookup(".root").queryAs(Parent.class))) {
            assertFalse(text.contains(PASSWORD), text);
        }
    }

    /** Every text shown in the window (labels, buttons, text areas), except the password field itself. */
    private static List<String> visibleTexts(Parent root) {
        List<String> texts = new java.util.ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled) {
            texts.add(((Labeled) node).getText());
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
