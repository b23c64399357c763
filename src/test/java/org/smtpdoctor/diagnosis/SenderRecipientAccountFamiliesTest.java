package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Who refused what, read from the meaning of a reply: the provider's hold on the account, a sending service's test
 * mode, a sender identity that is not set up, a suppressed recipient, a wrapper sentence without any code, and a
 * delivery report about the next server. Each family is proven with the wording of several servers, services and
 * programs, not with the corpus texts the rules were written from.
 */
class SenderRecipientAccountFamiliesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.1.8 Access denied, bad outbound sender. AS(42004)",
        "554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; WASCL UserAction verdict is not None."
                + " Actual verdict is Suspend",
        "Message rejected: Sending paused for this account. For more information, check your sending console.",
        "550 Unable to send email. Your SMTP account is not yet activated. Contact support to activate it.",
        "554 5.7.1 Email outgoing blocked for this account",
        "550 5.7.1 Your account has been deactivated, contact support",
        "421 Insufficient credits to send this message",
        "554 Message rejected: Account is paused",
        "Your message couldn't be delivered because you weren't recognized as a valid sender: your email address is"
                + " suspected of sending spam and it's no longer allowed to send messages outside of your organization.",
    })
    void theProvidersHoldOnTheAccountIsForTheProvider(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals(Verdict.SERVER_SIDE, d.verdict(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Forbidden: Domain sandbox123.mailgun.org is not allowed to send: Free accounts are for test purposes only."
                + " Please upgrade or add the address to authorized recipients in Account Settings.",
        "Your account is pending approval; until then you can only send to addresses in your own domain",
        "554 Message rejected: this account is still in the sandbox, request production access to send to"
                + " unverified recipients",
        "You can only send testing emails to your own email address (me@example.org).",
    })
    void aSendingServiceInTestModeIsSetUpAtTheService(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals("explain.account.sandbox", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Sending domain is not verified for this account",
        "422 The From address is not a confirmed Sender Signature",
        "550 5.7.0 Unverified domain: example.org",
        "553 Your domain example.org is not allowed in header From",
        "550 You are not allowed to send from this address",
        "550 5.7.1 Envelope sender domain does not match authenticated domain",
        "553 Mail from bob@example.org rejected: sender domain not permitted",
        "Sender not authorized",
        "Domain example.com is not allowed to send: The domain is unverified and requires DNS configuration.",
        "The From email address is not validated",
    })
    void aSenderIdentityThatIsNotSetUpIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 The recipient address is on the suppression list",
        "554 Message rejected: recipient address blacklisted by the sending service",
        "550 5.1.1 This address has previously bounced and is suppressed",
        "You tried to send to recipient(s) that have been marked as inactive: they generated a hard bounce.",
    })
    void aSuppressedRecipientIsTheRecipientNotTheNetwork(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The message could not be sent: at least one recipient was refused",
        "Can't send mail - all recipients were rejected",
        "Cannot Send Mail. The recipient “bob@example.org” was rejected by the server.",
        "Your message wasn't delivered to bob@example.org because the address couldn't be found",
        "Delivery has failed to these recipients or groups: bob@example.org. The email address you entered couldn't"
                + " be found.",
        "<bob@example.org>: host lmtp[private/dovecot-lmtp] said: 550 5.1.1 <bob@example.org> User doesn't exist"
                + " (in reply to end of DATA command)",
    })
    void aRecipientRefusalIsRecognisedWithoutAnyCode(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The sender was refused by the server.",
        "Error: sender address not accepted",
        "host mx.example.org said: 555 5.5.2 Syntax error (in reply to MAIL FROM command)",
    })
    void aSenderRefusalIsRecognisedWithoutAnyCode(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This message was created automatically by mail delivery software.\n\nA message that you sent could not"
                + " be delivered to one or more of its recipients. This is a permanent error. The following"
                + " address(es) failed:\n\n  bob@example.org\n    retry timeout exceeded",
        "This is the mail system at host mail.example.net.\n\nI'm sorry to have to inform you that your message"
                + " could not\nbe delivered to one or more recipients.\n\n<bob@example.org>: connect to"
                + " mx.example.org[192.0.2.1]:25: Connection timed out",
        "Delivery to the following recipient failed permanently:\n\n     bob@example.org\n\nTechnical details of"
                + " permanent failure:\nThe error that the other server returned was: Connection refused",
    })
    void aDeliveryReportAboutTheNextServerIsNoConnectionSetting(String pasted) {
        Diagnosis d = explain(pasted);
        // the provider's server accepted the message: port, security and network of this program were fine
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals("explain.report.next_server_unreachable", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Administrative prohibition",
        "550 5.7.520 Access denied, Your organization does not allow external forwarding",
        "Your message can't be delivered because delivery to this address is restricted.",
        "550 5.7.1 RESOLVER.RST.AuthRequired; the group only accepts messages from people in its organization",
    })
    void aPolicyOfTheReceivingSideIsNoAddressOfYours(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The recipient server did not accept our requests to connect. Learn more at"
                + " https://support.google.com/mail/answer/7720",
        "Despite repeated attempts to deliver your message, the recipient's email system refused to accept a"
                + " connection from your email system.",
    })
    void aReportThatTheNextServerRefusedTheConnectionIsNoSettingOfYours(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @Test
    void aRefusalWordedWithoutCodeIsStillRecognisedByItsMeaning() {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain("Too many recipients").setting());
        assertEquals(Setting.WAIT_AND_RETRY, explain("Service temporarily unavailable").setting());
    }

    @Test
    void anEndOfDataPolicyIsTheProvidersUnlessTheContentIsNamed() {
        assertEquals(Setting.CONTACT_PROVIDER, explain("554 5.7.1 <END-OF-MESSAGE>: End-of-data rejected: Recipient"
                + " bob@example.org. Access denied.").setting());
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain("554 5.7.1 <END-OF-MESSAGE>: End-of-data rejected:"
                + " message contains spam").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Package out for delivery",
        "HTTP client: the 'Accept' header was ignored",
    })
    void everydayWordsNearTheseFamiliesStayUnrecognised(String text) {
        assertEquals(Verdict.NOT_RECOGNISED, explain(text).verdict(), text);
    }

    @Test
    void aBlockListEntryQuotedInAProvidersBounceIsTheProvidersServer() {
        // the provider's outgoing server was judged, not the user's own connection
        assertEquals(Setting.CONTACT_PROVIDER, explain("Message not delivered. There was a problem delivering your"
                + " message to bob@example.org. The response was: 554 5.7.1 Service unavailable; Client host"
                + " [203.0.113.9] blocked using zen.spamhaus.org").setting());
    }

    @Test
    void aSyntaxRefusalOutsideTheSenderStepPointsAtTheRecipient() {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain("555 5.5.2 Syntax error in parameters").setting());
    }

    /**
     * The From header is written from the program's sender setting: both corpus records of it were fixed there (one
     * labelled the message, with the sender address accepted; round 23's the sender address).
     */
    @Test
    void aMessageWithoutFromHeaderIsTheSenderSetting() {
        assertEquals(Setting.SENDER_ADDRESS, explain("554 Rejected: no From header in message").setting());
    }

    @Test
    void aRemoteProtocolErrorIsNotASetting() {
        assertEquals(Setting.CONTACT_PROVIDER, explain("sendmail: Remote protocol error (exit status 76)").setting());
    }

    @Test
    void aVersionNumberIsNoEnhancedCode() {
        assertTrue(ReplyParser.parse("Error at /app/versions/5.49.0/core/mailer.js").enhanced().isEmpty());
        assertEquals("5.7.1", ReplyParser.parse("550 5.7.1 refused").enhanced().orElseThrow().toString());
    }

    @Test
    void librariesNamingTheRefusedCommandGiveTheStep() {
        assertEquals(Phase.MAIL_FROM, ReplyParser.parse("Error: Mail command failed: 553 5.7.1 not owned by user")
                .phase().orElseThrow());
        assertEquals(Phase.RCPT_TO, ReplyParser.parse("Error: Recipient command failed: 550 No such user")
                .phase().orElseThrow());
        assertEquals(Phase.END_OF_DATA, ReplyParser.parse("Error: Message failed: 554 5.7.1 rejected")
                .phase().orElseThrow());
        assertEquals(Phase.RCPT_TO, ReplyParser.parse("SmtpCommandException: Mailbox unavailable\n   at"
                + " MailKit.Net.Smtp.SmtpClient.OnRecipientNotAccepted(MimeMessage message)").phase().orElseThrow());
    }

    @Test
    void swiftsDataExpectationNamesTheDataStep() {
        assertEquals(Phase.DATA, ReplyParser.parse("Expected response code 354 but got code \"451\"").phase()
                .orElseThrow());
    }
}
