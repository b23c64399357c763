package org.smtpdoctor.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field to change in the mail program: "Port from 465 to 587". Diagnoses and found settings both say what to
 * change with this one type.
 *
 * @param setting the field
 * @param from    the current value; empty when it is unknown
 * @param to      the value to use; empty when the evidence does not show it
 */
public record Change(Setting setting, Optional<SettingValue> from, Optional<SettingValue> to) {

    public Change {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        from.ifPresent(v -> requireFits(setting, v));
        to.ifPresent(v -> requireFits(setting, v));
    }

    /**
     * A value of the field's own kind ("Authentication → SSL/TLS" would tell a person to type a connection security
     * into the sign-in method); free text goes with any field.
     */
    private static void requireFits(Setting setting, SettingValue value) {
        boolean fits;
        if (value instanceof SettingValue.HostName) {
            fits = setting == Setting.SERVER_HOST;
        } else if (value instanceof SettingValue.PortNumber) {
            fits = setting == Setting.PORT;
        } else if (value instanceof SettingValue.SecurityChoice) {
            fits = setting == Setting.SECURITY;
        } else if (value instanceof SettingValue.AuthChoice) {
            fits = setting == Setting.AUTH_METHOD;
        } else if (value instanceof SettingValue.UserName) {
            fits = setting == Setting.USERNAME;
        } else if (value instanceof SettingValue.EmailAddress) {
            fits = setting == Setting.SENDER_ADDRESS || setting == Setting.RECIPIENT_ADDRESS;
        } else {
            fits = true;
        }
        if (!fits) {
            throw new IllegalArgumentException("A " + value.getClass().getSimpleName() + " is no value for " + setting);
        }
    }

    /** A change from a known value to another. */
    public static Change of(Setting setting, SettingValue from, SettingValue to) {
        return new Change(setting, Optional.of(from), Optional.of(to));
    }

    /** The settings a mail program holds for sending, in the order a person checks them. */
    public static final List<Setting> PROGRAM_SETTINGS = List.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY,
            Setting.AUTH_METHOD, Setting.USERNAME, Setting.SENDER_ADDRESS);

    /**
     * What differs between two sets of settings, as changes from {@code before} to {@code after}: server name (case
     * ignored), port, connection security, sign-in method, username and sender address. Empty when they match.
     */
    public static List<Change> between(AccountSettings before, AccountSettings after) {
        List<Change> changes = new ArrayList<>();
        for (Setting setting : PROGRAM_SETTINGS) {
            SettingValue from = SettingValue.of(setting, before).orElseThrow();
            SettingValue to = SettingValue.of(setting, after).orElseThrow();
            boolean same = setting == Setting.SERVER_HOST
                    ? before.host().equalsIgnoreCase(after.host()) : from.equals(to);
            if (!same) {
                changes.add(of(setting, from, to));
            }
        }
        return changes;
    }

    /** A value to enter where the current one is unknown. */
    public static Change set(Setting setting, SettingValue to) {
        return new Change(setting, Optional.empty(), Optional.of(to));
    }
}
