package org.smtpdoctor.cli;

import java.io.PrintWriter;
import org.smtpdoctor.diagnosis.Verdict;

/** The exit codes of every command, as documented in {@code --help}. */
final class Exits {

    static final int WORKS = 0;
    static final int FIX_SETTING = 1;
    static final int USAGE = 2;
    static final int TEMPORARY_OR_SERVER = 3;
    static final int INTERNAL = 4;

    private Exits() {
    }

    static int forVerdict(Verdict verdict) {
        switch (verdict) {
            case WORKS:
                return WORKS;
            case FIX_SETTING:
                return FIX_SETTING;
            default:
                return TEMPORARY_OR_SERVER;
        }
    }

    /** Prints a one-line usage error and returns {@link #USAGE}. */
    static int usage(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return USAGE;
    }
}
