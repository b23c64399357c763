package org.smtpdoctor.discovery;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;

/**
 * The answer of a search: every candidate's outcome, best first, the settings to use and the smallest change from
 * the user's current settings to them.
 *
 * @param address          the address searched for
 * @param credentialsGiven whether sign-in could be tested (a secret was given; it is not kept)
 * @param current          the user's current settings, without secret, if given
 * @param ranked           every candidate's outcome: works with sign-in, works without, reachable, failed,
 *                         cancelled; within each, implicit TLS before STARTTLS before plain, the user's values
 *                         first, then presets, SRV, MX, guesses
 * @param best             the top outcome when a server answered on it
 * @param changes          the fields to change from {@code current} to {@code best} (all server fields with an
 *                         empty "from" when there are no current settings); empty when there is no best
 * @param provider         the provider recognised from the address's domain, its MX or the best server name
 * @param notes            what that provider demands beyond settings (app password, switches, OAuth only)
 * @param lookups          the DNS questions asked and their answers
 * @param cancelled        the user stopped the search
 * @param timedOut         the overall time limit stopped the search
 * @param elapsedMs        wall time of the whole search
 */
public record FindResult(
        String address,
        boolean credentialsGiven,
        Optional<AccountSettings> current,
        List<CandidateOutcome> ranked,
        Optional<CandidateOutcome> best,
        List<Change> changes,
        Optional<Provider> provider,
        List<ProviderNote> notes,
        List<DnsFinding> lookups,
        boolean cancelled,
        boolean timedOut,
        long elapsedMs) {

    public FindResult {
        ranked = List.copyOf(ranked);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        lookups = List.copyOf(lookups);
    }

    /**
     * Whether working settings were found: shown to work, or reachable when no credentials were given (then the
     * result says "sign-in not tested"). A reachable server whose sign-in failed or was not tested although
     * credentials were given does not count.
     */
    public boolean found() {
        return best.map(b -> b.status().works()
                || (b.status() == CandidateStatus.REACHABLE && !credentialsGiven)).orElse(false);
    }

    /** Whether the user's current settings are among the ones that work (then nothing needs changing). */
    public boolean currentWorks() {
        return ranked.stream().anyMatch(o -> o.source() == CandidateSource.USER && o.status().works());
    }

    /**
     * The servers that answered but lie outside the address's domain, named by its DNS or autoconfig file: the
     * password was not sent there; asking the user and searching again with them confirmed may find more.
     */
    public List<String> awaitingConfirmation() {
        return ranked.stream().filter(o -> o.status() == CandidateStatus.NEEDS_CONFIRMATION)
                .map(o -> o.candidate().host()).distinct().toList();
    }

    /** The fields to change from the current settings to {@code outcome}'s. */
    public List<Change> changesTo(CandidateOutcome outcome) {
        return SettingChanges.between(current, outcome.settings());
    }

    /**
     * Every outcome as good as the best one (same status), with its changes, fewest changes first: when several
     * settings work equally, the one closest to what the user has is the easiest fix.
     */
    public List<Fix> fixes() {
        if (best.isEmpty()) {
            return List.of();
        }
        CandidateStatus top = best.get().status();
        return ranked.stream().filter(o -> o.status() == top)
                .map(o -> new Fix(o, changesTo(o)))
                .sorted(Comparator.comparingInt(f -> f.changes().size()))
                .toList();
    }

    /** One way to working settings: the outcome and the field changes it needs. */
    public record Fix(CandidateOutcome outcome, List<Change> changes) {

        public Fix {
            changes = List.copyOf(changes);
        }
    }
}
