package org.smtpdoctor.ui;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.report.Masking;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Setting;

/**
 * The Result page: the verdict, and when a setting must change, that setting in the words of the user's mail
 * program with the current and the suggested value, where to find it and who has to act.
 */
public final class ResultViewModel {

    private final Engine engine;
    private final Messages texts;

    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
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
    private final ReadOnlyBooleanWrapper fromPastedText = new ReadOnlyBooleanWrapper(this, "fromPastedText", false);

    private Diagnosis diagnosis;

    public ResultViewModel(Engine engine, Messages texts) {
        this.engine = engine;
        this.texts = texts;
    }

    /**
     * Shows a diagnosis.
     *
     * @param tested   the settings tested (without secret), empty for a pasted error without settings
     * @param probe    the probe result, empty for a pasted error
     * @param masked   presentation mode: usernames and addresses are masked
     */
    public void show(Diagnosis d, Optional<AccountSettings> tested, Optional<ProbeResult> probe, MailClient program,
            boolean masked) {
        this.diagnosis = d;
        verdict.set(d.verdict());
        fromPastedText.set(probe.isEmpty());
        banner.set(Messages.label(d.verdict()));
        Advice advice = engine.advise(d, program, tested);
        boolean worksElsewhere = d.verdict() == Verdict.WORKS && !advice.changes().isEmpty();
        title.set(mask(worksElsewhere ? worksChangeTitle(program)
                : d.verdict() == Verdict.WORKS && tested.isPresent() ? summary(tested.get(), program) : d.title(),
                tested, masked));
        explanation.set(mask(d.explanation(), tested, masked));
        actor.set(texts.get("result.actor." + d.actor().name()));
        thingsToTry.set(mask(String.join("\n", d.thingsToTry().stream().map(t -> "• " + t).toList()), tested, masked));

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
                        : texts.get("result.alternative.novalue", alt.fieldName(), alt.why()))
                .collect(Collectors.joining("\n")));
        canApply.set(showSetting && !worksElsewhere && probe.isPresent() && d.suggestedValue().isPresent()
                && SettingsFormViewModel.canApply(d.setting()));
        technicalDetails.set(mask(technical(d, probe), tested, masked));
    }

    /** The suggestion leads back to settings already tried: no "Apply and test again" that would go in a circle. */
    public void withholdApply() {
        canApply.set(false);
    }

    public Optional<Diagnosis> diagnosis() {
        return Optional.ofNullable(diagnosis);
    }

    /** "These settings work — now change them in Thunderbird:" */
    private String worksChangeTitle(MailClient program) {
        return program == MailClient.OTHER ? texts.get("result.works.changeInProgram.other")
                : texts.get("result.works.changeInProgram", programName(program));
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



    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

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

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fromPastedTextProperty() {
        return fromPastedText.getReadOnlyProperty();
    }
}
