package org.smtpdoctor.probe;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
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
 * One probe from DNS to QUIT: resolves and connects itself through {@link Dialer} (so every wait is bounded and
 * cancel() can close the socket), layers implicit TLS itself, then hands the socket to Angus's transport, whose
 * hooks ({@link SessionHooks}) record and guard the session, and drives MAIL FROM, RCPT TO, DATA and QUIT. Every
 * way it can stop ends in {@link #failed}, which classifies and records the failure.
 */
final class ProbeRun {

    /** How much longer than its timeout a phase may take before the watchdog closes the sockets. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /** The polite QUIT after a refused command may take this long at most. */
    private static final Duration GOODBYE = Duration.ofSeconds(2);

    private final ProbeContext ctx;
    private final AccountSettings settings;
    private final ProbeOptions options;
    private final Connections connections = new Connections();
    private final Recorder rec;
    private final Dialer dialer;

    ProbeRun(AccountSettings settings, ProbeOptions options, HostResolver resolver, ProbeListener listener) {
        this.settings = settings;
        this.options = options;
        Redactor redactor = new Redactor(settings.username(),
                settings.secret().isEmpty() ? "" : settings.secret().reveal());
        this.rec = new Recorder(listener, redactor, System.nanoTime(), this::phaseStarted);
        this.ctx = new ProbeContext(settings, options, connections, redactor, rec);
        this.dialer = new Dialer(ctx, connections, resolver);
    }

    void cancel() {
        connections.cancel();
    }

    private void phaseStarted(Phase phase) {
        Duration base = phase == Phase.DNS || phase == Phase.CONNECT ? options.connectTimeout() : options.readTimeout();
        connections.arm(base.plus(GRACE));
        if (settings.security() != Security.NONE && (phase == Phase.EHLO || phase == Phase.TLS_HANDSHAKE)) {
            // the OS's CA bundle loads while the server answers EHLO and STARTTLS (implicit TLS: its handshake)
            Warmup.systemTrust();
        }
    }

    ProbeResult run() {
        try {
            ctx.checkCancelled();
            checkInput();
            dialer.connect(dialer.resolve());
            ctx.useTlsFactory(new ProbeSocketFactory(settings.host(), options.trustedCertificates(),
                    options.pinnedCertificates(), ctx::tlsSocketCreated));
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
        } finally {
            connections.close();
        }
    }

    /** Settings that cannot be tried at all (the front ends validate first; this keeps the engine safe alone). */
    private void checkInput() throws ProbeStop {
        String host = settings.host();
        String problem = host.isBlank() || host.chars().anyMatch(Character::isWhitespace)
                ? "the server name is empty or has spaces"
                : settings.port() < 1 || settings.port() > 65535 ? "the port is not between 1 and 65535" : null;
        if (problem != null) {
            rec.enter(Phase.INPUT, "settings");
            throw new ProbeStop(FailureKind.INVALID_INPUT, Phase.INPUT, problem);
        }
    }

    // ---------------------------------------------------------------- implicit TLS

    private void implicitTls() throws IOException, ProbeStop {
        rec.enter(Phase.TLS_HANDSHAKE, "implicit TLS to " + settings.endpoint());
        ctx.plainSocket().setSoTimeout(Smtp.timeoutMs(options.readTimeout()));
        SSLSocket ssl = (SSLSocket) ctx.tlsFactory().createSocket(ctx.plainSocket(), settings.host(), settings.port(), true);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            ctx.checkCancelled();
            if (!ctx.tlsFactory().trustManager().called() && mayBePlainText(e)) {
                boolean silent = sniffPlainWhereTlsExpected();
                if (silent && Causes.has(e, EOFException.class)) {
                    throw new ProbeStop(FailureKind.TLS_NO_COMMON_PROTOCOL, Phase.TLS_HANDSHAKE,
                            "the server hangs up on the TLS handshake without a TLS alert and says nothing in clear"
                                    + " text: no TLS version or cipher suite in common");
                }
            }
            throw e;
        }
        ctx.tlsStarted();
    }

    /** A handshake failure that is no certificate problem and no TLS alert: the port may not speak TLS at all. */
    private static boolean mayBePlainText(IOException e) {
        if (Causes.has(e, TlsCertificateException.class)) {
            return false;
        }
        if (e instanceof SSLHandshakeException) {
            return Causes.has(e, EOFException.class) || Causes.has(e, SocketException.class);
        }
        return e instanceof SSLException;
    }

    /**
     * SSL/TLS chosen but the handshake failed without TLS from the server: read the port's first line in clear on a
     * second connection. Returns whether the port stayed silent in clear text too.
     */
    private boolean sniffPlainWhereTlsExpected() throws ProbeStop {
        rec.info("TLS handshake failed without any TLS answer; reading the port's first line on a second connection");
        PortSniffer.PlainLook look = plainLook();
        PortSniffer.LineSniff sniff = look.first();
        Optional<String> line = sniff.line();
        if (line.isEmpty()) {
            rec.info("Second connection: no answer in clear text either");
            return sniff.silent();
        }
        String first = line.get();
        rec.unexpected(ServiceRecognizer.printable(first));
        Optional<OtherService> other = ServiceRecognizer.recognize(first);
        if (other.isEmpty()) {
            Reply.parse(ctx.redactor().scrub(first)).ifPresent(rec::evidence);
            throw new ProbeStop(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, Phase.TLS_HANDSHAKE,
                    "the port greets in clear text (SMTP without TLS)" + plainOffers(look));
        }
        throw new ProbeStop(FailureKind.NOT_SMTP, Phase.TLS_HANDSHAKE,
                "the port answers as " + other.get() + ", not SMTP", other.get());
    }

    /**
     * The second connection waits for the greeting as long as a mail program would and never speaks first: a server
     * that greets late (qpsmtpd's earlytalker, Sendmail's greet_pause, an Exim connect delay) refuses a client that
     * talks before it, and then its first line says nothing about the port. When the port is still silent after the
     * greeting wait, a third connection asks as a web browser would, once it too has heard nothing for that long: a
     * web server waits for a request and never greets.
     */
    private PortSniffer.PlainLook plainLook() throws ProbeStop {
        Duration wait = Smtp.min(options.greetingWait(), options.readTimeout());
        Future<PortSniffer.PlainLook> patient = connections.workers().submit(() -> ctx.sniffer()
                .look(options.readTimeout(), Duration.ZERO, options.ehloName(), options.readTimeout()));
        try {
            return patient.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // it too waits for a first line before it asks, so it stays quiet towards a slow greeter's filter
            Optional<String> web = ctx.sniffer().firstLine(wait, wait).line();
            Optional<OtherService> other = web.flatMap(ServiceRecognizer::recognize);
            if (other.isPresent()) {
                patient.cancel(true);
                return PortSniffer.PlainLook.of(new PortSniffer.LineSniff(web, false));
            }
            try {
                return patient.get(options.readTimeout().multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException again) {
                return PortSniffer.PlainLook.of(new PortSniffer.LineSniff(Optional.empty(), false));
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
                throw new ProbeStop(FailureKind.CANCELLED, Phase.TLS_HANDSHAKE, "cancelled");
            }
        } catch (ExecutionException e) {
            return PortSniffer.PlainLook.of(new PortSniffer.LineSniff(Optional.empty(), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeStop(FailureKind.CANCELLED, Phase.TLS_HANDSHAKE, "cancelled");
        }
    }

    /** Keeps what EHLO offered on the plain-text second connection as the probe's facts, and says it briefly. */
    private String plainOffers(PortSniffer.PlainLook look) {
        if (look.capabilities().isEmpty()) {
            rec.info("Second connection: no EHLO answer in clear text");
            return ": it expects STARTTLS or no encryption";
        }
        Capabilities caps = look.capabilities().get();
        ctx.learnedCapabilities(caps);
        look.afterTls().ifPresent(ctx::learnedCapabilitiesAfterTls);
        rec.info("Second connection: EHLO in clear text offers " + Smtp.describe(caps));
        look.afterTls().ifPresent(c -> rec.info("Second connection: after STARTTLS, EHLO offers " + Smtp.describe(c)));
        return caps.startTls() ? "; EHLO there offers STARTTLS" : "; EHLO there offers no STARTTLS";
    }

    // ---------------------------------------------------------------- the SMTP session through Angus

    private void session() throws MessagingException, IOException {
        rec.enter(Phase.GREETING, settings.endpoint());
        Socket socket = ctx.sessionSocket();
        ctx.plainSocket().setSoTimeout(Smtp.timeoutMs(ctx.inTls() ? options.readTimeout() : options.greetingWait()));
        String user = settings.signsIn() ? settings.username() : null;
        String password = settings.signsIn() ? settings.secret().reveal() : null;
        ctx.sessionOpened(new ProbeTransport(Session.getInstance(sessionProperties()),
                new URLName("smtp", settings.host(), settings.port(), null, user, password), new SessionHooks(ctx)));
        ctx.transport().connect(socket);
        ctx.markSessionOpen();
        ctx.checkCancelled();
        if (ctx.acceptedBeforeCredentials()) {
            throw new ProbeStop(FailureKind.SERVER_MISBEHAVED, Phase.AUTH,
                    "the server answered AUTH " + ctx.mechanismTried() + " with 235 before any credential was sent");
        }
        if (settings.signsIn() && !ctx.authSent()) {
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
        p.put("mail.smtp.ssl.socketFactory", ctx.tlsFactory());
        p.setProperty("mail.smtp.ssl.checkserveridentity", "false"); // RecordingTrustManager checks the name
        // the SAFE value: should anyone turn on Angus's java.util.logging, the sign-in name stays out of it too
        // (debug output is never enabled and never the transcript's source; the AUTH payload switches stay off)
        p.setProperty("mail.debug.auth.username", "false");
        p.setProperty("mail.smtp.ehlo", "true");
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
        if (!Smtp.isAscii(settings.sender()) || !Smtp.isAscii(settings.recipient())) {
            p.setProperty("mail.mime.allowutf8", "true");
        }
        return p;
    }

    // ---------------------------------------------------------------- envelope, data, quit

    private void envelope() throws MessagingException {
        boolean hasRecipient = !settings.recipient().isEmpty();
        if (settings.sender().isEmpty() && !hasRecipient) {
            rec.skipped(Phase.MAIL_FROM, "no sender address given");
            return;
        }
        boolean international = !Smtp.isAscii(settings.sender()) || !Smtp.isAscii(settings.recipient());
        Capabilities caps = ctx.currentCapabilities();
        if (international && !caps.smtpUtf8()) {
            rec.enter(Phase.MAIL_FROM, "MAIL FROM");
            throw new ProbeStop(FailureKind.SMTPUTF8_NOT_OFFERED, Phase.MAIL_FROM, "the address has characters beyond"
                    + " ASCII and the server does not offer SMTPUTF8: the address was not sent");
        }
        String utf8 = international ? " SMTPUTF8" : "";
        expect(ctx.transport().command("MAIL FROM:<" + settings.sender() + ">" + utf8), Phase.MAIL_FROM, 250);
        if (!hasRecipient && settings.authMethod() == AuthMethod.NONE && options.relayCheck()) {
            relayCheck();
            return;
        }
        if (!hasRecipient) {
            rec.skipped(Phase.RCPT_TO, "no recipient address given");
            return;
        }
        expect(ctx.transport().command("RCPT TO:<" + settings.recipient() + ">"), Phase.RCPT_TO, 250, 251);
        if (options.sendTestMessage()) {
            testMessage();
        }
    }

    /**
     * Without sign-in and without a recipient, whether the server passes mail on to other domains is what decides
     * if a mail program can send at all ("Relay access denied" is the commonest refusal of all): one recipient at a
     * reserved domain of another owner than the sender's is tried, and nothing is sent. Accepted, the server relays
     * without sign-in; refused in words about relaying or signing in, that is the answer, as if the user had given
     * the address, and so is a permanent refusal that says nothing of the address from a server that offers sign-in
     * (a library's default words, such as SubEthaSMTP's "554 Transaction failed" or Twisted's "550 Cannot receive
     * for specified address"); refused otherwise (recipient checks of the reserved domain: its mailbox, its domain),
     * nothing is concluded and the step is recorded as not run.
     */
    private void relayCheck() throws MessagingException {
        String address = Smtp.relayCheckAddress(settings.sender());
        int code = ctx.transport().command("RCPT TO:<" + address + ">");
        if (code == 250 || code == 251) {
            rec.note("a recipient at another domain (" + address + ") was accepted without sign-in; nothing was sent");
            rec.finishPassed();
            return;
        }
        String said = String.valueOf(ctx.transport().getLastServerResponse()).toLowerCase(Locale.ROOT);
        boolean bare = ctx.currentCapabilities().auth() && !Smtp.speaksOfTheAddress(said);
        if (code >= 500 && code < 600 && (Smtp.refusesRelaying(said) || bare)) {
            expect(code, Phase.RCPT_TO, 250, 251);
        }
        rec.note("a recipient at another domain (" + address + ") was refused (" + code + "), not in words about"
                + " relaying or signing in: whether the server passes mail on without sign-in is not known");
        rec.finish(StepOutcome.SKIPPED);
    }

    private void testMessage() throws MessagingException {
        expect(ctx.transport().command("DATA"), Phase.DATA, 354);
        ctx.sendingData(true);
        for (String line : Smtp.testMessage(settings.sender(), settings.recipient(), options.ehloName())) {
            ctx.transport().line(line.startsWith(".") ? "." + line : line);
        }
        ctx.sendingData(false);
        rec.enter(Phase.END_OF_DATA, ".");
        expect(ctx.transport().command("."), Phase.END_OF_DATA, 250);
    }

    private void expect(int code, Phase phase, int... ok) throws ProbeStop {
        for (int c : ok) {
            if (code == c) {
                return;
            }
        }
        if (code == -1) {
            if (ctx.closedIn() != null) {
                throw new ProbeStop(FailureKind.CONNECTION_CLOSED, ctx.closedIn(), "connection closed by the server");
            }
            throw new ProbeStop(FailureKind.PROTOCOL_ERROR, phase, "the reply is not SMTP");
        }
        if (code < 400) {
            throw new ProbeStop(FailureKind.SERVER_MISBEHAVED, phase,
                    "the server answered " + phase.name() + " with " + code + ", a reply that command cannot have");
        }
        if (code == 530 && !ctx.inTls()) {
            // RFC 3207 and RFC 4954 both use 530 5.7.0; the words tell "STARTTLS first" from "sign in first"
            String said = String.valueOf(ctx.transport().getLastServerResponse()).toLowerCase(Locale.ROOT);
            boolean signIn = said.contains("auth") && !said.contains("tls") && !said.contains("encrypt");
            throw new ProbeStop(FailureKind.TLS_REQUIRED_BY_SERVER, phase, signIn
                    ? "the server wants sign-in, on an unencrypted connection" : "the server wants STARTTLS first");
        }
        throw new ProbeStop(FailureKind.SERVER_REJECTED, phase, "the server refused " + phase.name());
    }

    private void quit() {
        rec.enter(Phase.QUIT, "QUIT");
        try {
            int code = ctx.transport().command("QUIT");
            if (code != 221) {
                rec.warn("QUIT answered with " + code);
            }
        } catch (MessagingException e) {
            rec.warn("QUIT failed: " + Causes.names(e));
        }
        connections.closeAll();
    }

    /** After a refused command the session is still open: say goodbye briefly, outside the recorded steps. */
    private void politeQuit() {
        if (!ctx.sessionOpen() || connections.isCancelled() || ctx.closedIn() != null || ctx.plainSocket().isClosed()) {
            return;
        }
        ctx.goQuiet();
        Duration limit = Smtp.min(options.readTimeout(), GOODBYE);
        connections.arm(limit);
        try {
            ctx.plainSocket().setSoTimeout(Smtp.timeoutMs(limit));
            ctx.transport().command("QUIT");
        } catch (MessagingException | IOException | IllegalStateException e) {
            // the session is over either way
        }
        connections.closeAll();
    }

    // ---------------------------------------------------------------- result

    private ProbeResult failed(Exception failure) {
        connections.disarm();
        Exception e = ctx.limitStop() != null && ProbeStop.find(failure) == null ? ctx.limitStop() : failure;
        Phase phase = rec.current();
        boolean startTlsAccepted = phase == Phase.TLS_HANDSHAKE && !ctx.inTls()
                && settings.security() == Security.STARTTLS;
        Classifier.Verdict v = Classifier.classify(e, new Classifier.Facts(phase, connections.isCancelled(),
                connections.watchdogFired(), ctx.closedIn(), ctx.nonSmtpGreeting(),
                ctx.certificateSeen(), ctx.authSent(), startTlsAccepted,
                rec.lastReply()));
        ctx.keepFailedTlsFacts();
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

    /** Exception types (never their texts, except the TLS stack's own) and the last reply, redacted. */
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
        if (v.otherService() != null && v.otherService() != OtherService.UNKNOWN) {
            // the exception's type says nothing; what answered does
            sb.append("; the port answered as ").append(v.otherService().name()).append(", not SMTP");
        }
        rec.lastReply().ifPresent(r -> sb.append("; last reply: ").append(r.lines().get(0)));
        return ctx.redactor().scrub(sb.toString());
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
                ctx.resolved(),
                ctx.capabilities(),
                ctx.capabilitiesAfterTls(),
                ctx.tlsInfo(),
                Optional.ofNullable(failure).map(Classifier.Verdict::otherService),
                detail == null ? "" : detail,
                rec.transcript(),
                rec.elapsedMs(),
                ctx.acceptedMechanism());
    }
}
