package org.smtpdoctor.probe;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.smtpdoctor.settings.AccountSettings;

/**
 * What the parts of one probe share: what it was asked to try, where it records, its sockets, and the facts it has
 * learned so far (capabilities, TLS, how the session ended). One per probe, used on the probing thread; the fields
 * are plain mutable state of that one run, not an API.
 */
final class ProbeContext {

    final AccountSettings settings;
    final ProbeOptions options;
    final Connections connections;
    final Redactor redactor;
    final Recorder rec;

    final List<String> resolved = new ArrayList<>();
    Capabilities capabilities = Capabilities.NONE;
    Capabilities capabilitiesAfterTls;
    TlsInfo tlsInfo;
    /** The service a non-SMTP greeting belongs to. */
    OtherService nonSmtpGreeting;
    String greetingLine = "";
    /** The phase in which the server closed the connection, when it did. */
    Phase eofPhase;
    boolean inTls;
    boolean startTlsDone;
    boolean authSent;
    /** The mechanism named in the last AUTH command. */
    String authMechanismTried;
    /** A credential (initial response or SASL response) went out in the current AUTH exchange. */
    boolean credentialSent;
    /** The mechanism the server accepted the sign-in with (235 after credentials). */
    String authMechanism;
    /** The server answered AUTH with 235 before any credential was sent. */
    boolean acceptedBeforeCredentials;
    /** Angus's connect() returned: the session is open. */
    boolean sessionOpen;
    /** Commands go out without changing the recorded steps (the polite QUIT after a failure). */
    boolean quiet;
    /** Lines of the test message are being sent after DATA. */
    boolean dataMode;
    /** SASL challenges answered in this sign-in. */
    int saslRoundTrips;
    /** The server crossed a limit: kept here because Angus's SASL path swallows the exception that said so. */
    ProbeStop limitStop;

    Socket plainSocket;
    SSLSocket tlsSocket;
    ProbeSocketFactory tlsFactory;
    PortSniffer sniffer;
    ProbeTransport transport;

    ProbeContext(AccountSettings settings, ProbeOptions options, Connections connections, Redactor redactor,
            Recorder rec) {
        this.settings = settings;
        this.options = options;
        this.connections = connections;
        this.redactor = redactor;
        this.rec = rec;
    }

    void checkCancelled() throws ProbeStop {
        if (connections.isCancelled()) {
            throw new ProbeStop(FailureKind.CANCELLED, rec.current(), "cancelled");
        }
    }

    /** A TLS socket was made (implicit TLS or after STARTTLS); the handshake comes next. */
    void tlsSocketCreated(SSLSocket s) {
        connections.register(s);
        tlsSocket = s;
        if (!quiet) {
            rec.enter(Phase.TLS_HANDSHAKE, "TLS handshake with " + settings.endpoint());
        }
    }

    /** The handshake finished: from now on lines travel inside TLS. */
    void tlsStarted() {
        inTls = true;
        rec.tls(true);
        tlsInfo = tlsFactory.trustManager().info(tlsSocket.getSession());
        rec.info("TLS started: " + tlsInfo.protocol() + ", " + tlsInfo.cipherSuite());
        rec.note(tlsInfo.protocol() + " " + tlsInfo.cipherSuite());
    }

    /** Whatever the trust manager saw, when the handshake failed after the server showed its certificate. */
    void keepFailedTlsFacts() {
        if (tlsInfo == null && tlsFactory != null && tlsFactory.trustManager().called()) {
            tlsInfo = tlsFactory.trustManager().info(null);
        }
    }
}
