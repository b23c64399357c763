package org.smtpdoctor.probe;

import java.util.Objects;
import org.smtpdoctor.settings.AccountSettings;

/**
 * Tries outgoing-server settings against the real server, phase by phase (DNS, connect, greeting, EHLO, STARTTLS,
 * TLS, AUTH, MAIL FROM, RCPT TO, optionally DATA, QUIT), through Jakarta Mail's SMTP transport over sockets the
 * probe owns, and says where and why it stopped.
 *
 * <p>Why it is built this way: a server's "no" is the answer the user needs, so {@link #probe} never throws for
 * network or server problems; everything becomes a {@link ProbeResult} with a {@link FailureKind} classified by
 * phase, exception type and reply code. Every wait is bounded, a faster signal never waits for a timeout (a silent
 * port is tried with TLS after {@link ProbeOptions#greetingWait()}), and no credential ever reaches the transcript.
 *
 * <p>One probe per instance; {@link #cancel()} may be called from any thread.
 */
public final class Prober {

    private final ProbeOptions options;
    private final HostResolver resolver;
    private volatile ProbeRun run;
    private volatile boolean cancelled;

    /** A prober resolving names with the operating system's resolver. */
    public Prober(ProbeOptions options) {
        this(options, HostResolver.system());
    }

    /** A prober resolving names with {@code resolver} (e.g. a chosen DNS server); TLS still checks the name. */
    public Prober(ProbeOptions options, HostResolver resolver) {
        this.options = Objects.requireNonNull(options, "options");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Runs the probe on the calling thread and returns what happened. The listener is called on this thread as
     * phases start and finish and as transcript lines are recorded (already redacted).
     */
    public ProbeResult probe(AccountSettings settings, ProbeListener listener) {
        Objects.requireNonNull(settings, "settings");
        Warmup.start();
        ProbeRun r = new ProbeRun(settings, options, resolver, listener == null ? ProbeListener.NONE : listener);
        run = r;
        if (cancelled) {
            r.cancel();
        }
        return r.run();
    }

    /** Closes every socket of the running probe at once; the probe then returns {@link FailureKind#CANCELLED}. */
    public void cancel() {
        cancelled = true;
        ProbeRun r = run;
        if (r != null) {
            r.cancel();
        }
    }
}
