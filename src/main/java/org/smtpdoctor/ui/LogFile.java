package org.smtpdoctor.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The desktop app's log: {@code smtp-doctor.log} (rotating, three files of at most 1 MB) in the user's config
 * folder, beside the saved settings, so a failure can be looked at afterwards (Help → Open log folder). The code
 * logs through {@link System.Logger}; this only points the JDK's default backend at the file, for SMTP Doctor's
 * own loggers. Nothing secret is ever logged: the probe logs phases and outcomes, failures their type and message.
 */
final class LogFile {

    private static final int LIMIT_BYTES = 1_000_000;
    private static final int FILES = 3;

    private final Path folder;
    /** Held so the configured logger is not collected (JUL keeps loggers weakly). */
    private final Logger logger;
    private final FileHandler handler;
    private final Level oldLevel;
    private final boolean oldUseParent;

    private LogFile(Path folder, Logger logger, FileHandler handler) {
        this.folder = folder;
        this.logger = logger;
        this.handler = handler;
        this.oldLevel = logger.getLevel();
        this.oldUseParent = logger.getUseParentHandlers();
    }

    /** Starts logging SMTP Doctor's messages (debug and up) to the folder; creates the folder when missing. */
    static LogFile open(Path folder) throws IOException {
        Files.createDirectories(folder);
        String pattern = folder.toAbsolutePath().resolve("smtp-doctor%g.log").toString().replace("%", "%%")
                .replace("%%g", "%g");
        FileHandler handler = new FileHandler(pattern, LIMIT_BYTES, FILES, true);
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.FINE);
        handler.setEncoding("UTF-8");
        Logger logger = Logger.getLogger("org.smtpdoctor");
        LogFile log = new LogFile(folder, logger, handler);
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        return log;
    }

    Path folder() {
        return folder;
    }

    /** The file being written now. */
    Path current() {
        return folder.resolve("smtp-doctor0.log");
    }

    /** Stops writing and gives SMTP Doctor's loggers back their former settings. */
    void close() {
        logger.removeHandler(handler);
        logger.setLevel(oldLevel);
        logger.setUseParentHandlers(oldUseParent);
        handler.close();
    }
}
