package org.smtpdoctor.probe;

import java.util.Optional;

/**
 * One phase of a probe as it happened.
 *
 * @param durationMs wall time of the phase
 * @param reply      the server's reply that ended the phase, when there was one
 * @param note       a short technical remark in English for the transcript and report (never a secret), or empty
 */
public record Step(Phase phase, StepOutcome outcome, long durationMs, Optional<Reply> reply, String note) {

    public Step {
        note = note == null ? "" : note;
    }
}
