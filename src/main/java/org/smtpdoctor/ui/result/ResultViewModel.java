package org.smtpdoctor.ui.result;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.report.Masking;
import org.smtpdoctor.report.ReportData;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.ui.form.SettingsFormViewModel;

/**
 * The Result page: the verdict, and when a setting must change, that setting in the words of the user's mail
 * program with the current and the suggested value, where to find it and who has to act.
 */
public final class ResultViewModel {

    private final Engine engine;
    private final Messages texts;

    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyObjectWrapper<Banner> bannerKind = new ReadOnlyObjectWrapper<>(this, "bannerKind");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyBooleanWrapper hasSetting = new ReadOnlyBooleanWrapper(this, "hasSetting", false);
    private final ReadOnlyStringWrapper settingIntro = new ReadOnlyStringWrapper(this, "settingIntro", "");
    private final ReadOnlyStringWrapper settingName = new ReadOnlyStringWrapper(this, "settingName", "");
    private final ReadOnlyStringWrapper currentValue = new ReadOnlyStringWrapper(this, "currentValue", "");
    private final ReadOnlyStringWrapper suggestedValue = new ReadOnlyStringWrapper(this, "suggestedValue", "");
    private final ReadOnlyStringWrapper whereToFind = new ReadOnlyStringWrapper(this, "whereToFind", "");
    private final ReadOnlyStringWrapper placeNote = new ReadOnlyStringWrapper(this, "placeNote", "");
    private final ReadOnlyStringWrapper moreChanges = new ReadOnlyStringWrapper(this, "moreChanges", "");
    private final ReadOnlyStringWrapper alternatives = new ReadOnlyStringWrapper(this, "alternatives", "");
    private final ReadOnlyStringWrapper actor = new ReadOnlyStringWrapper(this, "actor", "");
    private final ReadOnlyStringWrapper thingsToTry = new ReadOnlyStringWrapper(this, "thingsToTry", "");
    private final ReadOnlyStringWrapper technicalDetails = new ReadOnlyStringWrapper(this, "technicalDetails", "");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply", false);
    private final ReadOnlyStringWrapper triedNote = new ReadOnlyStringWrapper(this, "triedNote", "");
    private final ReadOnlyStringWrapper unsure = new ReadOnlyStringWrapper(this, "unsure", "");
    private final ReadOnlyBooleanWrapper fromPastedText = new ReadOnlyBooleanWrapper(this, "fromPastedText", false);

    /**
     * Searching for other settings helps when the settings may be wrong. It does not when nothing is wrong with them:
     * they work, the answer is to wait, or a pasted error says the provider has to act (a sandbox account, a listed
     * server), where other settings would only replace working ones.
     */
    private final BooleanBinding canFind = Bindings.createBooleanBinding(() -> verdict.get() != null
            && verdict.get() != Verdict.WORKS && verdict.get() != Verdict.TEMPORARY
            && !(verdict.get() == Verdict.SERVER_SIDE && fromPastedText.get()), verdict, fromPastedText);
    private Shown shown;
    private Optional<CertificateFacts> certificate = Optional.empty();
    private final ReadOnlyBooleanWrapper canInspectCertificate =
            new ReadOnlyBooleanWrapper(this, "canInspectCertificate", false);
    /** Where a certificate stops a test and a person may decide to trust it for the test. */
    private static final Set<FailureKind> CERTIFICATE_PROBLEMS = EnumSet.of(FailureKind.CERT_UNTRUSTED,
            FailureKind.CERT_HOST_MISMATCH, FailureKind.CERT_EXPIRED, FailureKind.CERT_NOT_YET_VALID);

