package org.smtpdoctor.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.smtpdoctor.settings.Security;

/**
 * The built-in provider presets (resource {@code providers.json}, derived from researched, sourced data).
 *
 * <p>Provider knowledge lives here as data so the diagnosis (app passwords, SMTP AUTH switches), the wizard
 * (pre-filling from an address) and the discovery (candidates) share one source.
 */
public final class ProviderCatalog {

    private static final String RESOURCE = "providers.json";

    private final List<Provider> providers;

    public ProviderCatalog(List<Provider> providers) {
        this.providers = List.copyOf(providers);
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
        for (JsonNode p : root.path("providers")) {
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
        return new ProviderCatalog(list);
    }

    private static List<ServerPreset> servers(JsonNode array) {
        List<ServerPreset> servers = new ArrayList<>();
        for (JsonNode s : array) {
            servers.add(new ServerPreset(
                    s.path("host").asText(),
                    s.path("port").asInt(),
                    security(s.path("security").asText()),
                    strings(s.path("auth")),
                    "localpart".equals(s.path("username").asText())
                            ? ServerPreset.UsernameForm.LOCALPART : ServerPreset.UsernameForm.EMAIL));
        }
        return servers;
    }

    private static Security security(String text) {
        switch (text) {
            case "ssl":
                return Security.SSL_TLS;
            case "starttls":
                return Security.STARTTLS;
            case "none":
                return Security.NONE;
            default:
                throw new IllegalArgumentException("Unknown security in providers.json: " + text);
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

    /** The provider of an email address, by its domain. */
    public Optional<Provider> forAddress(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? Optional.empty() : forDomain(address.substring(at + 1));
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

    /** Every documented server name, for typo correction ("smtp.gmial.com" → "smtp.gmail.com"). */
    public List<String> knownServerHosts() {
        return providers.stream().flatMap(p -> p.servers().stream()).map(ServerPreset::host).distinct().toList();
    }
}
