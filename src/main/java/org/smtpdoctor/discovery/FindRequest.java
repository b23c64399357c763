package org.smtpdoctor.discovery;

import java.net.IDN;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Secret;

/**
 * What the user has when asking "which settings work?": the address, optionally a sign-in, optionally the settings
 * they use now (to express the answer as the smallest change).
 *
 * <p>When {@code username} or {@code secret} is empty and the current settings carry one, that one is used, so a
 * front end can pass the settings it already holds. The current settings are kept without their secret.
 *
 * @param address        the email address (its domain drives the search; it is the sender when sign-in is verified)
 * @param username       sign-in name; empty means "as the provider expects", usually the address
 * @param secret         password or app password; empty means sign-in is not tested
 * @param current        the settings the user has now, if known
 * @param allowPlaintext try unencrypted connections and, only then, send credentials over them
 * @param confirmedHosts servers outside the address's domain the user agreed to send the password to
 * @param allowOtherDomains the user agreed in advance for every such server ({@code --allow-other-domain})
 */
public record FindRequest(String address, String username, Secret secret, Optional<AccountSettings> current,
        boolean allowPlaintext, Set<String> confirmedHosts, boolean allowOtherDomains) {

    /** Sources anyone who controls the domain's DNS or web server can set: their servers need consent elsewhere. */
    private static final Set<CandidateSource> NAMED_BY_THE_DOMAIN =
            EnumSet.of(CandidateSource.AUTOCONFIG, CandidateSource.SRV, CandidateSource.MX_HOST);

    /** The message of the exception for an address at an IP address ({@code alice@[127.0.0.1]}). */
    public static final String IP_LITERAL = "ip-literal";

    /** A domain name: labels of letters (any script), digits and inner hyphens, at least two of them. */
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}-]{0,61}[\\p{L}\\p{N}\\p{M}])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    /** Without consent for servers in other domains. */
    public FindRequest(String address, String username, Secret secret, Optional<AccountSettings> current,
            boolean allowPlaintext) {
        this(address, username, secret, current, allowPlaintext, Set.of(), false);
    }

    public FindRequest {
        Objects.requireNonNull(address, "address");
        address = address.strip();
        check(address);
        current = current == null ? Optional.empty() : current;
        username = username == null || username.isBlank()
                ? current.map(AccountSettings::username).orElse("") : username.strip();
        secret = secret == null || secret.isEmpty()
                ? current.map(AccountSettings::secret).orElse(Secret.empty()) : secret;
        current = current.map(AccountSettings::withoutSecret);
        Set<String> hosts = new HashSet<>();
        for (String h : confirmedHosts == null ? Set.<String>of() : confirmedHosts) {
            hosts.add(h.strip().toLowerCase(Locale.ROOT));
        }
        confirmedHosts = Set.copyOf(hosts);
    }

    /**
     * Strict: exactly one {@code @}, no spaces or control characters, a local part of at most 64 octets, and a domain
     * name of at least two labels. An IP literal has no provider and no DNS to search: refused with {@link #IP_LITERAL}
     * (such a server is tested directly with {@code probe}).
     */
    private static void check(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.length() > 254
                || address.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("not an email address");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("not an email address");
        }
        if (domain.startsWith("[") || IPV4.matcher(domain).matches()) {
            throw new IllegalArgumentException(IP_LITERAL);
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw new IllegalArgumentException("not an email address");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not an email address");
            }
        }
    }

    /** Only the address: candidates are tested for reachability, sign-in is not tested. */
    public static FindRequest of(String address) {
        return new FindRequest(address, "", Secret.empty(), Optional.empty(), false);
    }

    public FindRequest withCredentials(String newUsername, Secret newSecret) {
        return new FindRequest(address, newUsername, newSecret, current, allowPlaintext, confirmedHosts,
                allowOtherDomains);
    }

    public FindRequest withCurrent(AccountSettings settings) {
        return new FindRequest(address, username, secret, Optional.of(settings), allowPlaintext, confirmedHosts,
                allowOtherDomains);
    }

    public FindRequest withAllowPlaintext(boolean allow) {
        return new FindRequest(address, username, secret, current, allow, confirmedHosts, allowOtherDomains);
    }

    /** The user agreed to send the password to these servers (besides those agreed before). */
    public FindRequest withConfirmedHosts(Set<String> hosts) {
        Set<String> all = new HashSet<>(confirmedHosts);
        all.addAll(hosts);
        return new FindRequest(address, username, secret, current, allowPlaintext, all, allowOtherDomains);
    }

    /** The user agreed in advance to send the password to servers outside the address's domain. */
    public FindRequest withAllowOtherDomains(boolean allow) {
        return new FindRequest(address, username, secret, current, allowPlaintext, confirmedHosts, allow);
    }

    /**
     * Whether the password may go to {@code candidate} only after the user confirms: its server lies outside the
     * address's domain and it was named by the domain's DNS or autoconfig file (which anyone who controls them, or
     * spoofs an unsigned DNS answer, can point anywhere), not by the built-in presets, the ISPDB or the user.
     */
    public boolean needsConsent(Candidate candidate) {
        if (!NAMED_BY_THE_DOMAIN.contains(candidate.source()) || allowOtherDomains) {
            return false;
        }
        String host = candidate.host();
        String domain = domain();
        boolean inDomain = host.equals(domain) || host.endsWith("." + domain);
        return !inDomain && !confirmedHosts.contains(host);
    }

    public boolean hasCredentials() {
        return !secret.isEmpty();
    }

    /** The address's domain in lower-case ASCII (IDN converted). */
    public String domain() {
        String d = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }
}
