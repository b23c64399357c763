package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * A temporary policy refusal (RFC 3463 4.7.0, 4.7.1) with no words that name its cause: waiting is the reading of
 * the code, but the code alone does not show that a later try will pass (a refused client name, a missing sign-in or
 * a sender policy come back the same way; in the corpus and catalogues 61 of 97 texts with these codes were fixed by
 * waiting). The answer stays "wait and retry", said with medium confidence, not high.
 */
class TemporaryPolicyConfidenceTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "451 4.7.1 Service unavailable",
        "450 4.7.1 Request refused",
        "454 4.7.0 Policy refusal",
    })
    void aBareTemporaryPolicyCodeIsWaitingSaidWithoutCertainty(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }
}
