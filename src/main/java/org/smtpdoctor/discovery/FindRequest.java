package org.smtpdoctor.discovery;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Secret;

/**
 * What the user has when asking "which settings work?": the address, optionally a sign-in, optionally the settings
 * they use now (to express the answer as the smallest change).
 *
 * <p>When {@code username} or {@code secret} is empty and the current settings carry one, that one is used, so a
 * front end can pass the settings it already holds. The current settings are kept without their secret.
 *
 * @param address        the email address (its domain drives the search; it is the sender when sign-in is verified)
 * @param username       sign-in name; empty means "as the provider expects", usually the address
 * @param secret         password or app password; empty means sign-in is not tested
 * @param current        the settings the user has now, if known
 * @param allowPlaintext try unencrypted connections and, only then, send credentials over them
 */
public record FindRequest(String address, String username, Secret secret, Optional<AccountSettings> current,
        boolean allowPlaintext) {

    public FindRequest {
        Objects.requireNonNull(address, "address");
        address = address.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("Not an email address: '" + address + "'");
        }
        current = current == null ? Optional.empty() : current;
        username = username == null || username.isBlank()
                ? current.map(AccountSettings::username).orElse("") : username.strip();
        secret = secret == null || secret.isEmpty()
                ? current.map(AccountSettings::secret).orElse(Secret.empty()) : secret;
        current = current.map(AccountSettings::withoutSecret);
    }

    /** Only the address: candidates are tested for reachability, sign-in is not tested. */
    public static FindRequest of(String address) {
        return new FindRequest(address, "", Secret.empty(), Optional.empty(), false);
    }

    public FindRequest withCredentials(String newUsername, Secret newSecret) {
        return new FindRequest(address, newUsername, newSecret, current, allowPlaintext);
    }

    public FindRequest withCurrent(AccountSettings settings) {
        return new FindRequest(address, username, secret, Optional.of(settings), allowPlaintext);
    }

    public FindRequest withAllowPlaintext(boolean allow) {
        return new FindRequest(address, username, secret, current, allow);
    }

    public boolean hasCredentials() {
        return !secret.isEmpty();
    }

    /** The address's domain in lower-case ASCII (IDN converted). */
    public String domain() {
        String d = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }
}
