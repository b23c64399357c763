package org.smtpdoctor.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.AccountSettings;

/**
 * One run of the search over ranked candidates: a small state machine per candidate (waiting, connecting,
 * awaiting sign-in, signing in, done), guarded by one lock. A success cancels every lower-ranked candidate except
 * the user's own settings. Listener calls are made under that lock, so they come
 * one at a time and in order.
 */
final class Search {

    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

    private final FindRequest request;
    private final CandidateChecks checks;
    private final DnsLookup dns;
    private final FinderOptions options;
    private final ProbeOptions probeOptions;
    private final ProbeSession.Factory probes;
    private final FindListener listener;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final List<SearchSlot> slots = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Connection tests only (no sign-in or sender check): checking alternatives rather than searching. */
    private final boolean connectionsOnly;
    /** With {@link #connectionsOnly}: a candidate counts as a success only when it offers sign-in. */
    private final boolean signInNeeded;
    private int signInsStarted;
    private boolean cancelled;
    private boolean timedOut;

    Search(FindRequest request, List<Candidate> ranked, ProviderCatalog catalog, DnsLookup dns,
            FinderOptions options, ProbeSession.Factory probes, FindListener listener, ExecutorService pool) {
        this(request, ranked, catalog, dns, options, probes, listener, pool, false, false);
    }

    Search(FindRequest request, List<Candidate> ranked, ProviderCatalog catalog, DnsLookup dns,
            FinderOptions options, ProbeSession.Factory probes, FindListener listener, ExecutorService pool,
            boolean connectionsOnly, boolean signInNeeded) {
        this.connectionsOnly = connectionsOnly;
        this.signInNeeded = signInNeeded;
        this.request = request;
        this.checks = new CandidateChecks(request, catalog);
        this.dns = dns;
        this.options = options;
        this.probeOptions = options.probe().withAllowPlaintextAuth(request.allowPlaintext());
        this.probes = probes;
        this.listener = listener;
        this.pool = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(SettingsFinder.daemonThreads("smtp-doctor-find-timer"));
        for (int i = 0; i < ranked.size(); i++) {
            slots.add(new SearchSlot(i, ranked.get(i)));
        }
    }

