package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Precision pass on train (session 15): readings that answered train records wrongly, narrowed so that the same
 * words in an unseen text get an honest answer.
 *
 * <p>A status code of the form 4.4.1 ("no answer from host") that a sending program or mail server writes beside its
 * own failed connection ("connect to ...: Connection timed out", "Cannot connect to host") is that program's record of
 * its own connect attempt, not a server's reply asking to try later: nothing answered, so the network (a firewall, a
 * blocked port) comes first, as for any connect timeout. A 4.4.x code a server sent back in a reply (a relay whose own
 * next hop timed out) keeps its reading as a temporary failure.
 */
class PrecisionReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "postfix/smtp[1234]: 3F2A1C: to=<user@example.net>, relay=none, delay=31, delays=0.1/0.01/30/0, dsn=4.4.1,"
                + " status=deferred (connect to mx.example.net[203.0.113.5]:25: Connection timed out)",
        "Unable to send Email with the error \"Result: delayed, Status: 4.4.1 Cannot connect to host\"",
        "relay=none, delay=33, dsn=4.4.1, status=deferred (connect to smtp.example.org[198.51.100.7]:587:"
                + " Operation timed out)",
    })
    void aSendersOwnConnectTimeoutWithItsStatusCodeIsTheNetwork(String pasted) {
        Diagnosis d = explainsAs(Setting.NETWORK_OR_FIREWALL, Confidence.MEDIUM, pasted);
        assertEquals(Verdict.FIX_SETTING, d.verdict());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "MailKit.Net.Smtp.SmtpCommandException: 4.4.1 Connection timed out\n"
                + "   at MailKit.Net.Smtp.SmtpClient.ProcessMailFromResponse(SmtpResponse response, MailboxAddress mailbox)",
        "Error: Message failed: 421 4.4.2 mail.example.com Error: timeout exceeded",
        "451 4.4.2 Timeout waiting for data from client",
    })
    void aTimeoutAServerRepliedWithStaysTemporary(String pasted) {
        Diagnosis d = explainsAs(Setting.WAIT_AND_RETRY, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL), d.alternatives().toString());
    }
}
