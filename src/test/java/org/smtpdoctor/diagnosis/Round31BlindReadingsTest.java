package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 31's answers that were wrong at high confidence (collected blind, moved to train to be read):
 * a relay refusal is the user's sign-in only where the user's own program met it. Exchange's non-delivery report
 * quotes the refusing server between {@code #} and {@code ##} ("#550 5.7.54 SMTP; Unable to relay recipient in
 * non-accepted domain ##"): a server further on refused after the user's server had accepted the message, so its
 * operator has to act. A program's "SMTP host 'exchangeserver'" names the server setting even as a single name without
 * dots, and such a name is an organisation's own server, whose administrator decides who may relay. Microsoft's
 * "STOREDRV.Submission.Exception:QuotaExceededException" with "Unified Storage is full" is the sender's own full
 * mailbox (round 33, from a Thunderbird user's question), not a sending limit to wait out.
 */
class Round31BlindReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "[FQDN on Edge server] #550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain ##",
        "Remote Server at mail.example.org (10.1.2.3) returned '550 4.4.7 QUEUE.Expired; message expired' "
                + "#550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain ##",
        "Diagnostic information for administrators: Generating server: EX01.corp.example.com "
                + "user@example.net #550 5.7.1 Unable to relay ##",
    })
    void aRelayRefusalInsideExchangesNonDeliveryReportIsTheNextServersOperators(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.MEDIUM, pasted);
        assertEquals(Actor.PROVIDER, d.actor());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Microsoft FrontPage Server Extensions: Error #160005 Message: Bad response from SMTP host'exchangeserver':"
                + " 550 Relaying is prohibited.",
        "Bad response from SMTP host 'mailgw': 550 5.7.1 Unable to relay",
        "Could not send: SMTP server \"EXCH01\" replied 550 relay not permitted",
    })
    void aRelayRefusalByASingleNamedServerIsTheOrganisationsAdministrators(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.MEDIUM, pasted);
        assertEquals(Actor.ADMIN, d.actor());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Unable to relay",
        "Bad response from SMTP host 'smtp.example.com': 550 Relaying is prohibited.",
    })
    void aRelayRefusalTheProgramMetItselfStillAsksForSignIn(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "An error occurred while sending mail. The mail server responded:  Mailbox full. Visit https://aka.ms/mailboxfull"
                + " for more information.; STOREDRV.Submission.Exception:QuotaExceededException",
        "554 5.2.0 STOREDRV.Submission.Exception:QuotaExceededException; Failed to process message due to a permanent"
                + " exception with message [BeginDiagnosticData]Microsoft Unified Storage is full.[EndDiagnosticData]",
    })
    void exchangesSubmissionQuotaIsTheSendersOwnFullMailboxNotALimitToWaitOut(String pasted) {
        // Microsoft's submission store refuses because the sender's own storage is full: free space, do not wait
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.MEDIUM, pasted);
        assertEquals(Verdict.SERVER_SIDE, d.verdict());
        // the user makes room in their own account: no provider's support desk, no "try again later" next steps
        assertEquals(Actor.YOU, d.actor());
        assertTrue(d.accountToFix());
        assertEquals("Nothing to change in your mail program: you act in your account",
                d.verdictLabel(Locale.ENGLISH));
        assertTrue(d.alternatives().isEmpty(), d.alternatives().toString());
        assertEquals("Your account at the provider: its webmail or account pages", new ClientGuide()
                .locate(MailClient.THUNDERBIRD, d.setting(), d.actor()).menuPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.2.2 The email account that you tried to reach is over quota.",
        "452 4.2.2 Mailbox full",
    })
    void aRecipientsFullMailboxStaysTheRecipients(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting());
    }
}
