package org.smtpdoctor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.discovery.ProbeSession;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.TranscriptLine;
import org.smtpdoctor.report.Masking;
import org.smtpdoctor.settings.AccountSettings;

/**
 * The Testing page: runs one probe in the background, shows each step live as the probe reports it, and cancels at
 * once on request.
 */
public final class TestingViewModel {

    /** A finished probe and what the core made of it. */
    public record Outcome(ProbeResult result, Diagnosis diagnosis) {
    }

    private final Engine engine;
    private final Messages texts;

    private final ObservableList<StepLine> steps = FXCollections.observableArrayList();
    private final ObservableList<TranscriptLine> transcript = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode", false);
    private final StringBinding transcriptText;

    /** Cancels the running probe (any thread); null when none runs. */
    private final CurrentRun current;
    private String usernameShown = "";

    public TestingViewModel(Engine engine, TaskRunner runner, Messages texts) {
        this.engine = engine;
        this.current = new CurrentRun(runner);
        this.texts = texts;
        this.transcriptText = Bindings.createStringBinding(this::renderTranscript, transcript, presentationMode);
    }

    public ObservableList<StepLine> steps() {
        return steps;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Testing smtp.example.com:587 …" */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The redacted transcript so far, masked in presentation mode. */
    public StringBinding transcriptTextProperty() {
        return transcriptText;
    }

    public BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    /**
     * Starts a probe; {@code onDone} gets the outcome on the UI thread unless {@link #cancel()} came first (then
     * {@code onCancelled} runs at once).
     */
    public void start(AccountSettings settings, boolean sendTestMessage, Consumer<Outcome> onDone,
            Consumer<Throwable> onError) {
        int run = current.begin();
        steps.clear();
        transcript.clear();
        usernameShown = settings.username();
        heading.set(texts.get("testing.heading", settings.endpoint()));
        running.set(true);
        ProbeListener listener = new ProbeListener() {
            @Override
            public void phaseStarted(Phase phase, String description) {
                current.onUiThread(run, () ->
                        steps.add(new StepLine(phase, stepText(phase, description), StepLine.State.RUNNING, -1)));
            }

            @Override
            public void phaseFinished(Step step) {
                current.onUiThread(run, () -> finish(step));
            }

            @Override
            public void transcriptLine(TranscriptLine line) {
                current.onUiThread(run, () -> transcript.add(line));
            }
        };
        // the probe is made off the FX thread: it loads the mail library on first use
        current.run(run, () -> engine.newProbeRun(sendTestMessage), ProbeSession::cancel, probe -> {
            Engine.Checked checked = engine.check(probe, settings, listener);
            return new Outcome(checked.result(), checked.diagnosis());
        }, outcome -> {
            running.set(false);
            syncTranscript(outcome.result());
            onDone.accept(outcome);
        }, error -> {
            running.set(false);
            onError.accept(error);
        });
    }

    /** Stops the running probe at once; its late result is ignored. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        current.cancel();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).state() == StepLine.State.RUNNING) {
                steps.set(i, steps.get(i).finished(StepLine.State.CANCELLED, -1));
            }
        }
        running.set(false);
    }

    private void finish(Step step) {
        StepLine.State state = StepLine.State.valueOf(step.outcome().name());
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepLine line = steps.get(i);
            if (line.phase() == step.phase() && line.state() == StepLine.State.RUNNING) {
                steps.set(i, line.finished(state, step.durationMs()));
                return;
            }
        }
        steps.add(new StepLine(step.phase(), stepText(step.phase(), ""), state, step.durationMs()));
    }

    /** The result's transcript is the authority (the live lines may have missed some). */
    private void syncTranscript(ProbeResult result) {
        if (result.transcript().lines().size() > transcript.size()) {
            transcript.setAll(result.transcript().lines());
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).state() == StepLine.State.RUNNING) {
                StepLine line = steps.get(i);
                long ms = result.step(line.phase()).map(Step::durationMs).orElse(-1L);
                StepLine.State state = result.step(line.phase())
                        .map(s -> StepLine.State.valueOf(s.outcome().name())).orElse(StepLine.State.FAILED);
                steps.set(i, line.finished(state, ms));
            }
        }
    }

    private String stepText(Phase phase, String description) {
        return texts.get("testing.phase." + phase.name(), description == null ? "" : description);
    }

    private String renderTranscript() {
        List<String> lines = new ArrayList<>();
        List<String> names = usernameShown.isEmpty() ? List.of() : List.of(usernameShown);
        UnaryOperator<String> mask = presentationMode.get() ? s -> Masking.maskText(s, names) : UnaryOperator.identity();
        for (TranscriptLine line : transcript) {
            lines.add(mask.apply(line.render()));
        }
        return String.join("\n", lines);
    }
}
