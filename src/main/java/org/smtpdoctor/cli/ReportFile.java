package org.smtpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.report.ReportData;
import org.smtpdoctor.report.ReportRenderer;
import picocli.CommandLine.Option;

/**
 * {@code --report FILE.md|FILE.html|FILE.txt} on {@code probe} and {@code explain}: the same redacted report the
 * wizard saves, written by the engine's report code, in the format the file's extension names.
 */
final class ReportFile {

    private static final Messages TEXT = Messages.of("org.smtpdoctor.cli.messages");

    @Option(names = "--report", paramLabel = "FILE.md|FILE.html|FILE.txt",
            description = "Also write a report for a helpdesk to this file (passwords removed); the extension picks"
                    + " the format: .md, .html or .txt")
    Path file;

    /**
     * The usage error for a directory or a file name with none of the report extensions; empty when fine or not
     * asked for.
     */
    Optional<String> problem() {
        if (file != null && Files.isDirectory(file)) {
            return Optional.of(TEXT.get("report.error.directory", file.toString()));
        }
        if (file == null || ReportRenderer.Format.forFileName(file.getFileName().toString()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(TEXT.get("report.error.extension", file.toString()));
    }

    /** Writes the report when asked for; false (with a message on {@code err}) when the file cannot be written. */
    boolean write(Engine engine, ReportData data, PrintWriter err) {
        if (file == null) {
            return true;
        }
        ReportRenderer.Format format = ReportRenderer.Format.forFileName(file.getFileName().toString())
                .orElseThrow(() -> new IllegalStateException("checked by problem()"));
        try {
            Files.writeString(file, engine.report(data, format), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            err.println(TEXT.get("report.error.write", file.toString()));
            err.flush();
            return false;
        }
    }
}