    /**
     * What the page shows, kept for re-showing (presentation mode switched) and for the report.
     *
     * @param tested     the settings tested (without secret), empty for a pasted error without settings
     * @param probe      the probe result, empty for a pasted error
     * @param pastedText the pasted error, empty when none
     * @param earlier    the tests of this account before this one, oldest first
     * @param forProgram what still has to change in the mail program to hold the tested settings
     * @param triedAlready the diagnosis' changes lead to settings that were already tested: not proposed again
     */
    public record Shown(Diagnosis diagnosis, Optional<AccountSettings> tested, Optional<ProbeResult> probe,
            MailClient program, String pastedText, List<ReportData.Attempt> earlier, List<Change> forProgram,
            boolean triedAlready) {

        public Shown {
            earlier = List.copyOf(earlier);
            forProgram = List.copyOf(forProgram);
        }

        /** A pasted error explained: it stands alone, with no test before it. */
        public static Shown pasted(Diagnosis d, Optional<AccountSettings> typed, MailClient program, String text) {
            return new Shown(d, typed, Optional.empty(), program, text, List.of(), List.of(), false);
        }

        /** The tested settings work, but the mail program still holds others. */
        public boolean worksAfterChanges() {
            return diagnosis.verdict() == Verdict.WORKS && probe.isPresent() && !forProgram.isEmpty();
        }
    }

    public ResultViewModel(Engine engine, Messages texts) {
        this.engine = engine;
        this.texts = texts;
    }

    /**
     * Shows a diagnosis.
     *
     * @param masked presentation mode: usernames and addresses are masked
     */
    public void show(Shown what, boolean masked) {
        this.shown = what;
        Diagnosis d = what.diagnosis();
        Optional<AccountSettings> tested = what.tested();
        Optional<ProbeResult> probe = what.probe();
        MailClient program = what.program();
        verdict.set(d.verdict());
        fromPastedText.set(probe.isEmpty());
        if (what.worksAfterChanges()) {
            showChangesForProgram(what, masked);
            return;
        }
        title.set(mask(d.verdict() == Verdict.WORKS && tested.isPresent()
                ? summary(tested.get(), program) : d.title(), tested, masked));
        explanation.set(mask(d.explanation(), tested, masked));
        unsure.set(d.confidence() == Confidence.LOW && d.recognised() && d.verdict() != Verdict.WORKS
                ? probe.isEmpty() ? texts.get("result.unsure.pasted") : texts.get("result.unsure.tested") : "");
        // a text that led to no conclusion has nobody to act on it: the things to try say what to do
        actor.set(d.recognised() ? texts.get("result.actor." + d.actor().name()) : "");
        thingsToTry.set(mask(String.join("\n", d.thingsToTry().stream().map(t -> "• " + t).toList()), tested, masked));

        Advice advice = engine.advise(d, program, tested);
        setBanner(Banner.of(d, advice), program);
        Optional<Advice.ChangeAdvice> primary = advice.primary();
        boolean showSetting = primary.isPresent();
        hasSetting.set(showSetting);
        if (showSetting) {
            Advice.ChangeAdvice c = primary.get();
            settingIntro.set(c.outsideTheProgram() ? texts.get("result.setting.intro.outside")
                    : program == MailClient.OTHER ? texts.get("result.setting.intro.other")
                    : texts.get("result.setting.intro", programName(program)));
            settingName.set(c.fieldName());
            whereToFind.set(c.menuPath());
            placeNote.set(c.note().orElse(""));
            currentValue.set(c.secret() ? (tested.isPresent() ? texts.get("result.value.hidden") : "")
                    : c.current().map(v -> maskValue(c.setting(), v, masked)).orElse(""));
            suggestedValue.set(c.suggested().map(v -> maskValue(c.setting(), v, masked)).orElse(""));
        } else {
            settingIntro.set("");
            settingName.set("");
            whereToFind.set("");
            placeNote.set("");
            currentValue.set("");
            suggestedValue.set("");
        }
        moreChanges.set(advice.changes().stream().skip(1)
                .map(c -> c.suggested().isPresent()
                        ? texts.get("result.change.more", c.fieldName(), maskValue(c.setting(), c.suggested().get(), masked))
                        : texts.get("result.change.more.novalue", c.fieldName()))
                .collect(Collectors.joining("\n")));
        alternatives.set(advice.alternatives().stream()
                .map(alt -> alt.suggested().isPresent()
                        ? texts.get("result.alternative", alt.fieldName(),
                                maskValue(alt.setting(), alt.suggested().get(), masked), alt.why())
                        : alt.setting().canBeChecked()
                                ? texts.get("result.alternative.novalue", alt.fieldName(), alt.why())
                                : texts.get("result.alternative.reason", alt.why()))
                .collect(Collectors.joining("\n")));
        boolean applicable = showSetting && probe.isPresent() && d.changes().stream()
                .allMatch(c -> c.to().isPresent() && SettingsFormViewModel.canApply(c.setting()));
        canApply.set(applicable && !what.triedAlready());
        triedNote.set(applicable && what.triedAlready() ? texts.get("result.triedAlready") : "");
        technicalDetails.set(mask(technical(d, probe), tested, masked));
        certificate = probe.filter(p -> p.failure().map(CERTIFICATE_PROBLEMS::contains).orElse(false))
                .flatMap(ProbeResult::tls).filter(tls -> !tls.chain().isEmpty())
                .map(tls -> CertificateFacts.of(tls.chain().get(0)));
        canInspectCertificate.set(certificate.isPresent());
    }

