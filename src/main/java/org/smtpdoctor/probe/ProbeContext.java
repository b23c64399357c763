package org.smtpdoctor.probe;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.smtpdoctor.settings.AccountSettings;

/**
 * What the parts of one probe share: what it was asked to try, where it records, its sockets, and the facts it has
 * learned so far (capabilities, TLS, sign-in, how the session ended). One per probe, used on the probing thread. The
 * facts are set through methods that say what happened, so each one has a single place that learns it.
 */
final class ProbeContext {

    /** The first line the server sent, and the other service it belongs to when it is not SMTP. */
    private record Greeting(String line, OtherService otherService) {
    }

    /** The open plain connection and the sniffer that can open second connections to the same address. */
    private record Line(Socket socket, PortSniffer sniffer) {
    }

    private final AccountSettings settings;
    private final ProbeOptions options;
    private final Connections connections;
    private final Redactor redactor;
    private final Recorder rec;

    private final List<String> resolved = new ArrayList<>();
    private Line line;
    private ProbeSocketFactory tlsFactory;
    private SSLSocket tlsSocket;
    private ProbeTransport transport;

    private Greeting greeting;
    private Capabilities capabilities = Capabilities.NONE;
    private Capabilities capabilitiesAfterTls;
    private TlsInfo tlsInfo;
    private boolean inTls;
    private boolean startTlsDone;
    /** The phase in which the server closed the connection, when it did. */
    private Phase closedIn;
    /** Angus's connect() returned: the session is open. */
    private boolean sessionOpen;
    /** Commands go out without changing the recorded steps (the polite QUIT after a failure). */
    private boolean quiet;
    /** Lines of the test message are being sent after DATA. */
    private boolean sendingData;

    private boolean authSent;
    /** The mechanism named in the last AUTH command. */
    private String mechanismTried = "";
    /** A credential (initial response or SASL response) went out in the current AUTH exchange. */
    private boolean credentialSent;
    /** The mechanism the server accepted the sign-in with (235 after credentials). */
    private String acceptedMechanism;
    /** The server answered AUTH with 235 before any credential was sent. */
    private boolean acceptedBeforeCredentials;
    /** SASL challenges answered in this sign-in. */
    private int saslRoundTrips;
    /** The server crossed a limit: kept here because Angus's SASL path swallows the exception that said so. */
    private ProbeStop limitStop;

    ProbeContext(AccountSettings settings, ProbeOptions options, Connections connections, Redactor redactor,
            Recorder rec) {
        this.settings = settings;
        this.options = options;
        this.connections = connections;
        this.redactor = redactor;
        this.rec = rec;
    }

    AccountSettings settings() {
        return settings;
    }

    ProbeOptions options() {
        return options;
    }

    Connections connections() {
        return connections;
    }

    Redactor redactor() {
        return redactor;
    }

    Recorder rec() {
        return rec;
    }

    void checkCancelled() throws ProbeStop {
        if (connections.isCancelled()) {
            throw new ProbeStop(FailureKind.CANCELLED, rec.current(), "cancelled");
        }
    }

    // ---------------------------------------------------------------- DNS, connection, sockets

    void resolvedTo(String address) {
        resolved.add(address);
    }

    List<String> resolved() {
        return List.copyOf(resolved);
    }

    /** The TCP connection is open; the sniffer opens second connections to the same address. */
    void connected(Socket socket, PortSniffer sniffer) {
        line = new Line(socket, sniffer);
    }

    Socket plainSocket() {
        return line.socket();
    }

    PortSniffer sniffer() {
        return line.sniffer();
    }

    /** The socket the SMTP session talks on: the TLS socket once implicit TLS is up, else the plain one. */
    Socket sessionSocket() {
        return inTls ? tlsSocket : line.socket();
    }

    void useTlsFactory(ProbeSocketFactory factory) {
        tlsFactory = factory;
    }

    ProbeSocketFactory tlsFactory() {
        return tlsFactory;
    }

    /** The server showed a certificate (the trust manager was asked), whether or not the handshake finished. */
    boolean certificateSeen() {
        return tlsFactory != null && tlsFactory.trustManager().called();
    }

    void sessionOpened(ProbeTransport opened) {
        transport = opened;
    }

    ProbeTransport transport() {
        return transport;
    }

    void markSessionOpen() {
        sessionOpen = true;
    }

