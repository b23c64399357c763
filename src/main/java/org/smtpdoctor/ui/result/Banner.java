package org.smtpdoctor.ui.result;

import java.util.Locale;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.settings.Setting;

/**
 * The result's banner, named by who has to act: the user in the mail program, the user elsewhere, the administrator,
 * the provider, the network, time, the sending program itself (no mail setting causes it); or nobody, because it
 * works. Each has its own words and glyph, so colour is never
 * the only signal.
 */
public enum Banner {
    WORKS("✔"), CHANGE_IN_PROGRAM("✎"), CHANGE_OUTSIDE("✎"), ADMIN("⚙"), PROVIDER("⚠"), NETWORK("⇌"), LATER("◷"),
    /** No mail setting causes it: the sending program itself has to be updated, repaired or configured. */
    PROGRAM("⚒"),
    /** Pasted text that is no recognisable mail error: nobody is told to act. */
    NOT_RECOGNISED("?");

    private final String glyph;

    Banner(String glyph) {
        this.glyph = glyph;
    }

    public String glyph() {
        return glyph;
    }

    /** The style class of the banner ("verdict-change-in-program"). */
    public String styleClass() {
        return "verdict-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Who acts on this diagnosis, given its advice in the program's words. */
    static Banner of(Diagnosis d, Advice advice) {
        if (d.verdict() == Verdict.WORKS) {
            return WORKS;
        }
        if (!d.verdict().recognised()) {
            return NOT_RECOGNISED;
        }
        if (d.verdict() == Verdict.TEMPORARY || d.setting() == Setting.WAIT_AND_RETRY) {
            return LATER;
        }
        if (d.setting() == Setting.NETWORK_OR_FIREWALL) {
            return NETWORK;
        }
        if (d.programToFix()) {
            return PROGRAM;
        }
        if (d.actor() == Actor.ADMIN) {
            return ADMIN;
        }
        if (d.accountToFix()) {
            return CHANGE_OUTSIDE;
        }
        if (d.actor() == Actor.PROVIDER || d.verdict() == Verdict.SERVER_SIDE
                || d.setting() == Setting.CONTACT_PROVIDER) {
            return PROVIDER;
        }
        boolean outside = advice.primary().map(Advice.ChangeAdvice::outsideTheProgram).orElse(false)
                && d.setting() != Setting.APP_PASSWORD;
        return outside ? CHANGE_OUTSIDE : CHANGE_IN_PROGRAM;
    }
}
