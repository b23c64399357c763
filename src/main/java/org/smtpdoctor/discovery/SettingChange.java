package org.smtpdoctor.discovery;

import java.util.Objects;
import org.smtpdoctor.settings.Setting;

/**
 * One field to change in the mail program: "Port from 465 to 587".
 *
 * @param from the current value as the mail program shows it ({@code "465"}, {@code "SSL/TLS"}); empty when the
 *             current value is unknown
 * @param to   the value that worked
 */
public record SettingChange(Setting setting, String from, String to) {

    public SettingChange {
        Objects.requireNonNull(setting, "setting");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
    }
}
