package org.smtpdoctor.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Pasted text that has broken readers before: thousands of dots deep (a {@code StackOverflowError} once), a long log
 * with the error at its end, a megabyte of binary and mixed encodings, host names, codes and enhanced codes
 * repeated, and a reply closed by thousands of brackets. Shared by the tests that check each still gets an answer
 * and by the benchmark that times them.
 */
public final class HostilePastes {

    private HostilePastes() {
    }

    /** {@code a.a.a.…}, 200,000 deep. */
    public static String deep() {
        return "a.".repeat(200_000) + "a";
    }

    /** 50,000 log lines with nothing in them, then a refused password. */
    public static String longLogEndingInAnError() {
        return "2024-05-01 10:00:00 INFO nothing happened here\n".repeat(50_000)
                + "535 5.7.8 Error: authentication failed: authentication failure";
    }

    /** A megabyte of random bytes read as Latin-1, then mojibake, control characters, CJK and an emoji. */
    public static String binaryAndMixedEncodings() {
        byte[] bytes = new byte[1_000_000];
        new Random(3).nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1) + "Ã¤Ã¶Ã¼ \u0000\u0001 ü 漢字 \uD83D\uDE00";
    }

    /**
     * A reply closed by 6,000 brackets, half of them its own (the whole within what is read of a paste): each closing
     * mark is weighed once, not recounted.
     */
    public static String replyClosedByBrackets() {
        return "550 " + "(x".repeat(3_000) + ")".repeat(6_000);
    }

    /** A host name 100,000 labels long, 50,000 reply codes and 30,000 enhanced codes. */
    public static String repeatedHostNamesAndCodes() {
        return "smtp.".repeat(100_000) + "example.com:587 " + "550 ".repeat(50_000) + "5.1.1.".repeat(30_000);
    }
}
