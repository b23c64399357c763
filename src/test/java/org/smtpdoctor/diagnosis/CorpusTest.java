package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Real replies and client error messages from public issue trackers and provider help pages (exact text, source
 * noted in {@code corpus.jsonl}), each labelled with the setting that actually had to change. Prints the accuracy
 * and every miss; fails below 95 %.
 */
class CorpusTest {

    private static final double REQUIRED_ACCURACY = 0.95;
    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static List<Sample> samples;

    record Sample(int line, Setting expected, Phase phase, ExplainContext context, String source, String text) {
    }

    @BeforeAll
    static void load() throws IOException {
        samples = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = CorpusTest.class.getResourceAsStream("/diagnosis/corpus.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                JsonNode ctx = node.path("context");
                ExplainContext context = ExplainContext.of(null,
                        ctx.hasNonNull("host") ? ctx.get("host").asText() : null,
                        ctx.hasNonNull("port") ? ctx.get("port").asInt() : null, null, null);
                samples.add(new Sample(n, Setting.valueOf(node.get("expected").asText()),
                        node.hasNonNull("phase") ? Phase.valueOf(node.get("phase").asText()) : null,
                        context, node.get("source").asText(), node.get("text").asText()));
            }
        }
    }

    @Test
    void corpusHoldsAtLeastOneHundredSourcedSamples() {
        assertTrue(samples.size() >= 100, "corpus has " + samples.size() + " samples");
        assertTrue(samples.stream().allMatch(s -> s.source().startsWith("http") && !s.text().isBlank()),
                "every sample needs a source URL and text");
    }

    @Test
    void realErrorsPointAtTheSettingThatHadToChange() {
        int hits = 0;
        List<String> misses = new ArrayList<>();
        for (Sample s : samples) {
            Diagnosis d = DIAGNOSER.explain(s.text(), s.context());
            if (d.setting() == s.expected()) {
                hits++;
            } else {
                misses.add(String.format(Locale.ROOT, "  line %d: expected %s, got %s (%s)%n    %s%n    %s",
                        s.line(), s.expected(), d.setting(), d.ruleId(), oneLine(s.text()), s.source()));
            }
        }
        double accuracy = (double) hits / samples.size();
        System.out.printf(Locale.ROOT, "Corpus accuracy: %d/%d = %.1f %%%n", hits, samples.size(), accuracy * 100);
        misses.forEach(System.out::println);
        assertTrue(accuracy >= REQUIRED_ACCURACY, String.format(Locale.ROOT,
                "accuracy %.1f %% is below %.0f %%; misses:%n%s", accuracy * 100, REQUIRED_ACCURACY * 100,
                String.join("\n", misses)));
    }

    @Test
    void parserFindsThePhaseTheSourceShows() {
        int annotated = 0;
        int agreed = 0;
        List<String> differing = new ArrayList<>();
        for (Sample s : samples) {
            if (s.phase() == null) {
                continue;
            }
            annotated++;
            Phase found = ReplyParser.parse(s.text()).phase().orElse(null);
            if (found == s.phase()) {
                agreed++;
            } else {
                differing.add("  line " + s.line() + ": expected " + s.phase() + ", parsed " + found);
            }
        }
        System.out.printf(Locale.ROOT, "Phase agreement: %d/%d%n", agreed, annotated);
        differing.forEach(System.out::println);
        assertTrue(agreed >= annotated * 0.8, "phase found for too few samples: " + agreed + "/" + annotated);
    }

    private static String oneLine(String text) {
        String t = text.replace('\n', ' ');
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
