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
 *
 * <p>Microsoft's "the user credentials were incorrect" (5.7.139, 5.7.3) is most often a wrong password, but Microsoft
 * gives the same words when the account needs an app password (two-step verification) or only accepts its own
 * sign-in window (a mailbox connected by OAuth2 and then used with a typed password, train cr16-0051): the password
 * first, at medium confidence, with the app password and OAuth2 next, never high.
 *
 * <p>A relay refusal the user's own program met is a missing sign-in first (high, right on train 113 of 117 times),
 * but the other causes the words allow are the server name (a server that does not serve the account, such as the
 * recipient's own) and the server's operator, who decides who may send to other domains: those come next, not the
 * password or the provider's switch for mail programs, which a refusal without sign-in says nothing about. A relay
 * refusal quoted in a bounce (the next server refused) is that server's operator's, with the recipient's address and
 * the sign-in of the user's own server as the next things to check, not waiting or the network.
 *
 * <p>Exchange's queue words "451 4.4.0 Primary target IP address responded with: ..." are the sending Exchange
 * server's own status (4.4.0) for its failed delivery to the next server, whatever that server said or did not say
 * (train qa28-0016, ms29-0015: a timeout behind a certificate not bound to its SMTP service): whoever runs that server
 * has to look, with waiting next; the same 421 4.4.2 in a server's own reply to the user's program stays a temporary
 * failure.
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
        "postfix/smtp[371]: 69FDD3F0FD: to=<a@example.com>, relay=none, delay=1422, dsn=4.4.1, status=deferred"
                + " (connect to mx.example.com[192.0.2.8]:25: Connection timed out)",
        "postfix/smtp[29138]: 93C73240230: to=<b@example.org>, relay=none, dsn=4.4.1, status=deferred (connect to"
                + " alt2.gmail-smtp-in.l.google.com[2800:3f0:4003:c01::1a]:25: Connection timed out)",
    })
    void aMailServersOwnConnectTimeoutOnPort25KeepsItsPort25Reading(String pasted) {
        // the reading of an own server's port 25 comes before the general one: it says what port 25 means
        Diagnosis d = explainsAs(Setting.NETWORK_OR_FIREWALL, Confidence.MEDIUM, pasted);
        assertTrue(d.ruleId().contains("port25"), d.ruleId());
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

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.",
        "ERROR: (535, b'5.7.139 Authentication unsuccessful, the user credentials were incorrect."
                + " [PH0PR07CA0004.namprd07.prod.outlook.com]')",
        "Failed to authenticate on SMTP server with username \"info@example.com\" using 1 possible authenticators."
                + " Authenticator LOGIN returned Expected response code 235 but got code \"535\", with message"
                + " \"535 5.7.3 Authentication unsuccessful, the user credentials were incorrect.\"",
        "MailKit.Security.AuthenticationException: 535: 5.7.139 Authentication unsuccessful, the user credentials"
                + " were incorrect.",
    })
    void microsoftsIncorrectCredentialsAreThePasswordFirstButNotCertainly(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.APP_PASSWORD), d.alternatives().toString());
        assertTrue(offers(d, Setting.AUTH_METHOD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 <someone@example.net>: Relay access denied",
        "Expected response code \"250/251/252\" but got code \"550\", with message \"550 5.7.1 Unable to relay\".",
        "smtplib.SMTPRecipientsRefused: {'a@example.org': (550, b'relay not permitted')}",
    })
    void aRelayRefusalAsksForSignInWithTheServerNameAndItsOperatorNext(String pasted) {
        Diagnosis d = explainsAs(Setting.AUTH_METHOD, pasted);
        assertTrue(offers(d, Setting.SERVER_HOST), d.alternatives().toString());
        assertTrue(offers(d, Setting.CONTACT_PROVIDER), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<info@example.si>: host mx.example.si[192.0.2.10] said: 554 5.7.1 <info@example.si>: Relay access denied"
                + " (in reply to RCPT TO command)",
        "Diagnostic-Code: smtp; 550 5.7.1 Relaying denied",
        "SMTP error from remote mail server after RCPT TO:<a@example.com>: host 10.0.0.5 [10.0.0.5]: 553 sorry, that"
                + " domain isn't in my list of allowed rcpthosts (#5.7.1)",
    })
    void aRelayRefusalInABounceOffersTheRecipientAndTheOwnServersSignIn(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.RECIPIENT_ADDRESS), d.alternatives().toString());
        assertTrue(offers(d, Setting.AUTH_METHOD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "451 4.4.0 Primary target IP address responded with \"421 4.4.2 connection dropped due to timeout\"",
        "451 4.4.0 Primary target IP address responded with: \"421 4.4.1 Connection timed out.\" Attempted failover"
                + " to alternate host, but that did not succeed.",
        "LastError: 451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Connection dropped.\""
                + " Attempted failover to alternate host, but that did not succeed.",
    })
    void exchangesQueueReportOfItsNextHopIsItsOperators(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.MEDIUM, pasted);
        assertEquals(Verdict.SERVER_SIDE, d.verdict());
        assertTrue(offers(d, Setting.WAIT_AND_RETRY), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "421 4.4.2 mail.example.com Error: timeout exceeded",
        "SMTP Error: 421 4.4.2 connection dropped due to timeout",
    })
    void theSameTimeoutInAServersOwnReplyStaysTemporary(String pasted) {
        explainsAs(Setting.WAIT_AND_RETRY, Confidence.MEDIUM, pasted);
    }
}
