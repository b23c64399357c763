package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.ui.WizardViewModel.Page;

/** The wizard's texts: every key the code uses exists, and the bundle holds no key nobody uses. */
class UiMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/smtpdoctor/ui");
    private static final Pattern LITERAL_KEY = Pattern.compile("\\.get\\(\"([a-zA-Z0-9_.]+)\"");

    /** Keys built from enum names in the code: prefix → the values that must each have a key. */
    private static final Map<String, List<String>> DYNAMIC = Map.of(
            "page.", names(Page.values()),
            "testing.phase.", names(Phase.values()),
            "testing.state.", names(StepLine.State.values()),
            "result.actor.", names(Actor.values()),
            "server.security.", Stream.concat(names(Security.values()).stream(),
                    names(Security.values()).stream().map(n -> n + ".help")).toList());

    private final Messages texts = Messages.of(App.MESSAGES);

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    private static Set<String> literalKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheCodeUsesHasAText() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String key : literalKeys()) {
            if (key.endsWith(".")) {
                // a prefix completed with an enum name: DYNAMIC must list its values
                if (!DYNAMIC.containsKey(key)) {
                    missing.add(key + "* (prefix not in DYNAMIC)");
                }
            } else if (!texts.has(key)) {
                missing.add(key);
            }
        }
        DYNAMIC.forEach((prefix, values) -> values.stream().map(v -> prefix + v)
                .filter(k -> !texts.has(k)).forEach(missing::add));
        assertEquals(List.of(), missing);
    }

    @Test
    void everyTextIsUsed() throws IOException {
        Set<String> used = literalKeys();
        List<String> unused = texts.bundle().keySet().stream()
                .filter(k -> !used.contains(k))
                .filter(k -> DYNAMIC.entrySet().stream().noneMatch(e -> e.getValue().stream()
                        .anyMatch(v -> k.equals(e.getKey() + v))))
                .sorted().collect(Collectors.toList());
        assertEquals(List.of(), unused);
    }

    @Test
    void literalKeysAreFound() throws IOException {
        assertTrue(literalKeys().contains("app.title"));
    }
}
