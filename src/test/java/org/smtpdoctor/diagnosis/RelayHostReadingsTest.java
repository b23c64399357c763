package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * A relay's refusal is not a refused password. Google Workspace's SMTP relay answers a device it does not know with
 * "Mail relay denied … Invalid credentials for relay … SMTP Relay Settings"; read as a sign-in failure at Google, it
 * was told "use an app password", which cannot help (a round-14 record, moved to train for this). When the server
 * the user typed is not the one the provider gives to mail programs (its relay, its incoming MX), the provider's
 * outgoing server is the fix; otherwise turning on sign-in is, never the app password.
 */
class RelayHostReadingsTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final String WORKSPACE_RELAY = "550 5.7.0 Mail relay denied [203.0.113.9]. Invalid credentials"
            + " for relay for one of the domains in: [10.0.0.5] (as obtained from HELO and MAIL FROM). Email is being"
            + " sent from a domain or IP address which isn't registered in your Google Workspace account. Please"
            + " verify that your sending device IP address has been registered within the SMTP Relay Settings. - gsmtp";

    private static Diagnosis explain(String text, String host) {
        return DIAGNOSER.explain(text, ExplainContext.of(null, host, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "smtp-relay.gmail.com | smtp.gmail.com",
        "aspmx.l.google.com   | smtp.gmail.com",
    })
    void aRelayRefusalAtAProvidersServerThatIsNotForMailProgramsNamesItsOutgoingServer(String host, String outgoing) {
        for (String text : new String[] {WORKSPACE_RELAY, "554 5.7.1 <bob@example.org>: Relay access denied - gsmtp",
            "Failed: 5.7.0 Mail relay denied [203.0.113.9]. Invalid credentials for relay - gsmtp"}) {
            Diagnosis d = explain(text, host);
            assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId() + ": " + text);
            assertEquals(Optional.of(SettingValue.host(outgoing)), d.suggestedValue(), text);
            assertEquals(Confidence.MEDIUM, d.confidence(), text);
            assertTrue(d.alternatives().stream().anyMatch(a -> a.setting() == Setting.AUTH_METHOD), text);
            assertTrue(d.alternatives().stream().anyMatch(a -> a.setting() == Setting.ENABLE_SMTP_AUTH_AT_PROVIDER),
                    text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''",
        "smtp.gmail.com",
    })
    void withoutAnotherServerToNameARelayRefusalAsksForSignInNeverAnAppPassword(String host) {
        for (String text : new String[] {WORKSPACE_RELAY,
            "Failed: 5.7.0 Mail relay denied [203.0.113.9]. Invalid credentials for relay - gsmtp"}) {
            Diagnosis d = explain(text, host.isEmpty() ? null : host);
            assertNotEquals(Setting.APP_PASSWORD, d.setting(), d.ruleId() + ": " + text);
            assertNotEquals(Setting.SERVER_HOST, d.setting(), d.ruleId() + ": " + text);
            assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "535-5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials - gsmtp",
        "Invalid login: 535-5.7.8 Username and Password not accepted - gsmtp",
    })
    void aRealSignInRefusalAtGoogleStaysTheAppPassword(String text) {
        assertEquals(Setting.APP_PASSWORD, explain(text, "smtp.gmail.com").setting(), text);
    }
}
