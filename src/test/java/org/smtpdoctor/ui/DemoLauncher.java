package org.smtpdoctor.ui;

/** Starts {@link DemoApp} from the class path (an Application subclass cannot be the main class there). */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(DemoApp.class, args);
    }
}
