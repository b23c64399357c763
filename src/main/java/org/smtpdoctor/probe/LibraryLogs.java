package org.smtpdoctor.probe;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' own log lines (Angus's {@code INFO: mail.mime.allowutf8 set but ...}, dnsjava through
 * slf4j) off the user's screen: the program says what matters in its own words. {@code --verbose} lets them through
 * for whoever wants to look under the hood.
 */
public final class LibraryLogs {

    /**
     * The libraries' logger names (java.util.logging; dnsjava's slf4j binding logs there too). Angus names its
     * transport's logger after the package of the transport's class, which for {@link ProbeTransport} is
     * {@code org.smtpdoctor.probe}: the program's own logging set-up (the command line's {@code --verbose}, the
     * wizard's log file) governs that one.
     */
    private static final List<String> NAMES = List.of("org.eclipse.angus", "jakarta.mail", "jakarta.activation",
            "org.xbill", "picocli");
    /** Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> LOGGERS = NAMES.stream().map(Logger::getLogger).toList();

    private LibraryLogs() {
    }

    /** {@code true}: no library log line reaches any handler; {@code false}: their own levels apply again. */
    public static void quiet(boolean quiet) {
        for (Logger l : LOGGERS) {
            l.setLevel(quiet ? Level.OFF : null);
        }
    }
}
