package org.smtpdoctor.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;

/**
 * The words {@link ReplyParser} looks for, as data (resource {@code reply-vocabulary.json}): whose wording a text is
 * in, what failure it names, which command a reply answered. Adding a program's wording or a translation of a mail
 * program's wrapper sentence is a data change.
 *
 * @param shapes        whose wording the text is in
 * @param kinds         the failure the words name, most specific first
 * @param commandPhases the command a program, library or log names explicitly
 * @param impliedPhases the step the words imply when no command is named
 * @param mailWords     words that show a text is about mail at all, so that the words above are read as a mail
 *                      session's ("unknown user" in a mail reply, not in {@code sudo}'s complaint)
 */
record ReplyVocabulary(
        List<Marker<ClientShape>> shapes,
        List<Marker<FailureKind>> kinds,
        List<Marker<Phase>> commandPhases,
        List<Marker<Phase>> impliedPhases,
        List<String> mailWords) {

    private static final String RESOURCE = "reply-vocabulary.json";
    private static final ReplyVocabulary BUILT_IN = load();

    /** One value and the lower-case needles that name it. */
    record Marker<T>(T value, List<String> needles) {
    }

    static ReplyVocabulary builtIn() {
        return BUILT_IN;
    }

    /** The value of the first marker with a needle in {@code lowerText} (already lower case). */
    static <T> Optional<T> first(List<Marker<T>> markers, String lowerText) {
        for (Marker<T> m : markers) {
            for (String n : m.needles()) {
                if (lowerText.contains(n)) {
                    return Optional.of(m.value());
                }
            }
        }
        return Optional.empty();
    }

    private static ReplyVocabulary load() {
        try (InputStream in = ReplyVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new ReplyVocabulary(
                    markers(root, "shapes", ClientShape::valueOf),
                    markers(root, "kinds", FailureKind::valueOf),
                    markers(root, "commandPhases", Phase::valueOf),
                    markers(root, "impliedPhases", Phase::valueOf),
                    words(root, "mailWords"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Whether {@code lowerText} (already lower case) contains any of the words. */
    static boolean any(List<String> words, String lowerText) {
        return words.stream().anyMatch(lowerText::contains);
    }

    private static List<String> words(JsonNode root, String section) {
        List<String> list = new ArrayList<>();
        root.path(section).forEach(n -> list.add(n.asText().toLowerCase(Locale.ROOT)));
        if (list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no " + section);
        }
        return List.copyOf(list);
    }

    private static <T> List<Marker<T>> markers(JsonNode root, String section, Function<String, T> parse) {
        List<Marker<T>> list = new ArrayList<>();
        for (JsonNode entry : root.path(section)) {
            List<String> needles = new ArrayList<>();
            entry.path("needles").forEach(n -> needles.add(n.asText().toLowerCase(Locale.ROOT)));
            list.add(new Marker<>(parse.apply(entry.path("value").asText()), List.copyOf(needles)));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no " + section);
        }
        return List.copyOf(list);
    }
}
