package org.smtpdoctor.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smtpdoctor.probe.EnhancedStatusCode;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;

/**
 * One row of the diagnosis table: when (phase, codes, failure kinds, evidence, text hints) and then (verdict,
 * setting, value, message, and {@code also}: further settings that belong to the same fix, each with its literal
 * value, changed together with the first when they differ from what was tested). Within one condition the listed
 * values are alternatives; different conditions must all hold. An empty condition does not constrain.
 *
 * <p>The most specific matching rule wins: each condition adds to a score (evidence most, then an exact enhanced
 * code, an exact basic code, a failure kind, phase and settings, and server text hints least), plus an explicit
 * {@code priority}.
 */
record Rule(
        String id,
        Set<Phase> phases,
        List<String> codes,
        List<String> enhanced,
        Set<FailureKind> kinds,
        Set<Integer> ports,
        Set<Security> securities,
        List<String> evidence,
        List<String> absent,
        List<String> text,
        int priority,
        Verdict verdict,
        Setting setting,
        Optional<String> value,
        Optional<String> valueFrom,
        Actor actor,
        Confidence confidence,
        String message,
        Map<Setting, String> also) {

    static final int EVIDENCE_WEIGHT = 40;
    static final int ENHANCED_EXACT_WEIGHT = 30;
    static final int ENHANCED_SUBJECT_WEIGHT = 15;
    static final int ENHANCED_CLASS_WEIGHT = 5;
    static final int CODE_DIGIT_WEIGHT = 7;
    static final int KIND_WEIGHT = 20;
    static final int PHASE_WEIGHT = 10;
    static final int SETTINGS_WEIGHT = 10;
    static final int TEXT_WEIGHT = 12;
    static final int ABSENT_WEIGHT = 3;

    /** The marker of a word edge in a text hint: {@code "\\bspf\\b"} is "spf" as a word, never "spfile". */
    static final String WORD_EDGE = "\\b";

    Rule {
        phases = Set.copyOf(phases);
        codes = List.copyOf(codes);
        enhanced = List.copyOf(enhanced);
        kinds = Set.copyOf(kinds);
        ports = Set.copyOf(ports);
        securities = Set.copyOf(securities);
        evidence = List.copyOf(evidence);
        absent = List.copyOf(absent);
        text = text.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        also = also == null ? Map.of() : Map.copyOf(also);
    }

    boolean matches(Facts f) {
        return (phases.isEmpty() || f.phase().map(phases::contains).orElse(false))
                && (codes.isEmpty() || f.code().isPresent() && codes.stream()
                        .anyMatch(c -> codeMatches(c, f.code().getAsInt())))
                && (enhanced.isEmpty() || f.enhanced().isPresent() && enhanced.stream()
                        .anyMatch(e -> enhancedMatches(e, f.enhanced().get())))
                && (kinds.isEmpty() || f.kind().map(kinds::contains).orElse(false))
                && (ports.isEmpty() || f.port().isPresent() && ports.contains(f.port().getAsInt()))
                && (securities.isEmpty() || f.security().map(securities::contains).orElse(false))
                && evidence.stream().allMatch(e -> holds(e, f))
                && absent.stream().noneMatch(e -> holds(e, f))
                && (text.isEmpty() || text.stream().anyMatch(t -> mentions(f.lowerText(), t)));
    }

    /**
     * Whether the lower-case text contains the hint: plain hints anywhere (so "greylist" also finds "greylisted"), a
     * hint marked with {@link #WORD_EDGE} on a side only where no letter or digit adjoins it on that side. Short
     * acronyms need the mark: "spf" is a word in a mail reply but also the start of other words in other logs.
     */
    static boolean mentions(String lowerText, String hint) {
        boolean start = hint.startsWith(WORD_EDGE);
        boolean end = hint.endsWith(WORD_EDGE) && hint.length() > WORD_EDGE.length();
        if (!start && !end) {
            return lowerText.contains(hint);
        }
        String word = hint.substring(start ? WORD_EDGE.length() : 0, hint.length() - (end ? WORD_EDGE.length() : 0));
        for (int i = lowerText.indexOf(word); i >= 0; i = lowerText.indexOf(word, i + 1)) {
            int after = i + word.length();
            if ((!start || i == 0 || !Character.isLetterOrDigit(lowerText.charAt(i - 1)))
                    && (!end || after == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(after)))) {
                return true;
            }
        }
        return false;
    }

    /** The hint as the words it stands for, without its word-edge marks (for evidence lines). */
    static String words(String hint) {
        return hint.replace(WORD_EDGE, "");
    }

    /** How specific this rule is for the facts it matched. */
    int score(Facts f) {
        int score = priority;
        if (!phases.isEmpty()) {
            score += PHASE_WEIGHT;
        }
        if (!codes.isEmpty()) {
            int code = f.code().orElse(0);
            score += codes.stream().filter(c -> codeMatches(c, code))
                    .mapToInt(c -> CODE_DIGIT_WEIGHT * (int) c.chars().filter(Character::isDigit).count())
                    .max().orElse(0);
        }
        if (!enhanced.isEmpty() && f.enhanced().isPresent()) {
            score += enhanced.stream().filter(e -> enhancedMatches(e, f.enhanced().get()))
                    .mapToInt(Rule::enhancedWeight)
                    .max().orElse(0);
        }
        if (!kinds.isEmpty()) {
            score += KIND_WEIGHT;
        }
        if (!ports.isEmpty()) {
            score += SETTINGS_WEIGHT;
        }
        if (!securities.isEmpty()) {
            score += SETTINGS_WEIGHT;
        }
        score += EVIDENCE_WEIGHT * evidence.size() + ABSENT_WEIGHT * absent.size();
        if (!text.isEmpty()) {
            score += TEXT_WEIGHT;
        }
        return score;
    }

    private static int enhancedWeight(String pattern) {
        int parts = pattern.split("\\.").length;
        return parts == 3 ? ENHANCED_EXACT_WEIGHT : parts == 2 ? ENHANCED_SUBJECT_WEIGHT : ENHANCED_CLASS_WEIGHT;
    }

    /** {@code "535"} exact, {@code "5xx"} or {@code "55x"} by class. */
    static boolean codeMatches(String pattern, int code) {
        String c = Integer.toString(code);
        if (pattern.length() != 3 || c.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char p = pattern.charAt(i);
            if (p != 'x' && p != c.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code "5.7.8"} exact, {@code "5.7"} at subject level, {@code "5"} by class. */
    static boolean enhancedMatches(String pattern, EnhancedStatusCode code) {
        String[] parts = pattern.split("\\.");
        if (parts.length == 1) {
            return pattern.equals(Integer.toString(code.statusClass()));
        }
        if (parts.length == 2) {
            return pattern.equals(code.subjectCode());
        }
        return pattern.equals(code.toString());
    }

    private static boolean holds(String checkName, Facts f) {
        return EvidenceFunctions.check(checkName)
                .orElseThrow(() -> new IllegalStateException("Unknown evidence check " + checkName))
                .test().test(f);
    }
}
