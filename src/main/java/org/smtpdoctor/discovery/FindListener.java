package org.smtpdoctor.discovery;

import java.util.List;

/**
 * Live progress of a search, for the command line and the wizard to show candidates as they are tried. Calls come
 * one at a time (never concurrently) from the search's threads; a front end hands them to its own thread. All
 * methods have empty defaults.
 */
public interface FindListener {

    FindListener NONE = new FindListener() { };

    /** A DNS question was answered (or failed). */
    default void lookupFinished(DnsFinding finding) {
    }

    /** The candidates to try, best first by rank. */
    default void candidatesReady(List<Candidate> candidates) {
    }

    /** A candidate's connection test or its sign-in check starts. */
    default void candidateStarted(Candidate candidate, Stage stage) {
    }

    /** A candidate's outcome is final (called once per candidate). */
    default void candidateFinished(CandidateOutcome outcome) {
    }

    /** The two stages of trying a candidate. */
    enum Stage {
        /** Connect, greeting, EHLO, TLS: no credentials are sent. */
        CONNECTION,
        /** Sign-in with the user's credentials and MAIL FROM with the user's address. */
        SIGN_IN
    }
}
