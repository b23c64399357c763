package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.Setting;

/** Every text a rule names exists, every text in the bundle is used, and a missing value never leaves a hole. */
class MessagesConsistencyTest {

    private static final Messages MESSAGES = Messages.of(Diagnoser.BUNDLE, Locale.ROOT);
    private static final List<Rule> RULES = new Diagnoser().ruleCatalog().rules();

    /** Value providers that always give a value. */
    private static final Set<String> ALWAYS = Set.of("alternativePort", "encryptionToUse");
    /** Value providers that give a value whenever the named check holds. */
    private static final Map<String, Set<String>> GUARDED_BY = Map.of(
            "certificateHost", Set.of("certificateNameUsable"),
            "correctedHost", Set.of("hostTypo"),
            "documentedPort", Set.of("portNotDocumented"),
            "standardPortForTypo", Set.of("portTypo"),
            "verifiedPort", Set.of("verifiedAlternative"),
            "usedAuthMethod", Set.of("signedInWithOtherMethod"),
            "providerHost", Set.of("hostIsProviderDomain", "hostNotDocumented"));
    /** Values the code (not the table) can hand out: {@code EvidenceFunctions.offeredAuthMethod}. */
    private static final Set<String> CODE_VALUES = Set.of("auth.normal", "auth.encrypted", "auth.oauth2");

    @Test
    void everyRuleMessageHasATitleAndAnExplanation() {
        List<String> missing = new ArrayList<>();
        for (Rule r : RULES) {
            for (String part : List.of(".title", ".explanation")) {
                if (!MESSAGES.has("diagnosis." + r.message() + part)) {
                    missing.add(r.id() + " -> diagnosis." + r.message() + part);
                }
            }
            r.value().filter(v -> v.startsWith("@")).ifPresent(v -> {
                // a sign-in method is shown by its label (settings bundle); other values by diagnosis.value.*
                String value = v.substring(1);
                if (!Diagnoser.AUTH_VALUES.containsKey(value) && !MESSAGES.has("diagnosis.value." + value)) {
                    missing.add(r.id() + " -> diagnosis.value." + v.substring(1));
                }
            });
        }
        assertTrue(missing.isEmpty(), () -> "missing keys:\n" + String.join("\n", missing));
    }

    @Test
    void everyKeyInTheBundleIsUsed() {
        Set<String> used = new HashSet<>();
        for (Rule r : RULES) {
            String base = "diagnosis." + r.message();
            used.add(base + ".title");
            used.add(base + ".explanation");
            used.add(base + ".explanation.novalue");
            used.add(base + ".explanation.noport");
            used.add(base + ".explanation.novalue.noport");
            for (int i = 1; i <= 9; i++) {
                used.add(base + ".try." + i);
            }
            r.value().filter(v -> v.startsWith("@")).ifPresent(v -> used.add("diagnosis.value." + v.substring(1)));
        }
        CODE_VALUES.forEach(v -> assertTrue(Diagnoser.AUTH_VALUES.containsKey(v), v));
        // the labels of the enums this package owns (Messages.label)
        Stream.concat(Stream.of(Verdict.values()), Stream.of(Actor.values())).map(Messages::labelKey).forEach(used::add);
        used.add(Diagnosis.PROGRAM_TO_FIX_LABEL);
        used.add(Diagnosis.ADMIN_TO_ACT_LABEL);
        used.add(Diagnosis.ACCOUNT_TO_FIX_LABEL);
        Alternatives.builtIn().all().forEach(c -> used.add("diagnosis.alternative." + c.why()));
        // the word-evidence answers (WordEvidence): a title, an explanation and a reason as runner-up per setting
        for (Setting s : Setting.values()) {
            String base = "diagnosis.word_evidence." + s.name().toLowerCase(java.util.Locale.ROOT);
            used.addAll(List.of(base + ".title", base + ".explanation", base + ".why"));
        }
        for (int i = 1; i <= 9; i++) {
            used.add("diagnosis.word_evidence.try." + i);
        }
        used.add("diagnosis.word_evidence.lead.unmatched");
        used.add("diagnosis.word_evidence.lead.overruled");
        used.add("diagnosis.not_recognised.title");
        used.add("diagnosis.not_recognised.explanation");
        used.add("diagnosis.not_recognised.no_cause.title");
        used.add("diagnosis.not_recognised.no_cause.explanation");
        used.add("diagnosis.not_recognised.no_detail.title");
        used.add("diagnosis.not_recognised.no_detail.explanation");
        for (int i = 1; i <= 9; i++) {
            used.add("diagnosis.not_recognised.try." + i);
        }
        List<String> unused = new ArrayList<>();
        for (String key : Collections.list(MESSAGES.bundle().getKeys())) {
            boolean fixed = key.startsWith("diagnosis.words.") || key.startsWith("diagnosis.technical.");
            if (!fixed && !used.contains(key)) {
                unused.add(key);
            }
        }
        assertTrue(unused.isEmpty(), () -> "unused keys:\n" + String.join("\n", unused));
    }

