package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.smtpdoctor.diagnosis.ProbeResults.probe;
import static org.smtpdoctor.probe.FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED;
import static org.smtpdoctor.probe.Phase.TLS_HANDSHAKE;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * SSL/TLS on a port that greets in plain text and offers STARTTLS: the advice is STARTTLS on the same port, and its
 * explanation speaks of that port. A real chasquid 1.11 on port 25 got "That is how port 587 works" (docs/REAL-SERVERS.md).
 */
class PlainStartPortWordingTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    @ParameterizedTest
    @ValueSource(ints = {25, 2526})
    void startTlsAdviceOnAnotherPortDoesNotSpeakOfPort587(int port) {
        Diagnosis d = DIAGNOSER.diagnose(probe("127.0.0.2", port, Security.SSL_TLS)
                .failed(TLS_HANDSHAKE, PLAINTEXT_WHERE_TLS_EXPECTED).capabilities("STARTTLS").build());

        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), d.suggestedValue(), d.ruleId());
        assertFalse(d.explanation().contains("587"), d.explanation());
    }
}