    /** The server's certificate, when the test stopped at it: to look at and, if the user agrees, trust. */
    public Optional<CertificateFacts> certificate() {
        return certificate;
    }

    /** The test stopped at the server's certificate: the page offers to look at it. */
    public ReadOnlyBooleanProperty canInspectCertificateProperty() {
        return canInspectCertificate.getReadOnlyProperty();
    }

    /**
     * "These settings work — now change them in Thunderbird:" with each change from → to and where it lives: the
     * tested settings are not yet in the mail program.
     */
    private void showChangesForProgram(Shown what, boolean masked) {
        MailClient program = what.program();
        Optional<AccountSettings> tested = what.tested();
        Diagnosis toMake = new Diagnosis(Verdict.FIX_SETTING, what.forProgram(), Actor.YOU, "", "", "",
                Confidence.HIGH, List.of(), List.of(), "", List.of());
        Advice advice = engine.advise(toMake, program, Optional.empty());
        setBanner(Banner.WORKS, program);
        title.set(program == MailClient.OTHER ? texts.get("result.works.changeProgram.other")
                : texts.get("result.works.changeProgram", programName(program)));
        explanation.set(texts.get("result.works.changeProgram.explanation"));
        unsure.set("");
        actor.set(texts.get("result.actor.YOU"));
        thingsToTry.set("");
        Advice.ChangeAdvice first = advice.changes().get(0);
        hasSetting.set(true);
        settingIntro.set("");
        settingName.set(first.fieldName());
        whereToFind.set(first.menuPath());
        placeNote.set(first.note().orElse(""));
        currentValue.set(first.current().map(v -> maskValue(first.setting(), v, masked)).orElse(""));
        suggestedValue.set(first.suggested().map(v -> maskValue(first.setting(), v, masked)).orElse(""));
        moreChanges.set(advice.changes().stream().skip(1)
                .map(c -> c.current().isPresent()
                        ? texts.get("result.change.fromTo", c.fieldName(), maskValue(c.setting(), c.current().get(),
                                masked), maskValue(c.setting(), c.suggested().orElse(""), masked), c.menuPath())
                        : texts.get("result.change.enter", c.fieldName(),
                                maskValue(c.setting(), c.suggested().orElse(""), masked), c.menuPath()))
                .collect(Collectors.joining("\n")));
        alternatives.set("");
        certificate = Optional.empty();
        canInspectCertificate.set(false);
        canApply.set(false);
        triedNote.set("");
        technicalDetails.set(mask(technical(what.diagnosis(), what.probe()), tested, masked));
    }

    public Optional<Diagnosis> diagnosis() {
        return shown().map(Shown::diagnosis);
    }

    /** What the page shows, empty before the first result. */
    public Optional<Shown> shown() {
        return Optional.ofNullable(shown);
    }

    /** Shows the same result again (presentation mode was switched). */
    public void reshow(boolean masked) {
        shown().ifPresent(s -> show(s, masked));
    }