    /** Probes every candidate and returns their outcomes in rank order (not yet sorted by status). */
    List<CandidateOutcome> run() {
        long deadline = System.nanoTime() + options.overallTimeout().toNanos();
        try {
            for (SearchSlot s : slots) {
                long delay = options.stagger().toNanos() * s.rank;
                timer.schedule(() -> submit(() -> connect(s)), delay, TimeUnit.NANOSECONDS);
            }
            lock.lock();
            try {
                while (!allDone()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        if (!cancelled) {
                            timedOut = true;
                        }
                        cancelAllLocked();
                        waitForRunning(CANCEL_GRACE.toNanos());
                        break;
                    }
                    changed.awaitNanos(left);
                }
                return slots.stream().map(s -> s.outcome).toList();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelAllLocked();
                return slots.stream().map(s -> s.outcome).toList();
            } finally {
                lock.unlock();
            }
        } finally {
            timer.shutdownNow();
        }
    }

    void cancel() {
        lock.lock();
        try {
            cancelled = true;
            cancelAllLocked();
        } finally {
            lock.unlock();
        }
    }

    boolean wasCancelled() {
        return cancelled;
    }

    boolean timedOut() {
        return timedOut;
    }

    // ---- stage 1: connection test, no credentials ------------------------------------------------------------

    private void connect(SearchSlot s) {
        lock.lock();
        try {
            if (s.state != SearchSlot.State.WAITING) {
                return;
            }
            s.state = SearchSlot.State.CONNECTING;
            s.startNanos = System.nanoTime();
            listener.candidateStarted(s.candidate, FindListener.Stage.CONNECTION);
        } finally {
            lock.unlock();
        }
        AccountSettings settings = s.candidate.reachabilitySettings();
        ProbeResult result;
        try {
            ProbeSession session = probes.open(probeOptions);
            s.session = session;
            Optional<String> address = connectAddress(s);
            if (address.isEmpty()) {
                result = SearchSlot.unknownHost(settings, s.dnsError);
            } else {
                result = probeWithWatchdog(s, session, settings.withHost(address.get()));
            }
        } catch (RuntimeException e) {
            result = null;
            s.internalError = e.getClass().getSimpleName();
        }
        onConnected(s, result);
    }

    /** The host to connect to: the name itself, or its address when names are resolved by the search. */
    private Optional<String> connectAddress(SearchSlot s) {
        if (!options.probeResolvedAddresses()) {
            return Optional.of(s.candidate.host());
        }
        try {
            List<InetAddress> addresses = dns.addresses(s.candidate.host());
            if (addresses.isEmpty()) {
                s.dnsError = "no address for " + s.candidate.host();
                return Optional.empty();
            }
            s.connectHost = addresses.get(0).getHostAddress();
            return Optional.of(s.connectHost);
        } catch (IOException e) {
            s.dnsError = "DNS lookup of " + s.candidate.host() + " failed: " + e.getClass().getSimpleName();
            return Optional.empty();
        }
    }

    private void onConnected(SearchSlot s, ProbeResult result) {
        lock.lock();
        try {
            s.connection = result;
            if (s.state == SearchSlot.State.DONE) {
                return;
            }
            if (result == null) {
                finish(s, CandidateStatus.FAILED, FailureKind.INTERNAL_ERROR);
            } else if (s.stopRequested) {
                finish(s, CandidateStatus.CANCELLED, FailureKind.CANCELLED);
            } else if (s.watchdogReason != null) {
                finish(s, CandidateStatus.FAILED, s.watchdogReason);
            } else if (!result.success()) {
                FailureKind kind = result.failure().orElse(FailureKind.INTERNAL_ERROR);
                finish(s, kind == FailureKind.CANCELLED ? CandidateStatus.CANCELLED : CandidateStatus.FAILED, kind);
            } else {
                afterReachable(s, result);
            }
            settle();
        } finally {
            lock.unlock();
        }
    }

    /** Decides whether a reachable candidate gets a sign-in check, a sender check, or is final as reachable. */
    private void afterReachable(SearchSlot s, ProbeResult result) {
        if (connectionsOnly) {
            finish(s, CandidateStatus.REACHABLE, null);
            return;
        }
        switch (checks.afterReachable(s.candidate, result.effectiveCapabilities())) {
            case REACHABLE -> finish(s, CandidateStatus.REACHABLE, null);
            case NEEDS_CONFIRMATION -> finish(s, CandidateStatus.NEEDS_CONFIRMATION, null);
            case SIGN_IN -> s.state = SearchSlot.State.AWAITING_SIGN_IN;
            case SENDER_CHECK -> {
                s.senderCheckOnly = true;
                s.state = SearchSlot.State.AWAITING_SIGN_IN;
            }
        }
    }

    // ---- stage 2: sign-in (or sender) check ------------------------------------------------------------------

    private void signIn(SearchSlot s) {
        AccountSettings settings;
        lock.lock();
        try {
            if (s.state != SearchSlot.State.SIGNING_IN) {
                return;
            }
            settings = checks.signInSettings(s.candidate, s.senderCheckOnly);
            listener.candidateStarted(s.candidate, FindListener.Stage.SIGN_IN);
        } finally {
            lock.unlock();
        }
        ProbeResult result;
        try {
            ProbeSession session = probes.open(probeOptions);
            s.session = session;
            String host = s.connectHost == null ? s.candidate.host() : s.connectHost;
            result = probeWithWatchdog(s, session, settings.withHost(host));
        } catch (RuntimeException e) {
            result = null;
            s.internalError = e.getClass().getSimpleName();
        }
        onSignedIn(s, result);
    }

    private void onSignedIn(SearchSlot s, ProbeResult result) {
        lock.lock();
        try {
            s.signIn = result;
            if (s.state == SearchSlot.State.DONE) {
                return;
            }
            if (result == null) {
                finish(s, CandidateStatus.FAILED, FailureKind.INTERNAL_ERROR);
            } else if (s.stopRequested || result.failure().orElse(null) == FailureKind.CANCELLED) {
                s.signIn = null;
                finish(s, CandidateStatus.REACHABLE, FailureKind.CANCELLED);
            } else if (s.watchdogReason != null) {
                finish(s, CandidateStatus.FAILED, s.watchdogReason);
            } else {
                s.signInTested = !s.senderCheckOnly;
                if (result.success()) {
                    finish(s, s.senderCheckOnly ? CandidateStatus.WORKS_WITHOUT_SIGN_IN
                            : CandidateStatus.WORKS_WITH_SIGN_IN, null);
                } else {
                    Phase phase = result.failedPhase().orElse(Phase.INPUT);
                    FailureKind kind = result.failure().orElse(FailureKind.INTERNAL_ERROR);
                    boolean afterSession = phase.compareTo(Phase.AUTH) >= 0;
                    finish(s, afterSession ? CandidateStatus.SIGN_IN_FAILED : CandidateStatus.FAILED, kind);
                }
            }
            settle();
        } finally {
            lock.unlock();
        }
    }

    // ---- scheduling ------------------------------------------------------------------------------------------

    /**
     * After every event: cancel what ranks below a success, start the sign-in checks that are due, and wake the
     * waiting caller when everything is done.
     */
    private void settle() {
        SearchSlot best = null;
        for (SearchSlot s : slots) {
            if (s.state == SearchSlot.State.DONE && isSuccess(s.outcome)) {
                best = s;
                break;
            }
        }
        for (SearchSlot s : slots) {
            // the user's own settings always run to the end: "do my settings work?" is worth the wait
            if (best != null && s.rank > best.rank && s.state != SearchSlot.State.DONE
                    && s.candidate.source() != CandidateSource.USER) {
                stop(s);
            }
        }
        for (SearchSlot s : slots) {
            if (s.state != SearchSlot.State.AWAITING_SIGN_IN) {
                continue;
            }
            if (s.senderCheckOnly) {
                startSignIn(s);
            } else if (signInsStarted < options.maxSignInAttempts()) {
                signInsStarted++;
                startSignIn(s);
            } else {
                finish(s, CandidateStatus.REACHABLE, null);
            }
        }
        if (allDone()) {
            changed.signalAll();
        }
    }

    private boolean isSuccess(CandidateOutcome outcome) {
        CandidateStatus status = outcome.status();
        if (connectionsOnly && signInNeeded) {
            return status == CandidateStatus.REACHABLE && outcome.reason().isEmpty() && outcome.connection()
                    .map(r -> r.effectiveCapabilities().auth()).orElse(false);
        }
        return status.works() || (status == CandidateStatus.REACHABLE && !request.hasCredentials());
    }

    private void startSignIn(SearchSlot s) {
        s.state = SearchSlot.State.SIGNING_IN;
        submit(() -> signIn(s));
    }

    /** Stops a candidate because a better one succeeded or the search is cancelled. */
    private void stop(SearchSlot s) {
        switch (s.state) {
            case WAITING -> finish(s, CandidateStatus.CANCELLED, FailureKind.CANCELLED);
            case AWAITING_SIGN_IN -> finish(s, CandidateStatus.REACHABLE, FailureKind.CANCELLED);
            case CONNECTING, SIGNING_IN -> {
                s.stopRequested = true;
                if (s.session != null) {
                    s.session.cancel();
                }
            }
            case DONE -> {
                // already final
            }
        }
    }

    private void cancelAllLocked() {
        for (SearchSlot s : slots) {
            if (s.state != SearchSlot.State.DONE) {
                stop(s);
            }
        }
        if (allDone()) {
            changed.signalAll();
        }
    }

    /** After cancelling: give running probes a moment to return, then close their slots as cancelled. */
    private void waitForRunning(long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        while (!allDone()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                for (SearchSlot s : slots) {
                    if (s.state != SearchSlot.State.DONE) {
                        finish(s, CandidateStatus.CANCELLED, FailureKind.CANCELLED);
                    }
                }
                return;
            }
            changed.awaitNanos(left);
        }
    }

    private boolean allDone() {
        return slots.stream().allMatch(s -> s.state == SearchSlot.State.DONE);
    }

    private void submit(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            // the search is over: nothing left to run
        }
    }

    private void finish(SearchSlot s, CandidateStatus status, FailureKind reason) {
        s.state = SearchSlot.State.DONE;
        long end = System.nanoTime();
        long elapsed = s.startNanos == 0 ? 0 : (end - s.startNanos) / 1_000_000;
        AccountSettings settings = s.signIn != null && s.signInTested
                ? s.signIn.settings().withHost(s.candidate.host())
                : s.candidate.reachabilitySettings();
        s.outcome = new CandidateOutcome(s.candidate, status, Optional.ofNullable(reason), settings,
                Optional.ofNullable(s.connection), Optional.ofNullable(s.signIn), s.signInTested, elapsed);
        listener.candidateFinished(s.outcome);
        changed.signalAll();
    }

    private ProbeResult probeWithWatchdog(SearchSlot s, ProbeSession session, AccountSettings settings) {
        SearchWatchdog dog = new SearchWatchdog(s, session, lock, timer, options.greetingTimeout());
        dog.arm(options.probe().connectTimeout().plus(options.greetingTimeout()), FailureKind.CONNECT_TIMEOUT);
        try {
            if (s.stopRequested) {
                session.cancel();
            }
            return session.probe(settings, dog);
        } finally {
            dog.disarm();
        }
    }
}
