package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * A multi-line greeting's banner (cPanel's Exim: "We do not authorize the use of this system to transport unsolicited,
 * and/or bulk e-mail.") is said to every client before anything happens: its words are no refusal of the message and
 * name no step.
 */
class GreetingBannerTest {

    private static final String CPANEL_PHPMAILER = """
            SMTP Error: Could not authenticate.
            Connection: opening to ssl://mail.example.org:465, timeout=300
            Connection: opened
            SMTP INBOUND: "220-server12.example-hosting.com ESMTP Exim 4.96 #2 Tue, 03 Oct 2023 10:01:12 +0000"
            SMTP INBOUND: "220-We do not authorize the use of this system to transport unsolicited,"
            SMTP INBOUND: "220 and/or bulk e-mail."
            SERVER -> CLIENT: 220-server12.example-hosting.com ESMTP Exim 4.96 #2 Tue, 03 Oct 2023 10:01:12 +0000""";

    @ParameterizedTest
    @ValueSource(strings = {
            CPANEL_PHPMAILER,
            """
            2023-10-03 10:01:12 SERVER -> CLIENT: 220-server12.example-hosting.com ESMTP Exim 4.96 #2
            2023-10-03 10:01:12 SERVER -> CLIENT: 220-We do not authorize the use of this system to transport unsolicited,
            2023-10-03 10:01:12 SERVER -> CLIENT: 220 and/or bulk e-mail.
            2023-10-03 10:01:12 CLIENT -> SERVER: EHLO localhost
            2023-10-03 10:01:22 SMTP ERROR: EHLO command failed: 
            2023-10-03 10:01:22 SMTP Error: Could not connect to SMTP host.""",
            """
            reply: b'220-host.example-hosting.com ESMTP Exim 4.95 #2 Mon, 01 May 2023 09:00:00 +0000 \\r\\n'
            reply: b'220-We do not authorize the use of this system to transport unsolicited, \\r\\n'
            reply: b'220 and/or bulk e-mail.\\r\\n'
            smtplib.SMTPServerDisconnected: Connection unexpectedly closed""",
            // old PHPMailer prints a multi-line reply on one line
            """
            SMTP -> FROM SERVER:220-server9.example-hosting.com ESMTP Exim 4.92 #2 Wed, 03 Jul 2019 10:26:43 -0400\
             220-We do not authorize the use of this system to transport unsolicited, 220 and/or bulk e-mail.
            SMTP -> FROM SERVER: 250-server9.example-hosting.com Hello example.org 250-SIZE 52428800 250 HELP
            SMTP -> ERROR: Password not accepted from server: 535 Incorrect authentication data""",
            // the greeting's code lost, its continuation lines run together with the server's name
            """
            SERVER ->  ESMTP Exim 4.87 #1 Wed, 14 Sep 2016 09:58:45 +0000 220-We do not authorize the use of this\
             system to transport unsolicited, 220 and/or bulk e-mail.
            CLIENT -> SERVER: AUTH LOGIN
            SERVER -> CLIENT: 535 Incorrect authentication data
            SMTP ERROR: Password command failed: 535 Incorrect authentication data"""})
    void aBannersWordsAreNoContentRefusal(String pasted) {
        Diagnosis d = Pasted.explain(pasted);
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting(), () -> d.ruleId() + ": " + pasted);
        assertNotEquals(Optional.of(Phase.END_OF_DATA), ReplyParser.parse(pasted).phase());
    }

    @Test
    void theRulesDoNotReadTheBannerButKeepTheServersNameAndTheLogsMarks() {
        String words = ReplyParser.wordsOf(CPANEL_PHPMAILER).toLowerCase(Locale.ROOT);
        assertFalse(words.contains("unsolicited"), words);
        assertFalse(words.contains("bulk e-mail"), words);
        assertTrue(words.contains("220-server12.example-hosting.com esmtp exim"), words);
        assertTrue(words.contains("smtp inbound:"), words);
    }

    @Test
    void aRefusalOfTheMessageAfterTheBannerIsStillRead() {
        Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, """
                S: 220-mx.example-hosting.com ESMTP Exim 4.96
                S: 220-We do not authorize the use of this system to transport unsolicited,
                S: 220 and/or bulk e-mail.
                C: EHLO client.example.org
                S: 250 mx.example-hosting.com Hello
                C: DATA
                S: 354 Enter message, ending with "." on a line by itself
                S: 550 5.7.1 Message rejected as spam by content filter""");
    }

    @Test
    void aGreetingOnOneLineEndsAtTheNextReplyOrCommand() {
        String oneLine = "220-mx.example.org ESMTP Exim 220-We do not authorize the use of this system to transport"
                + " unsolicited, 220 and/or bulk e-mail. EHLO client 250 mx Hello 535 Incorrect authentication data";
        String words = ReplyParser.wordsOf(oneLine);
        assertFalse(words.contains("unsolicited"), words);
        assertTrue(words.startsWith("220-mx.example.org ESMTP Exim EHLO client 250 mx Hello 535"), words);
    }

    @Test
    void aOneLineGreetingAndOtherRepliesKeepTheirWords() {
        String single = "220 mail.example.org ESMTP ready\n535 5.7.8 Error: authentication failed: bad credentials";
        assertEquals(ReplyParser.wordsOf(single.replace("\n", " ")), ReplyParser.wordsOf(single));
        String other = "250-mail.example.org\n250-SIZE 10240000\n250 AUTH PLAIN LOGIN";
        assertTrue(ReplyParser.wordsOf(other).contains("AUTH PLAIN LOGIN"));
    }
}
