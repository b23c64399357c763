package org.smtpdoctor.clients;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.settings.Setting;

/**
 * What to change, in one mail program's words: each change with the field's name, its current and suggested value
 * as the program labels them, where it lives and a note, who has to act, and what to try when that does not help.
 * Built once by {@link Advisor}; the result page, the command line, the reports and the JSON render this value and
 * compose nothing of their own.
 *
 * @param client       the mail program the words are for
 * @param changes      every change of the diagnosis, the primary one first; empty when nothing is to change
 * @param actor        who has to act
 * @param alternatives what to try if the changes do not help; may be empty
 */
public record Advice(MailClient client, List<ChangeAdvice> changes, Actor actor, List<AlternativeAdvice> alternatives) {

    public Advice {
        Objects.requireNonNull(client, "client");
        changes = List.copyOf(changes);
        Objects.requireNonNull(actor, "actor");
        alternatives = List.copyOf(alternatives);
    }

    /** The primary change, if any. */
    public Optional<ChangeAdvice> primary() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(0));
    }

    /**
     * One setting to change.
     *
     * @param setting           the setting
     * @param fieldName         its label in the program ("Connection security")
     * @param current           the value it holds now, in the program's words; empty when unknown or secret; an
     *                          empty string when the field is empty
     * @param suggested         the value to use, in the program's words; empty when the evidence does not show it
     * @param menuPath          where the field lives ("Account Settings → Outgoing Server (SMTP) → Edit…")
     * @param note              a hint for this program
     * @param secret            the value is a secret (a password) and is never shown
     * @param outsideTheProgram the change is made elsewhere (web settings, admin centre, network), not in the program
     */
    public record ChangeAdvice(Setting setting, String fieldName, Optional<String> current, Optional<String> suggested,
            String menuPath, Optional<String> note, boolean secret, boolean outsideTheProgram) {

        public ChangeAdvice {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(fieldName, "fieldName");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(suggested, "suggested");
            Objects.requireNonNull(menuPath, "menuPath");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * Another setting to try, with the reason.
     *
     * @param setting   the setting
     * @param fieldName its label in the program
     * @param suggested the value to try, in the program's words
     * @param menuPath  where the field lives
     * @param why       one plain sentence
     */
    public record AlternativeAdvice(Setting setting, String fieldName, Optional<String> suggested, String menuPath,
            String why) {

        public AlternativeAdvice {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(fieldName, "fieldName");
            Objects.requireNonNull(suggested, "suggested");
            Objects.requireNonNull(menuPath, "menuPath");
            Objects.requireNonNull(why, "why");
        }
    }
}
