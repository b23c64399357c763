package org.smtpdoctor.providers;

import java.util.List;
import org.smtpdoctor.settings.Security;

/**
 * One documented outgoing server of a provider.
 *
 * @param authMechanisms as the source names them ({@code password-cleartext}, {@code oauth2},
 *                       {@code password-encrypted})
 * @param usernameForm   {@link UsernameForm#EMAIL} (the full address), {@link UsernameForm#LOCALPART} or one
 *                       {@link UsernameForm#fixed fixed} name for every customer
 */
public record ServerPreset(String host, int port, Security security, List<String> authMechanisms,
        UsernameForm usernameForm) {

    public ServerPreset {
        authMechanisms = List.copyOf(authMechanisms);
    }

    /** The sign-in name this server wants for {@code address}. */
    public String usernameFor(String address) {
        return usernameForm.usernameFor(address);
    }

    /**
     * How a provider wants the sign-in name: the full address, the part before the @, or one fixed word that is the
     * same for every customer (sending services that take a key as the password: SendGrid's {@code apikey}).
     *
     * @param fixedName the fixed name, or empty when the name comes from the address
     */
    public record UsernameForm(boolean localPart, String fixedName) {

        /** The full e-mail address. */
        public static final UsernameForm EMAIL = new UsernameForm(false, "");
        /** The part of the address before the @. */
        public static final UsernameForm LOCALPART = new UsernameForm(true, "");

        public UsernameForm {
            fixedName = fixedName == null ? "" : fixedName.strip();
        }

        /** One name for every customer, whatever their address. */
        public static UsernameForm fixed(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A fixed user name cannot be empty");
            }
            return new UsernameForm(false, name);
        }

        /** Whether the name is one fixed word rather than taken from the address. */
        public boolean isFixed() {
            return !fixedName.isEmpty();
        }

        /** The username this form gives for {@code address}. */
        public String usernameFor(String address) {
            if (isFixed()) {
                return fixedName;
            }
            int at = address.lastIndexOf('@');
            return localPart && at > 0 ? address.substring(0, at) : address;
        }
    }
}
