package org.smtpdoctor.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.smtpdoctor.probe.SignInPayloads;
import org.smtpdoctor.settings.Setting;

/**
 * Builds the word-evidence model ({@link WordEvidence}) from the train split of the pasted-error corpus only
 * ({@code train*.jsonl}; the fresh split is never read), and chooses its decision margin by cross-validation grouped
 * by source: five folds, the model refitted on the other four for each, so no text is judged by a model that saw it
 * or another text of its source.
 */
final class WordEvidenceTraining {

    /**
     * Additive smoothing. Chosen with the same grouped folds among 0.2, 0.5, 1 and 2, with and without word pairs as
     * tokens and with tokens of at least two or three sources: 1, single words, two sources was best (word pairs
     * memorise wordings and lost two to four held-out answers). Re-checked in session 14 on twice the train split
     * (table in {@code WordEvidenceSettingsExperiment}): 0.5 and 2 lost held-out answers at every margin; 1 kept.
     */
    static final double ALPHA = 1;
    static final int FOLDS = 5;
    private static final long SEED = 20261206L;
    /** A token enters the model only when texts of at least this many distinct sources show it. */
    static final int MIN_SOURCES = 2;
    /** The margins tried, in log units. */
    static final double STEP = 0.25;
    static final double MAX_MARGIN = 20;

    private static final Set<Setting> CONNECTION = EnumSet.of(
            Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY, Setting.NETWORK_OR_FIREWALL);
    private static final Set<Setting> CREDENTIALS = EnumSet.of(
            Setting.PASSWORD, Setting.APP_PASSWORD, Setting.USERNAME);

    /** One train record, read as the diagnoser reads it. */
    record Example(String id, String file, String source, Setting expected, Set<Setting> acceptable, String text,
            ExplainContext context, List<String> tokens) {

        boolean accepts(Setting answer) {
            return answer == expected || acceptable.contains(answer);
        }

        /** As CorpusTest judges it: a credential answer for a connection problem, or the other way round. */
        boolean dangerous(Setting answer) {
            if (accepts(answer)) {
                return false;
            }
            boolean credentialProblem = CREDENTIALS.contains(expected) || expected == Setting.AUTH_METHOD
                    || expected == Setting.ENABLE_SMTP_AUTH_AT_PROVIDER;
            return CONNECTION.contains(expected) && CREDENTIALS.contains(answer)
                    || credentialProblem && EnumSet.of(Setting.PORT, Setting.SECURITY, Setting.SERVER_HOST)
                            .contains(answer);
        }
    }

    /** A train record that reaches the fallback, with today's answer and what the held-out model reads in it. */
    record Held(Example example, Setting today, Setting best, double margin) {

        Setting answer(double threshold) {
            return best != null && margin >= threshold && best != Setting.NONE && best != today ? best : today;
        }
    }

    /** A train record read by a model fitted on the other folds only, whatever the rules make of it. */
    record Read(Example example, Setting best, double margin) {

        boolean answered(double threshold) {
            return best != null && best != Setting.NONE && margin >= threshold;
        }
    }

    /** The model's own answers on sources it never saw, at one margin. */
    record Precision(double threshold, int answered, int hits, int dangerous) {

        double rate() {
            return answered == 0 ? 0 : (double) hits / answered;
        }
    }

    /**
     * The model answers only where, on sources it never saw, it was right at least this often: a guess marked as
     * thin evidence must still be right more often than not.
     */
    static final double MIN_PRECISION = 0.6;
    /** Fewer answers than this say nothing about precision. */
    static final int MIN_ANSWERS = 30;
    /** Written as the margin when no margin qualifies: the model never answers. */
    static final double NEVER = 1000;

    /** The cross-validation's outcome at one margin. */
    record Figures(int records, int reaching, int oldHits, int newHits, int changed, int dangerous, double threshold) {
    }

    private WordEvidenceTraining() {
    }

