package org.smtpdoctor.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * The next settings to try when a diagnosis of pasted text does not help (resource {@code alternatives.json}): a
 * pasted error says less than a probe, so the answer names its runner-up causes with their reasons instead of
 * pretending to be certain.
 */
final class Alternatives {

    static final int MAX = 2;
    private static final String RESOURCE = "alternatives.json";
    private static final String WHY = "diagnosis.alternative.";
    private static final Alternatives BUILT_IN = load();

    /**
     * One candidate: the setting, a literal value or a named value provider, the key of its reason, and the named
     * evidence check that must hold for it to be offered, if any.
     */
    record Candidate(Setting setting, Optional<String> value, Optional<String> valueFrom, String why,
            Optional<String> when) {
    }

    private final Map<Setting, List<Candidate>> table;
    private final Map<String, List<Candidate>> byMessage;

    Alternatives(Map<Setting, List<Candidate>> table, Map<String, List<Candidate>> byMessage) {
        this.table = Map.copyOf(table);
        this.byMessage = Map.copyOf(byMessage);
    }

    static Alternatives builtIn() {
        return BUILT_IN;
    }

    /** Every candidate in the table, for consistency tests. */
    List<Candidate> all() {
        List<Candidate> all = new ArrayList<>();
        table.values().forEach(all::addAll);
        byMessage.values().forEach(all::addAll);
        return all;
    }

    /**
     * Up to {@link #MAX} alternatives to the primary setting, each with its value when the facts show one; the
     * deciding rule's message may name more specific ones than the setting does.
     */
    List<Alternative> after(String ruleMessage, Setting primary, Facts facts, Messages messages) {
        List<Alternative> list = new ArrayList<>();
        List<Candidate> candidates = byMessage.getOrDefault(ruleMessage, table.getOrDefault(primary, List.of()));
        for (Candidate c : candidates) {
            if (list.size() == MAX) {
                break;
            }
            if (c.setting() == primary || c.when().map(name -> !EvidenceFunctions.check(name).orElseThrow().test()
                    .test(facts)).orElse(false)) {
                continue;
            }
            Optional<SettingValue> value = c.valueFrom()
                    .flatMap(name -> EvidenceFunctions.value(name).orElseThrow().apply(facts))
                    .or(() -> c.value().map(v -> Diagnoser.literal(c.setting(), v)));
            if (value.filter(v -> value.equals(Diagnoser.current(c.setting(), facts))
                    || Diagnoser.textShowsTried(c.setting(), v, facts)).isPresent()) {
                continue; // "if that does not help, set STARTTLS" to someone on STARTTLS changes nothing
            }
            list.add(new Alternative(c.setting(), value, messages.get(WHY + c.why())));
        }
        return List.copyOf(list);
    }

    private static Alternatives load() {
        try (InputStream in = Alternatives.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Setting, List<Candidate>> table = new EnumMap<>(Setting.class);
            candidates(root.path("alternatives")).forEach((k, v) -> table.put(Setting.valueOf(k), v));
            return new Alternatives(table, candidates(root.path("afterMessage")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, List<Candidate>> candidates(JsonNode section) {
        Map<String, List<Candidate>> map = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = section.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            List<Candidate> list = new ArrayList<>();
            for (JsonNode c : e.getValue()) {
                Optional<String> valueFrom = text(c, "valueFrom");
                valueFrom.ifPresent(v -> EvidenceFunctions.value(v).orElseThrow(
                        () -> new IllegalStateException(RESOURCE + ": unknown value provider " + v)));
                Optional<String> when = text(c, "when");
                when.ifPresent(w -> EvidenceFunctions.check(w).orElseThrow(
                        () -> new IllegalStateException(RESOURCE + ": unknown evidence check " + w)));
                list.add(new Candidate(Setting.valueOf(c.path("setting").asText()), text(c, "value"), valueFrom,
                        c.path("why").asText(), when));
            }
            map.put(e.getKey(), List.copyOf(list));
        }
        return map;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
