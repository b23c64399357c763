package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real message of the corpus, pasted on its own (no host, port or user typed anywhere), is explained without
 * an empty value in the text: no "port ." where a port was missing, no unreplaced {@code {1}}, no empty quotes or
 * brackets. A paste stands alone, so every text must read well when the values it could name are unknown. Failures
 * name the record's id only, so that fresh texts are not shown.
 */
class NoEmptyValueTest {

    /** A blank where a value was meant to be. */
    private static final Pattern EMPTY_VALUE = Pattern.compile(
            "(?s).*(\\s[.,;:](?!\\S)|\\s[.,;:]$|“”|\"\"|''|\\(\\)|\\[\\]|\\{\\d+\\}|\\bnull\\b).*");

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    @Test
    void pastedMessagesAloneLeaveNoEmptyValueInAnyText() throws IOException, URISyntaxException {
        ObjectMapper json = new ObjectMapper();
        Path folder = Path.of(NoEmptyValueTest.class.getResource("/diagnosis/corpus").toURI());
        List<String> found = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    var node = json.readTree(line);
                    Diagnosis d = DIAGNOSER.explain(node.get("text").asText(), ExplainContext.none());
                    checked++;
                    List<String> texts = new ArrayList<>(List.of(d.title(), d.explanation()));
                    texts.addAll(d.thingsToTry());
                    d.alternatives().forEach(a -> texts.add(a.why()));
                    for (String text : texts) {
                        if (EMPTY_VALUE.matcher(text).matches()) {
                            found.add(node.get("id").asText() + " (" + d.ruleId() + ")"
                                    + (file.getFileName().toString().startsWith("fresh") ? "" : ": " + text));
                        }
                    }
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
        assertTrue(found.isEmpty(), found.size() + " texts with an empty value:\n" + String.join("\n", found));
    }
}
