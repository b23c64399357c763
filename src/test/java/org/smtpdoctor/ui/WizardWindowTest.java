package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingsValidator;
import org.smtpdoctor.ui.WizardViewModel.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's own behaviour (keys, zoom, validation display), headless. */
@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {

    @TempDir
    static Path dir;

    private WizardHarness harness;

    @Start
    void start(Stage stage) {
        harness = new WizardHarness(stage, new CoreEngine(ProbeOptions.defaults()),
                dir.resolve(UUID.randomUUID() + ".json"));
    }

    @Test
    void windowIsTitledSmtpDoctorAndStartsAtStepOne(FxRobot robot) {
        assertEquals("SMTP Doctor", robot.window(0).getScene().getWindow() instanceof Stage
                ? ((Stage) robot.window(0)).getTitle() : "");
        assertEquals("Step 1 of 5 — Start", WizardHarness.text(robot, "#pageTitle"));
    }

    @Test
    void helpMenuOffersTheLogFolderOnlyWhenThereIsOne(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menuOpenLogFolder".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Open _log folder", item.getText());
        assertTrue(item.isDisable(), "the harness writes no log file");
    }

    @Test
    void zoomShortcutsChangeTheFontSize(FxRobot robot) {
        Label title = robot.lookup("#pageTitle").queryAs(Label.class);
        double before = title.getFont().getSize();
        robot.press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = title.getFont().getSize();
        assertTrue(zoomed > before, before + " -> " + zoomed);
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, title.getFont().getSize(), 0.01);
        robot.press(KeyCode.CONTROL).press(KeyCode.MINUS).release(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(title.getFont().getSize() < before);
    }

    @Test
    void invalidPortBlocksNextAndSaysWhyBelowTheField(FxRobot robot) {
        robot.clickOn("#program-THUNDERBIRD");
        WizardHarness.fill(robot, "#emailField", "alice@example.test");
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        WizardHarness.fill(robot, "#hostField", "smtp.example.test");
        WizardHarness.fill(robot, "#portField", "abc");
        robot.clickOn("#hostField");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#serverNextButton").queryAs(Button.class).isDisabled());
        Label message = robot.lookup("#portMessage").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals(SettingsValidator.validate(harness.vm.form().toInput()).problemsFor(Setting.PORT).get(0).message(),
                message.getText());
    }

    @Test
    void enterOnAnInvalidPageFocusesTheFirstInvalidField(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", "alice@example.test");
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        WizardHarness.fill(robot, "#hostField", "");
        WizardHarness.fill(robot, "#portField", "");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Page.SERVER, harness.vm.pageProperty().get());
        assertTrue(robot.lookup("#hostField").query().isFocused());
        assertFalse(WizardHarness.text(robot, "#hostMessage").isEmpty());
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).press(key).release(key).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void toSignInPage(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", "bob@example.test");
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        WizardHarness.fill(robot, "#hostField", "127.0.0.1");
        robot.clickOn("#serverNextButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 5);
    }

    @Test
    void altMnemonicFromATextFieldTogglesTheSignInCheckBox(FxRobot robot) {
        toSignInPage(robot);
        WizardHarness.fill(robot, "#usernameField", "");
        assertTrue(robot.lookup("#usernameField").query().isFocused());
        alt(robot, KeyCode.S);
        assertFalse(harness.vm.form().signInProperty().get());
    }

    @Test
    void altMnemonicOutsideTextFieldsTogglesTheSignInCheckBoxOnce(FxRobot robot) {
        toSignInPage(robot);
        robot.interact(() -> robot.lookup("#authMethodChoice").query().requestFocus());
        alt(robot, KeyCode.S);
        assertFalse(harness.vm.form().signInProperty().get());
        alt(robot, KeyCode.S);
        assertTrue(harness.vm.form().signInProperty().get());
    }

    @Test
    void altMnemonicsChooseConnectionSecurityAndFocusFields(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", "bob@example.test");
        robot.clickOn("#checkSettingsButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        alt(robot, KeyCode.L);
        assertEquals(org.smtpdoctor.settings.Security.SSL_TLS, harness.vm.form().securityProperty().get());
        alt(robot, KeyCode.P);
        assertTrue(robot.lookup("#portField").query().isFocused());
        assertEquals("465", harness.vm.form().portProperty().get());
    }

    @Test
    void presentationModeMasksTheAddressOnScreen(FxRobot robot) {
        WizardHarness.fill(robot, "#emailField", "alice@example.test");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(harness.vm.presentationModeProperty().get());
        assertFalse(robot.lookup("#emailField").query().isVisible());
        assertTrue(robot.lookup("#emailFieldMasked").query().isVisible());
        assertFalse(WizardHarness.text(robot, "#emailFieldMasked").contains("alice"));
        assertTrue(robot.lookup("#presentationBadge").query().isVisible());
    }
}
