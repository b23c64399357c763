package org.smtpdoctor.probe;

import jakarta.mail.MessagingException;

/**
 * The probe's own decision to stop, thrown from inside Jakarta Mail's protocol hooks (so it travels through the
 * transport's {@code connect}) or from the probe itself. Classification finds it by type in the cause chain.
 */
final class ProbeStop extends MessagingException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final Phase phase;
    private final OtherService otherService;

    ProbeStop(FailureKind kind, Phase phase, String note) {
        this(kind, phase, note, null);
    }

    ProbeStop(FailureKind kind, Phase phase, String note, OtherService otherService) {
        super(note);
        this.kind = kind;
        this.phase = phase;
        this.otherService = otherService;
    }

    FailureKind kind() {
        return kind;
    }

    Phase phase() {
        return phase;
    }

    OtherService otherService() {
        return otherService;
    }

    /** The first ProbeStop in the cause chain of {@code t}, or null. */
    static ProbeStop find(Throwable t) {
        return Causes.find(t, ProbeStop.class);
    }
}
