package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 20 prompted by records of blind round 47 (servers' onward delivery; sending services' replies;
 * small senders and gateways) that moved to train for them, written as other programs and servers word the same thing.
 */
class Round47ReadingsTest {

    /**
     * A mail server's log of a refusal to relay from the next server it reached on 587 or 465 is its relay (smart
     * host) asking it to sign in, not a recipient's server refusing (ra47-0040, Postfix relaying through Mailgun, was
     * "the recipient's server refused" before). On port 25 the refusing server is still a recipient's.
     */
    @Test
    void aRelayRefusalOnASubmissionPortIsTheSmartHostAskingForASignIn() {
        Diagnosis d = Pasted.explain("postfix/smtp[811]: 4F2A11: to=<ops@example.org>, relay=smtp.example.net"
                + "[198.51.100.7]:465, delay=0.4, dsn=5.7.1, status=bounced (host smtp.example.net[198.51.100.7] said:"
                + " 554 5.7.1 <ops@example.org>: Relay access denied (in reply to RCPT TO command))");
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        Diagnosis port25 = Pasted.explain("postfix/smtp[811]: 4F2A11: to=<ops@example.org>, relay=mx.example.org"
                + "[198.51.100.8]:25, delay=0.4, dsn=5.7.1, status=bounced (host mx.example.org[198.51.100.8] said:"
                + " 554 5.7.1 <ops@example.org>: Relay access denied (in reply to RCPT TO command))");
        assertNotEquals("explain.relay.smarthost_needs_sign_in", port25.ruleId());
    }

    /**
     * A failed look-up of this computer's own name, which Python's older smtplib and Java's InetAddress.getLocalHost
     * make before greeting, is this machine's name service, not the server name (rc47-0036 was "check the server
     * name" at high confidence).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "  File \"/usr/lib/python2.6/smtplib.py\", line 239, in __init__\n"
                    + "    addr = socket.gethostbyname(socket.gethostname())\n"
                    + "gaierror: [Errno -2] Name or service not known",
            "java.net.UnknownHostException: build-07: build-07: Temporary failure in name resolution\n"
                    + "\tat java.base/java.net.InetAddress.getLocalHost(InetAddress.java:1507)\n"
                    + "\tat com.sun.mail.util.SocketFetcher.getLocalHost(SocketFetcher.java:380)"})
    void thisComputersOwnNameNotFoundIsItsNameService(String trace) {
        Diagnosis d = Pasted.explain(trace);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals("explain.network.own_name_unresolvable", d.ruleId());
    }

    /** Exim's "retry time not reached" is its own wait before another try (ra47-0036 was "not recognised"). */
    @Test
    void eximsRetryTimeNotReachedIsAWait() {
        Diagnosis d = Pasted.explain("== anna@example.org R=dnslookup T=remote_smtp defer (-53): retry time not reached");
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        // after a long failure period the server gave up: another reading
        Diagnosis expired = Pasted.explain("** anna@example.org: retry time not reached for any host after a long"
                + " failure period");
        assertEquals("explain.server.delivery_expired", expired.ruleId());
    }

    /** Gmail's "messageId header" (without a hyphen) is the message's header lines (ra47-0008 and 0009). */
    @Test
    void aMissingMessageIdHeaderIsTheMessage() {
        Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE,
                "550 5.7.1 Messages missing a valid messageId header are not accepted. - gsmtp");
    }

    /**
     * A sending service that refuses a sender's domain ("Sending from domain gmail.com is not allowed", Mailtrap) or
     * an address the account does not have ("unknown sender address", hydroxide) is the sender address
     * (rb47-0024, rc47-0008).
     */
    @ParameterizedTest
    @ValueSource(strings = {"550 5.7.1 Sending from domain example.net is not allowed",
        "554 5.0.0 Error: transaction failed: unknown sender address"})
    void aServiceRefusingTheSendersDomainIsTheSenderAddress(String reply) {
        Pasted.explainsAs(Setting.SENDER_ADDRESS, reply);
    }
}
