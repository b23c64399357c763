package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 20 prompted by records of blind round 49 (Chinese developers' blogs; error trackers' issues;
 * fix notes kept in repositories) that moved to train for them, written as other programs word the same thing.
 */
class Round49ReadingsTest {

    /**
     * A certificate issued for a server's out-of-the-box name ("HOSTNAME.DOMAIN", "localhost.localdomain") is no name
     * to connect to: the server needs a certificate for its real name (rb49-0017 was "Set server to hostname.domain" at
     * high confidence). An internal network's name stays a name to use.
     */
    @Test
    void aCertificateForAnOutOfTheBoxNameIsTheServersToMend() {
        Diagnosis d = Pasted.explain("x509: certificate is valid for localhost.localdomain, not mail.example.org");
        assertNotEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        assertEquals("explain.cert.default_name", d.ruleId());
        assertTrue(d.suggestedValue().isEmpty(), d.suggestedValue()::toString);
        Diagnosis internal = Pasted.explain("x509: certificate is valid for mail.corp.lan, not 10.0.0.5");
        assertEquals(Setting.SERVER_HOST, internal.setting(), internal.ruleId());
    }

    /**
     * Nodemailer's "Connection timeout" is the connection not being made (on 465 too), not a greeting that never came
     * (rc49-0004, every port of a host failing from a cloud host, was "Set Connection security to SSL/TLS" at high).
     */
    @Test
    void aConnectionTimeoutIsTheConnection() {
        Diagnosis d = Pasted.explainAt("SMTP error (port 465): Connection timeout", "smtp.example.net", 465);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    /** NetEase's "451 Sender address format error" is the sender address, not a wait (ra49-0019). */
    @Test
    void aSenderAddressFormatErrorIsTheSender() {
        Pasted.explainsAs(Setting.SENDER_ADDRESS, "smtplib.SMTPSenderRefused: (451, b'Sender address format error.',"
                + " 'noreply.example.com')");
    }

    /** "MIME boundary length exceeded" is the message (rc49-0035 was the recipient). */
    @Test
    void aMimeBoundaryRefusalIsTheMessage() {
        Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, "554 5.6.0 MIME boundary length exceeded");
    }

    /**
     * Go's "tls: oversized record received" is a reply that is no TLS record where TLS was expected (rb49-0025 was not
     * recognised).
     */
    @Test
    void goOversizedRecordIsPlainTextWhereTlsWasExpected() {
        Pasted.explainsAs(Setting.SECURITY, "smtp: dial tls: tls: oversized record received with length 20527");
    }
}
