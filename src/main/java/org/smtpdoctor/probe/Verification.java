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
 */
public record Verification(List<AlternativeCheck> checks, long elapsedMs, boolean timedOut) {

    public static final Verification NONE = new Verification(List.of(), 0, false);

    public Verification {
        checks = List.copyOf(checks);
    }

    public boolean ran() {
        return !checks.isEmpty();
    }

    /** The best alternative that answered with working connection security. */
    public Optional<AlternativeCheck> firstAnswering() {
        return checks.stream().filter(AlternativeCheck::answers).findFirst();
    }
}
