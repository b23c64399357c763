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

    /**
     * Whether this names something the user can look at (a field, an address, the message, the network): "check
     * Port". Waiting, the provider's side and "nothing" are no such thing, so an alternative naming one of them is
     * said by its reason alone ("If that does not help: try again in a while"), never "check Nothing to change".
     */
    public boolean canBeChecked() {
        return this != WAIT_AND_RETRY && this != CONTACT_PROVIDER && this != NONE;
    }
}
