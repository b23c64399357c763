package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 25's train misses whose answer is the provider, nothing to change, waiting, an address or the
 * message, each a general meaning: a program that speaks before the server's answer has a fault no setting mends; a
 * local mail program without its own settings file, a name lookup asked in a way the system does not support and a
 * library used before it connected are the program's, not a mail setting; a mail program's exit status 67 (no such
 * user) is the recipient; an empty reply once the message had begun, a sequencing error in a report relayed from the
 * next server and a delivery route written where an address belongs are the server's; an invalid recipient named in
 * any step, a recipient domain said not to exist, a routing failure and a bounce that says "check the address" are
 * the recipient; a message below the server's requirements is the message. Mostly other programs' words than the
 * records.
 */
class Round25ReplyReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP protocol synchronization error (next input sent too soon: pipelining was not advertised): rejected"
                + " \"MAIL FROM:<backup@esx.local>\" H=(esx01) [10.0.0.5]",
        "S: 421 scrypted You talk too soon",
        "Jun  3 10:01:02 mx postfix/smtpd[811]: improper command pipelining after EHLO from cam01[192.168.1.20]:"
                + " MAIL FROM:<cam@home.lan>\\r\\nRCPT TO:<me@home.lan>\\r\\n",
        "554 5.5.0 Error: talking too soon",
    })
    void aProgramThatSpeaksBeforeTheServersAnswerChangesNoSetting(String pasted) {
        explainsAs(Setting.NONE, Confidence.LOW, pasted);
    }

    @Test
    void tlsSentBeforeTheGreetingStaysTheConnectionSecurity() {
        explainsAs(Setting.SECURITY, "SMTP protocol synchronization error (input sent without waiting for greeting):"
                + " rejected connection from H=[10.1.1.1]");
        explainsAs(Setting.SECURITY, "postfix/smtpd[99]: improper command pipelining after CONNECT from unknown[1.2.3.4]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sendmail: account default not found: no configuration file available",
        "msmtp: account default not found: no configuration file available",
        "Oct  1 03:00:01 nas CROND[2210]: sendmail: account default not found: no configuration file available",
        "mail: cannot send message: sendmail: /etc/msmtprc: No such file or directory",
    })
    void aLocalMailProgramWithoutItsSettingsFileIsNoMailSetting(String pasted) {
        explainsAs(Setting.NONE, Confidence.LOW, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "host=smtp.example.com tls=on auth=on errormsg='cannot locate host smtp.example.com: Bad value for ai_flags'"
                + " exitcode=EX_NOHOST",
        "getaddrinfo failed: EAI_BADFLAGS",
        "smtp: cannot resolve mail.example.org: ai_family not supported",
    })
    void aNameLookupAskedInAWayTheSystemCannotAnswerIsTheProgram(String pasted) {
        explainsAs(Setting.NONE, pasted);
    }

    @Test
    void aNameNotFoundStaysAName() {
        assertNotEquals(Setting.NONE, explain("cannot locate host smtp.exmaple.com: Name or service not known").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "MailKit.ServiceNotConnectedException: The SmtpClient must be connected before you can authenticate.",
        "MailKit.ServiceNotConnectedException: The SmtpClient must be connected before you can send a message.",
        "Error: the client must be connected before sending mail",
    })
    void aLibraryUsedBeforeItConnectedIsTheProgram(String pasted) {
        explainsAs(Setting.NONE, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Child process 54611 for <list@lists.example.org> exited with status 67",
        "`/usr/sbin/sendmail -oi -t` exited with code 67",
        "mail delivery failed: sendmail exit status 67 (EX_NOUSER)",
    })
    void aMailProgramsNoSuchUserExitIsTheRecipient(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.LOW, pasted);
    }

    @Test
    void otherExitStatusesAreNotReadAsNoSuchUser() {
        assertNotEquals(Setting.RECIPIENT_ADDRESS, explain("sendmail exited with status 675").setting());
        assertNotEquals(Setting.RECIPIENT_ADDRESS, explain("`/usr/bin/msmtp -oi -t` exited with code 76").setting());
    }

    @Test
    void anEmptyReplyOnceTheMessageHadBegunIsTheServer() {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, "Expected response code 250 but got an empty response"
                + " Log data: >> MAIL FROM:<news@example.com> !! Expected response code 250 but got an empty response");
        assertEquals(Confidence.LOW, d.confidence());
        explainsAs(Setting.CONTACT_PROVIDER, "++ Starting Swift_SmtpTransport\n>> MAIL FROM:<a@example.com>\n"
                + "!! Expected response code 250 but got empty response");
        // with no step named, it stays the greeting's hang-up
        assertNotEquals(Setting.CONTACT_PROVIDER, explain("Expected response code 250 but got an empty response")
                .setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Final-Recipient: rfc822; user@example.net\nAction: failed\nStatus: 5.5.0\nRemote-MTA: dns; mx.example.net\n"
                + "Diagnostic-Code: smtp; 503 5.5.0 Need MAIL before RCPT",
        "host mx.example.net[192.0.2.8] said: 503 5.5.1 Error: need MAIL command (in reply to RCPT TO command)",
    })
    void aSequencingErrorBetweenTwoServersIsTheirs(String pasted) {
        explainsAs(Setting.CONTACT_PROVIDER, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<\"lmtp:[172.19.199.2]:8024\"@lists.example.org>: unknown user: \"lmtp:[172.19.199.2]:8024\"",
        "<\"smtp:[10.0.0.4]:25\"@example.com>: host mail.example.com said: unknown user: \"smtp:[10.0.0.4]:25\"",
        "status=bounced (unknown user: \"lmtp:unix:private/dovecot-lmtp\")",
    })
    void aDeliveryRouteWrittenAsAnAddressIsTheServersSetup(String pasted) {
        explainsAs(Setting.CONTACT_PROVIDER, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Invalid rcptto [@sm070102] at DATA State(Connection IP address:203.0.113.4) invaddr reject",
        "501 5.1.3 Invalid RCPT TO address provided",
        "Error: invalid recipient address <john.doe@@example.com>",
    })
    void anInvalidRecipientNamedInAnyStepIsTheRecipient(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "无法与收件人（admin@example.com）所在服务商建立连接，收件人域名可能不存在。\n"
                + "connect to example.com[93.184.216.34]: Connection timed out (port 25)",
        "Could not reach the recipient's mail provider: the recipient domain may not exist."
                + " connect to example.org[192.0.2.1]:25: Connection timed out",
        "Zustellung fehlgeschlagen: die Empfängerdomain existiert nicht",
    })
    void aRecipientDomainSaidNotToExistIsTheRecipient(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROUTING SERVER FAILURE", "Delivery failed: routing failure for the recipient",
        "Message could not be sent: no route to the recipient's domain (unroutable)"})
    void aRoutingFailureIsTheRecipientsDomain(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.LOW, pasted);
    }

    @Test
    void anUnroutableSenderStaysTheSender() {
        explainsAs(Setting.SENDER_ADDRESS, "550 Sender verify failed: Unrouteable address");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "602 Failed to deliver due to bounce. Check email address.",
        "The message could not be delivered (hard bounce). Please check the recipient's address.",
        "Undeliverable: check the email address and try again",
    })
    void aBounceThatSaysCheckTheAddressIsTheRecipient(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 This message does not meet our delivery requirements",
        "550 Message rejected: this message does not meet our content policy",
        "Error: 554 The message did not meet the server's acceptance criteria",
    })
    void aMessageBelowTheServersRequirementsIsTheMessage(String pasted) {
        explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, Confidence.LOW, pasted);
    }

    @Test
    void guidelinesAboutTheSendingNetworkAreNotTheMessage() {
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain("550-5.7.1 Our system has detected that this message"
                + " does not meet IPv6 sending guidelines regarding PTR records and authentication.").setting());
    }
}
