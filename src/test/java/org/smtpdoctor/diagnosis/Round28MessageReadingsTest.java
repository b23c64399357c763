package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 28's train misses whose answer is the provider, nothing to change, waiting, an address or the
 * message, each a general meaning rather than one record's sentence: an account whose paid package, plan or credit is
 * used up is the provider's to restore; a temporary rate limit on a sending address of low reputation is waiting; a
 * reply asking the sending side's mail administrator to mend its names or block listing is the sending server's
 * operator; a permanent refusal that closes the connection before any message is the server's refusal of the
 * connection; a program that fails on its own before any server answered (a crash, a sending job it could not create)
 * changes no setting; the receiving server's log refusing another named mail server for its reverse name is that
 * server's operator; a challenge to confirm the sender by a link is the receiving side's filter; the reply after a
 * transcript's lone dot answers the end of the message; a server whose own lookup over the web failed (a plugin's
 * "failed with: Invalid status code 404") has a fault in its setup. Mostly other programs' and servers' words than the records.
 */
class Round28MessageReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "535 [E1] Package exceeded",
        "535 Authentication failed: your sending package has been exceeded",
        "554 5.7.1 Your plan limit reached, upgrade to continue sending",
        "550 Account out of credit: top up to send more messages",
        "535 5.7.0 Subscription has expired for this mailbox",
    })
    void anAccountWhosePackageOrCreditIsUsedUpIsTheProvider(String pasted) {
        explainsAs(Setting.CONTACT_PROVIDER, pasted);
    }

    @Test
    void aWrongPasswordStaysThePassword() {
        assertNotEquals(Setting.CONTACT_PROVIDER, explain("535 5.7.8 Error: authentication failed: bad password").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Our system has detected that this message is 421-4.7.0 suspicious due to the very low reputation of the"
                + " sending IP address. 421-4.7.0 To protect our users from spam, mail sent from your IP address has"
                + " 421-4.7.0 been temporarily rate limited. Please visit 421 4.7.0 for more information.",
        "421 4.7.0 Mail from this sending IP has been temporarily rate limited due to its poor reputation of the"
                + " sending IP",
        "451 4.7.650 The mail server [203.0.113.9] has been temporarily rate limited due to IP reputation.",
    })
    void aTemporaryRateLimitOnALowReputationAddressIsWaiting(String pasted) {
        Diagnosis d = explainsAs(Setting.WAIT_AND_RETRY, pasted);
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    @Test
    void theSameLimitReportedByTheSendingServerStaysItsNetwork() {
        // relayed by one's own server: the listed address is that server's, as before
        Diagnosis d = explain("Aug 27 15:04:19 mail postfix/smtp[1612]: 97B425F905: to=<a@gmail.com>, relay=alt1"
                + ".gmail-smtp-in.l.google.com[173.194.72.26]:25, dsn=4.7.0, status=deferred (host alt1.gmail-smtp-in"
                + ".l.google.com[173.194.72.26] said: 421-4.7.0 Our system has detected that this message is"
                + " 421-4.7.0 suspicious due to the very low reputation of the sending IP address. 421-4.7.0 To protect"
                + " our users from spam, mail sent from your IP address has 421-4.7.0 been temporarily rate limited."
                + " (in reply to end of DATA command))");
        assertNotEquals(Setting.WAIT_AND_RETRY, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 <post@example.de>: Recipient address rejected: Mail appeared to be SPAM or forged. Ask your"
                + " Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs; MTA helo:"
                + " mta.example.net",
        "554 5.7.1 Client host rejected: listed at a DNSBL. Ask your mail administrator to get delisted",
        "550 Rejected: your server is on our block list, contact your postmaster",
    })
    void aReplyAskingTheSendingSidesAdministratorIsTheSendingServer(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.2 Service denied, closing transmission channel (SESSIONID)",
        "554 Service denied, closing transmission channel",
        "554 5.7.1 mx.example.com closing transmission channel: connection refused by policy",
    })
    void aPermanentRefusalThatClosesTheConnectionIsTheServersRefusal(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL), d.alternatives().toString());
    }

    @Test
    void aServerClosingForNowStaysWaiting() {
        assertEquals(Setting.WAIT_AND_RETRY, explain("421 Service not available, closing transmission channel")
                .setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[proxy_fcgi:error] AH01071: Got error 'PHP message: PHP Fatal error:  Field width -6072743447921604100 is too"
                + " long in /var/www/vendor/swiftmailer/swiftmailer/lib/classes/Swift/Transport/Esmtp/Auth/"
                + "LoginAuthenticator.php on line 41'",
        "sendmail[4411]: Segmentation fault (core dumped) while sending to smtp.example.com",
        "msmtp[2211]: segfault at 0 ip 00007f3 sp 00007ffd error 4 in libgnutls.so.30",
        "Unable to transport message.  Failed to create SMTP Job",
        "Sending failed: could not create the SMTP job for the outgoing account",
    })
    void aProgramThatFailsOnItsOwnBeforeAnyServerAnsweredChangesNoSetting(String pasted) {
        explainsAs(Setting.NONE, Confidence.LOW, pasted);
    }

    @Test
    void aServersReplyBesideACrashStaysTheReply() {
        assertNotEquals(Setting.NONE, explain("PHP Fatal error:  Uncaught Swift_TransportException: Expected response"
                + " code 250 but got code \"535\", with message \"535 5.7.8 Error: authentication failed\"").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jan  1 19:25:47 mail postfix/smtpd[470]: NOQUEUE: reject: RCPT from unknown[46.30.203.68] 450 4.7.25 Client"
                + " host rejected: cannot find your hostname, [46.30.203.68]; from=<www-data@webmail.example.org>"
                + " to=<user@mydomain.tld> proto=ESMTP helo=<webmail.example.org>",
        "postfix/smtpd[2211]: NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 550 5.7.25 Client host rejected:"
                + " cannot find your reverse hostname, [198.51.100.7]; from=<news@shop.example.com>"
                + " to=<me@example.net> proto=ESMTP helo=<mta1.shop.example.com>",
    })
    void theReceivingServersLogRefusingANamedMailServerForItsReverseNameIsThatServersOperator(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.WAIT_AND_RETRY), d.alternatives().toString());
    }

    @Test
    void aDeviceOnOnesOwnNetworkRefusedForItsReverseNameIsNotAnotherServer() {
        // a printer greeting with an address literal: the log's own client, not somebody else's mail server
        assertNotEquals(Setting.CONTACT_PROVIDER, explain("postfix/smtpd[2717]: NOQUEUE: reject: RCPT from unknown"
                + "[192.0.2.10]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.10];"
                + " from=<printer@example.ru> to=<user@example.ru> proto=ESMTP helo=<[192.0.2.10]>").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(reason: 554 READ THIS: : IMPORTANT ACTION REQUIRED: Delivery will ONLY occur if you click on this link"
                + " https://mail2.example.net/cgi/user.cgi?cmd=r&f=11332596)",
        "550 5.7.1 Your message is held by our challenge-response system: click the link below to release it",
        "451 Sender unknown to the recipient: please confirm that you are a human at https://filter.example.org/c/77",
    })
    void aChallengeToConfirmByALinkIsTheReceivingSidesFilter(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[C] .\n[S] 550-5.7.1 [2001:db8::1      12] Our system has detected\nError: Expected smtp code 250, got 550\n"
                + "\nCould not send mail",
        "CLIENT -> SERVER: .\nSERVER -> CLIENT: 554 5.7.1 Rejected by policy",
        "C: .\nS: 550 5.7.1 Not accepted",
    })
    void theReplyAfterTheLoneDotAnswersTheEndOfTheMessage(String pasted) {
        assertEquals(Optional.of(Phase.END_OF_DATA),
                ReplyParser.parse(pasted).phase(), pasted);
        explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Nov 14 17:28:46 test zone-mta[21023]: (Plugins) \"HTTP Sender Config\" for \"smtp:mail_from\" failed with:"
                + " Invalid status code 404\nNov 14 17:28:46 test node[20825]: ERR! Mail Error: Mail command failed: 442"
                + " Invalid status code 404",
        "mx[311]: sender lookup failed with: Invalid status code 502\nMail command failed: 451 Invalid status code 502",
    })
    void aServerWhoseOwnWebLookupFailedIsTheServersSetup(String pasted) {
        explainsAs(Setting.CONTACT_PROVIDER, pasted);
    }
}
