package org.smtpdoctor.probe;

/**
 * Live progress of a probe, called on the probing thread; front ends hand the calls to their own thread.
 * All methods have empty defaults.
 */
public interface ProbeListener {

    ProbeListener NONE = new ProbeListener() { };

    /** A phase starts; {@code description} is a short technical English text such as "smtp.example.com:587". */
    default void phaseStarted(Phase phase, String description) {
    }

    default void phaseFinished(Step step) {
    }

    /** A transcript line was recorded (already redacted). */
    default void transcriptLine(TranscriptLine line) {
    }
}
