package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Two readings found by round 12 (moved to train before anything was written from them): a relay of the user's own
 * network that offers no sign-in wants sign-in off, not port 587 (PeerTube's Docker set-up with a service named
 * {@code postfix}); and a connection that closed after the server refused the password on port 465 is the password,
 * not the connection security (Mailtrain at SendGrid).
 */
class OwnNetworkRelayTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final String NOT_ENABLED = "Error: Invalid login: 503 5.5.1 Error: authentication not enabled";

    @ParameterizedTest
    @ValueSource(strings = {"postfix", "mailrelay", "localhost", "127.0.0.1", "smtp.corp.local"})
    void aRelayOfTheOwnNetworkWithoutSignInWantsSignInOff(String host) {
        Diagnosis d = DIAGNOSER.explain(NOT_ENABLED, ExplainContext.of(null, host, 25, null, "app@example.org"));
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.auth(AuthMethod.NONE)), d.suggestedValue(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        // the provider's server after all: its port for mail programs comes next
        assertTrue(d.alternatives().stream().anyMatch(a -> a.setting() == Setting.PORT), d.alternatives().toString());
    }

    @Test
    void aPublicServerWithoutSignInOnPort25StillWantsThePortForMailPrograms() {
        Diagnosis d = DIAGNOSER.explain(NOT_ENABLED,
                ExplainContext.of(null, "smtp.example.com", 25, null, "app@example.org"));
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
    }

    @Test
    void aConnectionClosedAfterTheServerRefusedThePasswordIsThePassword() {
        String pasted = "info Mail User \"YXBpa2V5\" **failed to authenticate**\n"
                + "info Mail Connection #1 was closed\n"
                + "ERR! Mail Send Error: Invalid login: 535 Authentication failed: Bad username / password\n"
                + "info Mail Connection closed";
        Diagnosis d = DIAGNOSER.explain(pasted, ExplainContext.of(null, "smtp.sendgrid.net", 465, null, "apikey"));
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
        // a connection closed on 465 without any reply still reads as the connection security
        Diagnosis silent = DIAGNOSER.explain("Error: Connection closed unexpectedly",
                ExplainContext.of(null, "smtp.example.com", 465, null, null));
        assertEquals(Setting.SECURITY, silent.setting(), silent.ruleId());
    }
}
