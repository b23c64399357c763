package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Families of server replies (who refused what, and whether waiting helps), each proven with wordings of several
 * servers and clients rather than the corpus texts the rules were written from: the rules must hold for the meaning,
 * whoever words it.
 */
class ReplyMeaningFamiliesTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    @ParameterizedTest
    @ValueSource(strings = {
        "450 4.2.0 <a@example.org>: Sender address rejected: Greylisted, see https://postgrey.schweikert.ch/",
        "451 4.7.1 Please try again later: you are greylisted (postgrey)",
        "SMTPSenderRefused: (451, b'Sender address rejected: greylisting in effect, retry in 300 seconds')",
    })
    void greylistingIsWaitingEvenWhenTheSenderIsNamed(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.5.1 Error: no valid recipients",
        "Expected response code 354 but got code \"503\", with message \"503 5.5.1 Error: need RCPT command\"",
        "Error: No recipients defined",
    })
    void dataWithoutAnAcceptedRecipientPointsAtTheRecipients(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
        // every recipient refused is as often a relay refusal for want of sign-in: that is the first alternative
        assertEquals(Setting.AUTH_METHOD, d.alternatives().get(0).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "552 5.2.2 <bob@example.net>: Recipient address rejected: Mailbox quota exceeded",
        "550 Mailbox quota exceeded for this recipient",
        "552 bob@example.net has a full mailbox, try again later",
    })
    void aFullRecipientMailboxIsTheRecipientsSide(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "450 4.7.3 Organization queue quota exceeded.",
        "550 5.7.1 Message rejected: hourly sending quota exceeded for this user",
        "421 4.7.0 Too many emails sent too fast from this account, slow down",
        "451 4.7.1 You have exceeded your limit of 200 recipients per hour",
        "550 5.7.0 Sending rate exceeded: at most 60 messages per minute",
        "550 5.2.121 Recipient's hourly message receive limit exceeded",
        "550 5.7.1 Daily message limit exceeded for user",
    })
    void aSendingQuotaOrRateUnderPolicyIsWaiting(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Message blocked by content filter",
        "554 5.6.0 Message rejected: missing required header Message-ID",
        "550 5.6.0 Invalid header syntax in From line",
        "550 Subject is required",
        "Error: Expected smtp code 250, got 552",
        // the same in a structured log's line, long enough that a code in the middle of a sentence counts for less
        "{\"level\":\"error\",\"time\":\"2024-05-01T10:11:12Z\",\"msg\":\"Error: Expected smtp code 250, got 552\"}",
        "552 5.3.4 Error: message size exceeded the limit of this server",
        "554 Transaction failed: maximum message size exceeded",
        "554 5.7.1 This message has been blocked because it contains a banned attachment",
        "System.Net.Mail.SmtpException: Exceeded storage allocation. The server response was: 5.3.4 Message size "
                + "exceeds fixed maximum message size",
    })
    void contentFormatAndSizeAreTheMessage(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "553 5.7.1 <x@other.example>: Sender refused: not a local sender",
        "550 5.7.1 The From address does not match a verified sender identity",
        "550 Domain of sender address a@nowhere.invalid does not exist",
        "554 5.7.1 Incorrect sender header",
    })
    void theSenderWordsPointAtTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<bob@example.net>: host mx.example.net[192.0.2.7] said: 554 5.7.1 Service unavailable; Client host "
                + "[198.51.100.4] blocked using bl.spamcop.net (in reply to RCPT TO command)",
        "Diagnostic-Code: smtp; 550 5.7.1 Your IP 198.51.100.4 is listed at b.barracudacentral.org",
    })
    void aListingReportedAfterTheProviderPassedTheMessageOnIsTheProviders(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 Service unavailable; Helo command [smtp.provider.example] blocked using dbl.spamhaus.org",
        "550 5.7.1 Helo command [relay.example.net] blocked using multi.surbl.org",
    })
    void aListedServerNameIsTheSendingServersNotTheUsersConnection(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using zen.spamhaus.org",
        "550 5.7.1 Client host rejected: listed in dul.dnsbl.sorbs.net (dynamic IP)",
    })
    void aListingInTheDirectAnswerIsTheUsersOwnConnection(String pasted) {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Client host rejected: blacklisted user",
        "554 5.7.1 Sender address blocked by the administrator",
        "550 Your account is blocked for sending; contact support",
        "550 5.7.501 Service unavailable. Spam abuse detected from IP range.",
        "554 5.7.0 Sending suspended for this account",
    })
    void aSenderBlockedByTheProviderIsForTheProvider(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DNS Error: lookup of type MX for nosuchdomain.example failed: recipient domain not found",
        "Delivery failed: MX lookup of example.invalid returned NXDOMAIN",
        "unknown host for recipient <a@example.invalid>",
    })
    void aRecipientDomainWithoutMailServerIsTheRecipientAddress(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Error: Server rejected EHLO. Response: 220 mail.example.com ESMTP Postfix",
        "Send failed: 250 2.0.0 Ok: queued as 4F2A1C0123",
    })
    void aQuotedPositiveReplyIsNoRefusal(String pasted) {
        assertEquals(Setting.NONE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: Greeting never received",
        "[Error: Greeting never received] code: 'ETIMEDOUT'",
    })
    void noGreetingOnAPlainStartPortIsNotAnEncryptionMixUp(String pasted) {
        Diagnosis onSubmission = DIAGNOSER.explain(pasted, ExplainContext.none().withPort(587));
        assertEquals(Setting.NETWORK_OR_FIREWALL, onSubmission.setting(), pasted);
        Diagnosis onImplicitTls = DIAGNOSER.explain(pasted, ExplainContext.none().withPort(465));
        assertEquals(Setting.SECURITY, onImplicitTls.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)",
        "Unhandled 'error' event: Error: read ECONNRESET",
    })
    void aConnectionResetWhileReadingIsWorthRetrying(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Expected response code 250 but got code \"\", with message \"\"",
    })
    void anEmptyReplyAfterTheMessageIsTheServerDroppingTheSession(String pasted) {
        Diagnosis afterData = DIAGNOSER.explain(pasted, ExplainContext.none().withPhase(Phase.END_OF_DATA));
        assertEquals(Setting.WAIT_AND_RETRY, afterData.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.4.1 Recipient address rejected: Access denied. [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]",
        "554 5.7.1 <carol@example.org>: Recipient address rejected: Access denied",
    })
    void aRecipientRefusedByAccessRulesIsTheRecipientNotTheSignIn(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "smtp: failed to send RSET: 502 5.5.2 Error: command not recognized",
        "mail sent, but QUIT command failed: 500 5.5.1 Unrecognized command",
    })
    void anErrorAfterTheMessageWasHandedOverNeedsNoSettingChange(String pasted) {
        assertEquals(Setting.NONE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Diagnostic-Code: smtp; 550 TLS error: hostname mismatch: mx.example.net is not in the cert's altnames: "
                + "DNS:*.example.com",
        "<dave@example.net>: host mx.example.net[192.0.2.9] said: certificate verify failed: self-signed certificate",
        "postfix/smtp[811]: server certificate verification failed for mx1.example.net[192.0.2.9]:25: "
                + "num=62:hostname mismatch",
    })
    void aCertificateProblemReportedAboutTheNextServerIsNotTheUsersSetting(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Swift_TransportException: Expected response code 250 but got code \"\", with message \"\"",
        "Expected response code 250 but got code \"\", with message \"\" Log data: >> MAIL FROM:<a@example.org>",
    })
    void anEmptyReplyIsTheServerHangingUp(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SERVER -> CLIENT: 250 2.1.0 Ok\nCLIENT -> SERVER: RCPT TO:<x@example.net>\nSERVER -> CLIENT: 250 2.1.5 Ok\n"
                + "CLIENT -> SERVER: DATA\nSERVER -> CLIENT: 354 End data with <CR><LF>.<CR><LF>\n"
                + "SERVER -> CLIENT: 554 5.7.1 Message rejected as spam\nSMTP Error: data not accepted.",
        "< 250 2.1.0 Sender OK\n> DATA\n< 354 Go ahead\n< 552 5.3.4 Message size exceeds fixed limit",
    })
    void inATranscriptTheRefusalOutranksTheStepsThatWorked(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }
}
