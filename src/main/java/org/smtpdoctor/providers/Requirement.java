package org.smtpdoctor.providers;

import java.util.Locale;

/** Something a provider demands before a mail program may send, beyond the right server settings. */
public enum Requirement {
    /** The normal account password is refused: an app-specific password must be created. */
    APP_PASSWORD,
    /** An app password is needed once two-step verification is on. */
    APP_PASSWORD_WITH_2FA,
    /** Only OAuth2 sign-in works: a mail program that cannot do it cannot send through this account. */
    OAUTH_ONLY,
    /** Authenticated SMTP must be switched on for the tenant or mailbox (Microsoft 365). */
    SMTP_AUTH_SWITCH,
    /** Access by external mail programs must be switched on in the provider's web settings. */
    EXTERNAL_ACCESS_SWITCH,
    /** The password is the one a local bridge app shows (Proton Mail Bridge). */
    BRIDGE_PASSWORD,
    /**
     * The password is a key created in the sending service's settings (with permission to send), not the account's
     * password; the user name is then usually one fixed word (SendGrid's {@code apikey}, Resend's {@code resend}).
     */
    API_KEY_PASSWORD,
    /**
     * The right server depends on the account (its data centre or plan: Zoho's smtp.zoho.eu for an EU account,
     * smtppro.zoho.com for an organisation's own domain), so a refused sign-in may mean another of its servers.
     */
    HOST_BY_ACCOUNT;

    static Requirement fromJson(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
