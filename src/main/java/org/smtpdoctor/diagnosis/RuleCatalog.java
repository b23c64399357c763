package org.smtpdoctor.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.smtpdoctor.probe.EnhancedStatusCode;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;

/**
 * The diagnosis table (resource {@code rules.json}): rules as data, so adding a provider's reply or correcting a
 * code's meaning is a data change with a test row, not a code change.
 */
final class RuleCatalog {

    private static final String RESOURCE = "rules.json";
    /** Rules for pasted text only (each excludes probe facts): read with the structure and words of a paste. */
    private static final String EXPLAIN_RESOURCE = "explain-rules.json";

    private final List<Rule> rules;

    RuleCatalog(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalStateException("Duplicate rule id " + r.id());
            }
        }
    }

    static RuleCatalog builtIn() {
        List<Rule> all = new ArrayList<>(read(RESOURCE).rules());
        all.addAll(read(EXPLAIN_RESOURCE).rules());
        return new RuleCatalog(all);
    }

    private static RuleCatalog read(String resource) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static RuleCatalog parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Rule> list = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            list.add(rule(r));
        }
        return new RuleCatalog(list);
    }

    List<Rule> rules() {
        return rules;
    }

    /** Every matching rule, most specific first (the earlier rule first on a tie). */
    List<Rule> matching(Facts facts) {
        return rules.stream().filter(r -> r.matches(facts))
                .sorted(Comparator.comparingInt((Rule r) -> -r.score(facts)))
                .toList();
    }

    private static Rule rule(JsonNode r) {
        String id = r.path("id").asText();
        if (id.isEmpty()) {
            throw new IllegalStateException("A rule without id: " + r);
        }
        JsonNode when = r.path("when");
        JsonNode then = r.path("then");
        List<String> codes = strings(when.path("code"));
        codes.forEach(c -> {
            if (!c.matches("[1-5][0-9x][0-9x]")) {
                throw new IllegalStateException(id + ": bad code " + c);
            }
        });
        List<String> enhanced = strings(when.path("enhanced"));
        enhanced.forEach(e -> {
            if (!e.matches("[245](\\.\\d{1,3}(\\.\\d{1,3})?)?")) {
                throw new IllegalStateException(id + ": bad enhanced code " + e);
            }
            int parts = e.split("\\.").length;
            EnhancedStatusCode.parseAtStart(parts == 3 ? e : parts == 2 ? e + ".0" : e + ".0.0")
                    .orElseThrow(() -> new IllegalStateException(id + ": bad enhanced code " + e));
        });
        List<String> evidence = strings(when.path("evidence"));
        List<String> absent = strings(when.path("not"));
        for (String e : concat(evidence, absent)) {
            if (EvidenceFunctions.check(e).isEmpty()) {
                throw new IllegalStateException(id + ": unknown evidence check " + e);
            }
        }
        Optional<String> valueFrom = optionalText(then.path("valueFrom"));
        valueFrom.ifPresent(v -> {
            if (EvidenceFunctions.value(v).isEmpty()) {
                throw new IllegalStateException(id + ": unknown value provider " + v);
            }
        });
        List<Integer> ports = new ArrayList<>();
        when.path("port").forEach(p -> ports.add(p.asInt()));
        return new Rule(id,
                enums(when.path("phase"), Phase.class),
                codes,
                enhanced,
                enums(when.path("kind"), FailureKind.class),
                Set.copyOf(ports),
                enums(when.path("security"), Security.class),
                evidence,
                absent,
                strings(when.path("text")),
                r.path("priority").asInt(0),
                required(id, then, "verdict", Verdict::valueOf),
                required(id, then, "setting", Setting::valueOf),
                optionalText(then.path("value")),
                valueFrom,
                required(id, then, "actor", Actor::valueOf),
                required(id, then, "confidence", Confidence::valueOf),
                then.path("message").asText(id),
                also(id, then.path("also")));
    }

    /** {@code "also": {"AUTH_METHOD": "@auth.normal"}}: settings changed together with the rule's own. */
    private static Map<Setting, String> also(String id, JsonNode node) {
        Map<Setting, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            Setting setting = Setting.valueOf(e.getKey());
            String value = e.getValue().asText("");
            if (value.isEmpty()) {
                throw new IllegalStateException(id + ": 'also' " + setting + " has no value");
            }
            map.put(setting, value);
        });
        return map;
    }

    private static <T> T required(String id, JsonNode then, String field, Function<String, T> parse) {
        String text = then.path(field).asText("");
        if (text.isEmpty()) {
            throw new IllegalStateException(id + ": missing " + field);
        }
        return parse.apply(text.toUpperCase(Locale.ROOT));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty()
                ? Optional.empty() : Optional.of(node.asText());
    }

    private static List<String> strings(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            list.add(node.asText());
        }
        return list;
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode node, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String s : strings(node)) {
            set.add(Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
        }
        return set;
    }
}
