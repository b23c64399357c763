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
    SERVER_SIDE;
}
