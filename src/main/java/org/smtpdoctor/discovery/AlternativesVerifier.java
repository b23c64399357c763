package org.smtpdoctor.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;

/**
 * Checks the standard alternatives to settings that failed: the same server on its submission port with STARTTLS
 * (587) and on its implicit-TLS port with SSL/TLS (465), both at once, without any credential, within a few seconds.
 *
 * <p>Why: advice to move to another port or connection security must rest on what the server did just now, not on
 * what servers usually do. Following unverified advice can send the user in a circle (None → STARTTLS → SSL/TLS on
 * a relay port where none of them works). Plain text is never an alternative: it would carry the password in clear.
 *
 * <p>It is the settings search's machinery ({@link Search} with connection tests only, one {@link ProbeSession}
 * per probe), so every wait is bounded the same way and {@link #cancel()} works from any thread.
 */
public final class AlternativesVerifier {

    /** The whole check; each probe's own timeouts are cut to fit. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

    private static final DnsLookup NO_DNS = new DnsLookup() {
        @Override
        public List<SrvTarget> srv(String name) {
            return List.of();
        }

        @Override
        public List<String> mx(String domain) {
            return List.of();
        }

        @Override
        public List<InetAddress> addresses(String host) throws IOException {
            throw new IOException("the verifier probes names, it does not resolve them itself");
        }
    };

    private final FinderOptions options;
    private final ProbeSession.Factory probes;
    private final SearchHandle running = new SearchHandle();

    /** Checks 465 and 587 through the probe engine with the probe options given, within {@link #DEFAULT_BUDGET}. */
    public AlternativesVerifier(ProbeOptions probe) {
        this(probe, FinderOptions.StandardPorts.USUAL, DEFAULT_BUDGET);
    }

    /** Checks the ports given (tests move them to loopback ports) within {@code budget}. */
    public AlternativesVerifier(ProbeOptions probe, FinderOptions.StandardPorts ports, Duration budget) {
        this(probe, ports, budget, ProberSessions.FACTORY);
    }

