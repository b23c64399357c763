package org.smtpdoctor.settings;

/**
 * What the user typed, as text, before validation: the form fields of the wizard and the command-line options
 * both become one of these.
 *
 * @param host      may be a URL ({@code smtp://x:587}), {@code host:port}, an IDN name or an IPv6 literal
 * @param port      text; empty means "the usual port for the chosen security"
 */
public record SettingsInput(
        String host,
        String port,
        Security security,
        AuthMethod authMethod,
        String username,
        Secret secret,
        String sender,
        String recipient) {
}
