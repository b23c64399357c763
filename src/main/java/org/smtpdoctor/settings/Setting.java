package org.smtpdoctor.settings;

/**
 * What the user changes in their mail client: the answer the product exists for.
 *
 * <p>Shared vocabulary (DESIGN.md): validation problems, diagnoses and the client-specific guidance all name one
 * of these. JSON output uses the lower_snake_case form of the constant.
 */
public enum Setting {
    SERVER_HOST,
    PORT,
    SECURITY,
    AUTH_METHOD,
    USERNAME,
    PASSWORD,
    /** The provider demands an app-specific password (e.g. with 2-step verification). */
    APP_PASSWORD,
    /** A switch in the provider's web settings or admin centre, e.g. Microsoft 365 "Authenticated SMTP". */
    ENABLE_SMTP_AUTH_AT_PROVIDER,
    SENDER_ADDRESS,
    RECIPIENT_ADDRESS,
    MESSAGE_CONTENT_OR_SIZE,
    WAIT_AND_RETRY,
    NETWORK_OR_FIREWALL,
    /** Server-side: nothing to change locally. */
    CONTACT_PROVIDER,
    /** Works, or informational. */
    NONE;
}
