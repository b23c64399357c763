package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real window around an engine for TestFX tests, and the few robot helpers they share. */
final class WizardHarness {

    final WizardViewModel vm;
    final FxTaskRunner runner = new FxTaskRunner();

    WizardHarness(Stage stage, Engine engine, Path savedSettings) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages texts = Messages.of(App.MESSAGES);
        vm = new WizardViewModel(engine, runner, new SettingsStore(savedSettings), texts);
        WizardView.install(stage, vm, texts);
        stage.show();
    }

    /** Sets a text field's text without typing (TestFX typing is slow), then leaves it as a user would. */
    static void fill(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }

    static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof Labeled ? ((Labeled) n).getText() : ((TextInputControl) n).getText();
    }

    static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            assertTrue(condition.getAsBoolean(), "condition not met within " + seconds + " s");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
