package org.smtpdoctor.probe;

import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smtpdoctor.settings.Security;

/**
 * The probe's side of Angus's protocol hooks: records every line (redacted) and the phase it belongs to, reads the
 * greeting through {@link GreetingWait}, keeps the capabilities of each EHLO, and decides before anything unwanted
 * goes out: never continue in clear text when STARTTLS was chosen, never send credentials unencrypted unless allowed,
 * never let Angus upgrade to TLS behind the user's back.
 */
final class SessionHooks implements ProbeTransport.Hooks {

    /** Angus's text for a reply that was the end of the stream. */
    private static final String EOF_MARK = "[EOF]";

    private final ProbeContext ctx;
    private final Recorder rec;
    private final GreetingWait greetingWait;

    SessionHooks(ProbeContext ctx) {
        this.ctx = ctx;
        this.rec = ctx.rec();
        this.greetingWait = new GreetingWait(ctx);
    }

    @Override
    public void beforeCommand(String command) throws MessagingException {
        ctx.checkCancelled();
        if (ctx.sendingData()) {
            rec.sent(command);
            return;
        }
        String verb = Smtp.verb(command);
        Phase phase = Smtp.phaseOf(verb);
        if (!ctx.quiet() && phase != null) {
            rec.enter(phase, verb);
        }
        if ("AUTH".equals(verb)) {
            if (!ctx.inTls() && !ctx.options().allowPlaintextAuth()) {
                throw plaintextAuthBlocked();
            }
            String[] words = command.trim().split(" +");
            // an initial response carries the credential
            ctx.authCommandSent(words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "", words.length > 2);
            rec.sent(Redactor.redactAuthCommand(command));
        } else if (rec.current() == Phase.AUTH && !ctx.quiet()) {
            ctx.markCredentialSent();
            checkSaslRoundTrips();
            rec.sent(Redactor.MASK); // a SASL response sent as a command line
        } else {
            rec.sent(command);
        }
    }

    @Override
    public void beforeContinuation() throws MessagingException {
        ctx.checkCancelled();
        ctx.markCredentialSent();
        checkSaslRoundTrips();
        rec.sent(Redactor.MASK);
    }

    /** Counts SASL answers; a server that keeps challenging is stopped at {@link Limits#SASL_ROUND_TRIPS}. */
    private void checkSaslRoundTrips() throws ProbeStop {
        if (ctx.limitStop() != null) {
            throw ctx.limitStop();
        }
        if (ctx.countSaslRoundTrip() > Limits.SASL_ROUND_TRIPS) {
            ctx.stoppedAtLimit(new ProbeStop(FailureKind.ENDLESS_REPLY, Phase.AUTH, "the server sent more than "
                    + Limits.SASL_ROUND_TRIPS + " sign-in challenges (334) without end"));
            throw ctx.limitStop();
        }
    }

    @Override
    public int readGreeting(ProbeTransport.ReplyRead read) throws MessagingException {
        return ctx.inTls() ? read.read() : greetingWait.read(read);
    }

    @Override
    public void afterReply(int code, String response) throws MessagingException {
        checkReplySize(response);
        String text = ctx.redactor().scrub(ReplyCharset.repair(response));
        if (code == -1 && EOF_MARK.equals(text.trim())) {
            ctx.closedByServer(rec.current());
            rec.error("Connection closed by the server");
            return;
        }
        List<String> lines = text.lines().filter(l -> !l.isEmpty()).toList();
        if (rec.current() == Phase.GREETING && !lines.isEmpty()) {
            ctx.greeted(lines.get(0), code != -1);
        }
        for (String l : lines) {
            if (code > 0) {
                rec.received(l);
            } else {
                rec.unexpected(ServiceRecognizer.printable(l));
            }
        }
        if (code > 0 && !ctx.quiet()) {
            Reply.parse(text).ifPresent(rec::reply);
        }
        if (code == 235 && ctx.authSent() && rec.current() == Phase.AUTH) {
            signInAccepted();
        }
    }

    /** A 235 is a success only after a credential went out; before that no correct server can send it. */
    private void signInAccepted() {
        if (!ctx.signInAccepted()) {
            rec.error("Sign-in accepted before any credential was sent");
        }
    }

    /** A reply within the connection's byte limit may still have too many or too long lines. */
    private void checkReplySize(String response) throws ProbeStop {
        if (response == null) {
            return;
        }
        int lines = 0;
        int start = 0;
        while (start < response.length()) {
            int end = response.indexOf('\n', start);
            int stop = end < 0 ? response.length() : end;
            if (stop - start > Limits.BYTES_PER_REPLY_LINE) {
                throw endless("a reply line longer than " + Limits.BYTES_PER_REPLY_LINE + " bytes");
            }
            if (++lines > Limits.LINES_PER_REPLY) {
                throw endless("a reply of more than " + Limits.LINES_PER_REPLY + " lines");
            }
            start = stop + 1;
        }
    }

    private ProbeStop endless(String what) {
        rec.error("The server sent " + what + "; the probe stopped reading");
        return new ProbeStop(FailureKind.ENDLESS_REPLY, rec.current(), "the server sent " + what);
    }

