package org.smtpdoctor;

import org.smtpdoctor.cli.Cli;
import org.smtpdoctor.probe.LibraryLogs;
import org.smtpdoctor.ui.App;

/**
 * The one entry point of the jar and the installed app: no arguments open the wizard, anything else is a
 * command-line call.
 *
 * <p>A plain class rather than the {@code Application} subclass, so the app runs from the class path
 * (launching an {@code Application} subclass directly fails with "JavaFX runtime components are missing").
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            if (!App.hasDisplay()) {
                System.exit(Cli.noDisplay());
            }
            LibraryLogs.quiet(true);
            try {
                App.launchWizard(args);
            } catch (UnsupportedOperationException e) {
                // the toolkit found no usable display after all ("Unable to open DISPLAY")
                System.exit(Cli.noDisplay());
            }
        } else {
            System.exit(Cli.run(args));
        }
    }
}
