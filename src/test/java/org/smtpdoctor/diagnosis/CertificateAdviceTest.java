package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.ProbeResults.probe;

import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;

/** An untrusted certificate told apart by what it shows: the server's own, or a product intercepting. */
class CertificateAdviceTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    private static Diagnosis untrusted(String host, String issuer) {
        return DIAGNOSER.diagnose(probe(host, 465, Security.SSL_TLS).signIn("alice@example.org")
                .passed(Phase.DNS, Phase.CONNECT).untrustedCertificateFrom(issuer, host)
                .failed(Phase.TLS_HANDSHAKE, FailureKind.CERT_UNTRUSTED).build());
    }

    @Test
    void theServersOwnCertificateIsShownWithItsFingerprintToCompare() {
        Diagnosis d = untrusted("mail.smallbusiness.example", "CN=mail.smallbusiness.example");

        assertEquals("cert.untrusted.own_certificate", d.ruleId());
        assertEquals(Actor.PROVIDER, d.actor()); // the provider or IT gives the fingerprint to compare, or a public certificate
        assertTrue(d.explanation().contains("AB:CD:EF:01"), d.explanation());
        assertTrue(d.explanation().contains("accept it only if its fingerprint matches"), d.explanation());
    }

    @Test
    void aCertificateFromAnAntivirusProductIsInterception() {
        Diagnosis d = untrusted("mail.smallbusiness.example", "CN=Avast Web/Mail Shield Root, O=Avast");

        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertTrue(d.explanation().contains("Avast"), d.explanation());
    }

    @Test
    void anUntrustedCertificateOnAProvidersDocumentedServerIsInterception() {
        Diagnosis d = untrusted("smtp.gmail.com", "CN=Some Corporate Proxy CA");

        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
    }
}
