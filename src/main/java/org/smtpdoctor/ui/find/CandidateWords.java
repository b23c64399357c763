package org.smtpdoctor.ui.find;

import org.smtpdoctor.discovery.Candidate;
import org.smtpdoctor.discovery.CandidateOutcome;
import org.smtpdoctor.discovery.CandidateSource;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.FailureKind;

/**
 * How the find page words a candidate: where it came from, how far it got (never "works" unless its sign-in or
 * sender was accepted), and the row's state for its glyph and colour.
 */
final class CandidateWords {

    private final Messages texts;

    CandidateWords(Messages texts) {
        this.texts = texts;
    }

    /** Where a candidate came from, in words; the user's server name with another port says so. */
    String source(Candidate c, String currentHost) {
        if (c.source() == CandidateSource.GUESS && c.host().equalsIgnoreCase(currentHost)) {
            return texts.get("find.source.userHost");
        }
        return switch (c.source()) {
            case USER -> texts.get("find.source.user");
            case PRESET -> texts.get("find.source.preset");
            case AUTOCONFIG -> texts.get("find.source.autoconfig");
            case ISPDB -> texts.get("find.source.ispdb");
            case SRV -> texts.get("find.source.srv");
            case MX -> texts.get("find.source.mx");
            case MX_HOST -> texts.get("find.source.mxHost");
            case GUESS -> texts.get("find.source.guess");
        };
    }

    static CandidateLine.State stateOf(CandidateOutcome o) {
        return switch (o.status()) {
            case WORKS_WITH_SIGN_IN, WORKS_WITHOUT_SIGN_IN -> CandidateLine.State.WORKS;
            case REACHABLE, NEEDS_CONFIRMATION -> CandidateLine.State.ANSWERS;
            case SIGN_IN_FAILED -> CandidateLine.State.REFUSED;
            case CANCELLED -> CandidateLine.State.STOPPED;
            case FAILED -> CandidateLine.State.FAILED;
        };
    }

    /**
     * The status in plain words; "works" only when the sign-in (or the sender, with no sign-in) was accepted.
     *
     * @param userStopped the user stopped the search (else a candidate not finished was simply not needed)
     */
    String status(CandidateOutcome o, boolean userStopped) {
        FailureKind reason = o.reason().orElse(FailureKind.INTERNAL_ERROR);
        return switch (o.status()) {
            case WORKS_WITH_SIGN_IN -> texts.get("find.status.works");
            case WORKS_WITHOUT_SIGN_IN -> texts.get("find.status.worksWithoutSignIn");
            case REACHABLE -> texts.get("find.status.answers");
            case NEEDS_CONFIRMATION -> texts.get("find.status.needsConfirmation");
            case SIGN_IN_FAILED -> reason == FailureKind.SERVER_REJECTED ? texts.get("find.status.senderRefused")
                    : texts.get("find.status.signInRefused");
            case CANCELLED -> userStopped ? texts.get("find.status.stopped") : texts.get("find.status.notNeeded");
            case FAILED -> o.encryptionHiddenOnTheWay() ? texts.get("find.status.encryptionHidden")
                    : failedText(reason);
        };
    }

    private String failedText(FailureKind reason) {
        return switch (reason) {
            case UNKNOWN_HOST -> texts.get("find.status.unknownHost");
            case DNS_UNAVAILABLE -> texts.get("find.status.dnsUnavailable");
            case CONNECTION_REFUSED, CONNECT_TIMEOUT, NETWORK_UNREACHABLE, NO_GREETING, READ_TIMEOUT, CONNECTION_CLOSED,
                    CONNECTION_RESET -> texts.get("find.status.noAnswer");
            case PLAINTEXT_WHERE_TLS_EXPECTED, TLS_WHERE_PLAINTEXT_EXPECTED, CERT_UNTRUSTED, CERT_EXPIRED,
                    CERT_NOT_YET_VALID, CERT_HOST_MISMATCH, TLS_NO_COMMON_PROTOCOL, TLS_FAILED, STARTTLS_NOT_OFFERED,
                    STARTTLS_REFUSED -> texts.get("find.status.securityFails");
            case NOT_SMTP -> texts.get("find.status.notSmtp");
            case INVALID_INPUT, AUTH_ONLY_AFTER_TLS, TLS_REQUIRED_BY_SERVER, AUTH_NOT_OFFERED, AUTH_NO_COMMON_MECHANISM,
                    PLAINTEXT_AUTH_BLOCKED, AUTH_REJECTED, SERVER_REJECTED, ENDLESS_REPLY, SMTPUTF8_NOT_OFFERED,
                    PROTOCOL_ERROR, SERVER_MISBEHAVED, CANCELLED, INTERNAL_ERROR -> texts.get("find.status.failed");
        };
    }
}
