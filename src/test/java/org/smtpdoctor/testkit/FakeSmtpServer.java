package org.smtpdoctor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.smtpdoctor.probe.OtherService;

/**
 * A scriptable SMTP server on a real loopback socket, for tests that need a server to misbehave in a precise way.
 * It behaves like a plain, well-mannered ESMTP server unless told otherwise: any verb can get a scripted reply or a
 * hook (in the spirit of angus-mail's test SMTPHandler and swaks's scripted reply fragments), the greeting and every
 * reply can be delayed, it can stay silent, close or reset at any point, speak implicit TLS or STARTTLS with a
 * {@link TestCertificates} identity, require and check AUTH (PLAIN, LOGIN, CRAM-MD5, XOAUTH2), or pretend to be an
 * HTTP / IMAP / POP3 / SSH / FTP service or a black hole. It records what every connection received.
 *
 * <pre>{@code
 * ServerIdentity id = TestCertificates.localhost();
 * try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(id).auth("alice", "s3cret", "PLAIN")
 *         .authOnlyAfterTls().reply(Verb.RCPT, "550 5.7.1 Relaying denied").start()) {
 *     ProbeResult r = new Prober(ProbeOptions.defaults().withTrustedCertificates(id.trustedCertificates()))
 *             .probe(AccountSettings.of(server.host(), server.port(), Security.STARTTLS), ProbeListener.NONE);
 *     assertEquals(List.of("EHLO", "STARTTLS", "EHLO"), server.connection(1).verbs().subList(0, 3));
 * }
 * }</pre>
 *
 * A scripted reply or action replaces the verb's normal handling entirely, state included: a scripted "235" to AUTH
 * authenticates nobody, a scripted "220" to STARTTLS starts no TLS ({@link Action#proceed()} keeps the normal
 * handling, e.g. after a delay). Every socket read is bounded (idle timeout, 60 s by default), one thread serves each
 * connection, and {@link #close()} closes every connection and waits for every thread.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** Reacts to a received command or to a moment ({@link Verb#GREETING}, {@link Verb#TLS_HANDSHAKE},
     * {@link Verb#END_OF_DATA}). */
    @FunctionalInterface
    public interface Hook {
        Action handle(Command command, Session session) throws IOException;
    }

    /** How the connection starts. */
    public enum Transport {
        /** Greets in clear text (STARTTLS offered if an identity is given). */
        PLAIN,
        /** TLS from the first byte, as on port 465. */
        IMPLICIT_TLS
    }

    private static final Duration JOIN_WAIT = Duration.ofSeconds(2);

    private final Config config;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final List<ConnectionLog> connections = new ArrayList<>();
    private final List<SmtpSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FakeSmtpServer(Config config) throws IOException {
        this.config = config;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 50);
        this.acceptor = new Thread(this::acceptLoop, "fake-smtp-" + port() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on (the ephemeral one when built with port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The address it listens on, as configured ("127.0.0.1" unless told otherwise). */
    public String host() {
        return config.bindAddress();
    }

    /** How many connections it has accepted so far. */
    public int connectionCount() {
        synchronized (connections) {
            return connections.size();
        }
    }

    /** Every connection accepted so far, oldest first. */
    public List<ConnectionLog> connections() {
        synchronized (connections) {
            return List.copyOf(connections);
        }
    }

    /** The connection with the given number (1 = first); fails the test if there was none. */
    public ConnectionLog connection(int number) {
        synchronized (connections) {
            if (number < 1 || number > connections.size()) {
                throw new AssertionError("no connection #" + number + "; the server saw " + connections.size());
            }
            return connections.get(number - 1);
        }
    }

    /** Waits until at least {@code count} connections were accepted and returns them; fails the test on timeout. */
    public List<ConnectionLog> awaitConnections(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connections) {
            while (connections.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " connection(s) within " + timeout + ", got "
                            + connections.size());
                }
                connections.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(connections);
        }
    }

    /** Every message received through DATA, in order. */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** Every line received on every connection (for "the password never went over the wire" assertions). */
    public List<String> allLines() {
        return connections().stream().flatMap(log -> log.lines().stream()).collect(Collectors.toUnmodifiableList());
    }

    /** Every line received in clear text (before TLS) on every connection. */
    public List<String> allClearLines() {
        return connections().stream().flatMap(log -> log.clearLines().stream())
                .collect(Collectors.toUnmodifiableList());
    }

    /** Stops listening, drops every connection and waits for all its threads. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.forEach(SmtpSession::abort);
        joinAll();
    }

    private void joinAll() {
        // the acceptor first: once it has ended, no connection thread can be added behind our back
        joinEach(List.of(acceptor));
        joinEach(new ArrayList<>(threads));
    }


    private void joinEach(List<Thread> all) {
        for (Thread thread : all) {
            thread.interrupt();
            try {
                thread.join(JOIN_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                throw new IllegalStateException("fake server thread did not stop: " + thread.getName());
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                continue;
            }
            ConnectionLog log;
            synchronized (connections) {
                log = new ConnectionLog(connections.size() + 1, socket.getRemoteSocketAddress().toString());
            }
            SmtpSession session = new SmtpSession(config, socket, log, messages::add);
            Thread thread = new Thread(session::run, "fake-smtp-" + port() + "-conn-" + log.number());
            thread.setDaemon(true);
            // register the session and its thread before anyone can see the connection, so close() finds both
            sessions.add(session);
            threads.add(thread);
            // published before the session runs, so a client that is already done always finds its connection
            synchronized (connections) {
                connections.add(log);
                connections.notifyAll();
            }
            if (closed) {
                session.abort();
            }
            thread.start();
        }
    }

    @Override
    public String toString() {
        return "FakeSmtpServer[" + host() + ":" + port() + ", " + connectionCount() + " connection(s)]";
    }

    /** Everything a server was built with; immutable. */
    record Config(String bindAddress, int port, Transport transport, ServerIdentity identity, boolean starttlsOffered,
            String starttlsRefusal, List<String> tlsProtocols, List<String> tlsCipherSuites, String serverName,
            List<String> extensions, List<String> extensionsAfterTls, String username, String secret,
            List<String> authMechanisms, boolean authBeforeTls, String authFailure, boolean requireAuth,
            boolean requireTls, Map<String, Hook> hooks, Duration replyDelay, Duration tlsHandshakeDelay,
            Duration idleTimeout, OtherService impersonation, boolean blackHole, SSLContext tlsContext,
            boolean demandClientCertificate, Duration greetPause, String earlyTalkerReply, String pregreetLine) {

        Hook hook(String verb) {
            return hooks.get(verb);
        }
    }

    /** Configures a {@link FakeSmtpServer}; {@link #start()} binds it and starts accepting. */
    public static final class Builder {

        private String bindAddress = "127.0.0.1";
        private int port;
        private Transport transport = Transport.PLAIN;
        private ServerIdentity identity;
        private boolean starttlsOffered;
        private String starttlsRefusal;
        private List<String> tlsProtocols = List.of();
        private List<String> tlsCipherSuites = List.of();
        private boolean demandClientCertificate;
        private String serverName = "fake.test";
        private List<String> extensions = List.of("PIPELINING", "SIZE 35882577", "8BITMIME", "ENHANCEDSTATUSCODES",
                "SMTPUTF8");
        private List<String> extensionsAfterTls;
        private String username;
        private String secret;
        private List<String> authMechanisms = List.of();
        private boolean authBeforeTls = true;
        private String authFailure = "535 5.7.8 Username and Password not accepted.";
        private boolean requireAuth;
        private boolean requireTls;
        private final Map<String, Hook> hooks = new HashMap<>();
        private Duration replyDelay = Duration.ZERO;
        private Duration tlsHandshakeDelay = Duration.ZERO;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private OtherService impersonation;
        private boolean blackHole;
        private Duration greetPause = Duration.ZERO;
        private String earlyTalkerReply;
        private String pregreetLine;

        private Builder() {
        }

        /** The address to listen on: "127.0.0.1" (default), "127.0.0.2", ... for several "hosts", or "::1". */
        public Builder bind(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** The port; 0 (default) picks a free one, see {@link FakeSmtpServer#port()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The name in the greeting and EHLO reply ("fake.test"). */
        public Builder serverName(String name) {
            this.serverName = Objects.requireNonNull(name);
            return this;
        }

        /** Offers STARTTLS and upgrades with this identity. */
        public Builder starttls(ServerIdentity serverIdentity) {
            this.identity = Objects.requireNonNull(serverIdentity);
            this.transport = Transport.PLAIN;
            this.starttlsOffered = true;
            return this;
        }

        /** Offers STARTTLS in EHLO but answers the command with this reply ("454 4.7.0 TLS not available ..."). */
        public Builder refuseStarttls(String reply) {
            this.starttlsOffered = true;
            this.starttlsRefusal = Objects.requireNonNull(reply);
            return this;
        }

        /** Speaks TLS from the first byte (like port 465) with this identity. */
        public Builder implicitTls(ServerIdentity serverIdentity) {
            this.identity = Objects.requireNonNull(serverIdentity);
            this.transport = Transport.IMPLICIT_TLS;
            this.starttlsOffered = false;
            return this;
        }

        /**
         * Restricts the server's TLS protocols, e.g. "TLSv1.2". "TLSv1" / "TLSv1.1" alone (disabled in JDK 17) are
         * played byte by byte like an old server: an old-version ServerHello, which a modern client refuses (no common
         * protocol). To hang up on the ClientHello instead, script {@code on(Verb.TLS_HANDSHAKE, Action.close())}.
         */
        public Builder tlsProtocols(String... protocols) {
            this.tlsProtocols = List.of(protocols);
            return this;
        }

        /**
         * Restricts the server's cipher suites. A suite the test key cannot serve (the key is EC, so an RSA suite such
         * as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 with TLSv1.2) makes the server send a handshake_failure alert: no
         * common cipher.
         */
        public Builder tlsCipherSuites(String... suites) {
            this.tlsCipherSuites = List.of(suites);
            return this;
        }

        /**
         * Demands a client certificate in the TLS handshake, which a mail program never has: the server sends its
         * own (good) certificate and then breaks the handshake off, as a server whose TLS set-up is broken does.
         */
        public Builder demandClientCertificate() {
            this.demandClientCertificate = true;
            return this;
        }

        /** The greeting, possibly multi-line ("220-a\n220 b"); default "220 fake.test ESMTP ready". */
        public Builder greeting(String reply) {
            return reply(Verb.GREETING, reply);
        }

        /** EHLO extension lines, before and (unless {@link #extensionsAfterTls}) after TLS; STARTTLS/AUTH are added. */
        public Builder extensions(String... lines) {
            this.extensions = List.of(lines);
            return this;
        }

        /** EHLO extension lines after TLS, when they differ from before; AUTH is added when configured. */
        public Builder extensionsAfterTls(String... lines) {
            this.extensionsAfterTls = List.of(lines);
            return this;
        }

        /**
         * Advertises AUTH with these mechanisms (default PLAIN and LOGIN) and accepts exactly this user name and
         * password (for XOAUTH2: the token). PLAIN, LOGIN, CRAM-MD5 and XOAUTH2 are implemented; any other mechanism
         * is advertised but answered with 504.
         */
        public Builder auth(String user, String password, String... mechanisms) {
            this.username = Objects.requireNonNull(user);
            this.secret = Objects.requireNonNull(password);
            this.authMechanisms = mechanisms.length == 0 ? List.of("PLAIN", "LOGIN")
                    : List.of(mechanisms).stream().map(m -> m.toUpperCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableList());
            return this;
        }

        /** AUTH is neither advertised nor accepted before STARTTLS ("530 5.7.0 Must issue a STARTTLS command first"). */
        public Builder authOnlyAfterTls() {
            this.authBeforeTls = false;
            return this;
        }

        /** The reply to wrong credentials (default "535 5.7.8 Username and Password not accepted."). */
        public Builder authFailure(String reply) {
            this.authFailure = Objects.requireNonNull(reply);
            return this;
        }

        /** MAIL FROM before a successful AUTH gets "530 5.7.0 Authentication required". */
        public Builder requireAuth() {
            this.requireAuth = true;
            return this;
        }

        /** MAIL FROM and AUTH in clear text get "530 5.7.0 Must issue a STARTTLS command first". */
        public Builder requireTls() {
            this.requireTls = true;
            return this;
        }

        /** Replaces the reply to a verb, e.g. {@code reply(Verb.MAIL, "550 5.7.1 Relaying denied")}. */
        public Builder reply(Verb verb, String reply) {
            return on(verb, Action.reply(reply));
        }

        /** Replaces the reply to any command name, including ones the server does not know ("XCLIENT"). */
        public Builder reply(String commandName, String reply) {
            return on(commandName, (command, session) -> Action.reply(reply));
        }

        /** Does this instead of the normal handling of a verb: {@code on(Verb.GREETING, Action.silence())}. */
        public Builder on(Verb verb, Action action) {
            return on(verb.name(), (command, session) -> action);
        }

        /** Asks the hook what to do on each occurrence of a verb; the hook returns {@link Action#proceed()} to let the
         * server handle it normally. */
        public Builder on(Verb verb, Hook hook) {
            return on(verb.name(), hook);
        }

        /** Same for any command name. */
        public Builder on(String commandName, Hook hook) {
            hooks.put(commandName.toUpperCase(Locale.ROOT), Objects.requireNonNull(hook));
            return this;
        }

        /** A pause before every reply, greeting included (simulated network round trip). */
        public Builder replyDelay(Duration delay) {
            this.replyDelay = Objects.requireNonNull(delay);
            return this;
        }

        /** A pause before the server takes part in a TLS handshake (implicit or after STARTTLS); for close, reset or
         * silence there, script {@link Verb#TLS_HANDSHAKE}. */
        public Builder tlsHandshakeDelay(Duration delay) {
            this.tlsHandshakeDelay = Objects.requireNonNull(delay);
            return this;
        }

        /** How long the server waits for a client line before it hangs up (default 60 s). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Speaks another protocol on the port: HTTP (silent until a request, then 400), IMAP, POP3, SSH or FTP
         * banners. Combined with {@link #implicitTls} it gives HTTPS, IMAPS, POP3S.
         */
        public Builder impersonate(OtherService service) {
            if (service == OtherService.UNKNOWN) {
                throw new IllegalArgumentException("impersonate a concrete service, or use blackHole()");
            }
            this.impersonation = service;
            return this;
        }

        /**
         * Greets only after this pause, and answers a client that talks first with this reply and hangs up, as
         * qpsmtpd's earlytalker plugin ("550 Connecting host started transmitting before SMTP greeting"), Sendmail's
         * greet_pause and Exim's connect-ACL delay do to spam software that does not wait for the greeting.
         */
        public Builder greetAfter(Duration pause, String earlyTalkerReply) {
            this.greetPause = Objects.requireNonNull(pause);
            this.earlyTalkerReply = Objects.requireNonNull(earlyTalkerReply);
            return this;
        }

        /**
         * {@link #greetAfter}, with this first line of a multi-line greeting sent at once: Postfix's postscreen sends
         * "220-host ESMTP Postfix", waits (postscreen_greet_wait, 6 s by default) and counts a client that talks before
         * the last line as a spambot (PREGREET).
         */
        public Builder greetAfter(String firstLine, Duration pause, String earlyTalkerReply) {
            this.pregreetLine = Objects.requireNonNull(firstLine);
            return greetAfter(pause, earlyTalkerReply);
        }

        /** Accepts connections, reads everything, never answers. */
        public Builder blackHole() {
            this.blackHole = true;
            return this;
        }

        /** Binds and starts accepting connections. */
        public FakeSmtpServer start() {
            if (transport == Transport.IMPLICIT_TLS && identity == null) {
                throw new IllegalStateException("implicit TLS needs an identity");
            }
            Config config = new Config(bindAddress, port, transport, identity, starttlsOffered, starttlsRefusal,
                    tlsProtocols, tlsCipherSuites, serverName, extensions,
                    extensionsAfterTls == null ? extensions : extensionsAfterTls, username, secret, authMechanisms,
                    authBeforeTls, authFailure, requireAuth, requireTls, Map.copyOf(hooks), replyDelay,
                    tlsHandshakeDelay, idleTimeout, impersonation, blackHole,
                    identity == null ? null : identity.serverSslContext(), demandClientCertificate, greetPause,
                    earlyTalkerReply, pregreetLine);
            try {
                return new FakeSmtpServer(config);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port, e);
            }
        }
    }
}
