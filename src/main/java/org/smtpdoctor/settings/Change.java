package org.smtpdoctor.settings;

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
    }

    /** A change from a known value to another. */
    public static Change of(Setting setting, SettingValue from, SettingValue to) {
        return new Change(setting, Optional.of(from), Optional.of(to));
    }

    /** A value to enter where the current one is unknown. */
    public static Change set(Setting setting, SettingValue to) {
        return new Change(setting, Optional.empty(), Optional.of(to));
    }
}
