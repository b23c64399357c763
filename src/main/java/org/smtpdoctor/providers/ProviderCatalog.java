package org.smtpdoctor.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.smtpdoctor.settings.Security;

/**
 * The built-in provider presets (resource {@code providers.json}, derived from researched, sourced data): servers,
 * demands, and the words in a server reply that give a provider away.
 *
 * <p>Provider knowledge lives here as data, beneath both the diagnosis (app passwords, SMTP AUTH switches, which
 * provider a pasted reply came from) and the discovery (candidates), so the two share one source and neither
 * depends on the other. The wizard uses it to pre-fill from an address.
 */
public final class ProviderCatalog {

    private static final String RESOURCE = "providers.json";

    private final List<Provider> providers;
    private final Map<String, List<String>> replyMarkers;
    private final Map<String, String> accountGroups;
    private final Map<String, List<String>> greetingDomains;

    public ProviderCatalog(List<Provider> providers) {
        this(providers, Map.of());
    }

    /** @param replyMarkers per provider id, lower-case words in a server reply that identify the provider */
    public ProviderCatalog(List<Provider> providers, Map<String, List<String>> replyMarkers) {
        this(providers, replyMarkers, Map.of());
    }

    /**
     * @param replyMarkers  per provider id, lower-case words in a server reply that identify the provider
     * @param accountGroups per provider id, the group of providers whose servers may accept each other's accounts
     *                      (one company's brands: Outlook.com and Microsoft 365, Yahoo and AOL)
     */
    public ProviderCatalog(List<Provider> providers, Map<String, List<String>> replyMarkers,
            Map<String, String> accountGroups) {
        this(providers, replyMarkers, accountGroups, Map.of());
    }

    /**
     * @param greetingDomains per provider id, lower-case domains its own servers greet with besides its address,
     *                        MX and server domains (iCloud's sending servers are named under apple.com)
     */
    public ProviderCatalog(List<Provider> providers, Map<String, List<String>> replyMarkers,
            Map<String, String> accountGroups, Map<String, List<String>> greetingDomains) {
        this.providers = List.copyOf(providers);
        this.replyMarkers = Map.copyOf(replyMarkers);
        this.accountGroups = Map.copyOf(accountGroups);
        this.greetingDomains = Map.copyOf(greetingDomains);
    }

