package org.smtpdoctor.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;

/**
 * Finds server settings that really work from the user's network: builds candidates (presets, the domain's
 * autoconfig file, the ISPDB, DNS SRV and MX, guesses), probes them all at once with short timeouts, verifies the
 * best with the user's sign-in, ranks the outcomes and states the smallest change from what the user has.
 *
 * <p>Use: {@code new SettingsFinder(ProviderCatalog.builtIn(), DnsJavaLookup.system(timeout),
 * FinderOptions.defaults()).find(request, listener)} on a background thread; {@link #cancel()} from any thread.
 * One finder runs one search at a time and may be reused afterwards.
 *
 * <p>How the search stays fast: every candidate starts at once (staggered by a few milliseconds in rank order);
 * a server that accepts the connection but does not greet within {@code greetingTimeout} is given up; as soon as a
 * candidate succeeds (works with sign-in, or is reachable when no credentials were given), every lower-ranked
 * candidate still running is cancelled, except the user's own settings (whether they work is always answered).
 * So the answer comes after roughly the slowest <em>useful</em> probe.
 *
 * <p>Credentials are sent only in the sign-in check, to at most {@code maxSignInAttempts} candidates that already
 * answered with a working connection security, never over plain text unless the request allows it, and never to
 * an OAuth-only provider.
 */
public final class SettingsFinder {

    private final ProviderCatalog catalog;
    private final Ispdb ispdb;
    private final DnsLookup dns;
    private final FinderOptions options;
    private final ProbeSession.Factory probes;
    private final DiscoveryTexts texts;
    private final SearchHandle running = new SearchHandle();

    /**
     * A finder probing through the probe engine ({@code probe.Prober}), which resolves the candidates' names
     * through {@code dns} too: one resolver for every lookup of the search.
     */
    public SettingsFinder(ProviderCatalog catalog, DnsLookup dns, FinderOptions options) {
        this(catalog, dns, options, ProberSessions.factory(dns.hostResolver()));
    }

    /** A finder probing through {@code probes} (another engine, or a test double), with the shipped ISPDB. */
    public SettingsFinder(ProviderCatalog catalog, DnsLookup dns, FinderOptions options, ProbeSession.Factory probes) {
        this(catalog, Ispdb.builtIn(), dns, options, probes);
    }

    /** A finder with another ISPDB (e.g. {@link Ispdb#empty()}). */
    public SettingsFinder(ProviderCatalog catalog, Ispdb ispdb, DnsLookup dns, FinderOptions options,
            ProbeSession.Factory probes) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.ispdb = Objects.requireNonNull(ispdb, "ispdb");
        this.dns = Objects.requireNonNull(dns, "dns");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.texts = DiscoveryTexts.forDefaultLocale();
    }

    /**
     * Runs the search; blocks until it is done, cancelled or out of time. Never throws for a server's or the
     * network's failure: those are outcomes.
     */
    public FindResult find(FindRequest request, FindListener listener) {
        Objects.requireNonNull(request, "request");
        FindListener serial = new SerialListener(listener == null ? FindListener.NONE : listener);
        long start = System.nanoTime();
        running.reset();
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("smtp-doctor-find"));
        try {
            CandidateGenerator.Generated generated = new CandidateGenerator(catalog, ispdb, autoconfig(), dns,
                    options.ports()).generate(request, pool, serial::lookupFinished);
            serial.candidatesReady(generated.candidates());
            ProviderCatalog known = known(generated);
            Search search = new Search(request, generated.candidates(), known, dns, options, probes, serial, pool);
            List<CandidateOutcome> outcomes = running.run(search);
            return result(request, generated, known, outcomes, search, start);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops the running search from any thread; {@link #find} then returns promptly with what it has. */
    public void cancel() {
        running.cancel();
    }

    /** The built-in catalog plus the providers this search learnt from autoconfig files and the ISPDB. */
    private ProviderCatalog known(CandidateGenerator.Generated generated) {
        if (generated.discovered().isEmpty()) {
            return catalog;
        }
        List<Provider> all = new ArrayList<>(catalog.providers());
        all.addAll(generated.discovered());
        return new ProviderCatalog(all);
    }

    private DomainAutoconfig autoconfig() {
        if (!options.autoconfig()) {
            return null;
        }
        HttpsGet https = new HttpsGet(dns.hostResolver(), options.probe().trustedCertificates(),
                DomainAutoconfig.TIMEOUT);
        return new DomainAutoconfig(https, options.ports().https());
    }

    private FindResult result(FindRequest request, CandidateGenerator.Generated generated, ProviderCatalog catalog,
            List<CandidateOutcome> outcomes, Search search, long start) {
        List<Candidate> order = generated.candidates();
        List<CandidateOutcome> ranked = outcomes.stream()
                .sorted(Comparator.comparingInt((CandidateOutcome o) -> o.status().tier())
                        .thenComparingInt(o -> order.indexOf(o.candidate())))
                .toList();
        Optional<CandidateOutcome> best = ranked.isEmpty() || !ranked.get(0).status().serverAnswered()
                ? Optional.empty() : Optional.of(ranked.get(0));
        List<Change> changes = best.map(b -> SettingChanges.between(request.current(), b.settings()))
                .orElse(List.of());
        Optional<Provider> provider = generated.provider()
                .or(() -> best.flatMap(b -> catalog.byId(b.candidate().providerId())))
                .or(() -> best.flatMap(b -> catalog.forServerHost(b.candidate().host())));
        List<ProviderNote> notes = provider.map(p -> ProviderNote.forProvider(p, texts)).orElse(List.of());
        Optional<AccountSettings> current = request.current();
        return new FindResult(request.address(), request.hasCredentials(), current, ranked, best, changes,
                provider, notes, generated.lookups(), search.wasCancelled(), search.timedOut(),
                (System.nanoTime() - start) / 1_000_000);
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Hands the listener one call at a time, whatever thread it comes from. */
    private static final class SerialListener implements FindListener {
        private final FindListener delegate;

        SerialListener(FindListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void lookupFinished(DnsFinding finding) {
            delegate.lookupFinished(finding);
        }

        @Override
        public synchronized void candidatesReady(List<Candidate> candidates) {
            delegate.candidatesReady(candidates);
        }

        @Override
        public synchronized void candidateStarted(Candidate candidate, Stage stage) {
            delegate.candidateStarted(candidate, stage);
        }

        @Override
        public synchronized void candidateFinished(CandidateOutcome outcome) {
            delegate.candidateFinished(outcome);
        }
    }
}
