package org.smtpdoctor.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the SMTP Doctor wizard. */
public final class App extends Application {

    public static void launchWizard(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("SMTP Doctor");
        stage.setScene(new Scene(new Label("SMTP Doctor"), 640, 480));
        stage.show();
    }
}
