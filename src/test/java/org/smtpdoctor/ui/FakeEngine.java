package org.smtpdoctor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.Provider;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.probe.Transcript;
import org.smtpdoctor.settings.AccountSettings;
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

    private final CoreEngine real = new CoreEngine(ProbeOptions.defaults());

    @Override
    public Validation validate(SettingsInput in) {
        return real.validate(in);
    }

    @Override
    public Optional<Provider> providerFor(String emailAddress) {
        return real.providerFor(emailAddress);
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
    public String programName(MailClient program) {
        return real.programName(program);
    }

    @Override
    public SettingPlace place(MailClient program, Setting setting) {
        return real.place(program, setting);
    }

    @Override
    public String securityLabel(MailClient program, Security security) {
        return real.securityLabel(program, security);
    }

    @Override
    public String report(ReportRequest request, ReportFormat format) {
        String text = real.report(request, format);
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
