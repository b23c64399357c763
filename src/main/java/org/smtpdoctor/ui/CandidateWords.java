package org.smtpdoctor.ui;

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
        switch (c.source()) {
            case USER:
                return texts.get("find.source.user");
            case PRESET:
                return texts.get("find.source.preset");
            case AUTOCONFIG:
                return texts.get("find.source.autoconfig");
            case ISPDB:
                return texts.get("find.source.ispdb");
            case SRV:
                return texts.get("find.source.srv");
            case MX:
                return texts.get("find.source.mx");
            case MX_HOST:
                return texts.get("find.source.mxHost");
            default:
                return texts.get("find.source.guess");
        }
    }

    static CandidateLine.State stateOf(CandidateOutcome o) {
        switch (o.status()) {
            case WORKS_WITH_SIGN_IN:
            case WORKS_WITHOUT_SIGN_IN:
                return CandidateLine.State.WORKS;
            case REACHABLE:
            case NEEDS_CONFIRMATION:
                return CandidateLine.State.ANSWERS;
            case SIGN_IN_FAILED:
                return CandidateLine.State.REFUSED;
            case CANCELLED:
                return CandidateLine.State.STOPPED;
            default:
                return CandidateLine.State.FAILED;
        }
    }

    /**
     * The status in plain words; "works" only when the sign-in (or the sender, with no sign-in) was accepted.
     *
     * @param userStopped the user stopped the search (else a candidate not finished was simply not needed)
     */
    String status(CandidateOutcome o, boolean userStopped) {
        FailureKind reason = o.reason().orElse(FailureKind.INTERNAL_ERROR);
        switch (o.status()) {
            case WORKS_WITH_SIGN_IN:
                return texts.get("find.status.works");
            case WORKS_WITHOUT_SIGN_IN:
                return texts.get("find.status.worksWithoutSignIn");
            case REACHABLE:
                return texts.get("find.status.answers");
            case NEEDS_CONFIRMATION:
                return texts.get("find.status.needsConfirmation");
            case SIGN_IN_FAILED:
                return reason == FailureKind.SERVER_REJECTED ? texts.get("find.status.senderRefused")
                        : texts.get("find.status.signInRefused");
            case CANCELLED:
                return userStopped ? texts.get("find.status.stopped") : texts.get("find.status.notNeeded");
            default:
                return failedText(reason);
        }
    }

    private String failedText(FailureKind reason) {
        switch (reason) {
            case UNKNOWN_HOST:
                return texts.get("find.status.unknownHost");
            case CONNECTION_REFUSED:
            case CONNECT_TIMEOUT:
            case NETWORK_UNREACHABLE:
            case NO_GREETING:
            case READ_TIMEOUT:
            case CONNECTION_CLOSED:
            case CONNECTION_RESET:
                return texts.get("find.status.noAnswer");
            case PLAINTEXT_WHERE_TLS_EXPECTED:
            case TLS_WHERE_PLAINTEXT_EXPECTED:
            case CERT_UNTRUSTED:
            case CERT_EXPIRED:
            case CERT_NOT_YET_VALID:
            case CERT_HOST_MISMATCH:
            case TLS_NO_COMMON_PROTOCOL:
            case TLS_FAILED:
            case STARTTLS_NOT_OFFERED:
            case STARTTLS_REFUSED:
                return texts.get("find.status.securityFails");
            case NOT_SMTP:
                return texts.get("find.status.notSmtp");
            default:
                return texts.get("find.status.failed");
        }
    }
}
