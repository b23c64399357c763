package org.smtpdoctor.discovery;

import java.util.List;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;

/**
 * What the search tries with one candidate after its connection test: whether a sign-in or sender check follows,
 * and the settings that check uses. Pure decisions from the request and the provider data; {@link Search} does the
 * scheduling.
 */
final class CandidateChecks {

    /** What follows a successful connection test. */
    enum Next {
        /** Final as reachable: no credentials, OAuth only, or sign-in in clear text not allowed. */
        REACHABLE,
        /** Credentials would go to a server the user has not confirmed. */
        NEEDS_CONFIRMATION,
        SIGN_IN,
        /** The server offers no sign-in: check whether it takes the sender without one. */
        SENDER_CHECK
    }

    private final FindRequest request;
    private final ProviderCatalog catalog;

    CandidateChecks(FindRequest request, ProviderCatalog catalog) {
        this.request = request;
        this.catalog = catalog;
    }

    /** Decides whether a reachable candidate gets a sign-in check, a sender check, or is final as reachable. */
    Next afterReachable(Candidate candidate, Capabilities caps) {
        if (!caps.auth()) {
            return Next.SENDER_CHECK;
        }
        boolean oauthOnly = catalog.byId(candidate.providerId())
                .map(p -> p.requires(Requirement.OAUTH_ONLY)).orElse(false);
        boolean plainBlocked = candidate.security() == Security.NONE && !request.allowPlaintext();
        if (!request.hasCredentials() || oauthOnly || plainBlocked) {
            return Next.REACHABLE;
        }
        return request.needsConsent(candidate) ? Next.NEEDS_CONFIRMATION : Next.SIGN_IN;
    }

    /** The settings of the second check: the user's sign-in, or only the sender address when no sign-in is offered. */
    AccountSettings signInSettings(Candidate c, boolean senderCheckOnly) {
        if (senderCheckOnly) {
            return new AccountSettings(c.host(), c.port(), c.security(), AuthMethod.NONE, "", Secret.empty(),
                    request.address(), "");
        }
        String username = request.username().isEmpty()
                ? c.usernameForm().usernameFor(request.address()) : request.username();
        AuthMethod method = request.current().map(AccountSettings::authMethod)
                .filter(m -> m != AuthMethod.NONE).orElseGet(() -> listedMethod(c));
        return new AccountSettings(c.host(), c.port(), c.security(), method, username, request.secret(),
                request.address(), "");
    }

    /**
     * The sign-in method the provider data lists for this server: CRAM-MD5 when only {@code password-encrypted}
     * is listed, else automatic (the server's best mechanism).
     */
    private AuthMethod listedMethod(Candidate c) {
        List<String> listed = catalog.byId(c.providerId()).flatMap(p -> p.servers().stream()
                .filter(s -> s.host().equalsIgnoreCase(c.host()) && s.port() == c.port()
                        && s.security() == c.security())
                .findFirst()).map(ServerPreset::authMechanisms).orElse(List.of());
        boolean encryptedOnly = listed.contains("password-encrypted") && !listed.contains("password-cleartext");
        return encryptedOnly ? AuthMethod.CRAM_MD5 : AuthMethod.AUTO;
    }
}
