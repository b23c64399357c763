package org.smtpdoctor.ui.find;

import org.smtpdoctor.discovery.Candidate;

/**
 * One row of the "Find working settings" page: a candidate server in plain words, and how far trying it got.
 *
 * @param candidate the candidate (identity of the row)
 * @param server    its server name
 * @param port      its port
 * @param security  its connection security in the mail program's words
 * @param source    where it came from ("provider list", "your domain's DNS", "a guess", "your settings")
 * @param status    how far it got, in plain words ("works, sign-in checked", "does not answer")
 * @param state     the same as a value, for the glyph and the style
 */
public record CandidateLine(Candidate candidate, String server, String port, String security, String source,
        String status, State state) {

    /** Where a row stands; only {@link #WORKS} is ever shown as working. */
    public enum State {
        WAITING, TRYING, WORKS, ANSWERS, REFUSED, FAILED, STOPPED
    }

    CandidateLine with(String newStatus, State newState) {
        return new CandidateLine(candidate, server, port, security, source, newStatus, newState);
    }
}