    @Test
    void explanationsUsingTheValueHaveAWordingWithoutIt() {
        List<String> holes = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.valueFrom().isEmpty() || r.value().isPresent()) {
                continue;
            }
            String provider = r.valueFrom().get();
            String base = "diagnosis." + r.message();
            boolean usesValue = MESSAGES.bundle().getString(base + ".explanation").contains("{0}");
            boolean guarded = ALWAYS.contains(provider)
                    || GUARDED_BY.getOrDefault(provider, Set.of()).stream().anyMatch(r.evidence()::contains);
            if (usesValue && !guarded && !MESSAGES.has(base + ".explanation.novalue")) {
                holes.add(r.id() + " (" + provider + ")");
            }
        }
        assertTrue(holes.isEmpty(), () -> "explanations that may show an empty value:\n" + String.join("\n", holes));
    }

    /**
     * Rules that only a probe can reach (a success, a check of the other ports made just now): the port tested is
     * always known there.
     */
    private static final Set<String> PROBE_ONLY = Set.of("diagnosis.works.", "diagnosis.works.with_method.",
            "diagnosis.security.starttls_offered.", "diagnosis.security.starttls_checked.", "diagnosis.port.verified.",
            "diagnosis.port.verified_submission.", "diagnosis.port.unverified.", "diagnosis.tls.none_works.",
            "diagnosis.tls.fails_with_matching_security.", "diagnosis.starttls.masked.",
            "diagnosis.starttls.masked_other_port.", "diagnosis.cert.port_answered_by_other_server.",
            "diagnosis.security.starttls_fails_other_port.");

    /** A pasted error often names no port: every explanation that names it has a wording without it. */
    @Test
    void explanationsNamingThePortHaveAWordingWithoutIt() {
        List<String> holes = new ArrayList<>();
        for (String key : Collections.list(MESSAGES.bundle().getKeys())) {
            if (PROBE_ONLY.stream().anyMatch(key::startsWith)) {
                continue;
            }
            if (key.contains(".explanation") && !key.endsWith(".noport")
                    && MESSAGES.bundle().getString(key).contains("{3}") && !MESSAGES.has(key + ".noport")) {
                holes.add(key);
            }
        }
        assertTrue(holes.isEmpty(), () -> "explanations that may say 'on port .':\n" + String.join("\n", holes));
    }

    @Test
    void everyPatternFormats() {
        Object[] args = {"v", "p", "h", "1", "u", "n", "o", "a", "s", "t", "m", "f", "i"};
        for (String key : Collections.list(MESSAGES.bundle().getKeys())) {
            assertDoesNotThrow(() -> MESSAGES.get(key, args), key);
            assertTrue(!MESSAGES.get(key, args).contains("{"), key);
        }
    }
}
