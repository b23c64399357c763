package org.smtpdoctor.ui.form;

import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;

/**
 * What the wizard remembers for one email address. There is deliberately no field for the password: it cannot be
 * saved by mistake.
 *
 * @param port text as the user typed it
 * @param recipient the "send a test message to" address, empty when none
 */
public record SavedSettings(
        MailClient program,
        String host,
        String port,
        Security security,
        AuthMethod authMethod,
        String username,
        String recipient) {

    public SavedSettings {
        host = host == null ? "" : host;
        port = port == null ? "" : port;
        security = security == null ? Security.STARTTLS : security;
        authMethod = authMethod == null ? AuthMethod.AUTO : authMethod;
        username = username == null ? "" : username;
        recipient = recipient == null ? "" : recipient;
    }
}
