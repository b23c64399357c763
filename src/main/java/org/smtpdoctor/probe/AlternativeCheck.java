package org.smtpdoctor.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;

/**
 * One standard alternative to settings that failed (the same server on its submission port with STARTTLS, or on
 * its implicit-TLS port), tried just now without any credential: what it did.
 *
 * <p>Why it exists: advice to move to another port or connection security is given only when that alternative was
 * seen to answer; otherwise the advice says it could not be verified.
 *
 * @param settings  host, port and security that were tried (no sign-in, no secret)
 * @param answer    what the server did there
 * @param failure   why it did not answer as SMTP with working security, when it did not
 * @param offered   what EHLO offered (inside TLS when the connection was encrypted)
 * @param result    the connection test itself, when it ran
 * @param elapsedMs from its start to its outcome
 */
public record AlternativeCheck(
        AccountSettings settings,
        Answer answer,
        Optional<FailureKind> failure,
        Capabilities offered,
        Optional<ProbeResult> result,
        long elapsedMs) {

    /** What the alternative did, in the order of how useful it is. */
    public enum Answer {
        /** An SMTP server answered and the connection security worked. */
        ANSWERS,
        /** An SMTP server answered but the connection security failed (certificate, TLS, no STARTTLS). */
        SECURITY_FAILED,
        /** The connection was refused: nothing listens there. */
        REFUSED,
        /** No answer in time (filtered port, black hole, no greeting). */
        SILENT,
        /** Something other than SMTP answers there. */
        NOT_SMTP,
        /** Another failure; {@link AlternativeCheck#failure()} says which. */
        FAILED,
        /** Not finished within the time allowed, or cancelled. */
        NOT_FINISHED
    }

    public AlternativeCheck {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(answer, "answer");
        settings = settings.withoutSecret();
        failure = failure == null ? Optional.empty() : failure;
        offered = offered == null ? Capabilities.NONE : offered;
        result = result == null ? Optional.empty() : result;
    }

    public int port() {
        return settings.port();
    }

    public Security security() {
        return settings.security();
    }

    public boolean answers() {
        return answer == Answer.ANSWERS;
    }

    /**
     * Whether the connection was made and its encryption handshake then stalled ({@link
     * ProbeResult#tlsHandshakeStalled()}). With SSL/TLS the handshake is the first thing said, so a port that accepted
     * the connection and then stayed silent ({@code NO_GREETING}: the search names a connection silent only once it
     * was made) stalled the same way.
     */
    public boolean tlsStartStalled() {
        return result.map(ProbeResult::tlsHandshakeStalled).orElse(false)
                || security() == Security.SSL_TLS && failure.orElse(null) == FailureKind.NO_GREETING;
    }

    public boolean offersStartTls() {
        return offered.startTls() || result.flatMap(ProbeResult::capabilitiesAfterTls).isPresent();
    }

    public boolean offersAuth() {
        return offered.auth();
    }

    public List<String> authMechanisms() {
        return offered.authMechanisms();
    }

    /** How a connection test's failure reads as an answer. */
    public static Answer answerFor(FailureKind kind) {
        return switch (kind) {
            case CONNECTION_REFUSED -> Answer.REFUSED;
            case CONNECT_TIMEOUT, NO_GREETING, READ_TIMEOUT, NETWORK_UNREACHABLE -> Answer.SILENT;
            case NOT_SMTP -> Answer.NOT_SMTP;
            case PLAINTEXT_WHERE_TLS_EXPECTED, TLS_WHERE_PLAINTEXT_EXPECTED, CERT_UNTRUSTED, CERT_EXPIRED,
                    CERT_NOT_YET_VALID, CERT_HOST_MISMATCH, TLS_NO_COMMON_PROTOCOL, TLS_FAILED, STARTTLS_NOT_OFFERED,
                    STARTTLS_REFUSED -> Answer.SECURITY_FAILED;
            case CANCELLED -> Answer.NOT_FINISHED;
            default -> Answer.FAILED;
        };
    }

}
