package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;

/**
 * Python's {@code SMTPServerDisconnected: please run connect() first} says only that the connection was gone before
 * the next command. Zoho closes it when the sender is not the signed-in address (two Odoo threads), but a bare
 * traceback from any other server is not evidence of that: it reads as a connection closed before any reply (the
 * connection security first, unsure, with the port next), and the sender only when a provider is named.
 */
class ClosedBeforeReplyTest {

    @Test
    void aBareDisconnectIsNotReadAsTheSenderAddress() {
        Diagnosis d = explain("smtplib.SMTPServerDisconnected: please run connect() first");
        assertEquals(Setting.SECURITY, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(d.alternatives().stream().anyMatch(a -> a.setting() == Setting.PORT), d.alternatives().toString());
    }

    @Test
    void atANamedProviderTheSenderIsTheReading() {
        Diagnosis d = explain("Mail delivery failed via SMTP server 'smtp.zoho.com'. "
                + "SMTPServerDisconnected: please run connect() first");
        assertEquals(Setting.SENDER_ADDRESS, d.setting());
    }
}
