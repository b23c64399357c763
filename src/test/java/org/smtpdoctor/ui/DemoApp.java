package org.smtpdoctor.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
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
        WizardViewModel vm = new WizardViewModel(new FakeEngine(), new FxTaskRunner(),
                new SettingsStore(Path.of(System.getProperty("java.io.tmpdir"), "smtp-doctor-demo.json")), texts);
        WizardView.install(stage, vm, texts);
        stage.show();
        String page = System.getProperty("demo.page", "");
        if (page.equals("server") || page.equals("signin")) {
            vm.form().programProperty().set(MailProgram.THUNDERBIRD);
            vm.form().emailProperty().set("alice@gmail.com");
            vm.emailEntered();
            vm.checkSettings();
            if (page.equals("signin")) {
                vm.next();
            }
        }
    }
}
