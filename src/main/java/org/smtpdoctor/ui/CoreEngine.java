package org.smtpdoctor.ui;

import java.util.Optional;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.discovery.Provider;
import org.smtpdoctor.discovery.ProviderCatalog;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.Validation;

/** {@link Engine} over the real core classes. The heavy parts (provider data, rules) load on first use. */
public final class CoreEngine implements Engine {

    private final ProbeOptions options;
    private volatile ProviderCatalog catalog;

    public CoreEngine(ProbeOptions options) {
        this.options = options;
    }

    private ProviderCatalog catalog() {
        ProviderCatalog c = catalog;
        if (c == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = ProviderCatalog.builtIn();
                }
                c = catalog;
            }
        }
        return c;
    }

    @Override
    public Validation validate(SettingsInput input) {
        throw new UnsupportedOperationException("SettingsValidator not merged yet");
    }

    @Override
    public Optional<Provider> providerFor(String emailAddress) {
        return catalog().forAddress(emailAddress);
    }

    @Override
    public ProbeRun newProbeRun(boolean sendTestMessage) {
        throw new UnsupportedOperationException("Prober not merged yet: " + options);
    }

    @Override
    public Diagnosis diagnose(ProbeResult result) {
        throw new UnsupportedOperationException("Diagnoser not merged yet");
    }

    @Override
    public Diagnosis explain(String pastedText, SettingsInput context) {
        throw new UnsupportedOperationException("Diagnoser not merged yet");
    }

    @Override
    public SettingPlace place(MailProgram program, Setting setting) {
        throw new UnsupportedOperationException("clients not merged yet");
    }

    @Override
    public String securityLabel(MailProgram program, Security security) {
        return security.label();
    }

    @Override
    public String report(ReportRequest request, ReportFormat format) {
        throw new UnsupportedOperationException("report not merged yet");
    }
}
