package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.ProbeResults.probe;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;

/** A provider's facts apply only on evidence: a server on this computer is nobody's in particular. */
class ProviderEvidenceTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    private static Diagnosis wrongPassword(int port, String address) {
        return DIAGNOSER.diagnose(probe("127.0.0.1", port, Security.STARTTLS).signIn(address).sender(address)
                .passed(Phase.DNS, Phase.CONNECT, Phase.GREETING, Phase.EHLO, Phase.STARTTLS, Phase.TLS_HANDSHAKE)
                .failed(Phase.AUTH, FailureKind.AUTH_REJECTED)
                .reply("535 5.7.8 Error: authentication failed: authentication failure").build());
    }

    private static String allText(Diagnosis d) {
        return (d.title() + " " + d.explanation() + " " + String.join(" ", d.thingsToTry()) + " "
                + String.join(" ", d.evidence())).toLowerCase(Locale.ROOT);
    }

    @Test
    void aLoopbackServerIsNoBridgeForAnotherAddress() {
        Diagnosis d = wrongPassword(2525, "alice@example.test");

        assertEquals(Setting.PASSWORD, d.setting());
        assertFalse(d.ruleId().contains("bridge"), d.ruleId());
        assertFalse(allText(d).contains("proton"), allText(d));
    }

    @Test
    void aLoopbackServerIsNoBridgeOnAnotherPortEvenForAProtonAddress() {
        Diagnosis d = wrongPassword(2525, "alice@protonmail.com");

        assertFalse(d.ruleId().contains("bridge"), d.ruleId());
    }

    @Test
    void theBridgeIsRecognisedOnItsDocumentedPortWithAProtonAddress() {
        Diagnosis d = wrongPassword(1025, "alice@protonmail.com");

        assertTrue(d.ruleId().startsWith("auth.bridge_password"), d.ruleId());
    }

    @Test
    void aSelfSignedCertificateOnThisComputerIsNotCalledInterception() {
        Diagnosis d = DIAGNOSER.diagnose(probe("127.0.0.1", 1025, Security.STARTTLS).signIn("alice@example.test")
                .passed(Phase.DNS, Phase.CONNECT, Phase.GREETING, Phase.EHLO, Phase.STARTTLS)
                .certificate(false, true, "127.0.0.1").failed(Phase.TLS_HANDSHAKE, FailureKind.CERT_UNTRUSTED)
                .build());

        assertNotEquals("cert.untrusted.intercepted", d.ruleId());
        assertFalse(allText(d).contains("proton"), allText(d));
    }
}
