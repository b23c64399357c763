package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.HostilePastes;

/**
 * Text that is no mail error gets "not recognised", never a verdict and never "works"; any input, however long,
 * repetitive or binary, gets an answer (how fast: {@code ExplainBenchmark}). The negative texts are our own,
 * obviously not mail errors.
 */
class NotRecognisedTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    /**
     * A guard against a reader that never returns (a regular expression backtracking without end, a recursion), not
     * a speed target: {@code ExplainBenchmark} times these inputs against the target of well under a second, where
     * a busy machine cannot fail the build.
     */
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    static List<String> notMailErrors() {
        return List.of(
                "hello world",
                "it does not work",
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.",
                "Milk, eggs, 2 loaves of bread, coffee beans",
                "{\"name\": \"Alice\", \"age\": 30, \"tags\": [\"a\", \"b\"]}",
                "https://example.org/some/page?query=value&other=thing",
                "127.0.0.1 - - [10/Oct/2024:13:55:36 +0000] \"GET /index.html HTTP/1.1\" 200 2326 \"-\" \"Mozilla/5.0\"",
                "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\"\n"
                        + "    at com.example.App.main(App.java:14)",
                "2024-05-01 10:00:00 INFO Application started in 2.3 seconds\n"
                        + "2024-05-01 10:00:01 INFO Listening for requests",
                "The quick brown fox jumps over the lazy dog.",
                randomBytes(1, 2_000),
                randomBytes(2, 300));
    }

    private static String randomBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @MethodSource("notMailErrors")
    void textThatIsNoMailErrorIsNotRecognised(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Verdict.NOT_RECOGNISED, d.verdict(), () -> d.ruleId() + ": " + d.title());
        assertFalse(d.recognised());
        assertEquals(Setting.NONE, d.setting());
        assertTrue(d.alternatives().isEmpty());
        assertFalse(d.thingsToTry().isEmpty(), "a hint on what to paste");
    }

    /**
     * A program's bare "sending failed" is a mail error without a cause: no conclusion either, but the page says that
     * the message names no cause rather than that it is no mail error.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "Mail send failed.",
        "Failed to send some messages",
        "E-Mail konnte nicht gesendet werden.",
        "Le message n'a pas pu être envoyé.",
        "메일 발송에 실패하였습니다",
    })
    void aMessageThatOnlySaysSendingFailedIsToldSoAndJudgesNothing(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Verdict.NOT_RECOGNISED, d.verdict(), d.ruleId());
        assertEquals(Setting.NONE, d.setting());
        assertTrue(d.alternatives().isEmpty());
        assertEquals("This message says that sending failed, but not why.", d.title());
        assertFalse(d.thingsToTry().isEmpty(), "a hint on what to paste");
    }

    /**
     * A text about sending mail (a program's wording, the word SMTP) that shows no reply code, no failure, no step and
     * nothing a rule reads got "your provider has to act: the server refused": a refusal nobody saw. It is no
     * conclusion, saying the text is about sending but not what went wrong, and points to the full test.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "Please check your SMTP settings and try again.",
        "SMTP Error 296",
        "Outgoing mail (SMTP) problem, see the log for details.",
        "SMTP configuration test: FAILED",
        "WARNING [homeassistant.components.smtp.notify] SMTPException sending mail: retrying connection",
    })
    void aTextAboutSendingThatShowsNothingIsNoConclusionNotTheProvider(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Verdict.NOT_RECOGNISED, d.verdict(), () -> d.ruleId() + ": " + d.title());
        assertEquals(Setting.NONE, d.setting());
        assertTrue(d.changes().isEmpty());
        assertTrue(List.of("This text is about sending mail, but it does not say what went wrong.",
                "This message says that sending failed, but not why.").contains(d.title()), d.title());
        assertTrue(d.thingsToTry().stream().anyMatch(t -> t.contains("test the settings")), d.thingsToTry()::toString);
    }

    /** Where the text says the server answered, without a code, the refusal was seen: the provider's side. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "Task 'Hotmail - Sending' reported error (0x800CCC3C) : 'The server reported an error.The server responded"
                + " 'Precondition Failed'. '",
        "An unknown error was returned from the SMTP server.",
        "Error : mailsmtp_rcpt ... unexpected error code",
    })
    void aTextSayingTheServerAnsweredKeepsTheProviderReading(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), () -> d.ruleId() + ": " + d.title());
        assertEquals(Confidence.LOW, d.confidence());
        assertFalse(d.alternatives().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("notMailErrors")
    void textThatIsNoMailErrorIsNotToldItSaysSendingFailed(String text) {
        assertEquals("This text is not recognisable as a mail sending error.",
                DIAGNOSER.explain(text, ExplainContext.none()).title());
    }

    @Test
    void aMailErrorIsRecognisedAndHasAlternativesWithReasons() {
        Diagnosis d = DIAGNOSER.explain("535 5.7.8 Error: authentication failed: authentication failure",
                ExplainContext.none());
        assertTrue(d.recognised());
        assertEquals(Setting.PASSWORD, d.setting());
        assertFalse(d.alternatives().isEmpty());
        assertTrue(d.alternatives().size() <= 2);
        d.alternatives().forEach(a -> {
            assertFalse(a.why().isBlank());
            assertTrue(a.setting() != Setting.PORT && a.setting() != Setting.SECURITY,
                    "a credential problem never points at the connection: " + a.setting());
        });
    }

    @Test
    void deeplyRepetitiveInputGetsAnAnswer() {
        Diagnosis d = assertTimeoutPreemptively(NO_HANG, () -> DIAGNOSER.explain(HostilePastes.deep(),
                ExplainContext.none()));
        assertEquals(Verdict.NOT_RECOGNISED, d.verdict());
    }

    @Test
    void veryLongInputWithTheErrorAtTheEndGetsItRead() {
        Diagnosis d = assertTimeoutPreemptively(NO_HANG, () -> DIAGNOSER.explain(HostilePastes
                .longLogEndingInAnError(), ExplainContext.none()));
        assertEquals(Setting.PASSWORD, d.setting());
    }

    @Test
    void binaryAndMixedEncodingInputIsNeverWorks() {
        Diagnosis d = assertTimeoutPreemptively(NO_HANG, () -> DIAGNOSER.explain(HostilePastes
                .binaryAndMixedEncodings(), ExplainContext.none()));
        assertTrue(d.verdict() != Verdict.WORKS, d.ruleId());
    }

    @Test
    void aReplyClosedByThousandsOfBracketsKeepsItsOwn() {
        Diagnosis d = assertTimeoutPreemptively(NO_HANG, () -> DIAGNOSER.explain(HostilePastes
                .replyClosedByBrackets(), ExplainContext.none()));
        assertFalse(d.title().isBlank());
        String reply = ReplyParser.parse(HostilePastes.replyClosedByBrackets()).replyText();
        assertEquals(reply.chars().filter(c -> c == '(').count(), reply.chars().filter(c -> c == ')').count());
    }

    @Test
    void repeatedHostNamesAndNumbersGetAnAnswer() {
        Diagnosis d = assertTimeoutPreemptively(NO_HANG, () -> DIAGNOSER.explain(HostilePastes
                .repeatedHostNamesAndCodes(), ExplainContext.none()));
        assertFalse(d.title().isBlank());
    }
}
