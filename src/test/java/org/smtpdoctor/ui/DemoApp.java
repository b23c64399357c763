package org.smtpdoctor.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.i18n.Messages;

/** Development aid: the wizard over {@link FakeEngine}, to look at pages before the engine is wired. */
public final class DemoApp extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages texts = Messages.of(App.MESSAGES);
        FakeEngine engine = new FakeEngine();
        String page = System.getProperty("demo.page", "");
        if (page.equals("result")) {
            engine.diagnoser = r -> new org.smtpdoctor.diagnosis.Diagnosis(
                    org.smtpdoctor.diagnosis.Verdict.FIX_SETTING, org.smtpdoctor.settings.Setting.SECURITY,
                    java.util.Optional.of("SSL/TLS"), org.smtpdoctor.diagnosis.Actor.YOU,
                    "This port expects an encrypted connection from the very first moment.",
                    "Your mail program waits for the server to speak first, but the server on this port waits for "
                            + "encryption to start. Choose SSL/TLS and keep the port.",
                    "TLS_WHERE_PLAINTEXT_EXPECTED at GREETING", org.smtpdoctor.diagnosis.Confidence.HIGH,
                    java.util.List.of(), java.util.List.of(), "demo");
        }
        WizardViewModel vm = new WizardViewModel(engine, new FxTaskRunner(),
                new SettingsStore(Path.of(System.getProperty("java.io.tmpdir"), "smtp-doctor-demo.json")), texts);
        WizardView.install(stage, vm, texts);
        stage.show();
        if (page.equals("result")) {
            vm.form().programProperty().set(MailClient.THUNDERBIRD);
            vm.form().emailProperty().set("alice@example.com");
            vm.form().hostProperty().set("smtp.example.com");
            vm.form().portProperty().set("465");
            vm.form().usernameProperty().set("alice@example.com");
            vm.form().passwordProperty().set("x");
            vm.startTest();
        }
        if (page.equals("server") || page.equals("signin")) {
            vm.form().programProperty().set(MailClient.THUNDERBIRD);
            vm.form().emailProperty().set("alice@gmail.com");
            vm.emailEntered();
            vm.checkSettings();
            if (page.equals("signin")) {
                vm.next();
            }
        }
    }
}
