package org.smtpdoctor.discovery;

import java.util.Locale;
import java.util.Objects;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;

/**
 * One server setting worth trying: host, port and connection security, with where it came from.
 *
 * @param source       why it is tried
 * @param evidence     a short technical English account of the source, e.g. {@code SRV _submissions._tcp.example.com}
 *                     or {@code MX aspmx.l.google.com -> google}; never user-facing prose
 * @param providerId   the {@link Provider#id()} it belongs to, empty when none is known
 * @param usernameForm how the provider expects the sign-in name, when no username was given
 */
public record Candidate(
        String host,
        int port,
        Security security,
        CandidateSource source,
        String evidence,
        String providerId,
        ServerPreset.UsernameForm usernameForm) {

    public Candidate {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(source, "source");
        host = host.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        evidence = evidence == null ? "" : evidence;
        providerId = providerId == null ? "" : providerId;
        usernameForm = usernameForm == null ? ServerPreset.UsernameForm.EMAIL : usernameForm;
    }

    public static Candidate of(String host, int port, Security security, CandidateSource source, String evidence) {
        return new Candidate(host, port, security, source, evidence, "", ServerPreset.UsernameForm.EMAIL);
    }

    /** Same host, port and security: the identity used to try each combination only once. */
    public boolean sameServer(Candidate other) {
        return host.equals(other.host) && port == other.port && security == other.security;
    }

    /** The settings that test reachability only: no sign-in, no sender. */
    public AccountSettings reachabilitySettings() {
        return AccountSettings.of(host, port, security);
    }

    /** {@code host:port} with IPv6 literals bracketed. */
    public String endpoint() {
        return reachabilitySettings().endpoint();
    }
}
