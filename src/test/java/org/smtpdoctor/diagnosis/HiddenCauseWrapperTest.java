package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;

/**
 * Apache Commons Email wraps every failure, a refused password as much as a wrong security, in "Sending the email to
 * the following server failed : host:port" and hides the server's answer. The answer was "the encrypted connection
 * could not be set up" with port and network next; at Gmail the fix was the app password (a round-14 record, moved
 * to train). The words now say what is known (the reason is hidden), keep the likeliest setting at low confidence,
 * and put the sign-in next: the app password where the provider needs one.
 */
class HiddenCauseWrapperTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    private static Diagnosis explain(String host, int port) {
        return DIAGNOSER.explain("org.apache.commons.mail.EmailException: Sending the email to the following server"
                + " failed : " + host + ":" + port, ExplainContext.of(null, host, port, null, null));
    }

    @Test
    void atAProviderThatNeedsAppPasswordsTheAppPasswordIsNext() {
        Diagnosis d = explain("smtp.gmail.com", 465);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals(Setting.APP_PASSWORD, d.alternatives().get(0).setting());
        assertTrue(d.explanation().contains("not what the server answered"), d.explanation());
        assertFalse(d.explanation().contains("could not agree"), "nothing says the encryption failed");
    }

    @Test
    void elsewhereThePortAndThePasswordAreNext() {
        Diagnosis d = explain("mail.example.org", 587);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals(Setting.PORT, d.alternatives().get(0).setting());
        assertEquals(Setting.PASSWORD, d.alternatives().get(1).setting());
    }
}
