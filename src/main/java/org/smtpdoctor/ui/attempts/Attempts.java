package org.smtpdoctor.ui.attempts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smtpdoctor.diagnosis.Alternative;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.report.ReportData;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * What the wizard has tried for one account since it was opened, and the two sets of settings that follow from it:
 * "in your mail program" (what the user entered and tested first) and "tested" (the last test). After an
 * <em>Apply</em> or <em>Use these settings</em> works, the difference between the two is what the user still has to
 * change in the mail program; and a suggestion is never one that was already tried. Holds settings without the
 * secret only.
 */
public final class Attempts {

    private String account = "";
    private final List<ReportData.Attempt> tried = new ArrayList<>();
    private Optional<AccountSettings> inProgram = Optional.empty();
    private boolean programUnknown;

    /**
     * Notes a finished test for {@code account} (the email address); a different address starts a new history. The
     * first test's settings are the ones in the mail program, unless a search before it said otherwise.
     */
    public void record(String account, AccountSettings tested, Diagnosis diagnosis) {
        forAccount(account);
        AccountSettings plain = tested.withoutSecret();
        if (tried.isEmpty() && inProgram.isEmpty() && !programUnknown) {
            inProgram = Optional.of(plain);
        }
        tried.add(new ReportData.Attempt(plain, diagnosis));
    }

    /**
     * The user started a test with the settings as typed: these are the settings in the mail program (a test after
     * Apply or Use these settings is not, and keeps what was there).
     */
    public void typedByUser(String account, AccountSettings typed) {
        forAccount(account);
        inProgram = Optional.of(typed.withoutSecret());
        programUnknown = false;
    }

    /**
     * Notes what the mail program holds before the first test: a search started first knows it from the form (or
     * not at all, when the user had no server settings yet).
     */
    public void knowInProgram(String account, Optional<AccountSettings> settings) {
        forAccount(account);
        if (tried.isEmpty() && inProgram.isEmpty() && !programUnknown) {
            inProgram = settings.map(AccountSettings::withoutSecret);
            programUnknown = inProgram.isEmpty();
        }
    }

    private void forAccount(String address) {
        String normalised = address.strip().toLowerCase(Locale.ROOT);
        if (!normalised.equals(account)) {
            account = normalised;
            tried.clear();
            inProgram = Optional.empty();
            programUnknown = false;
        }
    }

    /** The settings in the mail program, as far as known. */
    public Optional<AccountSettings> inProgram() {
        return inProgram;
    }

    /** The tests so far, oldest first, the last one included. */
    public List<ReportData.Attempt> all() {
        return List.copyOf(tried);
    }

    /** The tests before the last one, oldest first. */
    public List<ReportData.Attempt> earlier() {
        return tried.isEmpty() ? List.of() : List.copyOf(tried.subList(0, tried.size() - 1));
    }

    /**
     * What still has to change in the mail program for it to hold the last tested settings: empty when the two
     * sets match (or nothing was tested). Where the program's settings are unknown, every server setting tested is
     * a value to enter.
     */
    public List<Change> changesForProgram() {
        if (tried.isEmpty()) {
            return List.of();
        }
        AccountSettings last = tried.get(tried.size() - 1).settings();
        if (inProgram.isPresent()) {
            return Change.between(inProgram.get(), last);
        }
        List<Change> toEnter = new ArrayList<>();
        for (Setting s : List.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY)) {
            SettingValue.of(s, last).ifPresent(v -> toEnter.add(Change.set(s, v)));
        }
        return toEnter;
    }

    /**
     * What to change in the mail program after a test with diagnosis {@code last}: {@link #changesForProgram()},
     * plus, when it works, any change the diagnosis itself names for the program (the sign-in method that worked).
     */
    public List<Change> changesForProgram(Diagnosis last) {
        List<Change> changes = new ArrayList<>(changesForProgram());
        if (last.verdict() == Verdict.WORKS) {
            last.changes().stream().filter(c -> changes.stream().noneMatch(k -> k.setting() == c.setting()))
                    .forEach(changes::add);
        }
        return changes;
    }

    /** Whether these settings (server, port, security, sign-in method, username) were tested already. */
    public boolean triedAlready(AccountSettings candidate) {
        return tried.stream().anyMatch(a -> Change.between(a.settings(), candidate).isEmpty());
    }

    /**
     * The diagnosis without the alternatives that lead back to settings already tested: a suggestion is never one
     * that was tried since the wizard opened.
     */
    public Diagnosis withoutTriedAlternatives(Diagnosis d, AccountSettings tested) {
        List<Alternative> fresh = d.alternatives().stream()
                .filter(a -> a.suggestedValue().isEmpty() || applied(tested,
                        List.of(new Change(a.setting(), Optional.empty(), a.suggestedValue())))
                        .map(s -> !triedAlready(s)).orElse(true))
                .toList();
        return fresh.size() == d.alternatives().size() ? d : new Diagnosis(d.verdict(), d.changes(), d.actor(),
                d.title(), d.explanation(), d.technicalDetail(), d.confidence(), d.evidence(), d.thingsToTry(),
                d.ruleId(), fresh);
    }

    /** The settings that result from applying {@code changes} to {@code base}; empty when one does not fit. */
    public static Optional<AccountSettings> applied(AccountSettings base, List<Change> changes) {
        AccountSettings s = base;
        for (Change c : changes) {
            if (c.to().isEmpty()) {
                return Optional.empty();
            }
            Optional<AccountSettings> next = with(s, c.setting(), c.to().get());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            s = next.get();
        }
        return Optional.of(s);
    }

    private static Optional<AccountSettings> with(AccountSettings s, Setting setting, SettingValue value) {
        if (setting == Setting.SERVER_HOST && value instanceof SettingValue.HostName h) {
            return Optional.of(s.withHost(h.host()));
        }
        if (setting == Setting.PORT && value instanceof SettingValue.PortNumber p) {
            return Optional.of(s.withPort(p.port()));
        }
        if (setting == Setting.SECURITY && value instanceof SettingValue.SecurityChoice c) {
            return Optional.of(s.withSecurity(c.security()));
        }
        if (setting == Setting.AUTH_METHOD && value instanceof SettingValue.AuthChoice a) {
            return Optional.of(s.withAuthMethod(a.method()));
        }
        if (setting == Setting.USERNAME && value instanceof SettingValue.UserName u) {
            return Optional.of(s.withCredentials(u.name(), s.secret()));
        }
        return Optional.empty();
    }
}
