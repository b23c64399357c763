package org.smtpdoctor.discovery;

import java.util.List;
import java.util.Optional;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.HostNames;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;

/**
 * One more sign-in after the server refused one, with exactly one thing changed, so that the advice "change the
 * sign-in method", "change the user name" or "check the password" follows from what the server did rather than
 * from a guess. It runs only over an encrypted connection, only after a refusal of the credentials (not a lock-out
 * or a temporary refusal), and at most once per test, so it costs the account one more failed sign-in at worst.
 *
 * <ul>
 *   <li><b>Method.</b> "Encrypted password" (CRAM-MD5) refused by a server that offers it but cannot check it (seen
 *   on a real Exim): once more with the normal method the server offered, as mail programs fall back.</li>
 *   <li><b>User name.</b> A 535 refusal of a user name without a domain while the email address is known: once more
 *   with the full address, which most servers want. A full address refused by a server that is no known provider's:
 *   once more with the part before the @, which servers with system accounts (a Dovecot on a small server) want.</li>
 * </ul>
 */
public final class SignInRetry {

    /** RFC 4954: the credentials were refused, as opposed to a temporary failure or a policy refusal. */
    private static final int CREDENTIALS_INVALID = 535;

    /**
     * The settings to sign in with once more, and what changed, in the words of the transcript.
     *
     * @param settings the typed settings with one thing changed
     * @param why      one line for the transcript, technical English
     */
    public record Retry(AccountSettings settings, String why) {
    }

    private SignInRetry() {
    }

    /** The one retry worth making after this failure, when there is one. */
    public static Optional<Retry> worthRetrying(ProbeResult failed, AccountSettings typed, ProviderCatalog catalog) {
        if (failed.failure().orElse(null) != FailureKind.AUTH_REJECTED || !failed.secretGiven()
                || !encrypted(failed)) {
            return Optional.empty();
        }
        AuthMethod method = failed.settings().authMethod();
        if (method == AuthMethod.CRAM_MD5) {
            List<String> offered = failed.effectiveCapabilities().authMechanisms();
            Optional<AuthMethod> normal = offered.contains("PLAIN") ? Optional.of(AuthMethod.PLAIN)
                    : offered.contains("LOGIN") ? Optional.of(AuthMethod.LOGIN) : Optional.empty();
            return normal.map(m -> new Retry(typed.withAuthMethod(m), "Signing in once more with " + m.mechanism()
                    + ", as mail programs do when the chosen method is refused"));
        }
        if (method == AuthMethod.XOAUTH2 || failed.lastReply().map(r -> r.code() != CREDENTIALS_INVALID)
                .orElse(true)) {
            return Optional.empty();
        }
        return otherName(typed, catalog).map(name -> new Retry(typed.withCredentials(name, typed.secret()),
                name.contains("@")
                        ? "Signing in once more as " + name + ", the full email address, which most servers want as"
                                + " the user name"
                        : "Signing in once more as " + name + ", without the domain, as servers with system"
                                + " accounts want"));
    }

    /** What the second sign-in showed, as the one check of a {@link Verification} that needs sign-in. */
    public static Verification verification(ProbeResult retry, long elapsedMs) {
        boolean signedIn = retry.passed(Phase.AUTH);
        AlternativeCheck check = new AlternativeCheck(retry.settings(),
                signedIn ? AlternativeCheck.Answer.ANSWERS : AlternativeCheck.Answer.FAILED,
                signedIn ? Optional.empty() : retry.failure(), retry.effectiveCapabilities(), Optional.of(retry),
                elapsedMs);
        return new Verification(List.of(check), elapsedMs, false, true);
    }

    private static boolean encrypted(ProbeResult failed) {
        return failed.capabilitiesAfterTls().isPresent()
                || failed.settings().security() == Security.SSL_TLS && failed.passed(Phase.GREETING);
    }

    /** The other usual form of the user name, when the settings show it and it is worth one more sign-in. */
    private static Optional<String> otherName(AccountSettings typed, ProviderCatalog catalog) {
        String user = typed.username().strip();
        String address = typed.sender().strip();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (!user.contains("@")) {
            return Optional.of(address).filter(SignInRetry::isAddress)
                    .filter(a -> !a.equalsIgnoreCase(user));
        }
        // a provider's own servers want the full address; a loopback host is a bridge or a test server, not one
        boolean knownProvider = catalog.forAddress(user).isPresent()
                || catalog.forServerHost(typed.host()).isPresent() && !HostNames.isLoopback(typed.host());
        String local = user.substring(0, user.lastIndexOf('@'));
        return knownProvider || !isAddress(user) || local.isEmpty() ? Optional.empty()
                : Optional.of(local);
    }

    private static boolean isAddress(String s) {
        int at = s.lastIndexOf('@');
        return at > 0 && at < s.length() - 1 && s.indexOf(' ') < 0;
    }
}