    static List<Example> trainExamples() {
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        try {
            Path folder = Path.of(WordEvidenceTraining.class.getResource("/diagnosis/corpus").toURI());
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.getFileName().toString().startsWith("train")
                        && p.toString().endsWith(".jsonl")).sorted().toList();
            }
            for (Path file : files) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = json.readTree(line);
                    JsonNode ctx = node.path("context");
                    ExplainContext context = ExplainContext.of(null,
                            ctx.hasNonNull("host") ? ctx.get("host").asText() : null,
                            ctx.hasNonNull("port") ? ctx.get("port").asInt() : null, null, null);
                    Set<Setting> acceptable = EnumSet.noneOf(Setting.class);
                    node.path("acceptable").forEach(a -> acceptable.add(Setting.valueOf(a.asText())));
                    String text = node.get("text").asText();
                    out.add(new Example(node.get("id").asText(), file.getFileName().toString(),
                            node.get("source").asText(),
                            Setting.valueOf(node.get("expected").asText()), acceptable, text, context,
                            WordEvidence.tokens(ReplyParser.parse(SignInPayloads.redactPasted(text)).text())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The counts a model is made of. */
    record Counts(List<Setting> classes, int[] records, Map<String, int[]> tokens) {

        WordEvidence model(double threshold) {
            return new WordEvidence(classes, records, tokens, ALPHA, threshold);
        }
    }

    /** The counts of the records the model learns from. */
    static Counts count(List<Example> examples) {
        return countAll(examples);
    }

    /** The counts of all these records. */
    static Counts countAll(List<Example> examples) {
        Set<Setting> present = EnumSet.noneOf(Setting.class);
        examples.forEach(e -> present.add(e.expected()));
        List<Setting> classes = List.copyOf(present);
        // a source counts once per setting, however many of its texts the corpus holds: a thread that quotes the
        // same reply ten times is one piece of evidence, not ten
        Map<String, Set<String>> bySourceAndClass = new TreeMap<>();
        for (Example e : examples) {
            bySourceAndClass.computeIfAbsent(e.expected().name() + " " + e.source(), k -> new TreeSet<>())
                    .addAll(e.tokens());
        }
        int[] records = new int[classes.size()];
        Map<String, Set<String>> sources = new HashMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        bySourceAndClass.forEach((key, tokens) -> {
            int c = classes.indexOf(Setting.valueOf(key.substring(0, key.indexOf(' '))));
            String source = key.substring(key.indexOf(' ') + 1);
            records[c]++;
            for (String t : tokens) {
                sources.computeIfAbsent(t, k -> new HashSet<>()).add(source);
                counts.computeIfAbsent(t, k -> new int[classes.size()])[c]++;
            }
        });
        counts.keySet().removeIf(t -> sources.get(t).size() < MIN_SOURCES);
        return new Counts(classes, records, counts);
    }

    /** Fold of each source: the sources shuffled with a fixed seed, dealt out in turn. */
    static Map<String, Integer> folds(List<Example> examples) {
        return folds(examples, SEED);
    }

    /** The same with another shuffle (to see whether a setting's CV figures hold across fold assignments). */
    static Map<String, Integer> folds(List<Example> examples, long seed) {
        List<String> sources = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::source).toList()));
        Collections.shuffle(sources, new Random(seed));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            fold.put(sources.get(i), i % FOLDS);
        }
        return fold;
    }

    /** Every train record that reaches the fallback, read by a model fitted on the other folds only. */
    static List<Held> crossValidate(List<Example> examples) {
        Diagnoser rulesAlone = new Diagnoser().withWordEvidence(WordEvidence.none());
        Map<String, Integer> fold = folds(examples);
        List<Held> held = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            int f = k;
            WordEvidence model = count(examples.stream().filter(e -> fold.get(e.source()) != f).toList()).model(0);
            for (Example e : examples) {
                if (fold.get(e.source()) != f) {
                    continue;
                }
                PastedEvidence evidence = ReplyParser.parse(SignInPayloads.redactPasted(e.text()));
                Diagnosis today = rulesAlone.explain(evidence, e.context());
                if (today.verdict() != Verdict.NOT_RECOGNISED && !today.ruleId().startsWith("fallback")) {
                    continue;
                }
                var read = model.read(evidence, rulesAlone.pastedFacts(evidence, e.context()));
                held.add(new Held(e, today.setting(), read.map(WordEvidence.Prediction::best).orElse(null),
                        read.map(WordEvidence.Prediction::margin).orElse(Double.NEGATIVE_INFINITY)));
            }
        }
        return held;
    }

    /**
     * Every train record read by a model fitted on the other folds (grouped by source), as if no rule read it. The
     * records that reach the fallback in train are the few the rules were not fitted to, so they say little about
     * text never seen; every record of an unseen source does.
     */
    static List<Read> readAll(List<Example> examples) {
        Diagnoser rulesAlone = new Diagnoser().withWordEvidence(WordEvidence.none());
        Map<String, Integer> fold = folds(examples);
        List<Read> reads = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            int f = k;
            WordEvidence model = count(examples.stream().filter(e -> fold.get(e.source()) != f).toList()).model(0);
            for (Example e : examples) {
                if (fold.get(e.source()) != f) {
                    continue;
                }
                PastedEvidence evidence = ReplyParser.parse(SignInPayloads.redactPasted(e.text()));
                var read = model.read(evidence, rulesAlone.pastedFacts(evidence, e.context()));
                reads.add(new Read(e, read.map(WordEvidence.Prediction::best).orElse(null),
                        read.map(WordEvidence.Prediction::margin).orElse(Double.NEGATIVE_INFINITY)));
            }
        }
        return reads;
    }

    static Precision precision(List<Read> reads, double threshold) {
        int answered = 0;
        int hits = 0;
        int dangerous = 0;
        for (Read r : reads) {
            if (r.answered(threshold)) {
                answered++;
                hits += r.example().accepts(r.best()) ? 1 : 0;
                dangerous += r.example().dangerous(r.best()) ? 1 : 0;
            }
        }
        return new Precision(threshold, answered, hits, dangerous);
    }

    /**
     * The smallest margin (the most answers) at which the held-out answers are right at least {@link #MIN_PRECISION}
     * of the time, with no dangerous one among at least {@link #MIN_ANSWERS}; {@link #NEVER} when none is.
     */
    static double chooseMargin(List<Read> reads) {
        for (double t = 0; t <= MAX_MARGIN; t += STEP) {
            Precision p = precision(reads, t);
            if (p.answered() < MIN_ANSWERS) {
                break;
            }
            if (p.dangerous() == 0 && p.rate() >= MIN_PRECISION) {
                return t;
            }
        }
        return NEVER;
    }

    static Figures figures(int records, List<Held> held, double threshold) {
        int oldHits = 0;
        int newHits = 0;
        int changed = 0;
        int dangerous = 0;
        for (Held h : held) {
            Setting answer = h.answer(threshold);
            oldHits += h.example().accepts(h.today()) ? 1 : 0;
            newHits += h.example().accepts(answer) ? 1 : 0;
            changed += answer != h.today() ? 1 : 0;
            dangerous += h.example().dangerous(answer) ? 1 : 0;
        }
        return new Figures(records, held.size(), oldHits, newHits, changed, dangerous, threshold);
    }

    /** The margin with the most right answers and no dangerous one; of equals, the largest (most cautious). */
    static Figures best(int records, List<Held> held) {
        Figures best = figures(records, held, Double.POSITIVE_INFINITY);
        for (double t = MAX_MARGIN; t >= 0; t -= STEP) {
            Figures f = figures(records, held, t);
            if (f.dangerous() == 0 && f.newHits() > best.newHits()) {
                best = f;
            }
        }
        return best;
    }

    /**
     * The right answers when each fold's margin is chosen on the other folds only: the honest estimate, since the
     * margin reported by {@link #best} was chosen on the very answers it is scored on.
     */
    static int nestedHits(List<Example> examples, List<Held> held) {
        Map<String, Integer> fold = folds(examples);
        int hits = 0;
        for (int k = 0; k < FOLDS; k++) {
            int f = k;
            List<Held> others = held.stream().filter(h -> fold.get(h.example().source()) != f).toList();
            double t = best(0, others).threshold();
            hits += (int) held.stream().filter(h -> fold.get(h.example().source()) == f)
                    .filter(h -> h.example().accepts(h.answer(t))).count();
        }
        return hits;
    }

    /** The model file: counts per token, sparse ("class index:count"), one token a line, sorted. */
    static String json(Counts counts, double threshold) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n\"comment\": \"Generated by WordEvidenceModelTest from the train split only; do not edit.\",\n");
        sb.append(String.format(Locale.ROOT, "\"alpha\": %s,%n\"threshold\": %s,%n", ALPHA, threshold));
        sb.append("\"classes\": [");
        for (int i = 0; i < counts.classes().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(counts.classes().get(i).name()).append('"');
        }
        sb.append("],\n\"records\": [");
        for (int i = 0; i < counts.records().length; i++) {
            sb.append(i == 0 ? "" : ", ").append(counts.records()[i]);
        }
        sb.append("],\n\"tokens\": {\n");
        List<String> lines = new ArrayList<>();
        counts.tokens().forEach((token, c) -> {
            StringBuilder pairs = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                if (c[i] > 0) {
                    pairs.append(pairs.length() == 0 ? "" : " ").append(i).append(':').append(c[i]);
                }
            }
            lines.add("\"" + token.replace("\\", "\\\\").replace("\"", "\\\"") + "\": \"" + pairs + "\"");
        });
        sb.append(String.join(",\n", lines)).append("\n}\n}\n");
        return sb.toString();
    }
}
