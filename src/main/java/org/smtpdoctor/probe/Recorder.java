package org.smtpdoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Collects the steps and the transcript of one probe and tells the listener as they happen. Every text passes the
 * {@link Redactor} before it is stored.
 */
final class Recorder {

    private static final System.Logger LOG = System.getLogger(Recorder.class.getName());

    private final ProbeListener listener;
    private final Redactor redactor;
    private final long startNanos;
    private final Consumer<Phase> onPhaseStart;
    private final List<TranscriptLine> lines = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    private Phase current;
    private long phaseStartNanos;
    private Reply phaseReply;
    private String phaseNote = "";
    private boolean phaseWarning;
    private Reply lastReply;
    private boolean tls;
    private int transcriptChars;
    private boolean transcriptFull;

    Recorder(ProbeListener listener, Redactor redactor, long startNanos, Consumer<Phase> onPhaseStart) {
        this.listener = listener == null ? ProbeListener.NONE : listener;
        this.redactor = redactor;
        this.startNanos = startNanos;
        this.onPhaseStart = onPhaseStart;
    }

    /** Starts {@code phase}, finishing the open one as passed. Entering the open phase again does nothing. */
    synchronized void enter(Phase phase, String description) {
        if (phase == current) {
            return;
        }
        finish(phaseWarning ? StepOutcome.WARNING : StepOutcome.OK);
        current = phase;
        phaseStartNanos = System.nanoTime();
        phaseReply = null;
        phaseNote = "";
        phaseWarning = false;
        onPhaseStart.accept(phase);
        listener.phaseStarted(phase, redactor.scrub(description));
    }

    /** Whether {@code phase} is the phase open now. */
    synchronized boolean isOpen(Phase phase) {
        return current == phase;
    }

    synchronized Phase current() {
        return current == null ? Phase.INPUT : current;
    }

    /** Closes the open phase with {@code outcome}; nothing happens when no phase is open. */
    synchronized void finish(StepOutcome outcome) {
        if (current == null) {
            return;
        }
        long ms = (System.nanoTime() - phaseStartNanos) / 1_000_000;
        Step step = new Step(current, outcome, ms, Optional.ofNullable(phaseReply), phaseNote);
        steps.add(step);
        // phase, outcome and time only: no reply text, so nothing a user typed reaches the log
        LOG.log(System.Logger.Level.DEBUG, "phase {0} {1} in {2} ms", current, outcome, ms);
        current = null;
        listener.phaseFinished(step);
    }

    /** Closes the open phase as passed (a warning when one was noted). */
    synchronized void finishPassed() {
        finish(phaseWarning ? StepOutcome.WARNING : StepOutcome.OK);
    }

    /** Records a phase that was not run. */
    synchronized void skipped(Phase phase, String note) {
        finish(phaseWarning ? StepOutcome.WARNING : StepOutcome.OK);
        Step step = new Step(phase, StepOutcome.SKIPPED, 0, Optional.empty(), redactor.scrub(note));
        steps.add(step);
        listener.phaseFinished(step);
    }

    synchronized void note(String note) {
        String n = redactor.scrub(note);
        phaseNote = phaseNote.isEmpty() ? n : phaseNote + "; " + n;
    }

    synchronized void warn(String note) {
        note(note);
        phaseWarning = true;
    }

    synchronized void reply(Reply reply) {
        phaseReply = reply;
        lastReply = reply;
    }

    /** Evidence from elsewhere (a second connection) that should stand as the last reply. */
    synchronized void evidence(Reply reply) {
        lastReply = reply;
        phaseReply = reply;
    }

    synchronized Optional<Reply> lastReply() {
        return Optional.ofNullable(lastReply);
    }

    synchronized void tls(boolean inTls) {
        tls = inTls;
    }

    void sent(String text) {
        line(TranscriptLine.Direction.SENT, text);
    }

    void received(String text) {
        line(TranscriptLine.Direction.RECEIVED, text);
    }

    void unexpected(String text) {
        line(TranscriptLine.Direction.UNEXPECTED, text);
    }

    void info(String text) {
        line(TranscriptLine.Direction.INFO, text);
    }

    void error(String text) {
        line(TranscriptLine.Direction.ERROR, text);
    }

    private synchronized void line(TranscriptLine.Direction given, String text) {
        TranscriptLine.Direction direction = given;
        if (transcriptFull) {
            return;
        }
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String t = redactor.scrub(text);
        if (t.length() > Limits.BYTES_PER_REPLY_LINE) {
            t = t.substring(0, Limits.BYTES_PER_REPLY_LINE) + "…";
        }
        if (lines.size() >= Limits.TRANSCRIPT_LINES || transcriptChars + t.length() > Limits.TRANSCRIPT_CHARS) {
            transcriptFull = true;
            direction = TranscriptLine.Direction.ERROR;
            t = "Transcript limit reached (" + Limits.TRANSCRIPT_LINES + " lines or " + Limits.TRANSCRIPT_CHARS
                    + " characters): further lines are left out";
        }
        transcriptChars += t.length();
        TranscriptLine line = new TranscriptLine(ms, direction, tls, t);
        lines.add(line);
        listener.transcriptLine(line);
    }

    synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    synchronized Transcript transcript() {
        return new Transcript(lines);
    }

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
