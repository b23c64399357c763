package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 19 prompted by records of blind round 46 (Microsoft server software; other mail servers'
 * remote-delivery lines) that moved to train for them, written as other servers word the same thing.
 */
class Round46ReadingsTest {

    /**
     * Haraka's outbound delivery to a domain's receiving servers on port 25 that times out is the host's network
     * (cloud hosts block port 25), not "Set Port to 587": receiving servers take mail on 25 only (rb46-0007 to 0009
     * were "Set Port to 587" at high confidence).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "[INFO] [-] [outbound] Attempting to deliver to: 198.51.100.25:25 (0) (0)\n"
                    + "[ERROR] [-] [core] [outbound] Failed to get pool entry: Outbound connection timed out to"
                    + " 198.51.100.25:25",
            "[INFO] [-] [core] Temp fail for: Tried all MXs\n[ERROR] [-] [core] [outbound] Failed to get pool entry:"
                    + " Outbound connection error: Error: connect ETIMEDOUT 198.51.100.26:25"})
    void anOutboundDeliveryOnPort25IsTheHostsNetwork(String log) {
        Diagnosis d = Pasted.explain(log);
        assertNotEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    /** Exchange's "The remote SMTP service does not support TLS." is encryption not offered (ra46-0017). */
    @Test
    void aRemoteServiceWithoutTlsIsTheConnectionSecurity() {
        Pasted.explainsAs(Setting.SECURITY, "The remote SMTP service does not support TLS.");
        // a version it does not support is another reading
        Diagnosis version = Pasted.explain("The remote SMTP service does not support TLS 1.0.");
        assertNotEquals("kind.starttls_not_offered", version.ruleId());
    }

    /**
     * A recipient's domain a letter away from a large provider's ("hotmial.de") that no provider uses: the address is
     * misspelled (rb46-0048, a relay refusal from the misspelt domain's own server, was "your provider has to act").
     * The corrected address is offered. A temporary refusal (greylisting) is no answer to a misspelled domain.
     */
    @Test
    void aRecipientDomainOneLetterFromAProvidersIsMisspelled() {
        Diagnosis d = Pasted.explain("** anna@gmial.com R=dnslookup T=remote_smtp: SMTP error from remote mail server"
                + " after RCPT TO:<anna@gmial.com>: host mx.gmial.com [192.0.2.8]: 554 5.7.1 <anna@gmial.com>: Relay"
                + " access denied");
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), d.ruleId());
        assertTrue(d.suggestedValue().map(Object::toString).orElse("").contains("anna@gmail.com"),
                d.suggestedValue()::toString);
        Diagnosis known = Pasted.explain("RCPT TO:<anna@gmx.de>: 554 5.7.1 Relay access denied");
        assertNotEquals("explain.recipient.domain_typo", known.ruleId());
        Diagnosis greylisted = Pasted.explain("NOQUEUE: reject: RCPT from mx.example.net[192.0.2.9]: 450 4.2.0"
                + " <anna@gmial.com>: Recipient address rejected: Greylisted; to=<anna@gmial.com>");
        assertNotEquals("explain.recipient.domain_typo", greylisted.ruleId());
        // a provider's name under another country's ending is that provider's, not a misspelling
        Diagnosis country = Pasted.explain("RCPT TO:<anna@yahoo.co.id>: 550 5.1.1 <anna@yahoo.co.id>: Recipient"
                + " address rejected: User unknown");
        assertNotEquals("explain.recipient.domain_typo", country.ruleId());
    }
}
