package org.smtpdoctor.discovery;

/**
 * Where a candidate setting came from, kept with every candidate so the result can say honestly why it was tried
 * ("documented by the provider", "announced in your domain's DNS", "a guess").
 *
 * <p>The order is the tie-break priority when two candidates are otherwise equal.
 */
public enum CandidateSource {
    /** The settings the user has now. */
    USER,
    /** A built-in provider preset for the address's domain ({@link ProviderCatalog}). */
    PRESET,
    /** An RFC 6186 / RFC 8314 SRV record ({@code _submissions._tcp}, {@code _submission._tcp}). */
    SRV,
    /** The domain's MX host belongs to a known hosting provider (e.g. Google Workspace, Microsoft 365). */
    MX,
    /** A usual name and port tried on chance ({@code smtp.<domain>:465} ...). */
    GUESS;
}
