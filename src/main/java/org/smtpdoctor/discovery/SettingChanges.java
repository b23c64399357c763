package org.smtpdoctor.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

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
    public static List<Change> between(Optional<AccountSettings> current, AccountSettings target) {
        List<Change> changes = new ArrayList<>();
        if (current.isEmpty()) {
            changes.add(Change.set(Setting.SERVER_HOST, SettingValue.host(target.host())));
            changes.add(Change.set(Setting.PORT, SettingValue.port(target.port())));
            changes.add(Change.set(Setting.SECURITY, SettingValue.security(target.security())));
            return List.copyOf(changes);
        }
        AccountSettings now = current.get();
        if (!now.host().equalsIgnoreCase(target.host())) {
            changes.add(Change.of(Setting.SERVER_HOST, SettingValue.host(now.host()), SettingValue.host(target.host())));
        }
        if (now.port() != target.port()) {
            changes.add(Change.of(Setting.PORT, SettingValue.port(now.port()), SettingValue.port(target.port())));
        }
        if (now.security() != target.security()) {
            changes.add(Change.of(Setting.SECURITY, SettingValue.security(now.security()),
                    SettingValue.security(target.security())));
        }
        boolean methodDiffers = now.signsIn() && now.authMethod() != AuthMethod.AUTO
                && target.authMethod() != AuthMethod.AUTO && now.authMethod() != target.authMethod();
        if (now.signsIn() != target.signsIn() || methodDiffers) {
            changes.add(Change.of(Setting.AUTH_METHOD, SettingValue.auth(now.authMethod()),
                    SettingValue.auth(target.authMethod())));
        }
        if (target.signsIn() && !target.username().isEmpty() && !now.username().isEmpty()
                && !now.username().equals(target.username())) {
            changes.add(Change.of(Setting.USERNAME, SettingValue.username(now.username()),
                    SettingValue.username(target.username())));
        }
        return List.copyOf(changes);
    }
}
