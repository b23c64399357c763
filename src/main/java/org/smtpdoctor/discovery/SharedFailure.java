package org.smtpdoctor.discovery;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.settings.Security;

/**
 * The one reason every candidate failed for, when there is one: then the answer names it ("the names do not
 * resolve", "this network blocks the mail ports", "the password is refused everywhere") instead of a list of
 * failures the user has to read as a whole.
 */
public enum SharedFailure {
    /** No candidate's server name resolved: DNS (the domain, a typo, or the resolver) is the problem. */
    DNS,
    /** The names resolved, but no connection to any mail port was answered: a firewall or the network blocks them. */
    NETWORK,
    /**
     * The names resolved; every port either did not answer or answered with its offer of encryption hidden on the
     * way (a firewall's mail inspection), at least one of them so: the firewall, not the server, is the problem.
     */
    ENCRYPTION_HIDDEN,
    /** Servers answered, and every one that was asked refused the sign-in: the password (or app password). */
    PASSWORD,
    /**
     * The names resolved and the ports took the connection, but every encrypted connection stalled when the server
     * was to send its certificate: the network loses large packets (a VPN or a DSL line whose packet size is wrong).
     */
    STALLED;

    /** No address: the name does not exist, or the DNS could not answer for it. */
    private static final Set<FailureKind> NO_ADDRESS = EnumSet.of(FailureKind.UNKNOWN_HOST,
            FailureKind.DNS_UNAVAILABLE);
    private static final Set<FailureKind> NO_CONNECTION = EnumSet.of(FailureKind.CONNECTION_REFUSED,
            FailureKind.CONNECT_TIMEOUT, FailureKind.NETWORK_UNREACHABLE, FailureKind.NO_GREETING);

    /** The shared reason of a search that found nothing working; empty when it found something or reasons differ. */
    public static Optional<SharedFailure> of(FindResult result) {
        if (result.found() || result.cancelled()) {
            return Optional.empty();
        }
        List<CandidateOutcome> finished = result.ranked().stream()
                .filter(o -> o.status() != CandidateStatus.CANCELLED).toList();
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        if (finished.stream().allMatch(o -> NO_ADDRESS.contains(reason(o)))) {
            return Optional.of(DNS);
        }
        List<CandidateOutcome> resolved = finished.stream()
                .filter(o -> !NO_ADDRESS.contains(reason(o))).toList();
        if (resolved.stream().allMatch(o -> o.status() == CandidateStatus.FAILED
                && NO_CONNECTION.contains(reason(o)))) {
            return Optional.of(NETWORK);
        }
        if (resolved.stream().anyMatch(CandidateOutcome::encryptionHiddenOnTheWay)
                && resolved.stream().allMatch(o -> o.encryptionHiddenOnTheWay() || o.status() == CandidateStatus.FAILED
                        && NO_CONNECTION.contains(reason(o)))) {
            return Optional.of(ENCRYPTION_HIDDEN);
        }
        if (resolved.stream().anyMatch(SharedFailure::handshakeStalled) && resolved.stream()
                .allMatch(o -> o.status() == CandidateStatus.FAILED && (handshakeStalled(o) || silentTlsStart(o)))) {
            return Optional.of(STALLED);
        }
        List<CandidateOutcome> asked = finished.stream().filter(CandidateOutcome::signInTested).toList();
        if (!asked.isEmpty() && asked.stream().allMatch(o -> o.status() == CandidateStatus.SIGN_IN_FAILED
                && reason(o) == FailureKind.AUTH_REJECTED)) {
            return Optional.of(PASSWORD);
        }
        return Optional.empty();
    }

    /** The connection and the plain-text start worked, then the encryption handshake got no answer. */
    private static boolean handshakeStalled(CandidateOutcome o) {
        return o.connection().map(ProbeResult::tlsHandshakeStalled).orElse(false);
    }

    /** SSL/TLS, connected, then nothing: with SSL/TLS the handshake is the first thing said, so the same stall. */
    private static boolean silentTlsStart(CandidateOutcome o) {
        return o.settings().security() == Security.SSL_TLS && reason(o) == FailureKind.NO_GREETING;
    }

    private static FailureKind reason(CandidateOutcome o) {
        return o.reason().orElse(null);
    }

    /** The message key in the discovery bundle: {@code discovery.shared.dns} ... */
    public String key() {
        return "discovery.shared." + name().toLowerCase(Locale.ROOT);
    }
}