    @Override
    public void ehloRefused(int code) throws MessagingException {
        if (code == -1) {
            if (ctx.closedIn() != null) {
                throw new ProbeStop(FailureKind.CONNECTION_CLOSED, ctx.closedIn(), "connection closed by the server");
            }
            throw new ProbeStop(FailureKind.PROTOCOL_ERROR, Phase.EHLO, "the EHLO reply is not SMTP");
        }
        if (code >= 500 && ctx.greetedLikeFtp()) {
            throw new ProbeStop(FailureKind.NOT_SMTP, Phase.EHLO,
                    "the port greets like an FTP server and refuses EHLO", OtherService.FTP);
        }
        if (code < 500 || ctx.startTlsDone()) {
            throw new ProbeStop(FailureKind.SERVER_REJECTED, Phase.EHLO, "the server refused EHLO");
        }
        rec.warn("EHLO refused (" + code + "); trying HELO");
    }

    @Override
    public void afterHello(boolean extended, String response) throws MessagingException {
        Capabilities caps = extended
                ? Reply.parse(response).map(Capabilities::fromEhloReply).orElse(Capabilities.NONE)
                : Capabilities.NONE;
        ctx.helloAnswered(caps);
        if (extended) {
            rec.note(Smtp.describe(caps));
        } else {
            rec.warn("HELO accepted: the server announces no extensions");
        }
        if (ctx.settings().security() == Security.STARTTLS && !ctx.inTls()) {
            if (!caps.startTls()) {
                throw new ProbeStop(FailureKind.STARTTLS_NOT_OFFERED, Phase.STARTTLS,
                        "STARTTLS was chosen but the server does not offer it");
            }
            return; // Angus sends STARTTLS next
        }
        if (ctx.settings().signsIn()) {
            prepareAuth(caps);
        }
    }

    /**
     * Decides, before any credential goes out, whether and how to sign in. When sign-in is not offered in clear text
     * but STARTTLS is, a second connection (STARTTLS and EHLO only, no credentials) shows whether AUTH appears
     * inside TLS: that tells "AUTH only after TLS" from "no AUTH at all".
     */
    private void prepareAuth(Capabilities caps) throws MessagingException {
        if (!caps.auth()) {
            if (!ctx.inTls() && caps.startTls()) {
                rec.info("No AUTH offered in clear text; checking on a second connection what STARTTLS unlocks");
                Optional<Capabilities> after = ctx.sniffer().capabilitiesAfterStartTls(ctx.options().ehloName(),
                        ctx.options().readTimeout());
                after.ifPresent(ctx::learnedCapabilitiesAfterTls);
                if (after.isPresent() && after.get().auth()) {
                    rec.info("After STARTTLS the server offers AUTH " + String.join(" ", after.get().authMechanisms()));
                    throw new ProbeStop(FailureKind.AUTH_ONLY_AFTER_TLS, Phase.AUTH,
                            "sign-in is offered only after STARTTLS");
                }
            }
            throw new ProbeStop(FailureKind.AUTH_NOT_OFFERED, Phase.AUTH, "the server offers no AUTH");
        }
        if (!ctx.inTls() && !ctx.options().allowPlaintextAuth()) {
            throw plaintextAuthBlocked();
        }
        List<String> offered = caps.authMechanisms();
        String mechanism = Smtp.mechanism(ctx.settings().authMethod(), offered);
        if (mechanism == null) {
            throw new ProbeStop(FailureKind.AUTH_NO_COMMON_MECHANISM, Phase.AUTH, "the server offers AUTH "
                    + String.join(" ", offered) + "; chosen: " + ctx.settings().authMethod().cliName());
        }
        // PLAIN, LOGIN and XOAUTH2 go through Angus's own authenticators (mail.smtp.auth.mechanisms); CRAM-MD5
        // only through its SASL path
        boolean sasl = "CRAM-MD5".equals(mechanism);
        ctx.transport().setSASLEnabled(sasl);
        // AUTH PLAIN with an empty authorization identity ("\0user\0password"), as mail programs send it: Angus fills
        // in the user name unless told otherwise, and some servers refuse that although the password is right
        // (msmtpd 1.8: "535 Authentication failed"), which would read as a wrong password. The JDK's SASL client
        // (CRAM-MD5) takes no empty one, and CRAM-MD5 sends none anyway.
        ctx.transport().setAuthorizationID(sasl ? null : "");
        if (sasl) {
            ctx.transport().setSASLMechanisms(new String[] {mechanism});
        }
    }

    private static ProbeStop plaintextAuthBlocked() {
        return new ProbeStop(FailureKind.PLAINTEXT_AUTH_BLOCKED, Phase.AUTH,
                "sign-in on an unencrypted connection: the credentials were not sent");
    }

    @Override
    public void beforeStartTls() throws MessagingException {
        if (ctx.settings().security() != Security.STARTTLS || ctx.inTls()) {
            // Angus upgrades silently when AUTH is answered with 530; the user chose otherwise
            throw new ProbeStop(ctx.inTls() ? FailureKind.AUTH_REJECTED : FailureKind.TLS_REQUIRED_BY_SERVER,
                    Phase.AUTH, "the server answered AUTH with 530: it wants STARTTLS first");
        }
    }

    @Override
    public void afterStartTls() {
        ctx.startTlsFinished();
    }
}
