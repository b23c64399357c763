package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;

/**
 * Thunderbird's translated wrapper sentences (German, French, Spanish, Italian, Dutch, Portuguese; the real
 * templates from its localisation files, {@code wrappers-l10n.jsonl}) are recognised, and a server reply inside one
 * is diagnosed as the bare reply is. The replies come from the train split of the corpus.
 */
class TranslatedWrapperTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final String HOST = "{ $hostname }";
    private static final String REPLY = "{ $serverResponse }";
    /** A bare server reply: a code at the start, one line. */
    private static final Pattern BARE_REPLY = Pattern.compile("[245]\\d\\d[ -][^\\n]{3,160}");

    private record Template(String id, String lang, Setting expected, Set<Setting> acceptable, String text) {

        boolean accepts(Setting s) {
            return s == expected || acceptable.contains(s);
        }
    }

    private record TrainReply(String id, Setting expected, String text) {
    }

    private static List<Template> templates;
    private static List<TrainReply> trainReplies;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        templates = new ArrayList<>();
        for (JsonNode n : lines(json, "/diagnosis/wrappers-l10n.jsonl")) {
            Set<Setting> acceptable = EnumSet.noneOf(Setting.class);
            n.path("acceptable").forEach(a -> acceptable.add(Setting.valueOf(a.asText())));
            templates.add(new Template(n.get("id").asText(), n.get("lang").asText(),
                    Setting.valueOf(n.get("expected").asText()), acceptable, n.get("text").asText()));
        }
        trainReplies = new ArrayList<>();
        for (String file : List.of("/diagnosis/corpus/train.jsonl", "/diagnosis/corpus/train-2026-12.jsonl")) {
            for (JsonNode n : lines(json, file)) {
                String text = n.get("text").asText().strip();
                if (BARE_REPLY.matcher(text).matches()) {
                    trainReplies.add(new TrainReply(n.get("id").asText(), Setting.valueOf(n.get("expected").asText()),
                            text));
                }
            }
        }
    }

    private static List<JsonNode> lines(ObjectMapper json, String resource) throws IOException {
        List<JsonNode> list = new ArrayList<>();
        try (InputStream in = TranslatedWrapperTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    list.add(json.readTree(line));
                }
            }
        }
        return list;
    }

    @Test
    void everyLanguageOfTheIssueIsCovered() {
        Set<String> langs = new java.util.TreeSet<>();
        templates.forEach(t -> langs.add(t.lang()));
        assertEquals(Set.of("de", "es", "fr", "it", "nl", "pt"), langs);
        assertTrue(templates.size() >= 38, "templates: " + templates.size());
        assertFalse(trainReplies.isEmpty());
    }

    @Test
    void aWrapperAloneIsRecognisedAndPointsAtItsSetting() {
        List<String> wrong = new ArrayList<>();
        for (Template t : templates) {
            if (t.text().contains(REPLY)) {
                continue;
            }
            Diagnosis d = DIAGNOSER.explain(t.text().replace(HOST, "smtp.example.com"), ExplainContext.none());
            if (!d.recognised() || !t.accepts(d.setting())) {
                wrong.add(t.id() + " (" + t.lang() + "): " + d.setting() + " by " + d.ruleId());
            }
        }
        assertTrue(wrong.isEmpty(), () -> "translated wrappers diagnosed wrongly:\n" + String.join("\n", wrong));
    }

    @Test
    void aReplyInsideATranslatedWrapperIsDiagnosedAsTheBareReply() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Template t : templates) {
            if (!t.text().contains(REPLY)) {
                continue;
            }
            for (TrainReply r : trainReplies) {
                if (!t.accepts(r.expected())) {
                    continue; // the template wraps replies of its own kind only (the size limit one: size replies)
                }
                Setting bare = DIAGNOSER.explain(r.text(), ExplainContext.none()).setting();
                Diagnosis wrapped = DIAGNOSER.explain(t.text().replace(REPLY, r.text()), ExplainContext.none());
                checked++;
                if (wrapped.setting() != bare) {
                    wrong.add(t.id() + " (" + t.lang() + ") around " + r.id() + ": " + wrapped.setting() + " by "
                            + wrapped.ruleId() + ", bare " + bare);
                }
            }
        }
        assertTrue(checked >= 8, "pairs checked: " + checked);
        assertTrue(wrong.isEmpty(), () -> "wrapped replies diagnosed differently:\n" + String.join("\n", wrong));
    }
}
