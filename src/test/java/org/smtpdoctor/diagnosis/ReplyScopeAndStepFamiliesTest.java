package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * What a reply means follows from where it was given and how it is built, not from a word found anywhere: a
 * multi-line reply is one sentence; a relay refusal after the message data, a HELO refusal reported at a later step
 * and a MAIL command the server did not understand each mean something else than the same words at their usual step;
 * a program's generic advice, a web page's HTTP status and another program's log ("sudo: unknown user", an Oracle
 * "SPFILE") are no diagnosis. Each family is worded as several servers and programs word it, not as the corpus does.
 */
class ReplyScopeAndStepFamiliesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // cPanel/Exim ACL, its sentence broken over continuation lines
        "550-Your IP: 203.0.113.7 : Your domain example.org is not allowed in\n550 header From",
        "550-The sender domain example.org is\n550 not allowed to send from this server",
        // Gmail-style wording with the enhanced code on every line
        "host mx.example.net[192.0.2.1] said: 550-5.7.26 This message does not pass authentication checks. The"
                + " sender must\n550-5.7.26 authenticate with SPF or DKIM\n550 5.7.26 and align with DMARC.",
    })
    void aMultiLineReplyReadsAsOneSentence(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @Test
    void continuationCodesAreDroppedOnlyInsideAMultiLineReply() {
        assertEquals("550-is not allowed in\nheader From",
                ReplyParser.joinContinuations("550-is not allowed in\n550 header From"));
        assertEquals("250 OK\n550 refused", ReplyParser.joinContinuations("250 OK\n550 refused"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 <END-OF-MESSAGE>: End-of-data rejected: Relaying denied for user alice",
        "smtplib.SMTPDataError: (554, b'5.7.1 Relay access denied')",
        "550 5.7.1 Unable to relay (in reply to end of DATA command)",
    })
    void aRelayRefusalAfterTheMessageIsTheServersPolicyNotAMissingSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals(Verdict.SERVER_SIDE, d.verdict(), pasted);
    }

    @Test
    void aRelayRefusalAtTheRecipientStillAsksForSignIn() {
        assertEquals(Setting.AUTH_METHOD, explain("554 5.7.1 <bob@example.net>: Relay access denied").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTPRecipientsRefused: {'bob@example.net': (550, b'5.7.1 <DESKTOP-4HJ2K>: Helo command rejected: Access"
                + " denied')}",
        "host mx.example.net[192.0.2.1] said: 550 Invalid HELO name (See RFC2821 4.1.1.1) (in reply to RCPT TO"
                + " command)",
        "550 5.7.1 <localhost>: Helo command rejected: Go away (in reply to RCPT TO command)",
    })
    void aHeloRefusalReportedAtALaterStepIsAboutTheComputerName(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertTrue(d.title().contains("name your computer"), d.title());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "failed to issue MAIL command: 502 5.5.2 Error: command not recognized",
        "C: MAIL FROM:<a@example.org> SIZE=1200\nS: 500 5.5.1 Command unrecognized: \"MAIL FROM:<a@example.org>\"",
        "smtplib.SMTPSenderRefused: (500, b'Syntax error, command unrecognized', 'a@example.org')",
    })
    void aMailCommandTheServerDidNotUnderstandIsNoSenderProblem(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @Test
    void aRefusedSenderAtTheMailCommandIsStillTheSender() {
        assertEquals(Setting.SENDER_ADDRESS,
                explain("failed to issue MAIL command: 553 5.7.1 Sender address rejected: not owned by user")
                        .setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sorry, this message could not be sent. Please try again, and make sure your message is addressed correctly",
        "Message could not be sent. Please check the recipients and make sure the message is not too large.",
    })
    void aProgramsGenericAdviceIsNoSizeDiagnosis(String pasted) {
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @Test
    void aSizeRefusalIsStillTheSize() {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain("552 5.3.4 Message size exceeds fixed limit").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AxiosError: Request failed with status code 500",
        "Error sending test mail: HTTP status 400 (Bad Request)",
        "Request failed: HTTP error 502 Bad Gateway",
    })
    void aWebPagesHttpStatusIsNotTheMailServersReply(String pasted) {
        assertTrue(ReplyParser.parse(pasted).code().isEmpty(), pasted);
        assertNotEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sudo: unknown user: www-data",
        "useradd: unknown user nobody",
        "id: 'bob': no such user",
        "ORA-32001: write to SPFILE requested but no SPFILE is in use",
        "startup failed: could not open parameter file spfileORCL.ora",
    })
    void anotherProgramsLogIsNotRecognised(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertTrue(ReplyParser.parse(pasted).phase().isEmpty(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Recipient address rejected: User unknown in local recipient table",
        "550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown",
        "Delivery failed: no such user bob@example.net",
    })
    void theSameWordsInAMailReplyStillNameTheRecipient(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Sender prohibited by SPF",
        "554 rejected: spf=fail",
        "550 5.7.23 The message was rejected because of Sender Policy Framework violation (SPF fail)",
    })
    void spfAsAWordIsStillDomainAuthentication(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @Test
    void aHintMarkedAtAWordEdgeMatchesOnlyThere() {
        assertTrue(Rule.mentions("sender prohibited by spf", "\\bspf\\b"));
        assertTrue(Rule.mentions("spf=fail", "\\bspf\\b"));
        assertFalse(Rule.mentions("no spfile is in use", "\\bspf\\b"));
        assertTrue(Rule.mentions("greylisted, try later", "greylist"));
        assertEquals("spf", Rule.words("\\bspf\\b"));
    }
}
