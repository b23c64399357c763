package org.smtpdoctor.discovery;

import java.util.List;
import java.util.Optional;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.probe.Transcript;
import org.smtpdoctor.settings.AccountSettings;

/**
 * One candidate's place in a {@link Search}: its state and what its probes showed so far. Plain fields, guarded by
 * the search's lock (the volatile ones are also read by probe and watchdog threads).
 */
final class SearchSlot {

    /** Waiting to start, testing the connection, waiting for a sign-in turn, signing in, finished. */
    enum State { WAITING, CONNECTING, AWAITING_SIGN_IN, SIGNING_IN, DONE }

    final int rank;
    final Candidate candidate;
    State state = State.WAITING;
    long startNanos;
    volatile ProbeSession session;
    volatile boolean stopRequested;
    volatile FailureKind watchdogReason;
    volatile String connectHost;
    volatile String dnsError = "";
    volatile String internalError = "";
    boolean senderCheckOnly;
    boolean signInTested;
    ProbeResult connection;
    ProbeResult signIn;
    CandidateOutcome outcome;

    SearchSlot(int rank, Candidate candidate) {
        this.rank = rank;
        this.candidate = candidate;
    }

    /** The result of a candidate whose name did not resolve: no probe ran. */
    static ProbeResult unknownHost(AccountSettings settings, String detail) {
        return new ProbeResult(settings, false, false, Optional.of(FailureKind.UNKNOWN_HOST), Optional.of(Phase.DNS),
                Optional.empty(), List.of(new Step(Phase.DNS, StepOutcome.FAILED, 0, Optional.empty(), detail)),
                List.of(), Capabilities.NONE, Optional.empty(), Optional.empty(), Optional.empty(), detail,
                Transcript.EMPTY, 0);
    }
}
