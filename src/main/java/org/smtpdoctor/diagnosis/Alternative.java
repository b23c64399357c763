package org.smtpdoctor.diagnosis;

import java.util.Objects;
import java.util.Optional;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Another setting worth trying when the diagnosis's change does not help ("If that does not help: …").
 *
 * @param setting        the setting to try
 * @param suggestedValue the value to try, when the evidence shows it
 * @param why            one plain sentence saying why this is the next thing to try
 */
public record Alternative(Setting setting, Optional<SettingValue> suggestedValue, String why) {

    public Alternative {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(suggestedValue, "suggestedValue");
        Objects.requireNonNull(why, "why");
    }
}
