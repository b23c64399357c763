package org.smtpdoctor.probe;

/**
 * Why a probe stopped, classified by phase, exception type and reply code (never by message text).
 *
 * <p>The diagnosis rules match on these; the names are stable (JSON uses lower_snake_case).
 */
public enum FailureKind {
    /** The settings could not be used at all (validation error). */
    INVALID_INPUT,
    /** The server name does not resolve: the DNS answered that it has no address. */
    UNKNOWN_HOST,
    /**
     * The DNS could not answer for the server name (no answer in time, SERVFAIL, refused): the name may well exist,
     * so it is the network's name service that fails, not the setting.
     */
    DNS_UNAVAILABLE,
    /** The host answered the connection attempt with a refusal (nothing listens on the port). */
    CONNECTION_REFUSED,
    /** No answer to the connection attempt within the connect timeout (filtered port, black hole). */
    CONNECT_TIMEOUT,
    /** No route to the host or the network is down. */
    NETWORK_UNREACHABLE,
    /** Connected, but no greeting and no TLS either, within the greeting wait and read timeout. */
    NO_GREETING,
    /** SSL/TLS was chosen but the server greeted in plain text (a STARTTLS or plain port). */
    PLAINTEXT_WHERE_TLS_EXPECTED,
    /** Plain text or STARTTLS was chosen but the port stays silent and speaks TLS (an implicit-TLS port). */
    TLS_WHERE_PLAINTEXT_EXPECTED,
    CERT_UNTRUSTED,
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    /** The certificate is valid but not for the server name used; {@code TlsInfo.validNames} says for which. */
    CERT_HOST_MISMATCH,
    /** No TLS protocol version or cipher suite both sides accept. */
    TLS_NO_COMMON_PROTOCOL,
    /** Another TLS failure. */
    TLS_FAILED,
    /** STARTTLS was chosen but the server does not offer it. */
    STARTTLS_NOT_OFFERED,
    /** The server answered STARTTLS with a refusal (e.g. 454). */
    STARTTLS_REFUSED,
    /** Sign-in is offered only after STARTTLS, and the connection was not encrypted. */
    AUTH_ONLY_AFTER_TLS,
    /** The server wants an encrypted connection before sign-in (530 5.7.0 Must issue a STARTTLS command first). */
    TLS_REQUIRED_BY_SERVER,
    /** Sign-in was asked for but the server offers no AUTH at all. */
    AUTH_NOT_OFFERED,
    /** The server's AUTH mechanisms and the chosen method have nothing in common. */
    AUTH_NO_COMMON_MECHANISM,
    /**
     * Sign-in was asked for on an unencrypted connection and the probe did not send the credentials in clear
     * (allowed only with {@code ProbeOptions.allowPlaintextAuth}).
     */
    PLAINTEXT_AUTH_BLOCKED,
    /** The server rejected the credentials (535, 534, 454 ...); the reply says more. */
    AUTH_REJECTED,
    /** The server refused a command with a 4xx/5xx reply in the phase given (greeting, MAIL FROM, RCPT TO ...). */
    SERVER_REJECTED,
    /** The server closed the connection in the phase given. */
    CONNECTION_CLOSED,
    /** The connection was reset in the phase given. */
    CONNECTION_RESET,
    /** The server stopped answering mid-session (read timeout) in the phase given. */
    READ_TIMEOUT,
    /** Something other than SMTP answers on the port; {@code ProbeResult.otherService} says what. */
    NOT_SMTP,
    /**
     * The server sent an endless reply: it crossed one of the {@link Limits} (a reply line or a reply too long, more
     * data than any SMTP dialogue needs, or sign-in challenges without end). A broken or hostile server.
     */
    ENDLESS_REPLY,
    /**
     * The sender or recipient address has characters beyond ASCII, and the server does not offer SMTPUTF8 (RFC 6531),
     * so the probe did not send it.
     */
    SMTPUTF8_NOT_OFFERED,
    /** A reply the client could not parse as SMTP. */
    PROTOCOL_ERROR,
    /**
     * The server answered in a way SMTP does not allow, e.g. "235 sign-in accepted" before any credential was sent,
     * or a positive reply no command can have: a broken or hostile server, never "works".
     */
    SERVER_MISBEHAVED,
    /** The user cancelled. */
    CANCELLED,
    /** An unexpected failure of the probe itself. */
    INTERNAL_ERROR;

    /**
     * The phase this failure usually shows in: where a test probe or a pasted error with this kind stops, when
     * nothing says otherwise.
     */
    public Phase usualPhase() {
        return switch (this) {
            case INVALID_INPUT -> Phase.INPUT;
            case UNKNOWN_HOST, DNS_UNAVAILABLE -> Phase.DNS;
            case CONNECTION_REFUSED, CONNECT_TIMEOUT, NETWORK_UNREACHABLE -> Phase.CONNECT;
            case CERT_UNTRUSTED, CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_HOST_MISMATCH, TLS_NO_COMMON_PROTOCOL,
                    TLS_FAILED, PLAINTEXT_WHERE_TLS_EXPECTED -> Phase.TLS_HANDSHAKE;
            case STARTTLS_NOT_OFFERED, STARTTLS_REFUSED -> Phase.STARTTLS;
            case AUTH_ONLY_AFTER_TLS, TLS_REQUIRED_BY_SERVER, AUTH_NOT_OFFERED, AUTH_NO_COMMON_MECHANISM,
                    PLAINTEXT_AUTH_BLOCKED, AUTH_REJECTED, SERVER_MISBEHAVED -> Phase.AUTH;
            case SERVER_REJECTED, CONNECTION_CLOSED, SMTPUTF8_NOT_OFFERED -> Phase.MAIL_FROM;
            case ENDLESS_REPLY -> Phase.EHLO;
            case NO_GREETING, TLS_WHERE_PLAINTEXT_EXPECTED, CONNECTION_RESET, READ_TIMEOUT, NOT_SMTP, PROTOCOL_ERROR,
                    CANCELLED, INTERNAL_ERROR -> Phase.GREETING;
        };
    }
}
