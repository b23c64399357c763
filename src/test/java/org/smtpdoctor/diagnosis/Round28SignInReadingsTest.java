package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 28's sign-in misses, each a general meaning: a reply to the sign-in whose own words say the
 * login was invalid is the password even when its code is 500; a server saying the sign-in name
 * and the e-mail address do not match is the user name, with the sender address next; a refused sign-in (535 5.7.3)
 * followed by "5.7.57 Client not authenticated" tried to sign in, so the mailbox's sign-in switch comes before
 * turning sign-in on; a program that "could not set sender" names the step that failed, not a sender left unset; a
 * refused sign-in without a reply code at a provider that needs an app password only with two-step verification
 * (Zoho, mailbox.org) is the password first, the app password next.
 */
class Round28SignInReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Connect\n500 Error: Invalid login\n   at SMTPConnection._formatError (/app/node_modules/smtp-connection/src/"
                + "smtp-connection.js:388:15)\n   at SMTPConnection._actionAUTHComplete (/app/node_modules/"
                + "smtp-connection/src/smtp-connection.js:841:30)",
        "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: dXNlcg==\nS: 334 UGFzc3dvcmQ6\nC: cGFzcw==\nS: 500 Invalid login",
        "> AUTH PLAIN AHVzZXIAcGFzcw==\n< 500 Error: authentication failed",
    })
    void aSignInReplyThatSaysTheLoginWasInvalidIsThePasswordWhateverItsCode(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.USERNAME) || offers(d, Setting.APP_PASSWORD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "auth login\n500 Error: command \"AUTH\" not recognized",
        "AUTH PLAIN dXNlcgB1c2VyAHBhc3M=\n502 5.5.2 Error: command not recognized",
    })
    void anAuthCommandTheServerDoesNotKnowStaysTheSignInMethod(String pasted) {
        explainsAs(Setting.AUTH_METHOD, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Authentication ID and Email ID not matching",
        "535 Login ID and e-mail address do not match",
        "SMTP error: the authentication id does not match the email address",
        "Error: user id and email address mismatch",
    })
    void aSignInNameThatDoesNotMatchTheAddressIsTheUserName(String pasted) {
        Diagnosis d = explainsAs(Setting.USERNAME, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.SENDER_ADDRESS), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 <a@example.dk>: Recipient address rejected: Username admin@example.dk and sender doesn't match",
        "553 5.7.1 Sender address does not match the authenticated user",
    })
    void aSenderThatDoesNotMatchTheSignInStaysTheSenderAddress(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.3 Authentication unsuccessful\n5.7.57 Client not authenticated to send mail",
        "SMTP error 535 5.7.3 Authentication unsuccessful [AM0PR06CA0126.eurprd06.prod.outlook.com]; then: 530 5.7.57"
                + " Client not authenticated to send mail",
        "AUTH LOGIN failed: 535 5.7.3 Authentication unsuccessful\nMAIL FROM: 530 5.7.57 SMTP; Client was not"
                + " authenticated to send anonymous mail during MAIL FROM",
    })
    void aRefusedSignInFollowedByNotAuthenticatedIsTheMailboxSignInSwitch(String pasted) {
        Diagnosis d = explainsAs(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.PASSWORD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "530 5.7.57 Client not authenticated to send mail",
        "5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
    })
    void notAuthenticatedWithoutARefusedSignInStaysTheSignInMethod(String pasted) {
        explainsAs(Setting.AUTH_METHOD, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "could not set sender: auth@corp.org Parent=(EOF)",
        "msg=\"send failed\" error=\"failed to set sender: alerts@example.com: EOF\"",
        "Error: unable to set sender noreply@example.org: connection reset by peer",
    })
    void aSenderStepThatFailedIsNoSenderLeftUnset(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals("explain.meaning.sender_missing", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sender address is not set",
        "Error: from address not set in the mail settings",
    })
    void aSenderLeftUnsetStaysTheSenderAddress(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The user name or password for \"SMTP:me@zoho.com@smtp.zoho.com\" is incorrect.",
        "Authentication failed: Bad username / password",
        "SMTP Error: Could not authenticate.",
    })
    void aRefusedSignInAtAProviderNeedingAnAppPasswordOnlyWithTwoStepIsThePasswordFirst(String pasted) {
        for (String host : new String[] {"smtp.zoho.com", "smtp.mailbox.org"}) {
            Diagnosis d = explainAt(pasted, host, null);
            assertEquals(Setting.PASSWORD, d.setting(), d.ruleId() + ": " + pasted);
            assertEquals(Confidence.MEDIUM, d.confidence());
            assertTrue(offers(d, Setting.APP_PASSWORD), d.alternatives().toString());
        }
        // a provider that never takes the normal password from mail programs stays the app password
        Diagnosis gmail = explainAt(pasted, "smtp.gmail.com", null);
        assertEquals(Setting.APP_PASSWORD, gmail.setting(), gmail.ruleId());
    }
}
