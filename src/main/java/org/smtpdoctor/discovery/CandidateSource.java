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
    /** The domain's own autoconfig file ({@code https://autoconfig.<domain>/mail/config-v1.1.xml} ...). */
    AUTOCONFIG,
    /** Thunderbird's ISPDB (shipped snapshot), found by the address's domain or its MX host. */
    ISPDB,
    /** An RFC 6186 / RFC 8314 SRV record ({@code _submissions._tcp}, {@code _submission._tcp}). */
    SRV,
    /** The domain's MX host belongs to a known hosting provider (e.g. Google Workspace, Microsoft 365). */
    MX,
    /** The domain's MX host itself, on the submission ports (small domains often send through it). */
    MX_HOST,
    /** A usual name and port tried on chance ({@code smtp.<domain>:465} ...). */
    GUESS;
}
