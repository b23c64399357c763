package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

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
}
