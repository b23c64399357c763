package org.smtpdoctor.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * For the start-up benchmark: with {@code -Dsmtpdoctor.startupReport=FILE} the app writes the milliseconds from
 * JVM start to its first shown frame into FILE and exits. Without the property it does nothing.
 */
final class StartupTimer {

    static final String PROPERTY = "smtpdoctor.startupReport";

    private StartupTimer() {
    }

    static void watch(Stage stage) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        stage.setOnShown(e -> stage.getScene().addPostLayoutPulseListener(new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done) {
                    return;
                }
                done = true;
                long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                Thread writer = new Thread(() -> {
                    try {
                        Files.writeString(Path.of(file), Long.toString(elapsed), StandardCharsets.UTF_8);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    } finally {
                        Platform.exit();
                    }
                }, "startup-report");
                writer.start();
            }
        }));
    }
}
