package org.smtpdoctor.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Which settings to change, to what, and why, in words a non-expert understands, with the evidence a helpdesk
 * needs beside it.
 *
 * @param verdict         works / fix a setting / temporary / server side
 * @param changes         the settings to change, the primary one first; empty when nothing is to change
 * @param actor           who has to act
 * @param title           one plain sentence, no codes or jargon
 * @param explanation     two to four plain sentences
 * @param technicalDetail codes, enhanced code and server text for the helpdesk
 * @param confidence      how sure the rule is
 * @param evidence        what led here (the phase, reply or probe fact), one entry each, technical English
 * @param thingsToTry     further steps in order, plain sentences; may be empty
 * @param ruleId          the id of the rule that matched, for tests and reports
 * @param alternatives    other settings to try when the changes do not help; may be empty
 */
public record Diagnosis(
        Verdict verdict,
        List<Change> changes,
        Actor actor,
        String title,
        String explanation,
        String technicalDetail,
        Confidence confidence,
        List<String> evidence,
        List<String> thingsToTry,
        String ruleId,
        List<Alternative> alternatives) {

    /** The label of a server-side verdict with no setting: see {@link #programToFix}. */
    static final String PROGRAM_TO_FIX_LABEL = "verdict.programToFix";
    /** The label of a server-side verdict the organisation's own administrator acts on, not a mail provider. */
    static final String ADMIN_TO_ACT_LABEL = "verdict.serverSide.admin";
    /** The label of a server-side verdict the user acts on in their account, outside the mail program. */
    static final String ACCOUNT_TO_FIX_LABEL = "verdict.serverSide.account";

    public Diagnosis {
        changes = List.copyOf(changes);
        evidence = List.copyOf(evidence);
        thingsToTry = List.copyOf(thingsToTry);
        alternatives = List.copyOf(alternatives);
        if (changes.stream().anyMatch(c -> c.setting() == Setting.NONE)) {
            throw new IllegalArgumentException("Setting.NONE is no change: leave the list empty");
        }
    }

    /** A diagnosis with one change (none for {@link Setting#NONE}) and no alternatives. */
    public Diagnosis(Verdict verdict, Setting setting, Optional<SettingValue> suggestedValue, Actor actor,
            String title, String explanation, String technicalDetail, Confidence confidence, List<String> evidence,
            List<String> thingsToTry, String ruleId) {
        this(verdict, setting == Setting.NONE ? List.of() : List.of(new Change(setting, Optional.empty(),
                suggestedValue)), actor, title, explanation, technicalDetail, confidence, evidence, thingsToTry,
                ruleId, List.of());
    }

    /** The same diagnosis with these alternatives (at most two are shown). */
    public Diagnosis withAlternatives(List<Alternative> newAlternatives) {
        return new Diagnosis(verdict, changes, actor, title, explanation, technicalDetail, confidence, evidence,
                thingsToTry, ruleId, newAlternatives);
    }

    /** Whether the text was recognised as a mail error at all; see {@link Verdict#NOT_RECOGNISED}. */
    public boolean recognised() {
        return verdict.recognised();
    }

    /**
     * Whether no server is at fault and no setting causes it, so the sending program itself is to be updated,
     * repaired or set up (it speaks out of turn, lacks its mail module, has no settings file): a server-side verdict
     * that names no setting. Every front says so instead of "your provider has to act".
     */
    public boolean programToFix() {
        return verdict == Verdict.SERVER_SIDE && setting() == Setting.NONE;
    }

    /**
     * The verdict's label as every front shows it, in {@code locale}: {@link #programToFix} has its own, and so has a
     * server-side verdict for the organisation's administrator ("your administrator has to act").
     */
    public String verdictLabel(Locale locale) {
        Messages labels = Messages.of(Messages.labelBundle(Verdict.class), locale);
        if (programToFix()) {
            return labels.get(PROGRAM_TO_FIX_LABEL);
        }
        if (accountToFix()) {
            return labels.get(ACCOUNT_TO_FIX_LABEL);
        }
        return verdict == Verdict.SERVER_SIDE && actor == Actor.ADMIN ? labels.get(ADMIN_TO_ACT_LABEL)
                : Messages.label(verdict, locale);
    }

    /**
     * Nothing to change in the mail program, and the user acts in their own account at the provider (its webmail or
     * account pages): their own mailbox is full, say. Not the provider's support desk.
     */
    public boolean accountToFix() {
        return verdict == Verdict.SERVER_SIDE && actor == Actor.YOU && setting() == Setting.CONTACT_PROVIDER;
    }

    /** The primary setting to change: the first change's, {@link Setting#NONE} when nothing is to change. */
    public Setting setting() {
        return changes.isEmpty() ? Setting.NONE : changes.get(0).setting();
    }

    /** The value for the primary setting, when the evidence shows it. */
    public Optional<SettingValue> suggestedValue() {
        return changes.isEmpty() ? Optional.empty() : changes.get(0).to();
    }
}
