package org.smtpdoctor.discovery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;

/**
 * Turns an address (and the user's current settings) into the candidates worth trying, each with its source:
 * the user's own values, provider presets, DNS SRV records (RFC 6186 / RFC 8314), MX-based provider mapping, and
 * guesses on the usual names and ports. Plain-text candidates only when the user allows them.
 *
 * <p>Sources in the order mail programs use them: the built-in presets (the documented answer: nothing else is
 * asked then), the domain's own autoconfig file, the ISPDB, DNS SRV, the MX host's provider (built-in presets,
 * then the ISPDB's MX suffixes) or else the MX host itself; guesses only when no provider is known.
 */
final class CandidateGenerator {

    static final String SUBMISSIONS = "_submissions._tcp.";
    static final String SUBMISSION = "_submission._tcp.";

    private final ProviderCatalog catalog;
    private final Ispdb ispdb;
    private final DomainAutoconfig autoconfig;
    private final DnsLookup dns;
    private final FinderOptions.StandardPorts ports;

    /**
     * @param autoconfig the domain's own autoconfig fetch; null to skip it (no network besides DNS)
     */
    CandidateGenerator(ProviderCatalog catalog, Ispdb ispdb, DomainAutoconfig autoconfig, DnsLookup dns,
            FinderOptions.StandardPorts ports) {
        this.catalog = catalog;
        this.ispdb = ispdb;
        this.autoconfig = autoconfig;
        this.dns = dns;
        this.ports = ports;
    }

    /**
     * The candidates, ranked (connection security first, then source), the lookups (autoconfig, DNS), the provider
     * and the providers learnt during the search (autoconfig, ISPDB), which the built-in catalog does not hold.
     */
    record Generated(List<Candidate> candidates, List<DnsFinding> lookups, Optional<Provider> provider,
            List<Provider> discovered) {
    }

    Generated generate(FindRequest request, Executor executor, Consumer<DnsFinding> onLookup) {
        String domain = request.domain();
        List<Candidate> list = new ArrayList<>();
        List<DnsFinding> lookups = new ArrayList<>();
        List<Provider> discovered = new ArrayList<>();
        request.current().ifPresent(c -> list.add(userCandidate(c)));

        Optional<Provider> provider = catalog.forDomain(domain);
        provider.ifPresent(p -> addPresets(list, p, CandidateSource.PRESET, "preset " + p.id()));

        if (provider.isEmpty()) {
            CompletableFuture<DomainAutoconfig.Found> own = autoconfig == null ? null
                    : CompletableFuture.supplyAsync(() -> autoconfig.fetch(domain, request.address(), executor),
                            executor);
            CompletableFuture<DnsFinding> tls = CompletableFuture.supplyAsync(
                    () -> srvFinding(SUBMISSIONS + domain), executor);
            CompletableFuture<DnsFinding> starttls = CompletableFuture.supplyAsync(
                    () -> srvFinding(SUBMISSION + domain), executor);
            CompletableFuture<MxAnswer> mx = CompletableFuture.supplyAsync(() -> mxAnswer(domain), executor);
            Optional<Provider> listed = ispdb.forDomain(domain);
            Optional<Provider> fromOwn = Optional.empty();
            if (own != null) {
                DomainAutoconfig.Found found = join(own);
                lookups.add(found.finding());
                onLookup.accept(found.finding());
                fromOwn = found.provider();
            }
            DnsFinding tlsFinding = join(tls);
            DnsFinding starttlsFinding = join(starttls);
            MxAnswer mxAnswer = join(mx);
            for (DnsFinding f : List.of(tlsFinding, starttlsFinding, mxAnswer.finding)) {
                lookups.add(f);
                onLookup.accept(f);
            }
            for (Optional<Provider> p : List.of(fromOwn, listed)) {
                if (p.isPresent()) {
                    CandidateSource source = p == fromOwn ? CandidateSource.AUTOCONFIG : CandidateSource.ISPDB;
                    addPresets(list, p.get(), source, p.get().source());
                    discovered.add(p.get());
                    provider = provider.or(() -> p);
                }
            }
            addSrv(list, tlsFinding, Security.SSL_TLS);
            addSrv(list, starttlsFinding, Security.STARTTLS);
            if (provider.isEmpty()) {
                provider = addMx(list, mxAnswer.hosts, domain, discovered, request.allowPlaintext());
            }
        }

        request.current().ifPresent(c -> addUserHostVariants(list, c, request.allowPlaintext()));
        if (provider.isEmpty()) {
            for (String host : List.of("smtp." + domain, "mail." + domain, domain)) {
                addUsualPorts(list, host, "guess", request.allowPlaintext());
            }
        }
        return new Generated(rank(dedupe(list, request.allowPlaintext())), List.copyOf(lookups), provider,
                List.copyOf(discovered));
    }

