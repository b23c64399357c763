package org.smtpdoctor.ui;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * The wizard for the "Find working settings" screenshot (assets/screenshots/make.sh), with a small internet on
 * loopback: {@code example.com}'s DNS (a test DNS server) names smtp.example.com = 127.0.0.52, which speaks only
 * implicit TLS on 465 (587 and 25 closed), and example.com = 127.0.0.53, where nothing listens. Needs root for the
 * ports below 1024. Nothing leaves the machine.
 */
public final class FindScreenshot {

    private static final String SERVER_IP = "127.0.0.52";
    private static final String DOMAIN_IP = "127.0.0.53";
    private static Loopback net;

    public static void main(String[] args) throws IOException {
        net = new Loopback();
        net.keep(FakeSmtpServer.builder().bind(SERVER_IP).port(465)
                .implicitTls(TestCertificates.forNames(SERVER_IP))
                .auth("bob@example.com", "example-password").requireAuth().start());
        net.name("smtp.example.com", SERVER_IP).name("example.com", DOMAIN_IP);
        Application.launch(Window.class, args);
    }

    private FindScreenshot() {
    }

    /** The wizard over the loopback engine (not the main class: the JavaFX launcher check would refuse it). */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Messages texts = Messages.of(App.MESSAGES);
            CoreEngine engine = new CoreEngine(Loopback.options().probe(), Clock.systemDefaultZone(),
                    Loopback.options().withPorts(FinderOptions.StandardPorts.USUAL), net.dns::lookup);
            SettingsStore store;
            try {
                store = new SettingsStore(Files.createTempDirectory("smtp-doctor-shot").resolve("saved.json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            WizardViewModel vm = new WizardViewModel(engine, new FxTaskRunner(), store, texts);
            WizardView.install(stage, vm, texts);
            stage.show();
        }
    }
}
