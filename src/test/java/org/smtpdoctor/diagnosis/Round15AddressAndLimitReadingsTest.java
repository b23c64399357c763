package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 15's misses (web hosting, transactional relays, community software, low-code apps), each
 * written as the general meaning rather than one product's sentence: an address or header line the sending program
 * itself could not build is its sender address; a faulty header in the message is its content, even when the header
 * is a DKIM signature; a pause after too many unknown recipients, an hourly cap and a policy quota are the sender's
 * own limits, while a full mailbox stays the recipient's; a relay that knows the network address but not the
 * sender's domain wants another sender, never an app password; an empty sender is the sender address; a second MAIL
 * on a reused connection is not a sign-in problem; and a mail server's own log showing its setup broken is for
 * whoever runs it. The wordings below are mostly of other libraries, servers and products than the records.
 */
class Round15AddressAndLimitReadingsTest {


    @ParameterizedTest
    @ValueSource(strings = {
        "jakarta.mail.internet.AddressException: Missing final '@domain' in string ``noreply''",
        "javax.mail.internet.AddressException: Domain contains illegal character in string ``me@exa_mple.com''",
        "Caused by: org.eclipse.angus.mail.util.AddressException: Local address starts with dot",
        "554 Transaction failed: Missing final '@domain'",
        "error=\"mail: missing @ in addr-spec\"",
        "gomail: could not send email 1: mail: no angle-addr",
        "level=error msg=\"error sending mail\" error=\"mail: no address\"",
        "System.FormatException: The specified string is not in the form required for an e-mail address.",
        "MimeKit.ParseException: Invalid addr-spec token at offset 0",
        "Symfony\\Component\\Mime\\Exception\\RfcComplianceException: Email \"\" does not comply with addr-spec of"
                + " RFC 2822.",
        "Swift_RfcComplianceException: Address in mailbox given [] does not comply with RFC 2822, 3.6.2.",
        "ArgumentError: SMTP From address may not be blank: nil",
        "email.errors.HeaderParseError: expected atom or quoted-string but found '@'",
        "ValueError: Invalid address \"Support Team\"",
        "ValueError: Invalid address; only noreply@example.org could be parsed from \"noreply@example.org, x\"",
    })
    void anAddressTheProgramCouldNotReadIsMostLikelyItsOwnSenderAddress(String pasted) {
        Diagnosis d = explainsAs(Setting.SENDER_ADDRESS, pasted);
        assertEquals("explain.address.unreadable_in_program", d.ruleId(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
        assertTrue(offers(d, Setting.RECIPIENT_ADDRESS), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Could not add recipient: javax.mail.internet.AddressException: Illegal route-addr in string ``@x''",
        "failed to parse recipient: mail: expected comma",
    })
    void anUnreadableAddressNamedAsARecipientIsTheRecipients(String pasted) {
        Diagnosis d = explainsAs(Setting.RECIPIENT_ADDRESS, pasted);
        assertTrue(offers(d, Setting.SENDER_ADDRESS), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "socket.gaierror: [Errno -5] Failed to send mail: No address associated with hostname",
        "send mail: no address associated with hostname smtp.example.com",
    })
    void aNameWithoutAnAddressStaysAServerNameProblem(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + pasted);
        assertNotEquals("explain.address.unreadable_in_program", d.ruleId(), pasted);
    }

    /**
     * A line break in a header value that the program names as the sender's ("for header 'From'") is the sender
     * setting; .NET's "invalid character", which names neither the header nor a line break, stays with the sender
     * first at low confidence. Unnamed, the value is most often the subject (session 18: six records of round 43 read,
     * see {@code Round40To42ReadingsTest}), so Python's own wording now reads as the message with the sender next.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "django.core.mail.message.BadHeaderError: Header values can't contain newlines (got 'Support\\n"
                + " <noreply@example.org>' for header 'From')",
        "System.FormatException: An invalid character was found in the mail header: '\\n'.",
    })
    void aLineBreakInTheSendersHeaderValueIsTheSenderSetting(String pasted) {
        Diagnosis d = explainsAs(Setting.SENDER_ADDRESS, pasted);
        assertTrue(offers(d, Setting.MESSAGE_CONTENT_OR_SIZE), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Net::SMTPFatalError: 554 Transaction failed: Duplicate header 'Message-ID'.",
        "554 Transaction failed: Illegal header 'X-Campaign id'.",
        "554 Transaction failed: Expected MIME type, got ;",
        "554 Transaction failed: Missing start boundary",
        "550 5.7.1 [SHM] Message has more than one From header",
    })
    void aFaultyHeaderInTheMessageIsItsContent(String pasted) {
        explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
    }

    @Test
    void aDuplicateSignatureHeaderIsTheContentNotTheSenderDomainsAuthentication() {
        String pasted = "SMTPDataError: (554, b\"Transaction failed: Duplicate header 'DKIM-Signature'.\")";
        explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
        assertEquals(Phase.END_OF_DATA, ReplyParser.parse("554 Duplicate header 'DKIM-Signature'").phase()
                .orElseThrow());
        // a real domain-authentication refusal still names the sender
        assertEquals(Setting.SENDER_ADDRESS, explain("550 5.7.26 This message does not pass DMARC: DKIM and SPF"
                + " checks failed").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Dictionary attack detected from your connection",
        "421 4.7.0 Directory harvest attack detected, try again later",
        "SMTP Error: data not accepted. 550 DICTIONARY ATTACK",
    })
    void aPauseAfterTooManyUnknownRecipientsIsWaitingAndCleaningTheList(String pasted) {
        Diagnosis d = explainsAs(Setting.WAIT_AND_RETRY, pasted);
        assertTrue(offers(d, Setting.RECIPIENT_ADDRESS), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 exceeded hour limit, try again in 60 minutes",
        "451 Your domain has hit its day limit of 500 messages",
        "554 Your domain is limited to 300 messages / day",
        "421 Rate limited: 30 messages/hour allowed for new accounts",
        "550 5.7.1 Policy rejection: sending quota exceeded for this account",
        "Policy Rejection - Quota Exceeded",
    })
    void aSendersOwnHourlyOrPolicyQuotaIsWaiting(String pasted) {
        explainsAs(Setting.WAIT_AND_RETRY, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "552 5.2.2 Mailbox quota exceeded",
        "452 4.2.2 The email account that you tried to reach is over quota.",
        "552 Quota exceeded (mailbox for user is full)",
        "Error: Quota exceeded",
    })
    void aQuotaWithoutAPolicyOrSendingWordStaysTheRecipientsMailbox(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Invalid credentials for relay [203.0.113.5]. The IP address you've registered in your Google"
                + " Workspace SMTP Relay service doesn't match domain of the account this email is being sent from."
                + " - gsmtp",
        "com.sun.mail.smtp.SMTPSendFailedException: 550-5.7.1 Invalid credentials for relay [198.51.100.4]. The IP"
                + " address you've 550-5.7.1 registered in your G Suite SMTP Relay service doesn't match domain of"
                + " 550-5.7.1 the account this email is being sent from.",
    })
    void aRelayThatKnowsTheAddressButNotTheSendersDomainWantsAnotherSenderNeverAnAppPassword(String pasted) {
        for (String host : new String[] {null, "smtp-relay.gmail.com", "smtp.gmail.com"}) {
            Diagnosis d = explainAt(pasted, host, null);
            assertEquals(Setting.SENDER_ADDRESS, d.setting(), host + " " + d.ruleId());
            assertEquals(Confidence.MEDIUM, d.confidence(), host);
            assertTrue(offers(d, Setting.AUTH_METHOD), host);
            assertTrue(offers(d, Setting.CONTACT_PROVIDER), host);
        }
    }

    @Test
    void aRelayRefusalWithoutTheDomainWordsIsNeverAnAppPassword() {
        Diagnosis d = explainAt("550 5.7.1 Invalid credentials for relay [203.0.113.5]. - gsmtp", "smtp.gmail.com",
                null);
        assertNotEquals(Setting.APP_PASSWORD, d.setting(), d.ruleId());
        assertNotEquals(Setting.PASSWORD, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 to send email from a blank sender, enable blank senders",
        "553 sorry, your envelope sender is blank",
        "501 5.1.7 Empty sender address is not allowed here",
        "Failed to send: 550 Mail from an empty sender is not accepted (empty MAIL FROM)",
    })
    void anEmptySenderIsTheSenderAddress(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "503 sender already given",
        "503 5.5.0 Sender already specified",
        "SMTPSenderRefused: (503, b'5.5.1 Error: nested MAIL command', 'news@example.org')",
        "Error: 503 5.5.2 Sender already specified",
    })
    void aSecondMailCommandOnAReusedConnectionIsNotASignInProblem(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + pasted);
        assertEquals("explain.protocol.mail_twice", d.ruleId(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.WAIT_AND_RETRY), pasted);
        assertEquals(Phase.MAIL_FROM, ReplyParser.parse(pasted).phase().orElseThrow(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postfix/submission/smtpd[811]: warning: SASL: Connect to private/auth failed: Connection refused",
        "postfix/smtpd[811]: warning: SASL authentication failure: cannot connect to saslauthd server: Permission"
                + " denied",
        "postfix/smtpd[811]: fatal: no SASL authentication mechanisms",
        "postfix/trivial-rewrite[77]: warning: pgsql:/etc/postfix/pgsql-aliases.cf lookup error for \"a@example.org\"",
        "postfix/cleanup[90]: warning: 4F2A1: virtual_alias_maps map lookup problem for a@example.org -- message"
                + " not accepted, try again later",
        "postfix/smtpd[12]: warning: connect to mysql server localhost: Access denied for user 'mail'@'localhost'",
        "exim[3301]: temporarily rejected RCPT <a@example.org>: failed to open /etc/virtual/domains for linear search:"
                + " Permission denied",
    })
    void aMailServersOwnLogShowingItsSetupBrokenIsForWhoeverRunsIt(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Temporary DNS lookup error for smtp.example.com",
        "getaddrinfo ENOTFOUND smtp.example.com: lookup failure",
    })
    void aLookupErrorOutsideTheServersOwnSetupIsNotReadAsIt(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals("explain.server.own_setup_broken", d.ruleId(), pasted);
        assertNotEquals("explain.server.own_map_broken", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postfix/smtpd[811]: warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: authentication failure",
        "postfix/smtpd[811]: warning: SASL authentication failure: Password verification failed",
    })
    void aServerLogOfARefusedPasswordStaysThePassword(String pasted) {
        assertEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }
}
