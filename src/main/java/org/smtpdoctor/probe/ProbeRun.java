package org.smtpdoctor.probe;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;

/**
 * One probe, from DNS to QUIT: owns the sockets, drives Angus's transport over them and records every step. The
 * transport calls back through {@link ProbeTransport.Hooks}; every decision to stop is a {@link ProbeStop}.
 */
final class ProbeRun implements ProbeTransport.Hooks {

    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final String EOF_MARK = "[EOF]";

    private final AccountSettings settings;
    private final ProbeOptions options;
    private final Connections connections = new Connections();
    private final Redactor redactor;
    private final Recorder rec;
    private final long startNanos;
    private final Object greetingLock = new Object();

    private final List<String> resolved = new ArrayList<>();
    private Capabilities capabilities = Capabilities.NONE;
    private Capabilities capabilitiesAfterTls;
    private TlsInfo tlsInfo;
    private OtherService nonSmtpGreeting;
    private String greetingLine = "";
    private boolean inTls;
    private boolean startTlsDone;
    private boolean authSent;
    private boolean dataMode;
    private boolean quiet;
    private boolean greetingArrived;
    private boolean sessionOpen;
    private Phase eofPhase;
    private InetSocketAddress target;
    private Socket plainSocket;
    private SSLSocket tlsSocket;
    private ProbeSocketFactory tlsFactory;
    private ProbeTransport transport;
    private PortSniffer sniffer;
    private volatile ProbeStop silentPortFinding;

    ProbeRun(AccountSettings settings, ProbeOptions options, ProbeListener listener) {
        this.settings = settings;
        this.options = options;
        this.startNanos = System.nanoTime();
        this.redactor = new Redactor(settings.username(), settings.secret().isEmpty() ? "" : settings.secret().reveal());
        this.rec = new Recorder(listener, redactor, startNanos, this::phaseStarted);
    }

    void cancel() {
        connections.cancel();
    }

    private void phaseStarted(Phase phase) {
        Duration base = phase == Phase.DNS || phase == Phase.CONNECT ? options.connectTimeout() : options.readTimeout();
        connections.arm(base.plus(GRACE));
    }

    ProbeResult run() {
        try {
            try {
                checkCancelled();
                checkInput();
                InetAddress[] addresses = resolve();
                connect(addresses);
                tlsFactory = new ProbeSocketFactory(settings.host(), options.trustedCertificates(), this::tlsSocketCreated);
                if (settings.security() == Security.SSL_TLS) {
                    implicitTls();
                }
                session();
                envelope();
                quit();
                rec.finishPassed();
                return result(null, null);
            } catch (Exception e) {
                return failed(e);
            }
        } finally {
            connections.close();
        }
    }

