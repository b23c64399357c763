package org.smtpdoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line front end: {@code smtp-doctor probe|explain|find ...}. */
@Command(name = "smtp-doctor", mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Tests a mail program's outgoing-server (SMTP) settings and says which setting to change.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return new CommandLine(new Cli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version from the jar's manifest (set by the build). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"SMTP Doctor " + (v == null ? "(development build)" : v)};
        }
    }
}
