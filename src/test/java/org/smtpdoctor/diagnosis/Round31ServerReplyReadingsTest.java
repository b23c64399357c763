package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 31's quarter of fresh moved to train, for the provider, sender, recipient, waiting and message
 * settings, each a general meaning: Exchange's delivery-restriction codes (5.7.129 to 5.7.136, RESOLVER.RST) say the
 * recipient group or mailbox lets only some senders in, which its owner decides, not a sign-in of the sender's; a
 * server "temporarily rate limited" for reputation, NetEase's documented frequency codes (HL:ICC, MI:DMC, RP:QRC …)
 * and a 421 "closing transmission channel" are waiting matters; a program's "temporary delivery error" is its own
 * soft fail; RFC 3463's X.3.4 is the message's size at whatever step; a session size over the maximum is size too;
 * curl's "RCPT failed: 553" names the recipient step; a recipient "known to bounce" is a suppressed address; a body
 * named in a refusal and Barracuda's intent (link) list are the content; a sender that "does not conform with
 * authentication", an unverified sender (Tencent Cloud's NotAuthenticatedSender) and a required "valid sender
 * domain" are the sender; OSSEC's refused MAIL FROM on the computer's own server (which needs no sign-in) is the
 * sender address.
 */
class Round31ServerReplyReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "#< #5.7.133 smtp;550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery"
                + " restriction check failed because the sender was not authenticated when sending to this group>"
                + " #SMTP#",
        "Remote Server returned '554 5.7.0 < #5.7.133 smtp;550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup;"
                + " authentication required>'",
        "550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox; authentication required",
        "550 5.7.129 RESOLVER.RST.RestrictedToRecipientsPermission; not authorized to send to recipient",
        "Your message couldn't be delivered: delivery restriction check failed, the group only accepts mail from"
                + " people inside the organisation",
    })
    void deliveryRestrictionsOfARecipientGroupAreItsOwnersToLift(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.MEDIUM, pasted);
        assertNotEquals(Setting.AUTH_METHOD, d.setting());
        // a group's delivery restrictions are the organisation's to lift, and the next things to try fit a group
        assertEquals(Actor.ADMIN, d.actor());
        assertEquals(List.of(Setting.RECIPIENT_ADDRESS, Setting.AUTH_METHOD),
                d.alternatives().stream().map(Alternative::setting).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "4.7.650 The mail server [192.0.2.6] has been temporarily rate limited due to IP reputation. For e-mail"
                + " delivery information, see https://postmaster.live.com (S775)",
        "451 4.7.650 The mail server [198.51.100.7] has been temporarily rate limited due to IP reputation.",
        "Your server has been temporarily rate-limited; try again in an hour",
    })
    void aServerTemporarilyRateLimitedWaits(String pasted) {
        explainsAs(Setting.WAIT_AND_RETRY, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"554 HL:ICC", "421 HL:IFC 163 smtp14", "450 MI:DMC 163 smtp3", "451 MI:SFQ 163",
        "550 RP:TRC 163 smtp9", "451 RP:QRC 126 smtp2"})
    void neteaseFrequencyCodesWait(String pasted) {
        explainsAs(Setting.WAIT_AND_RETRY, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"550 MI:IMF 163 smtp2", "554 DT:SUM 163 smtp7"})
    void neteaseSenderCodesAreTheSender(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "error sending message in campaign x: subscriber 31: 421 Service not available, closing transmission"
                + " channel.\nerror sending message in campaign x: subscriber 29: EOF",
        "421 mx.example.net Service not available, closing transmission channel\nread: EOF",
    })
    void aServerClosingTheChannelWithA421Waits(String pasted) {
        explainsAs(Setting.WAIT_AND_RETRY, pasted);
    }

    @Test
    void aNetworkReadTimeoutStillReadsAsBefore() {
        // without the program's own "temporary" words, a read timeout is not turned into waiting
        assertNotEquals(Setting.WAIT_AND_RETRY, explain("Net::ReadTimeout with #<TCPSocket:(closed)>").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SOFT FAIL\nTemporary SMTP delivery error when sending to mx.example.net (192.0.2.91)\nNet::ReadTimeout",
        "Temporary delivery error when sending to mx.example.org: Net::ReadTimeout",
        "temporary delivery failure for user@example.com: read timed out",
    })
    void aProgramsOwnTemporaryDeliveryErrorWaits(String pasted) {
        explainsAs(Setting.WAIT_AND_RETRY, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Google tried to deliver your message, but it was rejected by the recipient domain. The error that the other"
                + " server returned was: 552 552 5.3.4 Error: message file too big (state 18).",
        "The recipient's server refused it: 552 5.3.4 Message size exceeds fixed limit",
        "552 4.3.1 Session size exceeds fixed maximum session size",
    })
    void theMessagesSizeIsTheMessageAtAnyStep(String pasted) {
        explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Warning: Error in curl_fetch_memory: RCPT failed: 553",
        "curl: (55) RCPT failed: 550",
    })
    void curlsRcptFailedIsTheRecipientStep(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 : Recipient address rejected: policy rejection: someone@example.br: recipient is known to bounce",
        "550 5.1.1 the recipient address is known to bounce and was suppressed",
    })
    void aRecipientKnownToBounceIsTheRecipient(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "com.sun.mail.smtp.SMTPSendFailedException: 550-5.7.1 This message has been rejected due to matching a"
                + " prohibited domain in 550 5.7.1 the body of your email. - gsmtp",
        "550 5.7.1 Something in the body of your message looks unsafe to us",
    })
    void aRefusalNamingTheBodyIsTheContent(String pasted) {
        explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Your emails are being blocked due to a bad link, the URL example DOT org. The domain name example.org is"
                + " listed on Barracuda's Intent Block List.",
        "554 Message blocked: a link in it is on the Intent Blocklist; remove the URL and send again",
    })
    void aListedLinkInTheMessageIsTheContent(String pasted) {
        explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "440 mail from account doesn't conform with authentication",
        "440 mail from account doesn't conform with authentication (Auth Account:a@example.com|Mail Account:"
                + "b@example.com)",
        "553 sender does not conform to authentication",
    })
    void aSenderNotConformingWithTheSignInIsTheSender(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.0.0 Error: transaction failed: {\"Error\":{\"Code\":\"FailedOperation.NotAuthenticatedSender."
                + "操作失败。发件sender没有经过认证，无法发送。\"}}",
        "FailedOperation.NotAuthenticatedSender",
        "554 Sender is not verified for this account",
    })
    void anUnverifiedSenderIsTheSender(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 [permfail] bellsouth.net requires valid sender domain",
        "550 5.7.1 This server requires a valid sender domain",
    })
    void aRequiredValidSenderDomainIsTheSender(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @Test
    void ossecsRefusedMailFromOnItsOwnComputerIsTheSender() {
        String pasted = "ossec-maild: DEBUG: Running OS_Sendmail()\nos_sendmail(1764): WARN: Mail from not accepted"
                + " by server\nossec-maild(1223): ERROR: Error Sending email to 127.0.0.1 (smtp server)";
        Diagnosis d = explainAt(pasted, "127.0.0.1", null);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        // on another server, which wants a sign-in OSSEC cannot give, the reading stays the sign-in
        Diagnosis remote = explainAt(pasted.replace("127.0.0.1", "smtp.example.com"), "smtp.example.com", 25);
        assertNotEquals(Setting.SENDER_ADDRESS, remote.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550, Expected response code \"250/251/252\" but got code \"550\", with message \"550-The mail server could"
                + " not deliver mail to info@example.invalid.  The \n550-account or domain may not exist, they may be"
                + " blacklisted, or missing the\n550 proper dns entries.\"",
        "550 The mail server could not deliver mail to a@example.invalid. The account or domain may not exist, they"
                + " may be blacklisted, or missing the proper dns entries.",
    })
    void anAccountOrDomainThatMayNotExistIsTheRecipientBeforeAnyListing(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Aug 17 02:00:08 mail postfix/error[7376]: C250A23B133: to=<a@example.com>, relay=none, delay=5012,"
                + " dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to 127.0.0.1[127.0.0.1]:10024:"
                + " Connection refused)",
        "postfix/smtp[123]: 4F1: to=<b@example.org>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to"
                + " 127.0.0.1[127.0.0.1]:10025: Connection refused)",
    })
    void aMailServersOwnFilterDownIsForWhoeverRunsTheServer(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, Confidence.LOW, pasted);
        assertEquals(Actor.ADMIN, d.actor());
    }

    @Test
    void aProgramPointedAtItsOwnComputerIsStillTheServerName() {
        // not a mail server's log: the program's own server setting points at this computer
        assertNotEquals(Setting.CONTACT_PROVIDER,
                explain("connect to 127.0.0.1:10024 failed: Connection refused").setting());
    }

    @Test
    void aMissingReverseNameOffersTheServersOwnerNext() {
        Diagnosis d = explainsAs(Setting.NETWORK_OR_FIREWALL, "451 Bad reverse DNS.");
        org.junit.jupiter.api.Assertions.assertTrue(Pasted.offers(d, Setting.CONTACT_PROVIDER),
                d.alternatives().toString());
    }
}
