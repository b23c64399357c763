package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;

/**
 * The command line's log: nothing unless {@code --verbose} is given, then SMTP Doctor's messages (debug and up:
 * the probe's phases, an unexpected failure) on standard error, never on standard output where results and JSON
 * go. The code logs through {@link System.Logger}; this points the JDK's default backend at the command's error
 * stream for the length of one run and restores it afterwards.
 */
final class CliLogging implements AutoCloseable {

    private final Logger logger;
    private final Level oldLevel;
    private final boolean oldUseParent;
    private final Handler handler;

    private CliLogging(Logger logger, Handler handler) {
        this.logger = logger;
        this.oldLevel = logger.getLevel();
        this.oldUseParent = logger.getUseParentHandlers();
        this.handler = handler;
    }

    /** Whether {@code --verbose} was given to the command or a subcommand. */
    static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Starts logging to {@code err} when {@code verbose}, else silences SMTP Doctor's loggers for the run. */
    static CliLogging start(boolean verbose, PrintWriter err) {
        Logger logger = Logger.getLogger("org.smtpdoctor");
        Handler handler = verbose ? new ErrHandler(err) : null;
        CliLogging logging = new CliLogging(logger, handler);
        logger.setUseParentHandlers(false);
        logger.setLevel(verbose ? Level.FINE : Level.OFF);
        if (handler != null) {
            logger.addHandler(handler);
        }
        return logging;
    }

    @Override
    public void close() {
        if (handler != null) {
            logger.removeHandler(handler);
        }
        logger.setLevel(oldLevel);
        logger.setUseParentHandlers(oldUseParent);
    }

    /** Writes each record as one or two lines to the command's error stream. */
    private static final class ErrHandler extends Handler {
        private final PrintWriter err;

        ErrHandler(PrintWriter err) {
            this.err = err;
            setFormatter(new SimpleFormatter());
            setLevel(Level.FINE);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                err.print(getFormatter().format(record));
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
