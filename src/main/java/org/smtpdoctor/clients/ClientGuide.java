package org.smtpdoctor.clients;

import java.util.Locale;
import java.util.Optional;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Guidance in the user's own mail program's words: what each {@link Setting} is called there, where it lives and
 * how the program names each value (Thunderbird's "SSL/TLS" is Apple Mail's "Use TLS/SSL" switch with port 465).
 *
 * <p>All texts come from {@code clients/messages.properties}, keyed {@code clients.<client>.<setting>.field},
 * {@code .path} and {@code .note}; a client without its own key falls back to {@code clients.any...}, which is how
 * settings outside the program (the provider's web settings, the admin centre) are described once for all.
 */
public final class ClientGuide {

    static final String BUNDLE = "org.smtpdoctor.clients.messages";
    static final String ANY = "any";
    /** The key part of the texts for a server-side change the organisation's administrator makes. */
    static final String CONTACT_ADMINISTRATOR = "contactAdministrator";
    /** The key part of the texts for a change the user makes in their own account at the provider. */
    static final String OWN_ACCOUNT = "ownAccount";

    private final Messages messages;

    /** Texts in the default locale's language. */
    public ClientGuide() {
        this(Locale.getDefault());
    }

    public ClientGuide(Locale locale) {
        this.messages = Messages.of(BUNDLE, locale);
    }

    /** The name people know the program by ("Outlook (classic)"). */
    public String displayName(MailClient client) {
        return messages.get("clients." + client.key() + ".name");
    }

    /** What the setting is called in this program and where it lives. */
    public SettingLocation locate(MailClient client, Setting setting) {
        String base = settingKey(setting);
        String field = text(client, base + ".field");
        String path = text(client, base + ".path");
        Optional<String> note;
        if (setting == Setting.APP_PASSWORD) {
            // the app password goes where the password goes: say where that is in this program
            SettingLocation password = locate(client, Setting.PASSWORD);
            note = Optional.of(format(client, base + ".note", password.fieldName(), password.menuPath()));
        } else {
            note = optionalText(client, base + ".note");
        }
        return new SettingLocation(field, path, note);
    }

    /**
     * Where the one who acts finds the setting: a server-side change the organisation's own administrator makes
     * (its mail server, its sign-in server) is not the mail provider's support desk.
     */
    public SettingLocation locate(MailClient client, Setting setting, Actor actor) {
        if (actor == Actor.ADMIN && setting == Setting.CONTACT_PROVIDER) {
            return new SettingLocation(text(client, CONTACT_ADMINISTRATOR + ".field"),
                    text(client, CONTACT_ADMINISTRATOR + ".path"), optionalText(client, CONTACT_ADMINISTRATOR + ".note"));
        }
        if (actor == Actor.YOU && setting == Setting.CONTACT_PROVIDER) {
            return new SettingLocation(text(client, OWN_ACCOUNT + ".field"), text(client, OWN_ACCOUNT + ".path"),
                    optionalText(client, OWN_ACCOUNT + ".note"));
        }
        return locate(client, setting);
    }

    /**
     * Where the change a reading asks for is made, when that is not where its setting usually lives: a reading may
     * name its own place ({@code clients.<client>.rule.<rule id>.path} and {@code .note}, falling back to {@code any}).
     * This computer's own name or its list of trusted authorities is a "network" answer, but not the internet connection
     * or a firewall, and trying another network does not help.
     */
    public SettingLocation locate(MailClient client, Setting setting, Actor actor, String ruleId) {
        SettingLocation usual = locate(client, setting, actor);
        String base = "rule." + ruleId;
        return optionalText(client, base + ".path")
                .map(path -> new SettingLocation(usual.fieldName(), path, optionalText(client, base + ".note")))
                .orElse(usual);
    }

    /** How this program labels a connection security choice ("SSL/TLS", or "Use SSL: on, with port 465"). */
    public String valueLabel(MailClient client, Security security) {
        return text(client, "security." + securityKey(security));
    }

    /** How this program labels a sign-in method ("Normal password", "Require sign-in: on"). */
    public String authLabel(MailClient client, AuthMethod method) {
        return text(client, "auth." + authKey(method));
    }

    /**
     * A value in this program's words: a connection security or sign-in method becomes the program's label;
     * anything else (a host name, a port) is shown as it is.
     */
    public String clientValue(MailClient client, SettingValue value) {
        if (value instanceof SettingValue.SecurityChoice s) {
            return valueLabel(client, s.security());
        }
        if (value instanceof SettingValue.AuthChoice a) {
            return authLabel(client, a.method());
        }
        return value.neutral();
    }

    /** The keys looked up for a (client, suffix): the client's own, then the shared one. */
    private String text(MailClient client, String suffix) {
        return format(client, suffix);
    }

    private String format(MailClient client, String suffix, Object... args) {
        String own = "clients." + client.key() + "." + suffix;
        String shared = "clients." + ANY + "." + suffix;
        if (messages.has(own)) {
            return messages.get(own, args);
        }
        if (messages.has(shared)) {
            return messages.get(shared, args);
        }
        throw new IllegalStateException("No text for " + own + " or " + shared);
    }

    private Optional<String> optionalText(MailClient client, String suffix) {
        String own = "clients." + client.key() + "." + suffix;
        String shared = "clients." + ANY + "." + suffix;
        if (messages.has(own)) {
            return Optional.of(messages.get(own));
        }
        return messages.has(shared) ? Optional.of(messages.get(shared)) : Optional.empty();
    }

    /** {@code SERVER_HOST} → {@code serverHost}. */
    static String settingKey(Setting setting) {
        return Messages.keyPart(setting);
    }

    /** {@code SSL_TLS} → {@code sslTls}. */
    static String securityKey(Security security) {
        return Messages.keyPart(security);
    }

    /** Programs rarely tell PLAIN from LOGIN: both are "a normal password", and "automatic" picks one of them. */
    static String authKey(AuthMethod method) {
        return switch (method) {
            case NONE -> "none";
            case CRAM_MD5 -> "encrypted";
            case XOAUTH2 -> "oauth";
            case AUTO, PLAIN, LOGIN -> "password";
        };
    }
}
