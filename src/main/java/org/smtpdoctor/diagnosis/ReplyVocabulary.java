package org.smtpdoctor.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
 * @param meanings      what a sentence means when it holds a word of each of several groups, in any language
 *                      the groups list ("password" and "encrypted" and "support" in one sentence): the reading of
 *                      wrapper sentences whose exact wording differs between programs, versions and translations
 */
record ReplyVocabulary(
        List<Marker<ClientShape>> shapes,
        List<Marker<FailureKind>> kinds,
        List<Marker<Phase>> commandPhases,
        List<Marker<Phase>> impliedPhases,
        List<String> mailWords,
        List<Meaning> meanings) {

    private static final String RESOURCE = "reply-vocabulary.json";
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?:;](?:\\s|$)|[。！？]|\\n");
    /** An error name in the style of errno ({@code ENOTFOUND}, {@code EAI_AGAIN}), as the vocabulary writes it. */
    private static final java.util.regex.Pattern ERROR_NAME = java.util.regex.Pattern.compile("E[A-Z0-9_]{3,}");
    private static final ReplyVocabulary BUILT_IN = load();

    /**
     * One value and the lower-case needles that name it; those in {@code wordStarts} (error names such as
     * {@code ENOTFOUND}, {@code ECONNREFUSED}) hold only where a word starts, so {@code ModuleNotFoundError} names no
     * unknown host.
     */
    record Marker<T>(T value, List<String> needles, Set<String> wordStarts) {

        boolean heldBy(String needle, String lowerText) {
            if (!wordStarts.contains(needle)) {
                return lowerText.contains(needle);
            }
            for (int i = lowerText.indexOf(needle); i >= 0; i = lowerText.indexOf(needle, i + 1)) {
                if (i == 0 || !Character.isLetterOrDigit(lowerText.charAt(i - 1))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A meaning read from words rather than from one exact sentence: it holds when one sentence of the text has a
     * word (lower case, any of the group's) from every group. Sentences end at a full stop, question or exclamation
     * mark, colon or semicolon followed by a space, a CJK full stop, question or exclamation mark ({@code 。！？}), or a
     * line break, so words of two separate messages (a program's lead-in and the server's reply after its colon) do
     * not combine.
     *
     * @param id    the name rules use ({@code "evidence": ["means:" + id]})
     * @param kind  the failure the meaning names, for a text whose words name none exactly
     * @param all   the word groups, each a list of alternatives
     * @param none  words that give the sentence another meaning ("secure" beside "connection could not be
     *              established" is about encryption, not about reaching the server)
     */
    record Meaning(String id, Optional<FailureKind> kind, List<List<String>> all, List<String> none) {

        Meaning {
            all = all.stream().map(List::copyOf).toList();
            none = List.copyOf(none);
        }

        /**
         * Whether one sentence of {@code lowerText} (already lower case) holds a word of every group and none of the
         * words that give it another meaning.
         */
        boolean heldBy(String lowerText) {
            if (all.isEmpty() || !all.stream().allMatch(g -> any(g, lowerText))) {
                return false;
            }
            for (String sentence : SENTENCE_END.split(lowerText)) {
                if (all.stream().allMatch(g -> any(g, sentence)) && !any(none, sentence)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The meaning named {@code id}, if the vocabulary has it. */
    Optional<Meaning> meaning(String id) {
        return meanings.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The failure kind of the first meaning with a kind that {@code lowerText} (already lower case) holds. */
    Optional<FailureKind> kindByMeaning(String lowerText) {
        return meanings.stream().filter(m -> m.kind().isPresent() && m.heldBy(lowerText)).findFirst()
                .flatMap(Meaning::kind);
    }

    static ReplyVocabulary builtIn() {
        return BUILT_IN;
    }

    /** The value of the first marker with a needle in {@code lowerText} (already lower case). */
    static <T> Optional<T> first(List<Marker<T>> markers, String lowerText) {
        for (Marker<T> m : markers) {
            for (String n : m.needles()) {
                if (m.heldBy(n, lowerText)) {
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
                    words(root, "mailWords"),
                    meanings(root));
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

    private static List<Meaning> meanings(JsonNode root) {
        List<Meaning> list = new ArrayList<>();
        for (JsonNode entry : root.path("meanings")) {
            List<List<String>> groups = new ArrayList<>();
            for (JsonNode group : entry.path("all")) {
                List<String> needles = new ArrayList<>();
                group.forEach(n -> needles.add(n.asText().toLowerCase(Locale.ROOT)));
                groups.add(needles);
            }
            List<String> none = new ArrayList<>();
            entry.path("none").forEach(n -> none.add(n.asText().toLowerCase(Locale.ROOT)));
            String kind = entry.path("kind").asText("");
            list.add(new Meaning(entry.path("id").asText(),
                    kind.isEmpty() ? Optional.empty() : Optional.of(FailureKind.valueOf(kind)), groups, none));
        }
        return List.copyOf(list);
    }

    private static <T> List<Marker<T>> markers(JsonNode root, String section, Function<String, T> parse) {
        List<Marker<T>> list = new ArrayList<>();
        for (JsonNode entry : root.path(section)) {
            List<String> needles = new ArrayList<>();
            Set<String> wordStarts = new HashSet<>();
            entry.path("needles").forEach(n -> {
                String needle = n.asText().toLowerCase(Locale.ROOT);
                needles.add(needle);
                if (ERROR_NAME.matcher(n.asText()).matches()) {
                    wordStarts.add(needle);
                }
            });
            list.add(new Marker<>(parse.apply(entry.path("value").asText()), List.copyOf(needles),
                    Set.copyOf(wordStarts)));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no " + section);
        }
        return List.copyOf(list);
    }
}
