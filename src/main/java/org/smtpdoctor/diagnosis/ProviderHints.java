package org.smtpdoctor.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smtpdoctor.discovery.Provider;
import org.smtpdoctor.discovery.ProviderCatalog;

/**
 * Recognises a provider from the words of a reply when nothing else names it: Google ends its replies with
 * "gsmtp", a quoted error often names the server. Data: resource {@code provider-hints.json}.
 */
final class ProviderHints {

    private static final String RESOURCE = "provider-hints.json";

    private final Map<String, List<String>> markers;

    ProviderHints(Map<String, List<String>> markers) {
        this.markers = Map.copyOf(markers);
    }

    static ProviderHints builtIn() {
        try (InputStream in = ProviderHints.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> map = new LinkedHashMap<>();
            root.path("markers").fields().forEachRemaining(e -> {
                List<String> list = new ArrayList<>();
                e.getValue().forEach(n -> list.add(n.asText().toLowerCase(Locale.ROOT)));
                map.put(e.getKey(), list);
            });
            return new ProviderHints(map);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** A documented server name appearing in the text, else a provider's marker. */
    Optional<Provider> providerIn(String text, ProviderCatalog catalog) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String host : catalog.knownServerHosts()) {
            if (host.contains(".") && !host.matches("[0-9.]+")
                    && Pattern.compile("(?<![a-z0-9.-])" + Pattern.quote(host.toLowerCase(Locale.ROOT))
                            + "(?![a-z0-9-])").matcher(lower).find()) {
                return catalog.forServerHost(host);
            }
        }
        for (Map.Entry<String, List<String>> e : markers.entrySet()) {
            if (e.getValue().stream().anyMatch(lower::contains)) {
                return catalog.byId(e.getKey());
            }
        }
        return Optional.empty();
    }
}