    /** Settings that cannot be tried at all (the front ends validate first; this keeps the engine safe alone). */
    private void checkInput() throws ProbeStop {
        String host = settings.host();
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            rec.enter(Phase.INPUT, "settings");
            throw new ProbeStop(FailureKind.INVALID_INPUT, Phase.INPUT, "the server name is empty or has spaces");
        }
        if (settings.port() < 1 || settings.port() > 65535) {
            rec.enter(Phase.INPUT, "settings");
            throw new ProbeStop(FailureKind.INVALID_INPUT, Phase.INPUT, "the port is not between 1 and 65535");
        }
    }

    // ---------------------------------------------------------------- DNS and TCP

    private InetAddress[] resolve() throws IOException, ProbeStop {
        String host = settings.host();
        rec.enter(Phase.DNS, host);
        InetAddress[] all;
        if (HostNames.isIpLiteral(host)) {
            all = InetAddress.getAllByName(host);
            rec.note("IP address given, no lookup needed");
        } else {
            CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
                try {
                    return InetAddress.getAllByName(host);
                } catch (UnknownHostException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, connections.workers());
            try {
                CompletableFuture.anyOf(lookup, connections.cancelSignal())
                        .get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                checkCancelled();
                all = lookup.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownHostException) {
                    throw (UnknownHostException) e.getCause();
                }
                throw new IOException("DNS lookup failed", e.getCause());
            } catch (TimeoutException e) {
                throw new ProbeStop(FailureKind.UNKNOWN_HOST, Phase.DNS,
                        "DNS lookup gave no answer within " + seconds(options.connectTimeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProbeStop(FailureKind.CANCELLED, Phase.DNS, "interrupted");
            }
        }
        for (InetAddress a : all) {
            resolved.add(a.getHostAddress());
        }
        rec.info("Resolved " + host + " to " + String.join(", ", resolved));
        rec.note(String.join(", ", resolved));
        return all;
    }

    private void connect(InetAddress[] addresses) throws IOException, ProbeStop {
        rec.enter(Phase.CONNECT, settings.endpoint());
        IOException first = null;
        for (InetAddress a : addresses) {
            // keep the name in the address: no reverse lookup later, and TLS checks the name the user typed
            InetAddress named = InetAddress.getByAddress(settings.host(), a.getAddress());
            InetSocketAddress sa = new InetSocketAddress(named, settings.port());
            rec.info("Trying " + a.getHostAddress() + ":" + settings.port() + "...");
            Socket s = connections.register(new Socket());
            try {
                s.setTcpNoDelay(true);
                s.connect(sa, (int) Math.max(1, options.connectTimeout().toMillis()));
                plainSocket = s;
                target = sa;
                sniffer = new PortSniffer(connections, sa, settings.host(), options.connectTimeout());
                rec.info("Connected to " + a.getHostAddress() + ":" + settings.port());
                rec.note(a.getHostAddress());
                return;
            } catch (IOException e) {
                connections.close(s);
                checkCancelled();
                rec.error("Connection to " + a.getHostAddress() + " failed: " + e.getClass().getSimpleName());
                if (first == null) {
                    first = e;
                }
                if (e instanceof SocketTimeoutException) {
                    break; // a filtered port would cost the full timeout for every address
                }
            }
        }
        throw first;
    }

    // ---------------------------------------------------------------- TLS

    private void implicitTls() throws IOException, ProbeStop {
        rec.enter(Phase.TLS_HANDSHAKE, "implicit TLS to " + settings.endpoint());
        plainSocket.setSoTimeout(timeoutMs(options.readTimeout()));
        SSLSocket ssl = (SSLSocket) tlsFactory.createSocket(plainSocket, settings.host(), settings.port(), true);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            checkCancelled();
            if (tlsFactory.trustManager().called()) {
                tlsInfo = tlsFactory.trustManager().info(null);
            } else if (mayBePlainText(e)) {
                boolean silent = sniffPlainWhereTlsExpected();
                if (silent && Causes.has(e, java.io.EOFException.class)) {
                    throw new ProbeStop(FailureKind.TLS_NO_COMMON_PROTOCOL, Phase.TLS_HANDSHAKE,
                            "the server hangs up on the TLS handshake without a TLS alert and says nothing in clear"
                                    + " text: no TLS version or cipher suite in common");
                }
            }
            throw e;
        }
        tlsStarted(ssl);
    }

    /** A handshake failure that is no certificate problem and no TLS alert: the port may not speak TLS at all. */
    private static boolean mayBePlainText(IOException e) {
        if (Causes.has(e, TlsCertificateException.class)) {
            return false;
        }
        if (e instanceof SSLHandshakeException) {
            return Causes.has(e, java.io.EOFException.class) || Causes.has(e, java.net.SocketException.class);
        }
        return e instanceof SSLException;
    }

    /**
     * SSL/TLS chosen but the handshake failed without TLS from the server: read the port's first line in clear.
     * Returns whether the port stayed silent in clear text too.
     */
    private boolean sniffPlainWhereTlsExpected() throws ProbeStop {
        rec.info("TLS handshake failed without any TLS answer; reading the port's first line on a second connection");
        Duration wait = min(options.greetingWait(), options.readTimeout());
        PortSniffer.LineSniff sniff = sniffer.firstLine(wait, wait);
        Optional<String> line = sniff.line();
        if (line.isEmpty()) {
            rec.info("Second connection: no answer in clear text either");
            return sniff.silent();
        }
        String first = line.get();
        rec.unexpected(ServiceRecognizer.printable(first));
        Optional<OtherService> other = ServiceRecognizer.recognize(first);
        if (other.isEmpty()) {
            Reply.parse(first).ifPresent(rec::evidence);
            throw new ProbeStop(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, Phase.TLS_HANDSHAKE,
                    "the port greets in clear text (SMTP without TLS): it expects STARTTLS or no encryption");
        }
        throw new ProbeStop(FailureKind.NOT_SMTP, Phase.TLS_HANDSHAKE,
                "the port answers as " + other.get() + ", not SMTP", other.get());
    }

    private void tlsSocketCreated(SSLSocket s) {
        connections.register(s);
        tlsSocket = s;
        if (!quiet) {
            rec.enter(Phase.TLS_HANDSHAKE, "TLS handshake with " + settings.endpoint());
        }
    }

    private void tlsStarted(SSLSocket ssl) {
        inTls = true;
        rec.tls(true);
        tlsInfo = tlsFactory.trustManager().info(ssl.getSession());
        rec.info("TLS started: " + tlsInfo.protocol() + ", " + tlsInfo.cipherSuite());
        rec.note(tlsInfo.protocol() + " " + tlsInfo.cipherSuite());
    }

    // ---------------------------------------------------------------- SMTP session through Angus

    private void session() throws MessagingException, IOException {
        rec.enter(Phase.GREETING, settings.endpoint());
        Socket socket = inTls ? tlsSocket : plainSocket;
        plainSocket.setSoTimeout(timeoutMs(inTls ? options.readTimeout() : options.greetingWait()));
        Session session = Session.getInstance(sessionProperties());
        String user = settings.signsIn() ? settings.username() : null;
        String password = settings.signsIn() ? settings.secret().reveal() : null;
        transport = new ProbeTransport(session,
                new URLName("smtp", settings.host(), settings.port(), null, user, password), this);
        transport.connect(socket);
        sessionOpen = true;
        checkCancelled();
        if (settings.signsIn() && !authSent) {
            throw new ProbeStop(FailureKind.AUTH_NOT_OFFERED, Phase.AUTH, "the server offers no AUTH");
        }
    }

    private Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.localhost", options.ehloName());
        p.setProperty("mail.smtps.localhost", options.ehloName());
        // the probe owns its sockets (connect timeout, SO_TIMEOUT, watchdog); these only guard a path that would
        // open a socket of its own. No writetimeout: Angus would start an executor thread per socket for it.
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(options.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(options.readTimeout().toMillis()));
        p.put("mail.smtp.ssl.socketFactory", tlsFactory);
        p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        p.setProperty("mail.debug.auth.username", "false");
        p.setProperty("mail.smtp.ehlo", "true");
        p.setProperty("mail.smtp.quitwait", "true");
        boolean startTls = settings.security() == Security.STARTTLS;
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(startTls));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(startTls));
        p.setProperty("mail.smtp.auth", String.valueOf(settings.signsIn()));
        p.setProperty("mail.smtp.sasl.enable", "false");
        String mechanism = settings.authMethod().mechanism();
        p.setProperty("mail.smtp.auth.mechanisms", mechanism == null ? "PLAIN LOGIN" : mechanism);
        if (settings.authMethod() == AuthMethod.XOAUTH2) {
            p.setProperty("mail.smtp.auth.xoauth2.disable", "false");
        }
        if (!isAscii(settings.sender()) || !isAscii(settings.recipient())) {
            p.setProperty("mail.mime.allowutf8", "true");
        }
        return p;
    }

    @Override
    public void beforeCommand(String command) throws MessagingException {
        checkCancelled();
        if (dataMode) {
            rec.sent(command);
            return;
        }
        String verb = verb(command);
        Phase phase = phaseOf(verb);
        if (!quiet && phase != null) {
            rec.enter(phase, verb);
        }
        if ("AUTH".equals(verb)) {
            if (!inTls && !options.allowPlaintextAuth()) {
                throw plaintextAuthBlocked();
            }
            authSent = true;
            rec.sent(Redactor.redactAuthCommand(command));
        } else if (rec.current() == Phase.AUTH && !quiet) {
            rec.sent(Redactor.MASK); // a SASL response sent as a command line
        } else {
            rec.sent(command);
        }
    }

    @Override
    public void beforeContinuation() throws MessagingException {
        checkCancelled();
        rec.sent(Redactor.MASK);
    }

    @Override
    public int readGreeting(ProbeTransport.ReplyRead read) throws MessagingException {
        if (inTls) {
            return read.read();
        }
        try {
            int code = read.read();
            greetingArrived();
            return code;
        } catch (MessagingException e) {
            if (!Causes.has(e, SocketTimeoutException.class) || connections.isCancelled()) {
                throw e;
            }
        }
        rec.info("No greeting within " + seconds(options.greetingWait())
                + "; trying a TLS handshake on a second connection");
        Duration remaining = options.readTimeout().minus(options.greetingWait());
        Future<?> sniff = connections.workers().submit(() -> sniffSilentPort(remaining));
        try {
            plainSocket.setSoTimeout(timeoutMs(remaining));
            int code = read.read();
            greetingArrived();
            rec.info("Greeting arrived after " + rec.elapsedMs() + " ms");
            return code;
        } catch (MessagingException | IOException e) {
            ProbeStop finding = silentPortFinding;
            if (finding != null) {
                throw finding;
            }
            if (Causes.has(e, SocketTimeoutException.class) && !connections.isCancelled()) {
                throw new ProbeStop(FailureKind.NO_GREETING, Phase.GREETING,
                        "no greeting within " + seconds(options.readTimeout()) + " and no TLS on a second connection");
            }
            throw e instanceof MessagingException ? (MessagingException) e
                    : new MessagingException("greeting wait failed", (IOException) e);
        } finally {
            sniff.cancel(true);
        }
    }

    private void greetingArrived() {
        synchronized (greetingLock) {
            greetingArrived = true;
        }
        try {
            plainSocket.setSoTimeout(timeoutMs(options.readTimeout()));
        } catch (IOException e) {
            // the socket is gone; the next read says so
        }
    }

    /** On a helper thread: the port stayed silent; does it speak TLS, or HTTP? A finding closes the first connection. */
    private void sniffSilentPort(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        PortSniffer.TlsSniff tls = sniffer.tryTls(budget);
        ProbeStop finding = null;
        if (tls.verdict() == PortSniffer.TlsVerdict.TLS) {
            finding = new ProbeStop(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED, Phase.GREETING,
                    "the port stays silent in clear text but completes a TLS handshake on a second connection"
                            + (tls.protocol().isEmpty() ? "" : " (" + tls.protocol() + ")")
                            + ": it is an implicit TLS (SSL/TLS) port");
        } else {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (!left.isNegative() && !left.isZero()) {
                // a web server answers the request; an SSH server's banner ("SSH-2.0-...") comes first, and Angus
                // cannot read it: its fourth character makes it look like the first line of a multi-line reply
                Optional<String> line = sniffer.firstLine(Duration.ZERO, left).line();
                OtherService other = line.flatMap(ServiceRecognizer::recognize).orElse(OtherService.UNKNOWN);
                if (other != OtherService.UNKNOWN) {
                    finding = new ProbeStop(FailureKind.NOT_SMTP, Phase.GREETING,
                            "on a second connection the port answers " + ServiceRecognizer.printable(line.get())
                                    + ": it is " + other + ", not SMTP", other);
                }
            }
        }
        if (finding != null) {
            synchronized (greetingLock) {
                if (!greetingArrived) {
                    silentPortFinding = finding;
                    Connections.closeQuietly(plainSocket);
                }
            }
        }
    }

    @Override
    public void afterReply(int code, String response) {
        String text = redactor.scrub(response);
        if (code == -1 && EOF_MARK.equals(text.trim())) {
            if (eofPhase == null) {
                eofPhase = rec.current();
            }
            rec.error("Connection closed by the server");
            return;
        }
        List<String> lines = text.lines().filter(l -> !l.isEmpty()).toList();
        if (rec.current() == Phase.GREETING && greetingLine.isEmpty() && !lines.isEmpty()) {
            greetingLine = lines.get(0);
            if (code == -1) {
                nonSmtpGreeting = ServiceRecognizer.recognize(greetingLine).orElse(null);
            }
        }
        for (String l : lines) {
            if (code > 0) {
                rec.received(l);
            } else {
                rec.unexpected(ServiceRecognizer.printable(l));
            }
        }
        if (code > 0 && !quiet) {
            Reply.parse(text).ifPresent(rec::reply);
        }
    }

    @Override
    public void ehloRefused(int code) throws MessagingException {
        if (code == -1) {
            if (eofPhase != null) {
                throw new ProbeStop(FailureKind.CONNECTION_CLOSED, eofPhase, "connection closed by the server");
            }
            throw new ProbeStop(FailureKind.PROTOCOL_ERROR, Phase.EHLO, "the EHLO reply is not SMTP");
        }
        if (code >= 500 && greetingLine.toUpperCase(Locale.ROOT).contains("FTP")) {
            throw new ProbeStop(FailureKind.NOT_SMTP, Phase.EHLO,
                    "the port greets like an FTP server and refuses EHLO", OtherService.FTP);
        }
        if (code < 500 || startTlsDone) {
            throw new ProbeStop(FailureKind.SERVER_REJECTED, Phase.EHLO, "the server refused EHLO");
        }
        rec.warn("EHLO refused (" + code + "); trying HELO");
    }

    @Override
    public void afterHello(boolean extended, String response) throws MessagingException {
        Capabilities caps = extended
                ? Reply.parse(response).map(Capabilities::fromEhloReply).orElse(Capabilities.NONE)
                : Capabilities.NONE;
        if (startTlsDone) {
            capabilitiesAfterTls = caps;
        } else {
            capabilities = caps;
        }
        if (!extended) {
            rec.warn("HELO accepted: the server announces no extensions");
        } else {
            rec.note(describe(caps));
        }
        if (settings.security() == Security.STARTTLS && !inTls) {
            if (!caps.startTls()) {
                throw new ProbeStop(FailureKind.STARTTLS_NOT_OFFERED, Phase.STARTTLS,
                        "STARTTLS was chosen but the server does not offer it");
            }
            return; // Angus sends STARTTLS next
        }
        if (settings.signsIn()) {
            prepareAuth(caps);
        }
    }

    /** Decides, before any credential goes out, whether and how to sign in. */
    private void prepareAuth(Capabilities caps) throws MessagingException {
        if (!caps.auth()) {
            if (!inTls && caps.startTls()) {
                rec.info("No AUTH offered in clear text; checking on a second connection what STARTTLS unlocks");
                Optional<Capabilities> after = sniffer.capabilitiesAfterStartTls(options.ehloName(),
                        options.readTimeout());
                after.ifPresent(c -> capabilitiesAfterTls = c);
                if (after.isPresent() && after.get().auth()) {
                    rec.info("After STARTTLS the server offers AUTH " + String.join(" ", after.get().authMechanisms()));
                    throw new ProbeStop(FailureKind.AUTH_ONLY_AFTER_TLS, Phase.AUTH,
                            "sign-in is offered only after STARTTLS");
                }
            }
            throw new ProbeStop(FailureKind.AUTH_NOT_OFFERED, Phase.AUTH, "the server offers no AUTH");
        }
        if (!inTls && !options.allowPlaintextAuth()) {
            throw plaintextAuthBlocked();
        }
        List<String> offered = caps.authMechanisms();
        String mechanism = chooseMechanism(offered);
        if (mechanism == null) {
            throw new ProbeStop(FailureKind.AUTH_NO_COMMON_MECHANISM, Phase.AUTH,
                    "the server offers AUTH " + String.join(" ", offered) + "; chosen: " + settings.authMethod().cliName());
        }
        // PLAIN, LOGIN and XOAUTH2 go through Angus's own authenticators (mail.smtp.auth.mechanisms); CRAM-MD5
        // only through its SASL path
        boolean sasl = "CRAM-MD5".equals(mechanism);
        transport.setSASLEnabled(sasl);
        if (sasl) {
            transport.setSASLMechanisms(new String[] {mechanism});
        }
    }

    private ProbeStop plaintextAuthBlocked() {
        return new ProbeStop(FailureKind.PLAINTEXT_AUTH_BLOCKED, Phase.AUTH,
                "sign-in on an unencrypted connection: the credentials were not sent");
    }

    private String chooseMechanism(List<String> offered) {
        AuthMethod m = settings.authMethod();
        if (m == AuthMethod.AUTO) {
            for (String candidate : List.of("PLAIN", "LOGIN", "CRAM-MD5")) {
                if (offered.contains(candidate)) {
                    return candidate;
                }
            }
            return null;
        }
        return offered.contains(m.mechanism()) ? m.mechanism() : null;
    }

    @Override
    public void beforeStartTls() throws MessagingException {
        if (settings.security() != Security.STARTTLS || inTls) {
            // Angus upgrades silently when AUTH is answered with 530; the user chose otherwise
            throw new ProbeStop(inTls ? FailureKind.AUTH_REJECTED : FailureKind.TLS_REQUIRED_BY_SERVER, Phase.AUTH,
                    "the server answered AUTH with 530: it wants STARTTLS first");
        }
    }

    @Override
    public void afterStartTls() {
        startTlsDone = true;
        tlsStarted(tlsSocket);
    }

    // ---------------------------------------------------------------- envelope, data, quit

    private void envelope() throws MessagingException {
        boolean hasRecipient = !settings.recipient().isEmpty();
        if (settings.sender().isEmpty() && !hasRecipient) {
            rec.skipped(Phase.MAIL_FROM, "no sender address given");
            return;
        }
        String utf8 = !isAscii(settings.sender()) || !isAscii(settings.recipient()) ? " SMTPUTF8" : "";
        expect(transport.command("MAIL FROM:<" + settings.sender() + ">" + utf8), Phase.MAIL_FROM, 250);
        if (!hasRecipient) {
            rec.skipped(Phase.RCPT_TO, "no recipient address given");
            return;
        }
        expect(transport.command("RCPT TO:<" + settings.recipient() + ">"), Phase.RCPT_TO, 250, 251);
        if (!options.sendTestMessage()) {
            return;
        }
        expect(transport.command("DATA"), Phase.DATA, 354);
        dataMode = true;
        for (String line : testMessage()) {
            transport.line(line.startsWith(".") ? "." + line : line);
        }
        dataMode = false;
        rec.enter(Phase.END_OF_DATA, ".");
        expect(transport.command("."), Phase.END_OF_DATA, 250);
    }

    private List<String> testMessage() {
        String id = UUID.randomUUID() + "@" + options.ehloName();
        return List.of(
                "From: <" + settings.sender() + ">",
                "To: <" + settings.recipient() + ">",
                "Subject: SMTP Doctor test message",
                "Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME),
                "Message-ID: <" + id + ">",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=US-ASCII",
                "Content-Transfer-Encoding: 7bit",
                "X-Mailer: SMTP Doctor",
                "",
                "This is an SMTP Doctor test message.",
                "",
                "It was sent to check that the outgoing mail server settings work.",
                "No action is needed; you may delete it.");
    }

    private void expect(int code, Phase phase, int... ok) throws ProbeStop {
        for (int c : ok) {
            if (code == c) {
                return;
            }
        }
        if (code == -1) {
            if (eofPhase != null) {
                throw new ProbeStop(FailureKind.CONNECTION_CLOSED, eofPhase, "connection closed by the server");
            }
            throw new ProbeStop(FailureKind.PROTOCOL_ERROR, phase, "the reply is not SMTP");
        }
        if (code == 530 && !inTls) {
            throw new ProbeStop(FailureKind.TLS_REQUIRED_BY_SERVER, phase, "the server wants STARTTLS first");
        }
        throw new ProbeStop(FailureKind.SERVER_REJECTED, phase, "the server refused " + phase.name());
    }

    private void quit() {
        rec.enter(Phase.QUIT, "QUIT");
        try {
            int code = transport.command("QUIT");
            if (code != 221) {
                rec.warn("QUIT answered with " + code);
            }
        } catch (MessagingException e) {
            rec.warn("QUIT failed: " + Causes.names(e));
        }
        closeTransport();
    }

    /** After a refused command the session is still open: say goodbye briefly, outside the recorded steps. */
    private void politeQuit() {
        if (!sessionOpen || connections.isCancelled() || eofPhase != null) {
            return;
        }
        quiet = true;
        connections.arm(min(options.readTimeout(), Duration.ofSeconds(2)));
        try {
            if (!plainSocket.isClosed()) {
                plainSocket.setSoTimeout(timeoutMs(min(options.readTimeout(), Duration.ofSeconds(2))));
                transport.command("QUIT");
            }
        } catch (MessagingException | IOException | IllegalStateException e) {
            // the session is over either way
        }
        closeTransport();
    }

    private void closeTransport() {
        connections.closeAll();
    }

    // ---------------------------------------------------------------- result

    private ProbeResult failed(Exception e) {
        connections.disarm();
        Phase phase = rec.current();
        Classifier.Verdict v = Classifier.classify(e, new Classifier.Facts(phase, connections.isCancelled(),
                connections.watchdogFired(), eofPhase, nonSmtpGreeting, tlsFactory != null
                        && tlsFactory.trustManager().called(), authSent, phase == Phase.TLS_HANDSHAKE && !inTls
                        && settings.security() == Security.STARTTLS, rec.lastReply()));
        if (tlsInfo == null && tlsFactory != null && tlsFactory.trustManager().called()) {
            tlsInfo = tlsFactory.trustManager().info(null);
        }
        String detail = detail(e, v);
        if (v.phase() != phase && phase != Phase.INPUT) {
            rec.finishPassed();
        }
        if (!rec.isOpen(v.phase())) {
            rec.enter(v.phase(), v.phase().name());
        }
        rec.note(detail);
        rec.error(v.kind().name() + " in " + v.phase().name() + ": " + detail);
        rec.finish(v.kind() == FailureKind.CANCELLED ? StepOutcome.CANCELLED : StepOutcome.FAILED);
        if (v.kind() == FailureKind.SERVER_REJECTED || v.kind() == FailureKind.TLS_REQUIRED_BY_SERVER) {
            politeQuit();
        }
        return result(v, detail);
    }

    private String detail(Exception e, Classifier.Verdict v) {
        StringBuilder sb = new StringBuilder();
        ProbeStop stop = ProbeStop.find(e);
        if (stop != null && stop.kind() == v.kind()) {
            sb.append(stop.getMessage());
        } else {
            sb.append(Causes.names(e));
            SSLException ssl = Causes.find(e, SSLException.class);
            if (ssl != null && ssl.getMessage() != null) {
                sb.append(" (").append(ssl.getMessage()).append(')');
            }
        }
        rec.lastReply().ifPresent(r -> sb.append("; last reply: ").append(r.lines().get(0)));
        return redactor.scrub(sb.toString());
    }

    private ProbeResult result(Classifier.Verdict failure, String detail) {
        return new ProbeResult(
                settings.withoutSecret(),
                !settings.secret().isEmpty(),
                failure == null,
                Optional.ofNullable(failure).map(Classifier.Verdict::kind),
                Optional.ofNullable(failure).map(Classifier.Verdict::phase),
                rec.lastReply(),
                rec.steps(),
                resolved,
                capabilities,
                Optional.ofNullable(capabilitiesAfterTls),
                Optional.ofNullable(tlsInfo),
                Optional.ofNullable(failure).map(Classifier.Verdict::otherService),
                detail == null ? "" : detail,
                rec.transcript(),
                rec.elapsedMs());
    }

    // ---------------------------------------------------------------- small helpers

    private void checkCancelled() throws ProbeStop {
        if (connections.isCancelled()) {
            throw new ProbeStop(FailureKind.CANCELLED, rec.current(), "cancelled");
        }
    }

    private static String verb(String command) {
        int sp = command.indexOf(' ');
        return (sp < 0 ? command : command.substring(0, sp)).toUpperCase(Locale.ROOT);
    }

    private static Phase phaseOf(String verb) {
        switch (verb) {
            case "EHLO":
            case "HELO":
                return Phase.EHLO;
            case "STARTTLS":
                return Phase.STARTTLS;
            case "AUTH":
                return Phase.AUTH;
            case "MAIL":
                return Phase.MAIL_FROM;
            case "RCPT":
                return Phase.RCPT_TO;
            case "DATA":
                return Phase.DATA;
            case "RSET":
            case "QUIT":
                return Phase.QUIT;
            default:
                return null;
        }
    }

    private static String describe(Capabilities caps) {
        List<String> parts = new ArrayList<>();
        if (caps.startTls()) {
            parts.add("STARTTLS");
        }
        if (caps.auth()) {
            parts.add("AUTH " + String.join(" ", caps.authMechanisms()));
        }
        caps.sizeLimit().ifPresent(s -> parts.add("SIZE " + s));
        if (caps.pipelining()) {
            parts.add("PIPELINING");
        }
        if (caps.eightBitMime()) {
            parts.add("8BITMIME");
        }
        if (caps.smtpUtf8()) {
            parts.add("SMTPUTF8");
        }
        return parts.isEmpty() ? "no extensions" : String.join(", ", parts);
    }

    private static boolean isAscii(String s) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(s);
    }

    private static int timeoutMs(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

}
