package org.smtpdoctor.probe;

import java.util.List;
import java.util.Optional;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;

/**
 * What happened when settings were tried against a server, step by step, with nothing secret in it.
 *
 * <p>A server's "no" is a result, not an exception: {@link #failure()} says why the probe stopped,
 * {@link #failedPhase()} where, and {@link #lastReply()} what the server said last.
 *
 * @param settings             the settings probed, without the secret
 * @param secretGiven          whether a password or token was supplied (it is not kept)
 * @param success              every phase the settings ask for succeeded
 * @param failure              why the probe stopped; empty on success
 * @param failedPhase          the phase that failed; empty on success
 * @param lastReply            the last reply the server sent (the one that failed, when a reply failed)
 * @param steps                each phase run, in order
 * @param resolvedAddresses    the addresses the host name resolved to
 * @param capabilities         EHLO extensions of the first (plain or implicit-TLS) session; when SSL/TLS met a
 *                             plain-text greeting, those of the plain session on a second connection
 * @param capabilitiesAfterTls EHLO extensions after STARTTLS
 * @param tls                  handshake facts, when a handshake was attempted
 * @param otherService         what answers on the port instead of SMTP, when {@link FailureKind#NOT_SMTP}
 * @param detail               a short technical English account of the failure (exception types, codes), redacted
 * @param transcript           the redacted conversation
 * @param totalMs              wall time of the whole probe
 * @param authMechanism        the SASL mechanism the server accepted the sign-in with ({@code PLAIN},
 *                             {@code CRAM-MD5} ...); empty when there was no successful sign-in
 */
public record ProbeResult(
        AccountSettings settings,
        boolean secretGiven,
        boolean success,
        Optional<FailureKind> failure,
        Optional<Phase> failedPhase,
        Optional<Reply> lastReply,
        List<Step> steps,
        List<String> resolvedAddresses,
        Capabilities capabilities,
        Optional<Capabilities> capabilitiesAfterTls,
        Optional<TlsInfo> tls,
        Optional<OtherService> otherService,
        String detail,
        Transcript transcript,
        long totalMs,
        Optional<String> authMechanism) {

    public ProbeResult {
        steps = List.copyOf(steps);
        resolvedAddresses = List.copyOf(resolvedAddresses);
        detail = detail == null ? "" : detail;
        authMechanism = authMechanism == null ? Optional.empty() : authMechanism;
    }

    /** A result without a successful sign-in mechanism (no sign-in, or it failed). */
    public ProbeResult(AccountSettings settings, boolean secretGiven, boolean success, Optional<FailureKind> failure,
            Optional<Phase> failedPhase, Optional<Reply> lastReply, List<Step> steps, List<String> resolvedAddresses,
            Capabilities capabilities, Optional<Capabilities> capabilitiesAfterTls, Optional<TlsInfo> tls,
            Optional<OtherService> otherService, String detail, Transcript transcript, long totalMs) {
        this(settings, secretGiven, success, failure, failedPhase, lastReply, steps, resolvedAddresses, capabilities,
                capabilitiesAfterTls, tls, otherService, detail, transcript, totalMs, Optional.empty());
    }

    /** The last phase that was started. */
    public Phase phaseReached() {
        return steps.isEmpty() ? Phase.INPUT : steps.get(steps.size() - 1).phase();
    }

    public Optional<Step> step(Phase phase) {
        return steps.stream().filter(s -> s.phase() == phase).reduce((a, b) -> b);
    }

    /** Whether the phase ran and succeeded. */
    /**
     * The recipient the probe tried: the one given, else, when the recipient step ran without one, the relay check's
     * address at a reserved domain (see {@link ProbeOptions#relayCheck()}); empty when no recipient was tried.
     */
    public Optional<String> recipientTried() {
        if (!settings.recipient().isEmpty()) {
            return Optional.of(settings.recipient());
        }
        return step(Phase.RCPT_TO).filter(s -> s.outcome() != StepOutcome.SKIPPED)
                .filter(s -> settings.sender().contains("@"))
                .map(s -> Smtp.relayCheckAddress(settings.sender()));
    }

    public boolean passed(Phase phase) {
        return step(phase).map(s -> s.outcome() == StepOutcome.OK || s.outcome() == StepOutcome.WARNING)
                .orElse(false);
    }

    /**
     * Whether the server spoke TLS, sent a certificate that was accepted, and then broke the connection off before
     * any SMTP reply came over the encrypted connection (an alert, a reset or a hang-up, whichever reaches the client
     * first). The connection security evidently matches the port; the server's own encryption is broken, or it wants
     * something no mail program has, such as a client certificate.
     */
    public boolean encryptionBrokenOffByServer() {
        boolean brokenOff = failure.map(k -> k == FailureKind.TLS_FAILED || k == FailureKind.CONNECTION_RESET
                || k == FailureKind.CONNECTION_CLOSED).orElse(false);
        boolean certificateAccepted = tls.map(t -> !t.chain().isEmpty() && t.trusted() && t.hostMatches())
                .orElse(false);
        boolean noReplyOverTls = settings.security() == Security.SSL_TLS
                ? !passed(Phase.GREETING)
                : passed(Phase.STARTTLS) && capabilitiesAfterTls.isEmpty();
        return brokenOff && certificateAccepted && noReplyOverTls;
    }

    /**
     * Whether the connection was made and the encryption handshake then stalled: no answer to it within the read
     * timeout. On a path that loses large packets (a VPN or a DSL line whose packet size is set wrong) the server's
     * certificate never arrives, while the short lines before it do.
     */
    public boolean tlsHandshakeStalled() {
        return failure.orElse(null) == FailureKind.READ_TIMEOUT
                && failedPhase.orElse(null) == Phase.TLS_HANDSHAKE;
    }

    /** The capabilities that applied when sign-in was attempted: after STARTTLS when there was one. */
    public Capabilities effectiveCapabilities() {
        return capabilitiesAfterTls.orElse(capabilities);
    }
}
