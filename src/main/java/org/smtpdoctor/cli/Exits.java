package org.smtpdoctor.cli;

import java.io.PrintWriter;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.diagnosis.Verdict;

/** The exit codes of every command, as documented in {@code --help}. */
final class Exits {

    static final int WORKS = 0;
    static final int FIX_SETTING = 1;
    static final int USAGE = 2;
    static final int TEMPORARY_OR_SERVER = 3;
    static final int INTERNAL = 4;

    private static final Messages TEXT = Messages.of("org.smtpdoctor.cli.messages");

    private Exits() {
    }

    /** Text that is not a recognisable mail error exits like a usage error: nothing was concluded from it. */
    static int forVerdict(Verdict verdict) {
        return switch (verdict) {
            case WORKS -> WORKS;
            case FIX_SETTING -> FIX_SETTING;
            case TEMPORARY, SERVER_SIDE -> TEMPORARY_OR_SERVER;
            case NOT_RECOGNISED -> USAGE;
        };
    }

    /** Prints a one-line usage error and returns {@link #USAGE}. */
    static int usage(PrintWriter err, String message) {
        err.println(TEXT.get("error.line", message));
        err.flush();
        return USAGE;
    }
}