    /** What was tested, for the "works" page: "smtp.example.com:587, STARTTLS, signed in as alice". */
    private String summary(AccountSettings s, MailClient program) {
        String security = engine.securityLabel(program, s.security());
        return s.signsIn()
                ? texts.get("result.works.signedIn", s.endpoint(), security, s.username())
                : texts.get("result.works.noSignIn", s.endpoint(), security);
    }

    private String technical(Diagnosis d, Optional<ProbeResult> probe) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.technicalDetail());
        if (!d.evidence().isEmpty()) {
            sb.append("\n\n").append(texts.get("result.tech.evidence")).append('\n');
            d.evidence().forEach(e -> sb.append("  ").append(e).append('\n'));
        }
        probe.ifPresent(r -> {
            if (!r.detail().isBlank()) {
                sb.append('\n').append(r.detail()).append('\n');
            }
            sb.append('\n').append(texts.get("result.tech.transcript")).append('\n').append(r.transcript().render());
        });
        return sb.toString().strip();
    }

    /** Presentation mode hides who the user is: usernames and addresses are masked. */
    private static String maskValue(Setting setting, String value, boolean masked) {
        if (!masked || value.isEmpty()) {
            return value;
        }
        return switch (setting) {
            case USERNAME -> Masking.maskUsername(value);
            case SENDER_ADDRESS, RECIPIENT_ADDRESS -> Masking.maskAddress(value);
            default -> value;
        };
    }

    private String programName(MailClient program) {
        return engine.programName(program);
    }

    private static String mask(String text, Optional<AccountSettings> tested, boolean masked) {
        return masked ? Masking.maskText(text, tested.map(AccountSettings::username).filter(u -> !u.isEmpty())
                .map(List::of).orElse(List.of())) : text;
    }



    /** The settings may be what is wrong: the page offers "Find working settings". */
    public BooleanBinding canFindProperty() {
        return canFind;
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Who acts, for the banner's glyph and style. */
    public ReadOnlyObjectProperty<Banner> bannerKindProperty() {
        return bannerKind.getReadOnlyProperty();
    }

    private void setBanner(Banner kind, MailClient program) {
        banner.set(kind == Banner.CHANGE_IN_PROGRAM && program != MailClient.OTHER
                ? texts.get("result.headline.CHANGE_IN_PROGRAM.named", programName(program))
                : texts.get("result.headline." + kind.name()));
        bannerKind.set(kind);
    }

    /** "Change a setting in Thunderbird", "Your provider has to act" … */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSettingProperty() {
        return hasSetting.getReadOnlyProperty();
    }

    /** "In Thunderbird, change:" */
    public ReadOnlyStringProperty settingIntroProperty() {
        return settingIntro.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty settingNameProperty() {
        return settingName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentValueProperty() {
        return currentValue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suggestedValueProperty() {
        return suggestedValue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whereToFindProperty() {
        return whereToFind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeNoteProperty() {
        return placeNote.getReadOnlyProperty();
    }

    /** Further changes beyond the first, one line each ("Also change Port to 587"); empty when none. */
    public ReadOnlyStringProperty moreChangesProperty() {
        return moreChanges.getReadOnlyProperty();
    }

    /** What to try when the change does not help, one line each ("If that does not help: …"); empty when none. */
    public ReadOnlyStringProperty alternativesProperty() {
        return alternatives.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actorProperty() {
        return actor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty thingsToTryProperty() {
        return thingsToTry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty technicalDetailsProperty() {
        return technicalDetails.getReadOnlyProperty();
    }

    /**
     * Said when the diagnosis is not sure (low confidence): what was seen says little about the cause, so the first
     * change is a best guess and the alternatives come next.
     */
    public ReadOnlyStringProperty unsureProperty() {
        return unsure.getReadOnlyProperty();
    }

    /** The suggestion leads to settings already tested since the wizard opened: said instead of offering Apply. */
    public ReadOnlyStringProperty triedNoteProperty() {
        return triedNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fromPastedTextProperty() {
        return fromPastedText.getReadOnlyProperty();
    }
}
