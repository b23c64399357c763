package org.smtpdoctor.probe;

/** How one phase of a probe ended. */
public enum StepOutcome {
    OK,
    /** Worked, but with something worth knowing (e.g. HELO fallback, STARTTLS not offered on a NONE connection). */
    WARNING,
    FAILED,
    /** Not run because an earlier phase failed or the settings do not ask for it. */
    SKIPPED,
    CANCELLED;

    /** The one mark for this outcome, in every front and report: ✔ ⚠ ✘ – ■. */
    public String glyph() {
        return switch (this) {
            case OK -> "✔";
            case WARNING -> "⚠";
            case FAILED -> "✘";
            case SKIPPED -> "–";
            case CANCELLED -> "■";
        };
    }
}
