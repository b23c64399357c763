package org.smtpdoctor.providers;

import java.util.List;
import org.smtpdoctor.settings.Security;

/**
 * One documented outgoing server of a provider.
 *
 * @param authMechanisms as the source names them ({@code password-cleartext}, {@code oauth2},
 *                       {@code password-encrypted})
 * @param usernameForm   {@link UsernameForm#EMAIL} (the full address) or {@link UsernameForm#LOCALPART}
 */
public record ServerPreset(String host, int port, Security security, List<String> authMechanisms,
        UsernameForm usernameForm) {

    public ServerPreset {
        authMechanisms = List.copyOf(authMechanisms);
    }

    public enum UsernameForm {
        EMAIL,
        LOCALPART;

        /** The username this form gives for {@code address}. */
        public String usernameFor(String address) {
            int at = address.lastIndexOf('@');
            return this == LOCALPART && at > 0 ? address.substring(0, at) : address;
        }
    }
}