    /** The presets shipped with the application. */
    public static ProviderCatalog builtIn() {
        try (InputStream in = ProviderCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static ProviderCatalog parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Provider> list = new ArrayList<>();
        Map<String, List<String>> markers = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, List<String>> greetings = new LinkedHashMap<>();
        for (JsonNode p : root.path("providers")) {
            if (p.has("greeting_domains")) {
                greetings.put(p.path("id").asText(), lowerStrings(p.path("greeting_domains")));
            }
            if (p.hasNonNull("account_group")) {
                groups.put(p.path("id").asText(), p.path("account_group").asText());
            }
            if (p.has("reply_markers")) {
                markers.put(p.path("id").asText(), lowerStrings(p.path("reply_markers")));
            }
            list.add(new Provider(
                    p.path("id").asText(),
                    p.path("name").asText(),
                    lowerStrings(p.path("domains")),
                    lowerStrings(p.path("mx_suffixes")),
                    servers(p.path("smtp")),
                    requirements(p.path("requires")),
                    p.path("notes").asText(""),
                    p.path("help_url").asText(""),
                    p.path("source").asText("")));
        }
        return new ProviderCatalog(list, markers, groups, greetings);
    }

    private static List<ServerPreset> servers(JsonNode array) {
        List<ServerPreset> servers = new ArrayList<>();
        for (JsonNode s : array) {
            servers.add(new ServerPreset(
                    s.path("host").asText(),
                    s.path("port").asInt(),
                    security(s.path("security").asText()),
                    strings(s.path("auth")),
                    usernameForm(s)));
        }
        return servers;
    }

    /** "email", "localpart", or "fixed" with the name in "fixed_username". */
    private static ServerPreset.UsernameForm usernameForm(JsonNode server) {
        return switch (server.path("username").asText("email")) {
            case "localpart" -> ServerPreset.UsernameForm.LOCALPART;
            case "fixed" -> ServerPreset.UsernameForm.fixed(server.path("fixed_username").asText(""));
            default -> ServerPreset.UsernameForm.EMAIL;
        };
    }

    private static Security security(String text) {
        try {
            return Security.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown security in providers.json: " + text, e);
        }
    }

    private static Set<Requirement> requirements(JsonNode array) {
        Set<Requirement> set = EnumSet.noneOf(Requirement.class);
        for (JsonNode r : array) {
            set.add(Requirement.fromJson(r.asText()));
        }
        return set;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> lowerStrings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText().toLowerCase(Locale.ROOT)));
        return list;
    }

    public List<Provider> providers() {
        return providers;
    }

    public Optional<Provider> byId(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The provider serving addresses of {@code domain} (case-insensitive). */
    public Optional<Provider> forDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT).strip();
        return providers.stream().filter(p -> p.domains().contains(d)).findFirst();
    }

    /**
     * The provider whose mail domain is {@code host} or one of its parents ({@code smtp.exmail.qq.com} lies under
     * {@code qq.com}), ignoring the top-level label alone.
     */
    public Optional<Provider> underDomain(String host) {
        String h = host.toLowerCase(Locale.ROOT).strip().replaceAll("\\.$", "");
        for (int dot = -1; h.indexOf('.', dot + 1) >= 0; dot = h.indexOf('.', dot + 1)) {
            Optional<Provider> p = forDomain(h.substring(dot + 1));
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** The provider of an email address, by its domain. */
    public Optional<Provider> forAddress(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? Optional.empty() : forDomain(address.substring(at + 1));
    }

    /**
     * Whether an account of {@code a} may be accepted by the servers of {@code b}: the same provider, or two brands
     * of one company that share accounts ({@code account_group}).
     */
    public boolean shareAccounts(Provider a, Provider b) {
        if (a.id().equals(b.id())) {
            return true;
        }
        String group = accountGroups.get(a.id());
        return group != null && group.equals(accountGroups.get(b.id()));
    }

    /**
     * The domains a server of {@code provider}'s own may greet with: its address domains, MX suffixes, the domains of
     * its documented servers and the greeting domains the data names, and the same of every brand that shares its
     * accounts (Outlook.com's servers greet as Microsoft 365's, AOL's as Yahoo's). A greeting under none of them
     * comes from another organisation's server.
     */
    public Set<String> ownServerDomains(Provider provider) {
        Set<String> own = new LinkedHashSet<>();
        providers.stream().filter(p -> shareAccounts(provider, p)).forEach(p -> {
            own.addAll(p.domains());
            own.addAll(p.mxSuffixes());
            p.servers().stream().map(s -> s.host().toLowerCase(Locale.ROOT))
                    .map(h -> h.substring(h.indexOf('.') + 1)).forEach(own::add);
            own.addAll(greetingDomains.getOrDefault(p.id(), List.of()));
        });
        own.addAll(greetingDomains.getOrDefault(provider.id(), List.of()));
        return own.stream().map(d -> d.replaceFirst("^\\.", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The provider whose documented server is {@code host}. */
    public Optional<Provider> forServerHost(String host) {
        return providers.stream().filter(p -> p.ownsHost(host)).findFirst();
    }

    /** The provider hosting a domain whose MX is {@code mxHost} (e.g. {@code aspmx.l.google.com}). */
    public Optional<Provider> forMxHost(String mxHost) {
        String h = mxHost.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return providers.stream()
                .filter(p -> p.mxSuffixes().stream().anyMatch(s -> h.equals(s) || h.endsWith("." + s)))
                .findFirst();
    }

    /**
     * The provider a server reply or pasted error names when nothing else does: a documented server name in the
     * text, else one of a provider's reply markers (Google ends its replies with "gsmtp").
     */
    public Optional<Provider> namedIn(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String host : knownServerHosts()) {
            if (host.contains(".") && !host.matches("[0-9.]+")
                    && Pattern.compile("(?<![a-z0-9.-])" + Pattern.quote(host.toLowerCase(Locale.ROOT))
                            + "(?![a-z0-9-])").matcher(lower).find()) {
                return forServerHost(host);
            }
        }
        for (Provider p : providers) {
            if (replyMarkers.getOrDefault(p.id(), List.of()).stream().anyMatch(lower::contains)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every provider's address domain, for typo correction of an address ("hotmial.de" → "hotmail.de"). */
    public List<String> knownAddressDomains() {
        return providers.stream().flatMap(p -> p.domains().stream()).distinct().toList();
    }

    /** Every documented server name, for typo correction ("smtp.gmial.com" → "smtp.gmail.com"). */
    public List<String> knownServerHosts() {
        return providers.stream().flatMap(p -> p.servers().stream()).map(ServerPreset::host).distinct().toList();
    }
}
