package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * How sure a pasted sign-in refusal may make the answer. What a provider demands (app passwords, OAuth only) is known
 * from its server name, but a program's own "could not authenticate" or a bare 535 does not show that the demand was
 * the reason: a mistyped password reads the same. Such answers keep their setting and say MEDIUM; the provider's own
 * words (Google's 5.7.8, Microsoft's 5.7.139) still make them sure. A command the server says it does not understand
 * is no verdict on an address, whatever enhanced code a server puts before it; with a 500 reply code it stays the
 * seed table's reading (a firewall that rewrites commands).
 */
class PastedSignInConfidenceTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    private static Diagnosis explain(String host, String pasted) {
        return DIAGNOSER.explain(pasted, ExplainContext.none().withHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Login to server smtp.gmail.com with username bob@gmail.com failed.",
        "SMTP Error: Could not authenticate.",
        "SASL authentication failed when sending mail",
    })
    void aProgramsOwnRefusalAtAnAppPasswordProviderIsNotSure(String pasted) {
        Diagnosis d = explain("smtp.gmail.com", pasted);
        assertEquals(Setting.APP_PASSWORD, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @Test
    void theProvidersOwnCodeStillMakesTheAppPasswordSure() {
        Diagnosis d = explain("smtp.gmail.com", "535-5.7.8 Username and Password not accepted. For more information,"
                + " go to 535 5.7.8 https://support.google.com/mail/?p=BadCredentials - gsmtp");
        assertEquals(Setting.APP_PASSWORD, d.setting());
        assertEquals(Confidence.HIGH, d.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.0.0 Authentication Failed",
        "Authentication unsuccessful",
    })
    void aPlainRefusalAtAnOauthOnlyProviderIsNotSure(String pasted) {
        Diagnosis d = explain("smtp-mail.outlook.com", pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        // a mistyped password reads the same: it stays among the alternatives
        assertEquals(Setting.PASSWORD, d.alternatives().get(1).setting(), pasted);
    }

    @Test
    void basicSignInSwitchedOffInTheProvidersWordsStaysSure() {
        Diagnosis d = explain("smtp-mail.outlook.com",
                "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.");
        assertEquals(Setting.AUTH_METHOD, d.setting());
        assertEquals(Confidence.HIGH, d.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: command not recognized",
        "SMTP error: unrecognised command",
        "550 5.1.1 Unrecognized command",
    })
    void aCommandTheServerDoesNotUnderstandIsNoAddressVerdict(String pasted) {
        Diagnosis d = DIAGNOSER.explain(pasted, ExplainContext.none());
        assertNotEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
    }

    @Test
    void aCommandNotUnderstoodWithAPlainSyntaxCodeKeepsTheCodesMeaning() {
        Diagnosis d = DIAGNOSER.explain("500 Syntax error, command unrecognized", ExplainContext.none());
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
    }

    @Test
    void aCommandNotUnderstoodAfterTheSenderIsStillTheProvidersMatter() {
        Diagnosis d = DIAGNOSER.explain("host mx.example.org said: 500 Syntax error, command unrecognized (in reply"
                + " to MAIL FROM command)", ExplainContext.none());
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
    }

    @Test
    void multiFactorSignInPointsAtAnAppPasswordWithoutBeingSure() {
        // organisations with multi-factor sign-in often allow only OAuth2: the app password is a guess
        Diagnosis d = DIAGNOSER.explain("AADSTS50076: Due to a configuration change made by your administrator, you"
                + " must use multi-factor authentication to access this resource.", ExplainContext.none());
        assertEquals(Setting.APP_PASSWORD, d.setting());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertEquals(Setting.AUTH_METHOD, d.alternatives().get(1).setting());
    }
}
