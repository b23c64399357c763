package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * A server that receives mail for its own mailboxes and refuses sign-in from mail programs (GoDaddy's inbound
 * servers answer {@code 535 Authentication not allowed on IBSMTP Servers. IB401}): the password is not the problem,
 * the server name is. Found in the server-reply catalogue, where the password answer was a dangerous one.
 */
class ReceivingServerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "535 Authentication not allowed on IBSMTP Servers. IB401",
        "535 5.7.0 Authentication not allowed on inbound servers, use the outgoing server",
        "SMTP Error: Could not authenticate. 535 this is an incoming mail server",
    })
    void aReceivingServerRefusingSignInNamesTheServerNotThePassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SERVER_HOST, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        assertEquals(Setting.PORT, d.alternatives().get(0).setting(), pasted);
    }

    @Test
    void aPlainRefusedPasswordStaysAPasswordAnswer() {
        assertNotEquals(Setting.SERVER_HOST, explain("535 5.7.8 Error: authentication failed: authentication failure")
                .setting());
    }

    /**
     * A program that delivers straight to the recipients' receiving server (an MX) and times out on port 25 is blocked
     * by its network or cloud provider: "use port 587" would be confidently wrong, since a receiving server takes mail
     * on port 25 only. Round 15 held one such text (a Node app on DigitalOcean), answered "Port 587" at high confidence.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Error on connectMx for: { exchange: 'mx00.example.net', priority: 10 } Error: connect ETIMEDOUT"
                + " 192.0.2.20:25",
        "connect to mx1.example.org[192.0.2.7]:25: Connection timed out",
        "dial tcp 192.0.2.9:25: connect: connection timed out (looking up MX records of example.com)",
        "Failed to connect to aspmx.l.google.com:25: Connection timed out",
    })
    void portTwentyFiveTimingOutAtAReceivingServerIsTheNetworkNotThePort(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        assertEquals(Setting.SERVER_HOST, d.alternatives().get(0).setting(), pasted);
    }

    @Test
    void portTwentyFiveTimingOutAtAnOutgoingServerStillMovesToTheSubmissionPort() {
        Diagnosis d = explain("Error: connect ETIMEDOUT 192.0.2.7:25");
        assertEquals(Setting.PORT, d.setting());
        assertEquals(java.util.Optional.of(SettingValue.port(587)), d.suggestedValue());
    }
}
