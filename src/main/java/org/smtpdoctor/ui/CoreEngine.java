package org.smtpdoctor.ui;

import java.time.Clock;
import java.util.Optional;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.clients.SettingLocation;
import org.smtpdoctor.diagnosis.Diagnoser;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.discovery.Provider;
import org.smtpdoctor.discovery.ProviderCatalog;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.report.ReportData;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.SettingsValidator;
import org.smtpdoctor.settings.Validation;

/**
 * {@link Engine} over the real core: {@link SettingsValidator}, {@link Prober}, {@link Diagnoser},
 * {@link ClientGuide}, {@link ReportRenderer} and the built-in {@link ProviderCatalog}. The provider data and the
 * diagnosis rules load on first use (in the background), so the first frame does not wait for them.
 */
public final class CoreEngine implements Engine {

    private final ProbeOptions options;
    private final Clock clock;
    private volatile Loaded loaded;

    /** What takes time to load, loaded once. */
    private record Loaded(ProviderCatalog catalog, Diagnoser diagnoser, ClientGuide guide, ReportRenderer renderer) {
    }

    /** @param options how probes run (timeouts, extra trusted certificates) */
    public CoreEngine(ProbeOptions options) {
        this(options, Clock.systemDefaultZone());
    }

    public CoreEngine(ProbeOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    ProviderCatalog catalog = ProviderCatalog.builtIn();
                    loaded = new Loaded(catalog, new Diagnoser(catalog), new ClientGuide(), new ReportRenderer());
                }
                l = loaded;
            }
        }
        return l;
    }

    @Override
    public Validation validate(SettingsInput input) {
        return SettingsValidator.validate(input);
    }

    @Override
    public Optional<Provider> providerFor(String emailAddress) {
        return loaded().catalog().forAddress(emailAddress);
    }

    @Override
    public ProbeRun newProbeRun(boolean sendTestMessage) {
        Prober prober = new Prober(options.withSendTestMessage(sendTestMessage));
        return new ProbeRun() {
            @Override
            public ProbeResult probe(AccountSettings settings, ProbeListener listener) {
                return prober.probe(settings, listener);
            }

            @Override
            public void cancel() {
                prober.cancel();
            }
        };
    }

    @Override
    public Diagnosis diagnose(ProbeResult result) {
        return loaded().diagnoser().diagnose(result);
    }

    @Override
    public Diagnosis explain(String pastedText, SettingsInput context) {
        return loaded().diagnoser().explain(pastedText, contextOf(context));
    }

    /** What the user typed so far, as far as it is usable: a port that is not a number is left out. */
    static ExplainContext contextOf(SettingsInput in) {
        Integer port = null;
        try {
            port = in.port() == null || in.port().isBlank() ? null : Integer.valueOf(in.port().strip());
        } catch (NumberFormatException e) {
            port = null;
        }
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
        return loaded().guide().displayName(program);
    }

    @Override
    public SettingPlace place(MailClient program, Setting setting) {
        SettingLocation l = loaded().guide().locate(program, setting);
        return new SettingPlace(l.fieldName(), l.menuPath(), l.note());
    }

    @Override
    public String securityLabel(MailClient program, Security security) {
        return loaded().guide().valueLabel(program, security);
    }

    @Override
    public String report(ReportRequest request, ReportFormat format) {
        ReportData data = new ReportData(request.settings(), request.probe(), request.diagnosis(), request.program(),
                Optional.of(request.pastedText()), appVersion(), clock.instant(), request.presentationMode());
        ReportRenderer renderer = loaded().renderer();
        switch (format) {
            case HTML:
                return renderer.html(data);
            case MARKDOWN:
                return renderer.markdown(data);
            default:
                return renderer.plainText(data);
        }
    }

    private static String appVersion() {
        String v = CoreEngine.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
