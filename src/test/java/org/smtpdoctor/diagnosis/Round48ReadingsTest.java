package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 20 prompted by records of blind round 48 (servers' logs on paste sites; small projects' library
 * exceptions; threads in other languages) that moved to train for them, written as other servers word the same thing.
 */
class Round48ReadingsTest {

    /** Sendmail's "My unqualified host name (…) unknown" is this computer's own name (ra48-0042 was high "server"). */
    @Test
    void sendmailsUnqualifiedOwnNameIsThisComputersNameService() {
        Diagnosis d = Pasted.explain("Mar  2 08:01:11 build-3 sendmail[411]: My unqualified host name (build-3) unknown;"
                + " sleeping for retry\nMar  2 08:02:11 build-3 sendmail[411]: unable to qualify my own domain name"
                + " (build-3) -- using short name");
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    /**
     * A temporary refusal of the sign-in at a provider that needs app passwords is a wait, never "use an app password"
     * at high confidence (rb48-0041, Gmail's 454 "temporary system problem"); a refusal for good still is.
     */
    @Test
    void aTemporarySignInRefusalAtGmailIsNoAppPassword() {
        Diagnosis d = Pasted.explainAt("Net::SMTPAuthenticationError: 454 4.7.0 Cannot authenticate due to a temporary"
                + " system problem. Please retry later. x12sm99pfb.1 - gsmtp", "smtp.gmail.com", 587);
        assertNotEquals(Setting.APP_PASSWORD, d.setting(), d.ruleId());
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
        Diagnosis refused = Pasted.explainAt("535-5.7.8 Username and Password not accepted. - gsmtp", "smtp.gmail.com",
                587);
        assertEquals(Setting.APP_PASSWORD, refused.setting(), refused.ruleId());
    }

    /**
     * A bounce from the provider's server that quotes a receiving server refusing it ("IP address is black listed",
     * "You are not allowed to connect") is about the provider's server, not this computer's connection (ra48-0034 and
     * 0036 were "your network" at medium).
     */
    @Test
    void aBounceQuotingARefusalOfTheProvidersServerIsTheProviders() {
        Diagnosis d = Pasted.explain("This message was created automatically by mail delivery software.\n"
                + "A message that you sent could not be delivered to one or more of its recipients.\n"
                + "SMTP error from remote mail server after initial connection:\n"
                + "host mx.example.org [192.0.2.40]: 554 5.7.1 You are not allowed to connect.");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
        Diagnosis direct = Pasted.explain("554 5.7.1 You are not allowed to connect.");
        assertEquals(Setting.NETWORK_OR_FIREWALL, direct.setting(), direct.ruleId());
    }

    /** qmail's "not in my validrcptto list" is a recipient the receiving server does not have (ra48-0005). */
    @Test
    void qmailsValidRcptToIsTheRecipient() {
        Pasted.explainsAs(Setting.RECIPIENT_ADDRESS, "553 sorry, this recipient is not in my validrcptto list (#5.7.1)");
    }
}