    boolean sessionOpen() {
        return sessionOpen;
    }

    // ---------------------------------------------------------------- TLS

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

    /** STARTTLS and its handshake finished: EHLO answers from now on are the ones inside TLS. */
    void startTlsFinished() {
        startTlsDone = true;
        tlsStarted();
    }

    boolean inTls() {
        return inTls;
    }

    boolean startTlsDone() {
        return startTlsDone;
    }

    /** Whatever the trust manager saw, when the handshake failed after the server showed its certificate. */
    void keepFailedTlsFacts() {
        if (tlsInfo == null && certificateSeen()) {
            tlsInfo = tlsFactory.trustManager().info(null);
        }
    }

    Optional<TlsInfo> tlsInfo() {
        return Optional.ofNullable(tlsInfo);
    }

    // ---------------------------------------------------------------- greeting and EHLO

    /** Keeps the first greeting line only; a reply that is not SMTP may name the service that answered instead. */
    void greeted(String firstLine, boolean smtp) {
        if (greeting == null) {
            greeting = new Greeting(firstLine,
                    smtp ? null : ServiceRecognizer.recognize(firstLine).orElse(null));
        }
    }

    boolean greetedLikeFtp() {
        return greeting != null && greeting.line().toUpperCase(Locale.ROOT).contains("FTP");
    }

    OtherService nonSmtpGreeting() {
        return greeting == null ? null : greeting.otherService();
    }

    /** What EHLO (or HELO) offered on this connection, before or after STARTTLS. */
    void helloAnswered(Capabilities caps) {
        if (startTlsDone) {
            capabilitiesAfterTls = caps;
        } else {
            capabilities = caps;
        }
    }

    /** What EHLO offered on a second connection (in clear text). */
    void learnedCapabilities(Capabilities caps) {
        capabilities = caps;
    }

    /** What EHLO offered after STARTTLS on a second connection. */
    void learnedCapabilitiesAfterTls(Capabilities caps) {
        capabilitiesAfterTls = caps;
    }

    Capabilities capabilities() {
        return capabilities;
    }

    Optional<Capabilities> capabilitiesAfterTls() {
        return Optional.ofNullable(capabilitiesAfterTls);
    }

    /** What the server offers on the connection as it is now. */
    Capabilities currentCapabilities() {
        return capabilitiesAfterTls != null && inTls ? capabilitiesAfterTls : capabilities;
    }

    // ---------------------------------------------------------------- how the session goes

    /** The server closed the connection; the first phase it did so in is kept. */
    void closedByServer(Phase phase) {
        if (closedIn == null) {
            closedIn = phase;
        }
    }

    /** The phase in which the server closed the connection, or null. */
    Phase closedIn() {
        return closedIn;
    }

    void goQuiet() {
        quiet = true;
    }

    boolean quiet() {
        return quiet;
    }

    void sendingData(boolean on) {
        sendingData = on;
    }

    boolean sendingData() {
        return sendingData;
    }

    // ---------------------------------------------------------------- sign-in

    /** An AUTH command went out; {@code withInitialResponse} when it carries the credential itself. */
    void authCommandSent(String mechanism, boolean withInitialResponse) {
        authSent = true;
        mechanismTried = mechanism;
        credentialSent = withInitialResponse;
    }

    void markCredentialSent() {
        credentialSent = true;
    }

    boolean authSent() {
        return authSent;
    }

    String mechanismTried() {
        return mechanismTried;
    }

    /**
     * The server answered 235. A success only after a credential went out; returns false when no credential had
     * been sent, which no correct server does.
     */
    boolean signInAccepted() {
        if (credentialSent) {
            acceptedMechanism = mechanismTried;
            return true;
        }
        acceptedBeforeCredentials = true;
        return false;
    }

    boolean acceptedBeforeCredentials() {
        return acceptedBeforeCredentials;
    }

    Optional<String> acceptedMechanism() {
        return Optional.ofNullable(acceptedMechanism);
    }

    /** Counts one more SASL answer; returns how many this sign-in has sent. */
    int countSaslRoundTrip() {
        return ++saslRoundTrips;
    }

    void stoppedAtLimit(ProbeStop stop) {
        limitStop = stop;
    }

    /** The limit the server crossed, or null. */
    ProbeStop limitStop() {
        return limitStop;
    }
}
