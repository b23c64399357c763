package org.smtpdoctor.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line front end: {@code smtp-doctor probe|explain|find ...}. */
@Command(name = "smtp-doctor", mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Tests a mail program's outgoing-server (SMTP) settings and says which setting to change.",
        subcommands = {ProbeCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new Cli());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(Cli::onBadArguments);
        cmd.setExecutionExceptionHandler(Cli::onFailure);
        return cmd.execute(args);
    }

    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return Exits.USAGE;
    }

    /** The last line of defence: one line, no stack trace (the technical detail is the exception's type). */
    private static int onFailure(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println("error: SMTP Doctor failed unexpectedly (" + ex.getClass().getSimpleName() + "). Please report this.");
        err.flush();
        return 4;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
