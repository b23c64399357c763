package org.smtpdoctor.discovery;

import java.util.List;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.settings.Setting;

/**
 * Something the provider demands beyond server settings (an app password, a switch in its web settings, OAuth
 * sign-in), stated from the built-in provider data rather than guessed from a failure.
 *
 * @param setting  what the user acts on ({@link Setting#APP_PASSWORD}, {@link Setting#ENABLE_SMTP_AUTH_AT_PROVIDER},
 *                 {@link Setting#AUTH_METHOD} ...)
 * @param key      the message key of {@code text} in the discovery bundle (for tests and translations)
 * @param text     the note in the user's language
 * @param detail   the provider data's own remark (English, researched), may be empty
 * @param helpUrl  the provider's help page, may be empty
 */
public record ProviderNote(
        String providerId,
        String providerName,
        Requirement requirement,
        Setting setting,
        String key,
        String text,
        String detail,
        String helpUrl) {

    /** The notes for everything {@code provider} requires, in the order of {@link Requirement}. */
    static List<ProviderNote> forProvider(Provider provider, DiscoveryTexts texts) {
        return provider.requires().stream().sorted()
                .map(r -> {
                    String key = "discovery.note." + r.name().toLowerCase(java.util.Locale.ROOT);
                    return new ProviderNote(provider.id(), provider.name(), r, settingFor(r), key,
                            texts.get(key, provider.name()), provider.notes(),
                            provider.helpUrl());
                })
                .toList();
    }

    private static Setting settingFor(Requirement requirement) {
        return switch (requirement) {
            case APP_PASSWORD, APP_PASSWORD_WITH_2FA -> Setting.APP_PASSWORD;
            case OAUTH_ONLY -> Setting.AUTH_METHOD;
            case SMTP_AUTH_SWITCH, EXTERNAL_ACCESS_SWITCH -> Setting.ENABLE_SMTP_AUTH_AT_PROVIDER;
            case BRIDGE_PASSWORD, API_KEY_PASSWORD -> Setting.PASSWORD;
            case HOST_BY_ACCOUNT -> Setting.SERVER_HOST;
        };
    }
}
