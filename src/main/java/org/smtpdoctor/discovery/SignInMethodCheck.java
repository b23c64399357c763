package org.smtpdoctor.discovery;

import java.util.List;
import java.util.Optional;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;

/**
 * One more sign-in, with the normal password method, after the server refused a sign-in with the method chosen in
 * the mail program ("Encrypted password", CRAM-MD5): a server may offer CRAM-MD5 and still be unable to check it.
 * Mail programs fall back the same way. It runs only over an encrypted connection and only with a method the server
 * offered, so the advice "change the sign-in method" or "check the password" follows from what the server did.
 */
public final class SignInMethodCheck {

    private SignInMethodCheck() {
    }

    /** The normal password method to try once more after this failure, when it is worth trying. */
    public static Optional<AuthMethod> worthRetrying(ProbeResult failed) {
        if (failed.failure().orElse(null) != FailureKind.AUTH_REJECTED
                || failed.settings().authMethod() != AuthMethod.CRAM_MD5 || !failed.secretGiven()) {
            return Optional.empty();
        }
        boolean encrypted = failed.capabilitiesAfterTls().isPresent()
                || failed.settings().security() == Security.SSL_TLS && failed.passed(Phase.GREETING);
        if (!encrypted) {
            return Optional.empty();
        }
        List<String> offered = failed.effectiveCapabilities().authMechanisms();
        return offered.contains("PLAIN") ? Optional.of(AuthMethod.PLAIN)
                : offered.contains("LOGIN") ? Optional.of(AuthMethod.LOGIN) : Optional.empty();
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
}
