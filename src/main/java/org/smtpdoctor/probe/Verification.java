package org.smtpdoctor.probe;

import java.util.List;
import java.util.Optional;

/**
 * The standard alternatives tried on the same server after a failure, in the order they are worth suggesting.
 * {@link #NONE} when no check ran.
 *
 * @param checks    each alternative and what it did
 * @param elapsedMs how long the checks took together (they run at once)
 * @param timedOut  the time allowed ran out before every check finished
 * @param signInNeeded an alternative helps only when it offers sign-in (the settings sign in, or the server refused
 *                  to pass mail on without it): one that answers without offering it is not suggested
 * @param answeredEarlier the same server answered an earlier test of this session as a mail server, a short while ago:
 *                  when it now refuses or ignores every port, it is turning this address away (a ban after failed
 *                  sign-ins), not a wrong server name
 */
public record Verification(List<AlternativeCheck> checks, long elapsedMs, boolean timedOut, boolean signInNeeded,
        boolean answeredEarlier) {

    public static final Verification NONE = new Verification(List.of(), 0, false, false);

    public Verification {
        checks = List.copyOf(checks);
    }

    public Verification(List<AlternativeCheck> checks, long elapsedMs, boolean timedOut) {
        this(checks, elapsedMs, timedOut, false);
    }

    public Verification(List<AlternativeCheck> checks, long elapsedMs, boolean timedOut, boolean signInNeeded) {
        this(checks, elapsedMs, timedOut, signInNeeded, false);
    }

    /** The same checks, known to follow an earlier test this same server answered a short while ago. */
    public Verification withAnsweredEarlier() {
        return new Verification(checks, elapsedMs, timedOut, signInNeeded, true);
    }

    public boolean ran() {
        return !checks.isEmpty();
    }

    /**
     * The best alternative that answered with working connection security and, when {@link #signInNeeded()}, offered
     * sign-in: what was seen, not assumed, to remove the failure.
     */
    public Optional<AlternativeCheck> firstAnswering() {
        return checks.stream().filter(AlternativeCheck::answers).filter(c -> !signInNeeded || c.offersAuth())
                .findFirst();
    }
}