    public AlternativesVerifier(ProbeOptions probe, FinderOptions.StandardPorts ports, Duration budget,
            ProbeSession.Factory probes) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(budget, "budget");
        // a port that accepts but never greets, or stops answering (a TLS handshake that stalls), is named silent a
        // little before the whole check runs out
        Duration greeting = budget.multipliedBy(3).dividedBy(4);
        ProbeOptions bounded = probe
                .withTimeouts(min(probe.connectTimeout(), budget), min(probe.readTimeout(), greeting))
                .withGreetingWait(min(probe.greetingWait(), budget))
                .withSendTestMessage(false)
                .withAllowPlaintextAuth(false);
        this.options = new FinderOptions(bounded, greeting, Duration.ZERO, budget, 1, ports, false, false);
        this.probes = Objects.requireNonNull(probes, "probes");
    }

    /**
     * Whether the failure points away from the chosen port or security, so the alternatives are worth checking:
     * nothing listens or answers there, something else answers, the port offers no encryption, or it offers neither
     * sign-in nor encryption (behind which sign-in may wait) while refusing to pass the mail on, its encryption broke
     * off after the server's certificate, or the security chosen does not fit how the port starts (whose STARTTLS or
     * SSL/TLS is then seen, not assumed, to work), or its certificate is for another name (which another port of the
     * same name may prove, so that this port is seen to be answered by another server), or sign-in waits behind a
     * STARTTLS that was only looked at (whose real certificate check is then seen, not assumed, to pass).
     */
    public static boolean worthChecking(ProbeResult failed) {
        if (failed.success() || failed.failure().isEmpty()) {
            return false;
        }
        Capabilities caps = failed.effectiveCapabilities();
        return switch (failed.failure().get()) {
            case CONNECTION_REFUSED, CONNECT_TIMEOUT, NO_GREETING, NOT_SMTP, STARTTLS_NOT_OFFERED,
                    AUTH_NOT_OFFERED -> true;
            // the port spoke TLS to a second connection: SSL/TLS on it is checked before it is suggested
            case TLS_WHERE_PLAINTEXT_EXPECTED -> true;
            // a certificate for another name: when another port of the same name proves it, this port is answered by
            // another server (a redirect on the way), and that server's name is no advice
            case CERT_HOST_MISMATCH -> true;
            // sign-in behind STARTTLS was seen on a look that accepts any certificate: STARTTLS on the same port is
            // checked as a mail program makes it, before it is suggested
            case AUTH_ONLY_AFTER_TLS -> true;
            // the port greeted in plain text: STARTTLS on it (when offered) or another port is checked first
            case PLAINTEXT_WHERE_TLS_EXPECTED -> true;
            // sign-in was listed on a connection without encryption, and the port offers no STARTTLS: no connection
            // security on this port carries the password, so the other ports are checked (Haraka leaves STARTTLS out
            // for clients in its no_tls_hosts, development servers have none) rather than SSL/TLS assumed on it
            case PLAINTEXT_AUTH_BLOCKED -> !caps.startTls();
            // the server wants encryption (or sign-in, which no password is sent for unencrypted) on a connection
            // that offers no STARTTLS: SSL/TLS on a port that greeted in plain text cannot be it, the other ports may
            // (MailDev and smtp-server answer "530 Error: authentication Required" with sign-in listed in plain text)
            case TLS_REQUIRED_BY_SERVER -> failed.settings().security() == Security.NONE && !caps.startTls();
            // the server spoke TLS and sent its certificate, then broke off: this port's encryption is broken, the
            // other one may not be
            // or the port closed the connection at once, without a word: a service that is down or turned away on
            // this port may run on the other one
            case TLS_FAILED, CONNECTION_RESET, CONNECTION_CLOSED -> failed.encryptionBrokenOffByServer()
                    || closedWithoutAWord(failed);
            // the encryption handshake stalled after the connection worked (large packets lost on the way, or a
            // broken port): whether the other port stalls the same tells the network from this port
            case READ_TIMEOUT -> failed.tlsHandshakeStalled();
            // sign-in behind STARTTLS is not assumed: the same port with STARTTLS is among the alternatives
            case SERVER_REJECTED -> relayRefusal(failed) && !caps.auth() && !failed.capabilities().auth();
            default -> false;
        };
    }

    /**
     * Whether the host is on the user's own computer or network, by its name alone (no look-up): {@code localhost},
     * a loopback, private or link-local address, or a name of one label (a container's or a LAN host's). Public
     * servers are never advised into a connection without encryption.
     */
    static boolean onOwnNetwork(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT).replace("[", "").replace("]", "");
        if (h.equals("localhost") || h.endsWith(".localhost") || OWN_ADDRESS.matcher(h).matches()) {
            return true;
        }
        // any other address is someone else's; a name of one label is a container's or a LAN host's
        return !h.isEmpty() && !h.contains(".") && !h.contains(":");
    }

    /**
     * Loopback, private and link-local addresses written as such (RFC 1918, RFC 3927, RFC 4193, RFC 4291), read from
     * the text: nothing is looked up.
     */
    private static final java.util.regex.Pattern OWN_ADDRESS = java.util.regex.Pattern.compile(
            "(?:127|10)(?:\\.\\d{1,3}){3}|(?:192\\.168|169\\.254|172\\.(?:1[6-9]|2\\d|3[01]))(?:\\.\\d{1,3}){2}"
                    + "|::1|f[cd][0-9a-f]{0,2}:[0-9a-f:]{0,36}|fe[89ab][0-9a-f]?:[0-9a-f:]{0,36}");

    /** The connection was closed or reset before any greeting: the port said nothing at all. */
    private static boolean closedWithoutAWord(ProbeResult failed) {
        return failed.failedPhase().orElse(null) == Phase.GREETING && failed.lastReply().isEmpty()
                && failed.otherService().isEmpty();
    }

    /**
     * The server refused for good (5xx; a 4xx such as greylisting passes) to pass the mail on, at MAIL FROM or RCPT
     * TO, to a client that had not signed in.
     */
    private static boolean relayRefusal(ProbeResult failed) {
        Phase phase = failed.failedPhase().orElse(Phase.INPUT);
        return failed.failure().orElse(null) == FailureKind.SERVER_REJECTED
                && (phase == Phase.RCPT_TO || phase == Phase.MAIL_FROM) && !failed.passed(Phase.AUTH)
                && failed.lastReply().map(r -> r.code() >= 500).orElse(false);
    }

    /**
     * Whether an alternative helps only when it offers sign-in: the settings sign in, or the server refused to pass
     * the mail on without it.
     */
    public static boolean signInNeeded(ProbeResult failed) {
        return failed.settings().signsIn() || relayRefusal(failed);
    }

    /**
     * The alternatives to try after this failure, best first: when the tested port offered STARTTLS but the settings
     * did not use it (None, or SSL/TLS met a plain-text greeting), the same port with STARTTLS comes first (the
     * smallest change; what it offers inside TLS is then seen, not assumed), as does the same port with SSL/TLS when it
     * turned out to be an implicit-TLS port; followed by {@link #alternatives(AccountSettings)}.
     */
    public List<AccountSettings> alternatives(ProbeResult failed) {
        AccountSettings tested = failed.settings();
        List<AccountSettings> list = new ArrayList<>();
        boolean plainStart = tested.security() == Security.NONE
                || failed.failure().orElse(null) == FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED;
        if (plainStart && failed.capabilities().startTls()) {
            list.add(AccountSettings.of(tested.host(), tested.port(), Security.STARTTLS));
        }
        if (failed.failure().orElse(null) == FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED) {
            list.add(AccountSettings.of(tested.host(), tested.port(), Security.SSL_TLS));
        }
        if (failed.failure().orElse(null) == FailureKind.STARTTLS_NOT_OFFERED && !signInNeeded(failed)
                && onOwnNetwork(tested.host())) {
            // a server on the user's own computer or network that offers no encryption at all (a development catcher,
            // a container's relay): with no password to carry, the same port without encryption is checked too
            list.add(AccountSettings.of(tested.host(), tested.port(), Security.NONE));
        }
        for (AccountSettings a : alternatives(tested)) {
            if (list.stream().noneMatch(b -> b.port() == a.port() && b.security() == a.security())) {
                list.add(a);
            }
        }
        return list;
    }

    /**
     * The alternatives to try on the tested host, best first: the one keeping the chosen connection security comes
     * first (fewer changes). The tested combination itself and plain text are never among them.
     */
    public List<AccountSettings> alternatives(AccountSettings tested) {
        FinderOptions.StandardPorts ports = options.ports();
        AccountSettings submission = AccountSettings.of(tested.host(), ports.submission(), Security.STARTTLS);
        AccountSettings implicitTls = AccountSettings.of(tested.host(), ports.implicitTls(), Security.SSL_TLS);
        List<AccountSettings> ordered = tested.security() == Security.SSL_TLS
                ? List.of(implicitTls, submission) : List.of(submission, implicitTls);
        List<AccountSettings> list = new ArrayList<>();
        for (AccountSettings a : ordered) {
            if (a.port() != tested.port() || a.security() != tested.security()) {
                list.add(a);
            }
        }
        return list;
    }

    /**
     * Tries every alternative at once and returns what each did, in the order of {@link #alternatives}. As in the
     * search, once one answers, those ranked below it are stopped ({@link AlternativeCheck.Answer#NOT_FINISHED}):
     * the best answering alternative is all the advice needs. Blocks for at most about the budget (plus a moment to
     * close what still runs); never throws for a server's failure.
     */
    public Verification verify(AccountSettings tested) {
        Objects.requireNonNull(tested, "tested");
        return verify(tested, alternatives(tested), false);
    }

    /**
     * Tries the alternatives to this failure ({@link #alternatives(ProbeResult)}) as {@link #verify(AccountSettings)}
     * does; when {@link #signInNeeded sign-in is needed}, only one that offers it counts as answering.
     */
    public Verification verify(ProbeResult failed) {
        Objects.requireNonNull(failed, "failed");
        return verify(failed.settings(), alternatives(failed), signInNeeded(failed));
    }

    private Verification verify(AccountSettings tested, List<AccountSettings> alternatives, boolean signInNeeded) {
        if (alternatives.isEmpty()) {
            return Verification.NONE;
        }
        List<Candidate> candidates = alternatives.stream()
                .map(a -> Candidate.of(a.host(), a.port(), a.security(), CandidateSource.GUESS,
                        "standard alternative to " + tested.endpoint()))
                .toList();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newCachedThreadPool(SettingsFinder.daemonThreads("smtp-doctor-verify"));
        try {
            Search search = new Search(placeholderRequest(tested), candidates, new ProviderCatalog(List.of()), NO_DNS,
                    options, probes, FindListener.NONE, pool, true, signInNeeded);
            List<CandidateOutcome> outcomes = running.run(search);
            List<AlternativeCheck> checks = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                checks.add(check(alternatives.get(i), outcomes.get(i)));
            }
            return new Verification(checks, (System.nanoTime() - start) / 1_000_000, search.timedOut(),
                    signInNeeded);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops a running check from any thread; {@link #verify} then returns promptly with what it has. */
    public void cancel() {
        running.cancel();
    }

    private static AlternativeCheck check(AccountSettings alternative, CandidateOutcome o) {
        Capabilities offered = o.connection().map(ProbeResult::effectiveCapabilities).orElse(Capabilities.NONE);
        AlternativeCheck.Answer answer;
        if (o.status() == CandidateStatus.REACHABLE && o.reason().isEmpty()) {
            answer = AlternativeCheck.Answer.ANSWERS;
        } else if (o.status() == CandidateStatus.CANCELLED) {
            answer = AlternativeCheck.Answer.NOT_FINISHED;
        } else {
            answer = AlternativeCheck.answerFor(o.reason().orElse(FailureKind.INTERNAL_ERROR));
        }
        Optional<FailureKind> failure = answer == AlternativeCheck.Answer.ANSWERS ? Optional.empty() : o.reason();
        boolean heard = answer == AlternativeCheck.Answer.ANSWERS || answer == AlternativeCheck.Answer.SECURITY_FAILED;
        return new AlternativeCheck(alternative, answer, failure, heard ? offered : Capabilities.NONE, o.connection(),
                o.elapsedMs());
    }

    /**
     * The search wants an address; connection tests send none (no MAIL FROM, no sign-in), so any well-formed one
     * does. The user's own is taken when there is one.
     */
    private static FindRequest placeholderRequest(AccountSettings tested) {
        String address = tested.sender().contains("@") ? tested.sender()
                : tested.username().contains("@") ? tested.username() : "postmaster@example.invalid";
        try {
            return FindRequest.of(address);
        } catch (IllegalArgumentException e) {
            return FindRequest.of("postmaster@example.invalid");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
