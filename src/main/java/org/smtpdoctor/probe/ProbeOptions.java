package org.smtpdoctor.probe;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a probe runs. Every network wait is bounded: Jakarta Mail's own defaults are infinite.
 *
 * @param connectTimeout       TCP connect (default 10 s)
 * @param readTimeout          waiting for any one reply (default 15 s)
 * @param greetingWait         how long a silent port may stay silent before a TLS handshake is tried on a second
 *                             connection to find out whether it is an implicit-TLS port (default 1 s)
 * @param sendTestMessage      run DATA with a short, clearly labelled test message to the recipient
 * @param allowPlaintextAuth   send credentials over an unencrypted connection (off: the probe stops before AUTH
 *                             and says so)
 * @param trustedCertificates  certificates to trust in addition to the JDK trust store (e.g. a company CA)
 * @param ehloName             the name sent in EHLO/HELO; the machine's name is never leaked
 * @param pinnedCertificates   server certificates the user chose to trust for this test by their SHA-256
 *                             fingerprint, whatever their issuer, names or dates (a mail program's "accept this
 *                             certificate")
 * @param relayCheck           without sign-in and without a recipient, try one recipient at a reserved domain of
 *                             another owner to see whether the server passes mail on without sign-in (nothing is
 *                             sent); for the check of the settings a user typed, not for side checks
 */
public record ProbeOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration greetingWait,
        boolean sendTestMessage,
        boolean allowPlaintextAuth,
        List<X509Certificate> trustedCertificates,
        String ehloName,
        List<CertificatePin> pinnedCertificates,
        boolean relayCheck) {

    public static final String DEFAULT_EHLO_NAME = "smtp-doctor.localhost";

    public ProbeOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(greetingWait, "greetingWait");
        trustedCertificates = List.copyOf(trustedCertificates);
        pinnedCertificates = pinnedCertificates == null ? List.of() : List.copyOf(pinnedCertificates);
        ehloName = ehloName == null || ehloName.isBlank() ? DEFAULT_EHLO_NAME : ehloName;
    }

    public static ProbeOptions defaults() {
        return new ProbeOptions(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(1),
                false, false, List.of(), DEFAULT_EHLO_NAME, List.of(), false);
    }

    public ProbeOptions withTimeouts(Duration connect, Duration read) {
        return new ProbeOptions(connect, read, greetingWait, sendTestMessage, allowPlaintextAuth,
                trustedCertificates, ehloName, pinnedCertificates, relayCheck);
    }

    public ProbeOptions withGreetingWait(Duration wait) {
        return new ProbeOptions(connectTimeout, readTimeout, wait, sendTestMessage, allowPlaintextAuth,
                trustedCertificates, ehloName, pinnedCertificates, relayCheck);
    }

    public ProbeOptions withSendTestMessage(boolean send) {
        return new ProbeOptions(connectTimeout, readTimeout, greetingWait, send, allowPlaintextAuth,
                trustedCertificates, ehloName, pinnedCertificates, relayCheck);
    }

    public ProbeOptions withAllowPlaintextAuth(boolean allow) {
        return new ProbeOptions(connectTimeout, readTimeout, greetingWait, sendTestMessage, allow,
                trustedCertificates, ehloName, pinnedCertificates, relayCheck);
    }

    public ProbeOptions withTrustedCertificates(List<X509Certificate> certificates) {
        return new ProbeOptions(connectTimeout, readTimeout, greetingWait, sendTestMessage, allowPlaintextAuth,
                certificates, ehloName, pinnedCertificates, relayCheck);
    }

    public ProbeOptions withPinnedCertificates(List<CertificatePin> pins) {
        return new ProbeOptions(connectTimeout, readTimeout, greetingWait, sendTestMessage, allowPlaintextAuth,
                trustedCertificates, ehloName, pins, relayCheck);
    }

    public ProbeOptions withRelayCheck(boolean check) {
        return new ProbeOptions(connectTimeout, readTimeout, greetingWait, sendTestMessage, allowPlaintextAuth,
                trustedCertificates, ehloName, pinnedCertificates, check);
    }
}
