package org.smtpdoctor.diagnosis;

/** The one-word answer of a diagnosis (shared vocabulary, DESIGN.md). */
public enum Verdict {
    /** The settings work. */
    WORKS,
    /** A setting in the mail client must change. */
    FIX_SETTING,
    /** Nothing is wrong with the settings; try again later. */
    TEMPORARY,
    /** The server or provider must act; nothing to change locally. */
    SERVER_SIDE,
    /** Pasted text that is not a recognisable mail error: nothing was concluded, no setting is judged. */
    NOT_RECOGNISED;

    /** Whether there is a conclusion at all (not for text that is no recognisable mail error). */
    public boolean recognised() {
        return this != NOT_RECOGNISED;
    }
}