    /**
     * The MX hosts: a known provider's presets (built-in first, then the ISPDB's MX suffixes), else the first MX
     * host itself on the submission ports.
     */
    private Optional<Provider> addMx(List<Candidate> list, List<String> mxHosts, String domain,
            List<Provider> discovered, boolean allowPlaintext) {
        for (String mxHost : mxHosts) {
            Optional<Provider> hosted = catalog.forMxHost(mxHost);
            if (hosted.isPresent()) {
                addPresets(list, hosted.get(), CandidateSource.MX, "MX " + mxHost + " -> " + hosted.get().id());
                return hosted;
            }
            Optional<Ispdb.MxMatch> listed = ispdb.forMxHost(mxHost, domain);
            if (listed.isPresent()) {
                Provider p = listed.get().provider();
                addPresets(list, p, CandidateSource.ISPDB, "MX " + mxHost + " -> " + p.source() + " ("
                        + listed.get().suffix() + ")");
                discovered.add(p);
                return Optional.of(p);
            }
        }
        if (!mxHosts.isEmpty()) {
            String mxHost = mxHosts.get(0);
            String evidence = "MX " + domain + " -> " + mxHost;
            list.add(Candidate.of(mxHost, ports.implicitTls(), Security.SSL_TLS, CandidateSource.MX_HOST, evidence));
            list.add(Candidate.of(mxHost, ports.submission(), Security.STARTTLS, CandidateSource.MX_HOST, evidence));
            if (allowPlaintext) {
                list.add(Candidate.of(mxHost, ports.submission(), Security.NONE, CandidateSource.MX_HOST, evidence));
            }
        }
        return Optional.empty();
    }

    private static Candidate userCandidate(AccountSettings current) {
        return new Candidate(current.host(), current.port(), current.security(), CandidateSource.USER,
                "current settings", "", null);
    }

    private static void addPresets(List<Candidate> list, Provider provider, CandidateSource source, String evidence) {
        for (ServerPreset s : provider.servers()) {
            list.add(new Candidate(s.host(), s.port(), s.security(), source, evidence, provider.id(),
                    s.usernameForm()));
        }
    }

    private static void addSrv(List<Candidate> list, DnsFinding finding, Security security) {
        if (finding.failed()) {
            return;
        }
        for (String answer : finding.answers()) {
            String[] parts = answer.split(" ");
            if (parts.length == 4 && !".".equals(parts[3])) {
                list.add(Candidate.of(parts[3], Integer.parseInt(parts[2]), security, CandidateSource.SRV,
                        "SRV " + finding.name() + " " + answer));
            }
        }
    }

    private void addUserHostVariants(List<Candidate> list, AccountSettings current, boolean allowPlaintext) {
        String evidence = "current server name";
        if (current.port() != ports.implicitTls() && current.port() != ports.submission()
                && current.port() != ports.relay()) {
            list.add(Candidate.of(current.host(), current.port(), Security.SSL_TLS, CandidateSource.GUESS, evidence));
            list.add(Candidate.of(current.host(), current.port(), Security.STARTTLS, CandidateSource.GUESS,
                    evidence));
        }
        addUsualPorts(list, current.host(), evidence, allowPlaintext);
    }

    private void addUsualPorts(List<Candidate> list, String host, String evidence, boolean allowPlaintext) {
        list.add(Candidate.of(host, ports.implicitTls(), Security.SSL_TLS, CandidateSource.GUESS, evidence));
        list.add(Candidate.of(host, ports.submission(), Security.STARTTLS, CandidateSource.GUESS, evidence));
        list.add(Candidate.of(host, ports.relay(), Security.STARTTLS, CandidateSource.GUESS, evidence));
        if (allowPlaintext) {
            list.add(Candidate.of(host, ports.submission(), Security.NONE, CandidateSource.GUESS, evidence));
            list.add(Candidate.of(host, ports.relay(), Security.NONE, CandidateSource.GUESS, evidence));
        }
    }

    /** Each host, port and security once (the first source wins); plain text only when allowed. */
    static List<Candidate> dedupe(List<Candidate> list, boolean allowPlaintext) {
        List<Candidate> unique = new ArrayList<>();
        for (Candidate c : list) {
            if (c.security() == Security.NONE && !allowPlaintext) {
                continue;
            }
            if (unique.stream().noneMatch(u -> u.sameServer(c))) {
                unique.add(c);
            }
        }
        return unique;
    }

    /** Implicit TLS before STARTTLS before plain (RFC 8314); then by source; generation order otherwise. */
    static List<Candidate> rank(List<Candidate> list) {
        List<Candidate> ranked = new ArrayList<>(list);
        ranked.sort(Comparator.comparingInt((Candidate c) -> securityRank(c.security()))
                .thenComparingInt(c -> c.source().ordinal()));
        return List.copyOf(ranked);
    }

    static int securityRank(Security security) {
        return switch (security) {
            case SSL_TLS -> 0;
            case STARTTLS -> 1;
            case NONE -> 2;
        };
    }

    private DnsFinding srvFinding(String name) {
        try {
            List<String> answers = dns.srv(name).stream()
                    .map(t -> t.priority() + " " + t.weight() + " " + t.port() + " "
                            + (t.notOffered() ? "." : t.target()))
                    .toList();
            return new DnsFinding("SRV", name, answers, "");
        } catch (IOException | RuntimeException e) {
            return new DnsFinding("SRV", name, List.of(), describe(e));
        }
    }

    private static final class MxAnswer {
        final DnsFinding finding;
        final List<String> hosts;

        MxAnswer(DnsFinding finding, List<String> hosts) {
            this.finding = finding;
            this.hosts = hosts;
        }
    }

    private MxAnswer mxAnswer(String domain) {
        try {
            List<String> hosts = dns.mx(domain);
            return new MxAnswer(new DnsFinding("MX", domain, hosts, ""), hosts);
        } catch (IOException | RuntimeException e) {
            return new MxAnswer(new DnsFinding("MX", domain, List.of(), describe(e)), List.of());
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking DNS", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("DNS lookup failed unexpectedly", e.getCause());
        }
    }
}
