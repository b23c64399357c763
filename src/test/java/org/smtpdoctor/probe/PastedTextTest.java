package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What copying adds to a pasted error comes out again; the words, their order and the line breaks stay. */
class PastedTextTest {

    static Stream<Arguments> copied() {
        return Stream.of(
                Arguments.of("no-break and narrow spaces", "535\u00a05.7.8\u202fAuthentication\u3000failed",
                        "535 5.7.8 Authentication failed"),
                Arguments.of("invisible characters", "535 5.7.8 Auth\u200bentication\u00ad failed\uFEFF",
                        "535 5.7.8 Authentication failed"),
                Arguments.of("curly quotes", "Login to server \u201csmtp.example.org\u201d didn\u2019t work",
                        "Login to server \"smtp.example.org\" didn't work"),
                Arguments.of("HTML escapes of a page's source",
                        "550 5.1.1 &lt;bob@example.org&gt;: Recipient &quot;bob&quot; &#39;x&#39; &amp;amp;",
                        "550 5.1.1 <bob@example.org>: Recipient \"bob\" 'x' &amp;"),
                Arguments.of("numeric escapes beside a named one", "&lt;a&gt; &#8217;s &#x2019;s &#160;x",
                        "<a> 's 's  x"),
                Arguments.of("no named escape: an ampersand stays", "user&#39;s A&B", "user&#39;s A&B"),
                Arguments.of("terminal colours", "\u001b[31mError\u001b[0m: \u001b[1;33m535\u001b[m failed",
                        "Error: 535 failed"),
                Arguments.of("terminal colours without their escape", "[31mError[0m: 535 failed [5m]",
                        "Error: 535 failed ]"),
                Arguments.of("a bracketed word without a reset stays", "retry in [5m]", "retry in [5m]"),
                Arguments.of("a JSON string's escapes",
                        "{\"message\":\"Invalid login: 535-5.7.8 \\\"Username\\\" not accepted.\\r\\n535 5.7.8 Learn\\u00e9\\/x\"}",
                        "{\"message\":\"Invalid login: 535-5.7.8 \"Username\" not accepted.\n535 5.7.8 Learn\u00e9/x\"}"),
                Arguments.of("a log's line breaks without a string around them",
                        "at C:\\\\Users\\\\tom\\\\app.js\\n535 failed", "at C:\\\\Users\\\\tom\\\\app.js\n535 failed"),
                Arguments.of("an escaped backslash before n stays one", "C:\\\\new \\\"x\\\"", "C:\\new \"x\""),
                Arguments.of("Windows line ends, old Mac ones and Windows text converted twice",
                        "a\r\nb\rc\r\r\nd\r\re", "a\nb\nc\nd\n\ne"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copied")
    void copyingIsUndone(String name, String pasted, String plain) {
        assertEquals(plain, PastedText.plain(pasted));
    }

    @Test
    void aQuotedReplyLosesItsMarksAtEveryLevel() {
        assertEquals("Sending failed:\n550 5.7.1 Relaying denied\n\nthanks\nmy own words",
                PastedText.plain("> > Sending failed:\n> > 550 5.7.1 Relaying denied\n>\n> thanks\nmy own words"));
    }

    @Test
    void aTranscriptKeepsItsDirectionMarks() {
        String curl = "> EHLO me\n< 250-smtp.example.org\n< 250 AUTH PLAIN\n> AUTH PLAIN <redacted>\n< 535 failed";
        assertEquals(curl, PastedText.plain(curl));
        // with no server line marked "<", a ">" is read as a quoting mark: the command stays a command
        assertEquals("EHLO me\nerror: connection closed", PastedText.plain("> EHLO me\nerror: connection closed"));
    }

    @Test
    void aCodeBlockLosesItsFencesQuotedOrNot() {
        assertEquals("535 5.7.8 failed\n", PastedText.plain("```text\n535 5.7.8 failed\n```"));
        assertEquals("535 5.7.8 failed\n", PastedText.plain("> ```\n> 535 5.7.8 failed\n> ```"));
        assertEquals("see ``` inline", PastedText.plain("see ``` inline"));
    }

    @Test
    void aWindowsMessageBoxKeepsItsTitleAndTextNotItsFrameOrButtons() {
        String dashes = "---------------------------";
        String box = dashes + "\nMicrosoft Outlook\n" + dashes + "\nThe server could not be found. (Account: 'x',"
                + " SMTP Server: 'smtp.example.org', Error Number: 0x800CCC0D)\n" + dashes + "\nOK   \n" + dashes + "\n";
        assertEquals("Microsoft Outlook\nThe server could not be found. (Account: 'x', SMTP Server: 'smtp.example.org',"
                + " Error Number: 0x800CCC0D)", PastedText.plain(box));
        String table = dashes + "\nport 587\n" + dashes; // dashes that frame no message box stay
        assertEquals(table, PastedText.plain(table));
    }

    @Test
    void lineBreaksOfEveryKindStayLineBreaks() {
        assertEquals("a\nb\nc\nd", PastedText.plain("a\r\nb\u2028c\u2029d"));
    }

    @Test
    void plainTextIsLeftAsItIs() {
        String t = "Error: Invalid login: 535-5.7.8 Username and Password not accepted.\n  at SMTPConnection (x.js:1)";
        assertEquals(t, PastedText.plain(t));
        assertEquals(t, PastedText.plain(PastedText.plain(t)));
        assertEquals("", PastedText.plain(null));
    }
}
