package org.smtpdoctor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for {@link StartupBenchmark}: an empty JavaFX window on the same JVM and class path, timed the same
 * way, so the wizard's own start-up cost shows apart from the JVM's and the toolkit's (and the machine's load).
 */
public final class BareWindow extends Application {

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("bare"), 860, 700));
        stage.setOnShown(e -> stage.getScene().addPostLayoutPulseListener(new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done) {
                    return;
                }
                done = true;
                long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                try {
                    Files.writeString(Path.of(System.getProperty("smtpdoctor.startupReport")), Long.toString(elapsed));
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                } finally {
                    Platform.exit();
                }
            }
        }));
        stage.show();
    }

    /** Launches from the class path (an Application subclass cannot be the main class there). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
