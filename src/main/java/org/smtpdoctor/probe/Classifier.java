package org.smtpdoctor.probe;

import jakarta.mail.AuthenticationFailedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why a probe stopped, decided by the phase, the exception types in the cause chain and the reply code, in a fixed
 * order of precedence. Exception message texts are never read.
 */
final class Classifier {

    /** What the probe knew when the failure surfaced. */
    record Facts(
            Phase phase,
            boolean cancelled,
            boolean watchdogFired,
            Phase eofPhase,
            OtherService nonSmtpGreeting,
            boolean certificateSeen,
            boolean authSent,
            boolean startTlsAccepted,
            Optional<Reply> lastReply) {
    }

    /** The classification: kind, the phase it belongs to, and the other service when {@code NOT_SMTP}. */
    record Verdict(FailureKind kind, Phase phase, OtherService otherService) {
        Verdict(FailureKind kind, Phase phase) {
            this(kind, phase, null);
        }
    }

    private Classifier() {
    }

    static Verdict classify(Throwable t, Facts f) {
        Phase phase = f.phase();
        if (f.cancelled()) {
            return new Verdict(FailureKind.CANCELLED, phase);
        }
        ProbeStop stop = ProbeStop.find(t);
        if (stop != null) {
            return new Verdict(stop.kind(), stop.phase(), stop.otherService());
        }
        if (Causes.has(t, LimitExceededException.class)) {
            return new Verdict(FailureKind.ENDLESS_REPLY, phase);
        }
        TlsCertificateException cert = Causes.find(t, TlsCertificateException.class);
        if (cert != null) {
            return new Verdict(cert.kind(), Phase.TLS_HANDSHAKE);
        }
        if (Causes.has(t, UnknownHostException.class)) {
            return new Verdict(FailureKind.UNKNOWN_HOST, Phase.DNS);
        }
        if (f.watchdogFired()) {
            return new Verdict(phase == Phase.CONNECT ? FailureKind.CONNECT_TIMEOUT : FailureKind.READ_TIMEOUT, phase);
        }
        if (phase == Phase.CONNECT || phase == Phase.DNS) {
            return connectFailure(t, phase);
        }
        if (f.nonSmtpGreeting() != null) {
            return new Verdict(FailureKind.NOT_SMTP, Phase.GREETING, f.nonSmtpGreeting());
        }
        if (f.eofPhase() != null) {
            return new Verdict(FailureKind.CONNECTION_CLOSED, f.eofPhase());
        }
        if (phase == Phase.TLS_HANDSHAKE && Causes.has(t, SSLException.class)) {
            return handshakeFailure(t, f);
        }
        if (Causes.has(t, SocketTimeoutException.class)) {
            return new Verdict(phase == Phase.GREETING ? FailureKind.NO_GREETING : FailureKind.READ_TIMEOUT, phase);
        }
        if (Causes.has(t, EOFException.class)) {
            return new Verdict(FailureKind.CONNECTION_CLOSED, phase);
        }
        if (Causes.has(t, SocketException.class)) {
            return new Verdict(FailureKind.CONNECTION_RESET, phase);
        }
        if (Causes.has(t, SSLException.class)) {
            return new Verdict(FailureKind.TLS_FAILED, phase);
        }
        if (Causes.has(t, AuthenticationFailedException.class)) {
            return new Verdict(f.authSent() ? FailureKind.AUTH_REJECTED : FailureKind.AUTH_NO_COMMON_MECHANISM,
                    Phase.AUTH);
        }
        Optional<Reply> reply = f.lastReply();
        if (reply.isPresent() && reply.get().code() >= 400) {
            if (phase == Phase.STARTTLS) {
                return new Verdict(FailureKind.STARTTLS_REFUSED, phase);
            }
            if (phase == Phase.AUTH) {
                return new Verdict(FailureKind.AUTH_REJECTED, phase);
            }
            return new Verdict(FailureKind.SERVER_REJECTED, phase);
        }
        if (t instanceof jakarta.mail.MessagingException || t instanceof java.io.IOException) {
            return new Verdict(FailureKind.PROTOCOL_ERROR, phase);
        }
        return new Verdict(FailureKind.INTERNAL_ERROR, phase);
    }

    private static Verdict connectFailure(Throwable t, Phase phase) {
        if (Causes.has(t, SocketTimeoutException.class)) {
            return new Verdict(FailureKind.CONNECT_TIMEOUT, Phase.CONNECT);
        }
        if (Causes.has(t, NoRouteToHostException.class)) {
            return new Verdict(FailureKind.NETWORK_UNREACHABLE, Phase.CONNECT);
        }
        if (Causes.has(t, ConnectException.class)) {
            return new Verdict(FailureKind.CONNECTION_REFUSED, Phase.CONNECT);
        }
        if (Causes.has(t, SocketException.class)) {
            return new Verdict(FailureKind.NETWORK_UNREACHABLE, Phase.CONNECT);
        }
        return new Verdict(FailureKind.INTERNAL_ERROR, phase);
    }

    private static Verdict handshakeFailure(Throwable t, Facts f) {
        Phase p = Phase.TLS_HANDSHAKE;
        if (Causes.has(t, SocketTimeoutException.class)) {
            return new Verdict(FailureKind.READ_TIMEOUT, p);
        }
        if (Causes.has(t, EOFException.class)) {
            // after "220 Ready to start TLS" a hang-up on our ClientHello means it was not acceptable
            return new Verdict(f.startTlsAccepted() && !f.certificateSeen()
                    ? FailureKind.TLS_NO_COMMON_PROTOCOL : FailureKind.CONNECTION_CLOSED, p);
        }
        if (Causes.has(t, SocketException.class)) {
            return new Verdict(FailureKind.CONNECTION_RESET, p);
        }
        if (Causes.has(t, SSLHandshakeException.class) && !f.certificateSeen()) {
            // the peer spoke TLS (an alert or an unacceptable ServerHello) before any certificate: no common
            // protocol version or cipher suite
            return new Verdict(FailureKind.TLS_NO_COMMON_PROTOCOL, p);
        }
        return new Verdict(FailureKind.TLS_FAILED, p);
    }
}
