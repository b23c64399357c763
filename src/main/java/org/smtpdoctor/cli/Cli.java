package org.smtpdoctor.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.LibraryLogs;
import org.smtpdoctor.probe.Warmup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line front end: {@code smtp-doctor probe|explain|find ...}. */
@Command(name = "smtp-doctor", mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Tests a mail program's outgoing-server (SMTP) settings and says which setting to change.")
public final class Cli implements Runnable {

    private static final System.Logger LOG = System.getLogger(Cli.class.getName());
    private static final Messages TEXT = Messages.of("org.smtpdoctor.cli.messages");

    /** The subcommands, in the order the usage help lists them. */
    private static final List<Class<?>> SUBCOMMANDS =
            List.of(ProbeCommand.class, ExplainCommand.class, FindCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what happens (the probe's phases, unexpected failures) to standard error")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input and environment, injectable so tests can feed a password without a terminal. */
    final InputStream stdin;
    final Map<String, String> env;

    private Cli(InputStream stdin, Map<String, String> env) {
        this.stdin = stdin;
        this.env = env;
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        if (args.length > 0 && ("probe".equals(args[0]) || "find".equals(args[0]))) {
            // TLS and Jakarta Mail load in the background while the arguments are parsed and checked
            Warmup.start();
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        return run(out, err, System.in, System.getenv(), args);
    }

    /** Runs with the given streams and environment (tests capture and feed them). */
    public static int run(PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env, String... args) {
        LibraryLogs.quiet(!java.util.Arrays.asList(args).contains("--verbose"));
        CommandLine cmd = new CommandLine(new Cli(stdin, env));
        for (Class<?> subcommand : subcommandsFor(args)) {
            cmd.addSubcommand(subcommand);
        }
        // every command prints through the one terminal escaper (server text, option values, pasted text)
        PrintWriter safeErr = TerminalText.safe(err);
        cmd.setOut(TerminalText.safe(out));
        cmd.setErr(safeErr);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cmd.setParameterExceptionHandler(Cli::onBadArguments);
        cmd.setExecutionExceptionHandler(Cli::onFailure);
        cmd.setExecutionStrategy(parseResult -> {
            String control = TerminalText.controlCharacterIn(parseResult);
            if (control != null) {
                return Exits.usage(safeErr, control);
            }
            try (CliLogging logging = CliLogging.start(CliLogging.verbose(parseResult), safeErr)) {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ExecutionException e) {
                // logged here, while the run's logging is set up; onFailure then prints the one-line message
                logUnexpected(e.getCause() != null ? e.getCause() : e, safeErr, CliLogging.verbose(parseResult));
                throw e;
            }
        });
        try {
            return cmd.execute(args);
        } catch (StackOverflowError e) {
            // the last line of defence for deep input: one line, never a 77 KB stack trace
            safeErr.println(TEXT.get("error.unexpected", e.getClass().getSimpleName()));
            safeErr.flush();
            return Exits.INTERNAL;
        }
    }

    /**
     * Only the subcommand being run when the command line names one: picocli builds the model (reflection,
     * annotation proxies, converters) of every registered subcommand before parsing, which cost a fresh JVM about
     * as much as a round trip. Anything else (help, usage errors, no subcommand) gets all of them.
     */
    static List<Class<?>> subcommandsFor(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                for (Class<?> subcommand : SUBCOMMANDS) {
                    if (subcommand != CommandLine.HelpCommand.class
                            && subcommand.getAnnotation(Command.class).name().equals(arg)) {
                        return List.of(subcommand);
                    }
                }
                break;
            }
        }
        return SUBCOMMANDS;
    }

    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(TEXT.get("error.line", ex.getMessage()));
        err.println(TEXT.get("error.tryHelp", cmd.getCommandSpec().qualifiedName()));
        err.flush();
        return Exits.USAGE;
    }

    /** The last line of defence: one line, no stack trace (the technical detail is the exception's type). */
    private static int onFailure(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println(TEXT.get("error.unexpected", ex.getClass().getSimpleName()));
        err.flush();
        return Exits.INTERNAL;
    }

    private static void logUnexpected(Throwable ex, PrintWriter err, boolean verbose) {
        try (CliLogging logging = CliLogging.start(verbose, err)) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure", ex);
        }
    }

    /**
     * The wizard was asked for where no display is: one sentence on stderr, exit code 2 (a usage error), no toolkit
     * stack trace.
     */
    public static int noDisplay() {
        System.err.println(TEXT.get("error.no_display"));
        System.err.flush();
        return Exits.USAGE;
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
