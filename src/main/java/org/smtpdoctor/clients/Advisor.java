package org.smtpdoctor.clients;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Alternative;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Builds the {@link Advice} for a diagnosis in one mail program's words: the one place where "what to change" is
 * composed, so the wizard, the command line, the reports and the JSON cannot drift apart.
 */
public final class Advisor {

    /** Settings whose value would reveal a secret: never shown. */
    private static final Set<Setting> SECRET = EnumSet.of(Setting.PASSWORD, Setting.APP_PASSWORD);
    /** Settings that are changed somewhere else than in the mail program (web settings, admin centre, network). */
    private static final Set<Setting> OUTSIDE_THE_PROGRAM = EnumSet.of(Setting.APP_PASSWORD,
            Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, Setting.WAIT_AND_RETRY, Setting.NETWORK_OR_FIREWALL,
            Setting.CONTACT_PROVIDER, Setting.MESSAGE_CONTENT_OR_SIZE);

    private final ClientGuide guide;

    public Advisor(ClientGuide guide) {
        this.guide = Objects.requireNonNull(guide, "guide");
    }

    /**
     * The advice for {@code d} in {@code client}'s words.
     *
     * @param tested the settings tested (or typed beside a pasted error): the current values where a change does
     *               not carry its own "from" (a success after Apply names what the mail program still holds)
     */
    public Advice advise(Diagnosis d, MailClient client, Optional<AccountSettings> tested) {
        // a success carries changes only when the mail program still has other values than the ones that worked
        List<Advice.ChangeAdvice> changes = d.changes().stream()
                .map(c -> change(c, d.actor(), d.ruleId(), client, tested)).toList();
        List<Advice.AlternativeAdvice> alternatives = d.alternatives().stream()
                .map(a -> alternative(a, client)).toList();
        return new Advice(client, changes, d.actor(), alternatives);
    }

    private Advice.ChangeAdvice change(Change c, Actor actor, String ruleId, MailClient client,
            Optional<AccountSettings> tested) {
        SettingLocation where = guide.locate(client, c.setting(), actor, ruleId);
        boolean secret = SECRET.contains(c.setting());
        Optional<SettingValue> from = c.from().isPresent() ? c.from()
                : tested.flatMap(s -> SettingValue.of(c.setting(), s));
        Optional<String> current = secret ? Optional.empty() : from.map(v -> guide.clientValue(client, v));
        return new Advice.ChangeAdvice(c.setting(), where.fieldName(), current,
                c.to().map(v -> guide.clientValue(client, v)), where.menuPath(), where.note(), secret,
                OUTSIDE_THE_PROGRAM.contains(c.setting()));
    }

    private Advice.AlternativeAdvice alternative(Alternative a, MailClient client) {
        SettingLocation where = guide.locate(client, a.setting());
        return new Advice.AlternativeAdvice(a.setting(), where.fieldName(),
                a.suggestedValue().map(v -> guide.clientValue(client, v)), where.menuPath(), a.why());
    }
}
