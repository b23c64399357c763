package org.smtpdoctor.settings;

import java.util.Objects;

/**
 * The outgoing-server settings of one mail account, validated and normalised (see {@link SettingsValidator}).
 *
 * <p>Immutable; the {@code with...} methods return changed copies (the wizard's "Apply and test again" and the
 * discovery's candidates are such copies). {@code toString} never shows the secret.
 *
 * @param host      server name in ASCII (IDN converted) or an IP literal without brackets
 * @param port      1-65535
 * @param username  sign-in name, empty when none
 * @param secret    password or OAuth token, {@link Secret#empty()} when none
 * @param sender    envelope sender (MAIL FROM), empty when none
 * @param recipient envelope recipient (RCPT TO), empty when the probe should stop after MAIL FROM
 */
public record AccountSettings(
        String host,
        int port,
        Security security,
        AuthMethod authMethod,
        String username,
        Secret secret,
        String sender,
        String recipient) {

    public AccountSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(authMethod, "authMethod");
        username = username == null ? "" : username;
        secret = secret == null ? Secret.empty() : secret;
        sender = sender == null ? "" : sender;
        recipient = recipient == null ? "" : recipient;
    }

    /** Settings with no sign-in, sender or recipient: enough to test reachability. */
    public static AccountSettings of(String host, int port, Security security) {
        return new AccountSettings(host, port, security, AuthMethod.NONE, "", Secret.empty(), "", "");
    }

    public boolean signsIn() {
        return authMethod != AuthMethod.NONE;
    }

    public AccountSettings withHost(String newHost) {
        return new AccountSettings(newHost, port, security, authMethod, username, secret, sender, recipient);
    }

    public AccountSettings withPort(int newPort) {
        return new AccountSettings(host, newPort, security, authMethod, username, secret, sender, recipient);
    }

    public AccountSettings withSecurity(Security newSecurity) {
        return new AccountSettings(host, port, newSecurity, authMethod, username, secret, sender, recipient);
    }

    public AccountSettings withAuthMethod(AuthMethod newMethod) {
        return new AccountSettings(host, port, security, newMethod, username, secret, sender, recipient);
    }

    public AccountSettings withCredentials(String newUsername, Secret newSecret) {
        return new AccountSettings(host, port, security, authMethod, newUsername, newSecret, sender, recipient);
    }

    public AccountSettings withSender(String newSender) {
        return new AccountSettings(host, port, security, authMethod, username, secret, newSender, recipient);
    }

    public AccountSettings withRecipient(String newRecipient) {
        return new AccountSettings(host, port, security, authMethod, username, secret, sender, newRecipient);
    }

    /** The same settings without the secret: what results, reports and saved profiles may hold. */
    public AccountSettings withoutSecret() {
        return withCredentials(username, Secret.empty());
    }

    /** {@code host:port} with IPv6 literals bracketed. */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
