package org.smtpdoctor.providers;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A mail provider's documented outgoing-server settings and its demands, with the public source they rest on.
 *
 * @param domains    address domains served (lower case)
 * @param mxSuffixes MX host suffixes that identify hosted custom domains (e.g. Google Workspace's google.com)
 * @param servers    documented servers, preferred first
 */
public record Provider(
        String id,
        String name,
        List<String> domains,
        List<String> mxSuffixes,
        List<ServerPreset> servers,
        Set<Requirement> requires,
        String notes,
        String helpUrl,
        String source) {

    public Provider {
        domains = List.copyOf(domains);
        mxSuffixes = List.copyOf(mxSuffixes);
        servers = List.copyOf(servers);
        requires = Set.copyOf(requires);
    }

    public boolean requires(Requirement requirement) {
        return requires.contains(requirement);
    }

    /** Whether {@code host} is one of this provider's documented server names. */
    public boolean ownsHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return servers.stream().anyMatch(s -> s.host().equalsIgnoreCase(h));
    }

    /** Whether an app password is or may be needed (always, or with two-step verification on). */
    public boolean mayNeedAppPassword() {
        return requires(Requirement.APP_PASSWORD) || requires(Requirement.APP_PASSWORD_WITH_2FA);
    }
}
