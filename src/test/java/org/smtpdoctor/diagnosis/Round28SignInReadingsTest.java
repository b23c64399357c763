package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 28's sign-in misses, each a general meaning: a refused sign-in worded "535 Error:
 * authentication failed" with no enhanced code (the wording of Coremail servers, NetEase's and QQ Mail's among them,
 * which take a separate authorisation code) is the app password, with the password next.
 */
class Round28SignInReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "！error:(535, b'Error: authentication failed')",
        "smtplib.SMTPAuthenticationError: (535, b'Error: authentication failed')",
        "javax.mail.AuthenticationFailedException: 535 Error: authentication failed",
        "Error: Invalid login: 535 Error: authentication failed",
        "gomail: could not send email 1: Auth: 535 Error: authentication failed",
    })
    void aRefusalWordedWithoutEnhancedCodeAsCoremailWordsItIsTheAppPassword(String pasted) {
        Diagnosis d = explainsAs(Setting.APP_PASSWORD, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.PASSWORD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Error: authentication failed: authentication failure",
        "SMTPAuthenticationError: (535, b'5.7.8 Error: authentication failed: UGFzc3dvcmQ6')",
    })
    void postfixsRefusalWithItsEnhancedCodeStaysThePassword(String pasted) {
        explainsAs(Setting.PASSWORD, pasted);
    }
}
