package org.smtpdoctor.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Everything one connection to a {@link FakeSmtpServer} saw, recorded as it happens (safe to read from the test thread
 * at any time): every line received (commands and AUTH payloads, not message content), every reply sent, and what
 * became of TLS and AUTH.
 */
public final class ConnectionLog {

    private record Line(String text, boolean tls) {
    }

    private final int number;
    private final String remoteAddress;
    private final List<Line> received = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final List<String> replies = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String tlsProtocol;
    private volatile String tlsCipherSuite;
    private volatile Exception tlsFailure;
    private volatile String authenticatedUser;

    ConnectionLog(int number, String remoteAddress) {
        this.number = number;
        this.remoteAddress = remoteAddress;
    }

    /** 1 for the server's first connection, 2 for the next, ... */
    public int number() {
        return number;
    }

    /** The client's address and port. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** Every line received, in order: commands and AUTH exchange lines exactly as sent (base64 stays base64). */
    public synchronized List<String> lines() {
        return received.stream().map(Line::text).collect(Collectors.toUnmodifiableList());
    }

    /** The lines received before TLS started: what an eavesdropper could read. */
    public synchronized List<String> clearLines() {
        return received.stream().filter(line -> !line.tls()).map(Line::text).collect(Collectors.toUnmodifiableList());
    }

    /** The commands received (AUTH continuation lines excluded). */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The verbs received in order ("EHLO", "STARTTLS", "EHLO", "AUTH", ...). */
    public synchronized List<String> verbs() {
        return commands.stream().map(Command::verb).collect(Collectors.toUnmodifiableList());
    }

    /** Every reply sent, each as its lines joined with "\n". */
    public synchronized List<String> replies() {
        return List.copyOf(replies);
    }

    /** The negotiated TLS protocol ("TLSv1.3"), or null while/if there is no TLS. */
    public String tlsProtocol() {
        return tlsProtocol;
    }

    /** The negotiated cipher suite, or null. */
    public String tlsCipherSuite() {
        return tlsCipherSuite;
    }

    /** Why the server-side TLS handshake failed, or null. */
    public Exception tlsFailure() {
        return tlsFailure;
    }

    /** The user name that authenticated successfully, or null. */
    public String authenticatedUser() {
        return authenticatedUser;
    }

    /** Whether the server has finished with this connection. */
    public boolean isEnded() {
        return ended.getCount() == 0;
    }

    /** Waits until the server has finished with this connection; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void received(String line, boolean tls) {
        received.add(new Line(line, tls));
    }

    synchronized void command(Command command) {
        commands.add(command);
    }

    synchronized void replied(List<String> lines) {
        replies.add(String.join("\n", lines));
    }

    void tlsStarted(String protocol, String cipherSuite) {
        tlsProtocol = protocol;
        tlsCipherSuite = cipherSuite;
    }

    void tlsFailed(Exception failure) {
        tlsFailure = failure;
    }

    void authenticated(String user) {
        authenticatedUser = user;
    }

    void end() {
        ended.countDown();
    }

    @Override
    public synchronized String toString() {
        return "Connection #" + number + " from " + remoteAddress + ": " + verbs();
    }
}
