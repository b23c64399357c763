package org.smtpdoctor.ui.result;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.ui.display.DisplayViewModel;
import org.smtpdoctor.ui.task.TaskRunner;

/**
 * Copy report and Save report: the redacted report of what the Result page shows, through the engine's report
 * code, masked in presentation mode; never with a password.
 */
public final class Reports {

    private final Engine engine;
    private final TaskRunner runner;
    private final ResultViewModel result;
    private final DisplayViewModel display;

    public Reports(Engine engine, TaskRunner runner, ResultViewModel result, DisplayViewModel display) {
        this.engine = engine;
        this.runner = runner;
        this.result = result;
        this.display = display;
    }

    /** The redacted report of the current result; never contains the password. */
    public String reportText(ReportRenderer.Format format) {
        ResultViewModel.Shown shown = result.shown().orElseThrow(() -> new IllegalStateException("No result yet"));
        return engine.report(engine.reportData(shown.tested(), shown.probe(), shown.diagnosis(), shown.program(),
                shown.pastedText(), display.presenting()).withHistory(shown.earlier(),
                shown.diagnosis().verdict() == Verdict.WORKS ? shown.forProgram() : List.of()), format);
    }

    /** Writes the report in the background; {@code onDone} gets true when it was written. */
    public void save(Path file, ReportRenderer.Format format, Consumer<Boolean> onDone) {
        String text = reportText(format);
        runner.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                ok -> onDone.accept(true), error -> onDone.accept(false));
    }

    /** A file name for the report: smtp-doctor-report.md */
    public static String suggestedName(ReportRenderer.Format format) {
        return "smtp-doctor-report." + format.extension();
    }
}
