package org.smtpdoctor.probe;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Waits for the greeting on a clear-text connection without waiting out the read timeout when a faster signal
 * exists. A port silent for {@link ProbeOptions#greetingWait()} is very often an implicit-TLS port: a TLS handshake
 * is tried on a second connection (and a web request on a third) while the first keeps waiting. A finding closes
 * the first connection at once and becomes the probe's result; a greeting that arrives first wins.
 */
final class GreetingWait {

    private static final Pattern MULTI_LINE_START = Pattern.compile("[2-5][0-9][0-9]-");

    private final ProbeContext ctx;
    private final Object lock = new Object();
    private boolean greeted;
    private volatile ProbeStop finding;

    GreetingWait(ProbeContext ctx) {
        this.ctx = ctx;
    }

    int read(ProbeTransport.ReplyRead read) throws MessagingException {
        ProbeOptions options = ctx.options();
        try {
            return greeted(read.read());
        } catch (MessagingException e) {
            if (!Causes.has(e, SocketTimeoutException.class) || ctx.connections().isCancelled()) {
                throw e;
            }
        }
        Duration remaining = options.readTimeout().minus(options.greetingWait());
        if (greetingBegun()) {
            return unfinishedGreeting(read, remaining);
        }
        ctx.rec().info("No greeting within " + Smtp.seconds(options.greetingWait())
                + "; trying a TLS handshake on a second connection");
        Future<?> sniff = ctx.connections().workers().submit(() -> sniff(remaining));
        try {
            ctx.plainSocket().setSoTimeout(Smtp.timeoutMs(remaining));
            int code = greeted(read.read());
            ctx.rec().info("Greeting arrived after " + ctx.rec().elapsedMs() + " ms");
            return code;
        } catch (MessagingException | IOException e) {
            ProbeStop found = finding;
            if (found != null) {
                throw found;
            }
            if (Causes.has(e, SocketTimeoutException.class) && !ctx.connections().isCancelled()) {
                throw new ProbeStop(FailureKind.NO_GREETING, Phase.GREETING, "no greeting within "
                        + Smtp.seconds(options.readTimeout()) + " and no TLS on a second connection");
            }
            throw e instanceof MessagingException ? (MessagingException) e
                    : new MessagingException("greeting wait failed", (IOException) e);
        } finally {
            sniff.cancel(true);
        }
    }

    /**
     * Whether the server has sent the first line of a multi-line reply ("220-"): then the port speaks SMTP in clear
     * text. Another service's banner (SSH's "SSH-2.0-…" also stalls Angus's reader) is left to the sniffing.
     */
    private boolean greetingBegun() {
        return ctx.plainSocket() instanceof LimitedSocket s && MULTI_LINE_START.matcher(s.head()).lookingAt();
    }

    /**
     * The greeting began at once but its last line is late, as Postfix's postscreen does (its first line "220-",
     * the rest after its greeting wait): the port speaks SMTP in clear text, so nothing is tried on other
     * connections, which such filters count as a spambot talking before the greeting. The rest is awaited until the
     * read timeout.
     */
    private int unfinishedGreeting(ProbeTransport.ReplyRead read, Duration remaining) throws MessagingException {
        ctx.rec().info("The greeting began but is not finished after " + Smtp.seconds(ctx.options().greetingWait())
                + "; waiting up to " + Smtp.seconds(remaining) + " more for the rest");
        try {
            ctx.plainSocket().setSoTimeout(Smtp.timeoutMs(remaining));
        } catch (IOException e) {
            // the socket is gone; the read says so
        }
        try {
            int code = greeted(read.read());
            ctx.rec().info("Greeting finished after " + ctx.rec().elapsedMs() + " ms");
            return code;
        } catch (MessagingException e) {
            if (Causes.has(e, SocketTimeoutException.class) && !ctx.connections().isCancelled()) {
                throw new ProbeStop(FailureKind.NO_GREETING, Phase.GREETING,
                        "the greeting began but did not end within " + Smtp.seconds(ctx.options().readTimeout()));
            }
            throw e;
        }
    }

    private int greeted(int code) {
        synchronized (lock) {
            greeted = true;
        }
        try {
            ctx.plainSocket().setSoTimeout(Smtp.timeoutMs(ctx.options().readTimeout()));
        } catch (IOException e) {
            // the socket is gone; the next read says so
        }
        return code;
    }

    /** On a helper thread: does the silent port speak TLS, or another protocol? Records nothing itself. */
    private void sniff(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        PortSniffer.TlsSniff tls = ctx.sniffer().tryTls(budget);
        ProbeStop found = null;
        if (tls.verdict() == PortSniffer.TlsVerdict.TLS) {
            found = new ProbeStop(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED, Phase.GREETING,
                    "the port stays silent in clear text but completes a TLS handshake on a second connection"
                            + (tls.protocol().isEmpty() ? "" : " (" + tls.protocol() + ")")
                            + ": it is an implicit TLS (SSL/TLS) port");
        } else {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (!left.isNegative() && !left.isZero()) {
                // a web server answers the request; an SSH server's banner ("SSH-2.0-...") comes first, and Angus
                // cannot read it: its fourth character makes it look like the first line of a multi-line reply
                Optional<String> line = ctx.sniffer().firstLine(Duration.ZERO, left).line();
                OtherService other = line.flatMap(ServiceRecognizer::recognize).orElse(OtherService.UNKNOWN);
                if (other != OtherService.UNKNOWN) {
                    found = new ProbeStop(FailureKind.NOT_SMTP, Phase.GREETING, "on a second connection the port"
                            + " answers " + ServiceRecognizer.printable(line.get()) + ": it is " + other + ", not SMTP",
                            other);
                }
            }
        }
        if (found != null) {
            synchronized (lock) {
                if (!greeted) {
                    finding = found;
                    Connections.closeQuietly(ctx.plainSocket());
                }
            }
        }
    }
}
