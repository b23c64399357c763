package org.smtpdoctor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.Provider;
import org.smtpdoctor.discovery.ProviderCatalog;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.probe.Transcript;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Problem;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.Validation;

/** A scripted engine for view-model tests that need no server: each answer is set by the test. */
final class FakeEngine implements Engine {

    Function<AccountSettings, ProbeResult> prober = FakeEngine::success;
    Function<ProbeResult, Diagnosis> diagnoser = r -> r.success()
            ? diagnosis(Verdict.WORKS, Setting.NONE, null) : diagnosis(Verdict.FIX_SETTING, Setting.PASSWORD, null);
    Diagnosis explained = diagnosis(Verdict.FIX_SETTING, Setting.PASSWORD, null);
    final List<AccountSettings> probed = new ArrayList<>();
    final List<String> reports = new ArrayList<>();

    @Override
    public Validation validate(SettingsInput in) {
        List<Problem> problems = new ArrayList<>();
        if (in.host().isBlank()) {
            problems.add(new Problem(Setting.SERVER_HOST, Problem.Severity.ERROR, "Enter the server name."));
        }
        int port = -1;
        try {
            port = Integer.parseInt(in.port().strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(Setting.PORT, Problem.Severity.ERROR, "The port must be a number."));
        }
        if (in.authMethod().mechanism() != null || in.authMethod().name().equals("AUTO")) {
            if (in.username().isBlank()) {
                problems.add(new Problem(Setting.USERNAME, Problem.Severity.ERROR, "Enter your username."));
            }
            if (in.secret().isEmpty()) {
                problems.add(new Problem(Setting.PASSWORD, Problem.Severity.ERROR, "Enter your password."));
            }
        }
        if (in.sender().indexOf('@') < 1) {
            problems.add(new Problem(Setting.SENDER_ADDRESS, Problem.Severity.ERROR, "Enter your email address."));
        }
        Optional<AccountSettings> settings = problems.isEmpty()
                ? Optional.of(new AccountSettings(in.host().strip(), port, in.security(), in.authMethod(),
                        in.username(), in.secret(), in.sender(), in.recipient()))
                : Optional.empty();
        return new Validation(settings, problems);
    }

    @Override
    public Optional<Provider> providerFor(String emailAddress) {
        return ProviderCatalog.builtIn().forAddress(emailAddress);
    }

    @Override
    public ProbeRun newProbeRun(boolean sendTestMessage) {
        return new ProbeRun() {
            @Override
            public ProbeResult probe(AccountSettings settings, ProbeListener listener) {
                probed.add(settings);
                listener.phaseStarted(Phase.CONNECT, settings.endpoint());
                listener.phaseFinished(new Step(Phase.CONNECT, StepOutcome.OK, 3, Optional.empty(), ""));
                return prober.apply(settings);
            }

            @Override
            public void cancel() {
            }
        };
    }

    @Override
    public Diagnosis diagnose(ProbeResult result) {
        return diagnoser.apply(result);
    }

    @Override
    public Diagnosis explain(String pastedText, SettingsInput context) {
        return explained;
    }

    @Override
    public SettingPlace place(MailProgram program, Setting setting) {
        return new SettingPlace(setting.name(), "Menu → " + setting.name(), Optional.empty());
    }

    @Override
    public String securityLabel(MailProgram program, Security security) {
        return security.label();
    }

    @Override
    public String report(ReportRequest request, ReportFormat format) {
        String text = format + " " + request.diagnosis().title() + " " + request.settings();
        reports.add(text);
        return text;
    }

    static ProbeResult success(AccountSettings s) {
        return new ProbeResult(s.withoutSecret(), !s.secret().isEmpty(), true, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new Step(Phase.CONNECT, StepOutcome.OK, 3, Optional.empty(), "")),
                List.of("127.0.0.1"), Capabilities.NONE, Optional.empty(), Optional.empty(), Optional.empty(), "",
                Transcript.EMPTY, 5);
    }

    static ProbeResult failure(AccountSettings s, FailureKind kind, Phase phase) {
        return new ProbeResult(s.withoutSecret(), !s.secret().isEmpty(), false, Optional.of(kind), Optional.of(phase),
                Optional.empty(), List.of(new Step(phase, StepOutcome.FAILED, 3, Optional.empty(), "")),
                List.of("127.0.0.1"), Capabilities.NONE, Optional.empty(), Optional.empty(), Optional.empty(), "",
                Transcript.EMPTY, 5);
    }

    static Diagnosis diagnosis(Verdict verdict, Setting setting, String suggested) {
        return new Diagnosis(verdict, setting, Optional.ofNullable(suggested), Actor.YOU, "Title " + setting,
                "Explanation.", "technical", Confidence.HIGH, List.of(), List.of(), "test");
    }
}
