package org.smtpdoctor.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Setting;

/**
 * The smallest change from what the user has to settings that worked: only the fields that differ, in the order a
 * mail program's dialog shows them (server, port, security, sign-in, username).
 *
 * <p>This is the answer the product exists for ("only change Port from 465 to 587 and Connection security to
 * STARTTLS"), so it never lists a field that is already right.
 */
public final class SettingChanges {

    private SettingChanges() {
    }

    /**
     * The fields to change so that {@code current} becomes {@code target}. Without current settings every server
     * field is listed with an empty "from".
     */
    public static List<SettingChange> between(Optional<AccountSettings> current, AccountSettings target) {
        List<SettingChange> changes = new ArrayList<>();
        if (current.isEmpty()) {
            changes.add(new SettingChange(Setting.SERVER_HOST, "", target.host()));
            changes.add(new SettingChange(Setting.PORT, "", Integer.toString(target.port())));
            changes.add(new SettingChange(Setting.SECURITY, "", target.security().label()));
            return List.copyOf(changes);
        }
        AccountSettings now = current.get();
        if (!now.host().equalsIgnoreCase(target.host())) {
            changes.add(new SettingChange(Setting.SERVER_HOST, now.host(), target.host()));
        }
        if (now.port() != target.port()) {
            changes.add(new SettingChange(Setting.PORT, Integer.toString(now.port()),
                    Integer.toString(target.port())));
        }
        if (now.security() != target.security()) {
            changes.add(new SettingChange(Setting.SECURITY, now.security().label(), target.security().label()));
        }
        if (now.signsIn() != target.signsIn()) {
            changes.add(new SettingChange(Setting.AUTH_METHOD, now.authMethod().cliName(),
                    target.authMethod().cliName()));
        } else if (now.signsIn() && now.authMethod() != AuthMethod.AUTO && target.authMethod() != AuthMethod.AUTO
                && now.authMethod() != target.authMethod()) {
            changes.add(new SettingChange(Setting.AUTH_METHOD, now.authMethod().cliName(),
                    target.authMethod().cliName()));
        }
        if (target.signsIn() && !target.username().isEmpty() && !now.username().isEmpty()
                && !now.username().equals(target.username())) {
            changes.add(new SettingChange(Setting.USERNAME, now.username(), target.username()));
        }
        return List.copyOf(changes);
    }
}
