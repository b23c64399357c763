package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.report.Masking;

/** Deeply nested input (a host name 4,000 labels deep) is handled like any other text: no StackOverflowError. */
class DeepInputTest {

    private static final String DEEP = "a.".repeat(4000) + "a";

    @Test
    void explainOfADeepHostNameGivesAnAnswerNotAStackTrace() {
        CliRun run = CliRun.of("explain", DEEP);

        assertNotEquals(4, run.exitCode(), run.err());
        assertFalse(run.all().contains("StackOverflowError"), run.err());
        assertTrue(run.out().startsWith("\n["), run.out().substring(0, Math.min(200, run.out().length())));
    }

    @Test
    void explainOfADeepHostAndPortEndsQuickly() {
        long start = System.nanoTime();
        CliRun run = CliRun.of("explain", "Could not connect to " + DEEP + ":587");

        assertNotEquals(4, run.exitCode(), run.err());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
    }

    @Test
    void maskingADeepAddressDoesNotOverflow() {
        String masked = Masking.maskText("from alice@" + DEEP + " today", java.util.List.of());

        assertTrue(masked.length() < 100 && !masked.contains("alice@"), masked.substring(0, Math.min(100, masked.length())));
    }

    @Test
    void maskingALongRunWithoutAnAtSignTakesLinearTime() {
        long start = System.nanoTime();
        String masked = Masking.maskText("x".repeat(64_000) + " bob@example.test", java.util.List.of());

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2_000);
        assertFalse(masked.contains("bob@example.test"));
    }
}
