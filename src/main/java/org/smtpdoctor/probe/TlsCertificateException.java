package org.smtpdoctor.probe;

import java.security.cert.CertificateException;

/**
 * The probe's own verdict on a server certificate, thrown from its trust manager so that the handshake fails with
 * a cause whose type (and kind) says exactly what is wrong: expired, not yet valid, untrusted or for another host.
 */
final class TlsCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    TlsCertificateException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }
}
