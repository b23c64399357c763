package org.smtpdoctor.ui.testing;

import org.smtpdoctor.probe.Phase;

/**
 * One line of the Testing page: "Connecting to smtp.example.com:587 ✔ 42 ms".
 *
 * @param text       what the step does, in plain words
 * @param state      running, or how it ended
 * @param durationMs wall time, or -1 while running
 */
public record StepLine(Phase phase, String text, State state, long durationMs) {

    public enum State { RUNNING, OK, WARNING, FAILED, SKIPPED, CANCELLED }

    public StepLine finished(State newState, long ms) {
        return new StepLine(phase, text, newState, ms);
    }
}
