package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;

/**
 * Where the rules read a pasted error only with low confidence and from its codes alone, the word evidence may
 * overrule them when its best setting is another one by a clear margin ({@link WordEvidence#OVERRULES_UNSURE}); the
 * rules' answer then stays as the first alternative, and the answer says it is a guess. A fairly sure rule, and a rule
 * that reads wording, the step or the failure of its own, are never overruled.
 */
class WordsOverruleUnsureRuleTest {

    /** Read only by a general rule: a 5.7.1 refusal that names no cause (low confidence, the provider). */
    private static final String UNSURE = "550 5.7.1 Message rejected";
    /** Read by a rule of its own wording, with low confidence: a deferral for the sending address's reputation. */
    private static final String OWN_WORDING = "421 4.7.0 [203.0.113.5] This message is suspicious due to the very low"
            + " reputation of the sending IP address.";
    /** Read by a specific rule with medium confidence or more: relaying refused. */
    private static final String FAIRLY_SURE = "554 5.7.1 <bob@example.org>: Relay access denied";

    /**
     * A model that has seen the unsure text's words only in sender-address refusals, as many times as it takes to
     * reach a given margin over the provider.
     */
    private static WordEvidence senderModel(int senderTexts) {
        List<Setting> classes = List.of(Setting.CONTACT_PROVIDER, Setting.SENDER_ADDRESS, Setting.RECIPIENT_ADDRESS);
        int[] records = {senderTexts, senderTexts, senderTexts};
        int[] sender = {0, senderTexts, 0};
        int[] neutral = {senderTexts, senderTexts, senderTexts};
        Map<String, int[]> counts = Map.of("550", neutral, "5.7.1", sender, "5.7.x", sender, "message", neutral,
                "rejected", sender, "relay", new int[] {senderTexts, 0, 0}, "access", neutral, "denied", sender,
                "bob", neutral, "example", neutral);
        return new WordEvidence(classes, records, counts, 1, WordEvidence.OVERRULES_UNSURE);
    }

    private static Diagnosis explain(WordEvidence model, String text) {
        return new Diagnoser().withWordEvidence(model).explain(text, ExplainContext.none());
    }

    @Test
    void clearWordsOverruleAGeneralRuleAndKeepItsAnswerAsTheFirstAlternative() {
        Diagnosis rulesAlone = explain(WordEvidence.none(), UNSURE);
        assertEquals(Confidence.LOW, rulesAlone.confidence(), "precondition: only a general rule reads it");
        assertEquals(Setting.CONTACT_PROVIDER, rulesAlone.setting());

        Diagnosis d = explain(senderModel(40), UNSURE);

        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals("word_evidence.SENDER_ADDRESS", d.ruleId());
        assertEquals(Setting.CONTACT_PROVIDER, d.alternatives().get(0).setting(), "the rules' answer comes next");
        assertEquals(rulesAlone.title(), d.alternatives().get(0).why());
        assertTrue(d.explanation().startsWith("Its reply code alone suggests another cause"), d.explanation());
        assertTrue(d.evidence().stream().anyMatch(e -> e.startsWith("only a general rule matched (enhanced.5.7.1)")),
                d.evidence().toString());
    }

    @Test
    void wordsThatBarelyDifferStayUnheard() {
        // two sender texts against one of each other kind: a margin well under the threshold
        Diagnosis d = explain(senderModel(1), UNSURE);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
        assertEquals("enhanced.5.7.1", d.ruleId());
    }

    @Test
    void aRuleThatReadsWordingOfItsOwnIsNeverOverruled() {
        Diagnosis rulesAlone = explain(WordEvidence.none(), OWN_WORDING);
        assertEquals(Confidence.LOW, rulesAlone.confidence(), "precondition: " + rulesAlone.ruleId());
        List<Setting> classes = List.of(Setting.NETWORK_OR_FIREWALL, Setting.WAIT_AND_RETRY);
        Map<String, int[]> counts = new java.util.HashMap<>();
        for (String token : WordEvidence.tokens(OWN_WORDING)) {
            counts.put(token, new int[] {0, 400});
        }
        WordEvidence waiting = new WordEvidence(classes, new int[] {400, 400}, counts, 1, WordEvidence.OVERRULES_UNSURE);
        assertEquals(Setting.WAIT_AND_RETRY, waiting.predict(WordEvidence.tokens(OWN_WORDING), java.util.Set.of())
                .orElseThrow().best(), "precondition: the words alone would say wait");

        Diagnosis d = explain(waiting, OWN_WORDING);

        assertEquals(rulesAlone.setting(), d.setting());
        assertEquals(rulesAlone.ruleId(), d.ruleId());
    }

    @Test
    void aFairlySureRuleIsNeverOverruled() {
        Diagnosis rulesAlone = explain(WordEvidence.none(), FAIRLY_SURE);
        assertTrue(rulesAlone.confidence() != Confidence.LOW, "precondition: " + rulesAlone.confidence());

        Diagnosis d = explain(senderModel(400), FAIRLY_SURE);

        assertEquals(rulesAlone.setting(), d.setting());
        assertEquals(rulesAlone.ruleId(), d.ruleId());
    }
}
