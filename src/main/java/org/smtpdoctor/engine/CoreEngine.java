package org.smtpdoctor.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.clients.Advisor;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.clients.SettingLocation;
import org.smtpdoctor.diagnosis.Diagnoser;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.discovery.AlternativesVerifier;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.DnsLookup;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.ProbeSession;
import org.smtpdoctor.discovery.ProberSessions;
import org.smtpdoctor.discovery.SettingsFinder;
import org.smtpdoctor.discovery.SignInRetry;
import org.smtpdoctor.probe.CertificatePin;
import org.smtpdoctor.probe.HostResolver;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.TranscriptLine;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.probe.Warmup;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.report.ReportData;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Ports;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.SettingsValidator;
import org.smtpdoctor.settings.Validation;

/**
 * {@link Engine} over the real core: {@link SettingsValidator}, {@code probe.Prober}, {@link Diagnoser},
 * {@link ClientGuide}, {@link ReportRenderer}, {@link SettingsFinder} and the built-in {@link ProviderCatalog}. The
 * provider data and the diagnosis rules load on first use (in the background), so the first frame does not wait
 * for them.
 */
public final class CoreEngine implements Engine {

    private final ProbeOptions options;
    private final Clock clock;
    private final FinderOptions finderOptions;
    private final Supplier<DnsLookup> dns;
    private final Supplier<ProviderCatalog> catalog;
    private final HostResolver probeResolver;
    private final AnsweringServers answering;
    private volatile Knowledge knowledge;
    private volatile Words words;

    /** The provider data and the diagnosis rules: parsed once, on first use, never before the first frame. */
    private record Knowledge(ProviderCatalog catalog, Diagnoser diagnoser) {
    }

    /** Texts in the mail programs' words and the report renderer: small resource bundles. */
    private record Words(ClientGuide guide, ReportRenderer renderer) {
    }

    /** @param options how probes run (timeouts, extra trusted certificates) */
    public CoreEngine(ProbeOptions options) {
        this(options, Clock.systemDefaultZone());
    }

    public CoreEngine(ProbeOptions options, Clock clock) {
        this(options, clock, FinderOptions.defaults(), () -> DnsJavaLookup.system(DnsJavaLookup.DEFAULT_TIMEOUT));
    }

    /**
     * An engine whose settings search runs with {@code finderOptions} and asks {@code dns} (made on first use, in
     * the background) for SRV, MX and address records: tests point it at a DNS server on loopback.
     */
    public CoreEngine(ProbeOptions options, Clock clock, FinderOptions finderOptions, Supplier<DnsLookup> dns) {
        this(options, clock, finderOptions, dns, ProviderCatalog::builtIn);
    }

    /** As above, with another provider list (made on first use, in the background): tests use an empty one. */
    public CoreEngine(ProbeOptions options, Clock clock, FinderOptions finderOptions, Supplier<DnsLookup> dns,
            Supplier<ProviderCatalog> catalog) {
        this(options, clock, finderOptions, dns, catalog, DnsJavaLookup.systemResolver(DnsJavaLookup.DEFAULT_TIMEOUT));
    }

    private CoreEngine(ProbeOptions options, Clock clock, FinderOptions finderOptions, Supplier<DnsLookup> dns,
            Supplier<ProviderCatalog> catalog, HostResolver probeResolver) {
        this.probeResolver = Objects.requireNonNull(probeResolver, "probeResolver");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.finderOptions = Objects.requireNonNull(finderOptions, "finderOptions");
        this.dns = Objects.requireNonNull(dns, "dns");
        this.answering = new AnsweringServers(clock);
    }

    /**
     * The same engine, its single probes resolving server names through {@code resolver} ({@code probe --dns}:
     * the chosen DNS server for every lookup; the search always uses its own {@link DnsLookup}).
     */
    public CoreEngine withProbeResolver(HostResolver resolver) {
        return new CoreEngine(options, clock, finderOptions, dns, catalog, resolver);
    }

    private Knowledge knowledge() {
        Knowledge k = knowledge;
        if (k == null) {
            synchronized (this) {
                if (knowledge == null) {
                    ProviderCatalog providers = catalog.get();
                    knowledge = new Knowledge(providers, new Diagnoser(providers));
                }
                k = knowledge;
            }
        }
        return k;
    }

    private Words words() {
        Words w = words;
        if (w == null) {
            synchronized (this) {
                if (words == null) {
                    words = new Words(new ClientGuide(), new ReportRenderer());
                }
                w = words;
            }
        }
        return w;
    }

    /** Loads the provider data and rules now (called in the background once the window shows). */
    @Override
    public void warmUp() {
        Warmup.start();
        knowledge();
        words();
    }

    @Override
    public Validation validate(SettingsInput input) {
        return SettingsValidator.validate(input);
    }

    @Override
    public Optional<Provider> providerFor(String emailAddress) {
        return knowledge().catalog().forAddress(emailAddress);
    }

    @Override
    public Optional<Provider> providerForServer(String host) {
        return knowledge().catalog().forServerHost(host);
    }

    @Override
    public ProbeSession newProbeRun(boolean sendTestMessage) {
        return new CheckRun(ProberSessions.factory(probeResolver).open(options.withSendTestMessage(sendTestMessage)
                .withRelayCheck(true)));
    }

    @Override
    public ProbeSession newProbeRun(boolean sendTestMessage, List<CertificatePin> pinned) {
        List<CertificatePin> pins = new ArrayList<>(options.pinnedCertificates());
        pins.addAll(pinned);
        return new CheckRun(ProberSessions.factory(probeResolver).open(options.withSendTestMessage(sendTestMessage)
                .withPinnedCertificates(pins).withRelayCheck(true)));
    }

