package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 17, each prompted by a record of blind round 38 (forum threads and ISP pages) that moved to
 * train for it, and written as other servers and programs word the same thing.
 */
class Round38ReadingsTest {

    /**
     * A server that answers STARTTLS with a permanent refusal does not encrypt on this port (RFC 3207: a server without
     * the extension answers as for any unknown command): the connection security is what to change, whatever enhanced
     * code came with it (ra38-0003, Verizon's "533 5.7.1 STARTTLS command is not enabled" in a session typed by hand).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "533 5.7.1 STARTTLS command is not enabled.",
            "500 5.5.1 Command unrecognized: \"STARTTLS\"",
            "502 5.5.1 Unrecognized command STARTTLS",
            "$ telnet mail.example.net 25\n220 mail.example.net ESMTP\nehlo me.example.org\n250-mail.example.net\n"
                    + "250-AUTH PLAIN LOGIN\n250 SIZE 10240000\nstarttls\n502 5.5.2 Error: command not recognized\nquit",
    })
    void aRefusedStarttlsIsTheConnectionSecurity(String pasted) {
        Diagnosis d = Pasted.explainsAs(Setting.SECURITY, Confidence.MEDIUM, pasted);
        assertEquals("SSL/TLS", d.suggestedValue().orElseThrow().neutral(), pasted);
        // SSL/TLS from the start has its own port: both are said, as one change
        assertTrue(d.changes().stream().anyMatch(c -> c.setting() == Setting.PORT
                && c.to().map(v -> v.neutral().equals("465")).orElse(false)), d.changes()::toString);
    }

    @Test
    void aTemporaryRefusalOfStarttlsIsTheServersFaultNotASetting() {
        // 454 is the server's own trouble with its certificate or keys (RFC 3207 4): nothing to change in the program
        Diagnosis d = Pasted.explain("454 4.7.0 TLS not available due to local problem");
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    /**
     * Sendmail's report of its session with the next server ("... while talking to mx.example.net.:") quotes that
     * server's refusal of the sending server, not of the user's connection (ra38-0024, iiNet refusing a forwarder).
     */
    @Test
    void sendmailsReportOfTheNextServerIsAboutTheSendingServer() {
        String refusal = "554 Your access to this mail system from 192.0.2.25 has been rejected due to the sending"
                + " MTA's poor reputation.";
        Pasted.explainsAs(Setting.NETWORK_OR_FIREWALL, refusal);
        Pasted.explainsAs(Setting.CONTACT_PROVIDER, "----- The following addresses had permanent fatal errors -----\n"
                + "<friend@example.net>\n----- Transcript of session follows -----\n... while talking to"
                + " mx.example.net.:\n>>> MAIL From:<me@example.org>\n<<< " + refusal + "\n554 5.0.0 Service unavailable");
    }

    /** Gmail's "very low reputation of the sending IP address" is about the address the message came from (rb38-0027). */
    @Test
    void gmailsLowReputationOfTheSendingAddressIsNotTheMessage() {
        String gmail = "550-5.7.1 Our system has detected that this message is likely suspicious due to the very low"
                + " reputation of the sending IP address. To best protect our users from spam, the message has been"
                + " blocked. Please visit https://support.google.com/mail/answer/188131 for more information.";
        Pasted.explainsAs(Setting.NETWORK_OR_FIREWALL, gmail);
        Pasted.explainsAs(Setting.CONTACT_PROVIDER, "<friend@example.net>: host gmail-smtp-in.l.google.com[192.0.2.27]"
                + " said: " + gmail + " (in reply to end of DATA command)");
    }

    /** eM Client's "An attempt to connect to … failed" is a connection that was not made (ra38-0007). */
    @ParameterizedTest
    @ValueSource(strings = {
            "{SMTP} An attempt to connect to smtp.example.com failed.  This could be caused by temporary server"
                    + " unavailability or incorrect settings. Do you want to check the settings?",
            "Connection attempt to smtp.example.com:587 failed",
    })
    void aFailedAttemptToConnectIsTheConnection(String pasted) {
        Diagnosis d = Pasted.explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
        assertTrue(Pasted.offers(d, Setting.SERVER_HOST) || Pasted.offers(d, Setting.PORT), d.alternatives()::toString);
    }

    @Test
    void aFailedAttemptWithItsReasonIsReadByTheReason() {
        Diagnosis d = Pasted.explain("An attempt to connect to smtp.example.com failed: certificate verify failed"
                + " (unable to get local issuer certificate)");
        assertTrue(d.ruleId().startsWith("explain.cert."), d.ruleId());
    }

    /**
     * cPanel's Exim checks the name a computer introduces itself with only for senders who have not signed in, so
     * switching sign-in on is named right after the network (ra38-0018, a host's help page for "Invalid HELO name").
     */
    @Test
    void aRefusedComputerNameOffersSignInNext() {
        Diagnosis d = Pasted.explainsAs(Setting.NETWORK_OR_FIREWALL,
                "550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)");
        assertEquals(Setting.AUTH_METHOD, d.alternatives().get(0).setting(), d.alternatives()::toString);
    }
}
