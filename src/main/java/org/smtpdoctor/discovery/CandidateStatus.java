package org.smtpdoctor.discovery;

/**
 * How far a candidate got, in ranking order within {@link #tier()}: what the search and the front ends may claim,
 * and nothing more (an untested sign-in is never "works").
 */
public enum CandidateStatus {
    /** Sign-in with the user's credentials and the user's sender address were accepted. */
    WORKS_WITH_SIGN_IN(0),
    /** The server offers no sign-in and accepted the user's sender address without it (relaying not tested). */
    WORKS_WITHOUT_SIGN_IN(1),
    /** An SMTP server answered and the connection security worked; sign-in was not tested. */
    REACHABLE(2),
    /**
     * Reachable, but the server lies outside the address's domain and was named by a source anyone can set (DNS,
     * the domain's autoconfig file): the password is not sent there until the user confirms (RFC 6186 section 6).
     */
    NEEDS_CONFIRMATION(2),
    /** Reachable, but the server refused the sign-in or the sender (the reason says which). */
    SIGN_IN_FAILED(2),
    /** Not usable: no connection, no SMTP, or the connection security failed (the reason says which). */
    FAILED(3),
    /** Not finished: a better candidate already worked, or the user cancelled. */
    CANCELLED(4);

    private final int tier;

    CandidateStatus(int tier) {
        this.tier = tier;
    }

    /** Lower is better; statuses of one tier are ranked by connection security and source first. */
    public int tier() {
        return tier;
    }

    /** Whether a server answered on this candidate (the candidate can be offered as the settings to use). */
    public boolean serverAnswered() {
        return tier <= 2;
    }

    /** Whether the settings were shown to work end to end (sign-in or sender accepted). */
    public boolean works() {
        return this == WORKS_WITH_SIGN_IN || this == WORKS_WITHOUT_SIGN_IN;
    }
}