    @Override
    public Checked check(ProbeSession run, AccountSettings settings, ProbeListener listener) {
        ProbeResult result = run.probe(settings, listener);
        Verification verification = Verification.NONE;
        if (run instanceof CheckRun checkRun && AlternativesVerifier.worthChecking(result)) {
            AlternativesVerifier verifier = new AlternativesVerifier(options, finderOptions.ports(),
                    AlternativesVerifier.DEFAULT_BUDGET);
            listener.transcriptLine(new TranscriptLine(result.totalMs(), TranscriptLine.Direction.INFO, false,
                    "Checking the same server's usual ports for mail programs: " + verifier.alternatives(result)
                            .stream().map(a -> a.port() + " " + a.security().label()).toList()));
            verification = checkRun.verify(verifier, result);
            Optional<Duration> answeredBefore = answering.silencedSince(result, verification);
            if (answeredBefore.isPresent()) {
                listener.transcriptLine(new TranscriptLine(result.totalMs(), TranscriptLine.Direction.INFO, false,
                        "The same server answered an earlier test " + answeredBefore.get().toSeconds()
                                + " s ago"));
                verification = verification.withAnsweredEarlier();
            }
        } else if (run instanceof CheckRun checkRun) {
            Optional<SignInRetry.Retry> retry = SignInRetry.worthRetrying(result, settings, knowledge().catalog());
            if (retry.isPresent() && !checkRun.cancelled()) {
                listener.transcriptLine(new TranscriptLine(result.totalMs(), TranscriptLine.Direction.INFO, false,
                        retry.get().why()));
                long start = System.nanoTime();
                ProbeResult second = checkRun.probe(retry.get().settings(), ProbeListener.NONE);
                verification = SignInRetry.verification(second, (System.nanoTime() - start) / 1_000_000);
            }
        }
        answering.remember(result);
        return new Checked(result, diagnose(result, verification), verification);
    }

    /** A probe run whose cancel also stops the check of the alternatives that may follow it. */
    private static final class CheckRun implements ProbeSession {
        private final ProbeSession probe;
        private volatile AlternativesVerifier verifier;
        private volatile boolean cancelled;

        CheckRun(ProbeSession probe) {
            this.probe = probe;
        }

        @Override
        public ProbeResult probe(AccountSettings settings, ProbeListener listener) {
            return probe.probe(settings, listener);
        }

        boolean cancelled() {
            return cancelled;
        }

        Verification verify(AlternativesVerifier v, ProbeResult failed) {
            verifier = v;
            if (cancelled) {
                return Verification.NONE;
            }
            return v.verify(failed);
        }

        @Override
        public void cancel() {
            cancelled = true;
            probe.cancel();
            AlternativesVerifier v = verifier;
            if (v != null) {
                v.cancel();
            }
        }
    }

    @Override
    public FindRun newFindRun() {
        SettingsFinder finder = new SettingsFinder(knowledge().catalog(), dns.get(), finderOptions);
        return new FindRun() {
            @Override
            public FindResult find(FindRequest request, FindListener listener) {
                return finder.find(request, listener);
            }

            @Override
            public void cancel() {
                finder.cancel();
            }
        };
    }

    @Override
    public Duration waitLimit(Phase phase) {
        return phase == Phase.DNS || phase == Phase.CONNECT ? options.connectTimeout() : options.readTimeout();
    }

    @Override
    public Diagnosis diagnose(ProbeResult result) {
        return knowledge().diagnoser().diagnose(result);
    }

    @Override
    public Diagnosis diagnose(ProbeResult result, Verification verification) {
        return knowledge().diagnoser().diagnose(result, verification);
    }

    @Override
    public Diagnosis explain(String pastedText, SettingsInput context) {
        return explain(pastedText, contextOf(context));
    }

    @Override
    public Diagnosis explain(String pastedText, ExplainContext context) {
        return knowledge().diagnoser().explain(pastedText, context);
    }

    /** What the user typed so far, as far as it is usable: a port that is not a number is left out. */
    static ExplainContext contextOf(SettingsInput in) {
        Integer port = Ports.parse(in.port()).orElse(null);
        boolean anything = in.host() != null && !in.host().isBlank();
        if (!anything) {
            return ExplainContext.none().withUsername(blankToNull(in.username()));
        }
        return ExplainContext.of(null, in.host(), port, in.security(), blankToNull(in.username()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String programName(MailClient program) {
        return words().guide().displayName(program);
    }

    @Override
    public SettingLocation place(MailClient program, Setting setting) {
        return words().guide().locate(program, setting);
    }

    @Override
    public String securityLabel(MailClient program, Security security) {
        return words().guide().valueLabel(program, security);
    }

    @Override
    public String clientValue(MailClient program, SettingValue value) {
        return words().guide().clientValue(program, value);
    }

    @Override
    public Advice advise(Diagnosis diagnosis, MailClient program, Optional<AccountSettings> tested) {
        return new Advisor(words().guide()).advise(diagnosis, program, tested);
    }

    @Override
    public ReportData reportData(Optional<AccountSettings> settings, Optional<ProbeResult> probe, Diagnosis diagnosis,
            MailClient program, String pastedText, boolean presentationMode) {
        return new ReportData(settings, probe, diagnosis, program, Optional.ofNullable(pastedText), appVersion(),
                clock.instant(), presentationMode);
    }

    @Override
    public String report(ReportData data, ReportRenderer.Format format) {
        return words().renderer().render(data, format);
    }

    private static String appVersion() {
        String v = CoreEngine.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
