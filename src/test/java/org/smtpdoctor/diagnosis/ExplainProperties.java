package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.smtpdoctor.probe.SignInPayloads;

/** Any text through explain and the reply parser ends in bounded time without an exception, and keeps no payload. */
class ExplainProperties {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final ExplainContext NONE = ExplainContext.of(null, null, null, null, null);
    /** Generous: the machine may be busy; an unbounded (quadratic, recursive) parser takes far longer or overflows. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** Pieces that the parser's patterns look for: deep names, codes, brackets, addresses. */
    @Provide
    Arbitrary<String> token() {
        return Arbitraries.of("a.", "a", ".", "@", "[", "]", ":", "587", "535 ", "5.7.8 ", "550-",
                "\n", "\r\n", " ", "host ", "port ", "\"", "'", "(", ")", "smtp.", "example.com", "DNS:", "altnames:",
                "-", "_", "\\", "xn--", "ü", "\u0000", "\u001b[2J", "AUTH PLAIN ", "334 ", "C: ", "S: ", "a@", "\"a\\");
    }

    /** The pieces mixed at random. */
    @Provide
    Arbitrary<String> errorLike() {
        return token().list().ofMaxSize(300).map(l -> String.join("", l));
    }

    @Property(tries = 60)
    void deeplyRepeatedPiecesAreExplainedInBoundedTime(@ForAll("token") String piece,
            @ForAll @IntRange(min = 1, max = 8000) int times, @ForAll("errorLike") String before,
            @ForAll("errorLike") String after) {
        String text = before + piece.repeat(times) + after;
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(DIAGNOSER.explain(text, NONE)));
    }

    @Property(tries = 150)
    void anyBytesAreExplainedInBoundedTime(@ForAll byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(DIAGNOSER.explain(text, NONE)));
    }

    @Property(tries = 150)
    void errorLikeTextIsExplainedInBoundedTime(@ForAll("errorLike") String text) {
        assertTimeoutPreemptively(BOUND, () -> {
            assertNotNull(ReplyParser.parse(text));
            assertNotNull(DIAGNOSER.explain(text, NONE));
        });
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().withCharRange('!', '~').withChars("äé€").ofMinLength(6).ofMaxLength(24);
    }

    @Property(tries = 200)
    void pastedSignInPayloadsNeverSurvive(@ForAll("passwords") String password, @ForAll boolean login) {
        String plain = Base64.getEncoder().encodeToString(("\0alice\0" + password).getBytes(StandardCharsets.UTF_8));
        String answer = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        String pasted = login
                ? "<~ 334 VXNlcm5hbWU6\n~> YWxpY2U=\n<~ 334 UGFzc3dvcmQ6\n~> " + answer + "\n<~ 535 5.7.8 failed"
                : "C: AUTH PLAIN " + plain + "\r\nS: 535 5.7.8 Authentication failed";
        String secret = login ? answer : plain;

        assertFalse(SignInPayloads.redact(pasted).contains(secret));
        Diagnosis d = DIAGNOSER.explain(pasted, NONE);
        assertFalse((d.title() + d.explanation() + d.technicalDetail() + d.thingsToTry()).contains(secret));
    }
}
