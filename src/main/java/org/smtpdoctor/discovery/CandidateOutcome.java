package org.smtpdoctor.discovery;

import java.util.Objects;
import java.util.Optional;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.settings.AccountSettings;

/**
 * What trying one candidate showed, with the probe results as evidence.
 *
 * @param status       how far it got
 * @param reason       why it failed, its sign-in failed or it was stopped; empty when it works or is reachable
 * @param settings     the settings to enter for this candidate (its host name, never an address it was probed on;
 *                     the sign-in name and method when sign-in was tested; no secret)
 * @param connection   the connection test (no credentials), when it ran
 * @param signIn       the sign-in check (credentials and sender), when it ran
 * @param signInTested whether the user's credentials were really tried on this candidate
 * @param elapsedMs    from the start of its connection test to its final outcome
 */
public record CandidateOutcome(
        Candidate candidate,
        CandidateStatus status,
        Optional<FailureKind> reason,
        AccountSettings settings,
        Optional<ProbeResult> connection,
        Optional<ProbeResult> signIn,
        boolean signInTested,
        long elapsedMs) {

    public CandidateOutcome {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(status, "status");
        settings = settings.withoutSecret();
    }

    public CandidateSource source() {
        return candidate.source();
    }

    /**
     * Whether the server answered but something on the way hid its offer of encryption: STARTTLS was not offered,
     * and the extension list shows a masked line where STARTTLS belongs (a firewall's mail inspection).
     */
    public boolean encryptionHiddenOnTheWay() {
        return reason.filter(r -> r == FailureKind.STARTTLS_NOT_OFFERED).isPresent()
                && result().map(r -> r.capabilities().startTlsMasked()).orElse(false);
    }

    /** The decisive probe: the sign-in check when it ran, else the connection test. */
    public Optional<ProbeResult> result() {
        return signIn.isPresent() ? signIn : connection;
    }
}
