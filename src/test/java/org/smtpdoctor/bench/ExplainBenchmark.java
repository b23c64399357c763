package org.smtpdoctor.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.smtpdoctor.diagnosis.Diagnoser;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.testkit.HostilePastes;

/**
 * How fast a pasted error is read: the first one in a fresh JVM (the rules, the reply vocabulary and the word
 * evidence load then), a typical paste once warm, and the hostile inputs that once broke the reader (thousands of
 * dots deep, a 50,000-line log, a megabyte of binary, repeated names and codes). The target is "well under a
 * second" for any input; each figure is printed with its ratio to one second.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.smtpdoctor.bench.ExplainBenchmark}
 */
public final class ExplainBenchmark {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final double TARGET_MS = 1000;
    private static final int RUNS = 9;
    private static final int WARM_UP = 3;
    private static final List<String> TYPICAL = List.of(
            "535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 "
                    + "https://support.google.com/mail/?p=BadCredentials - gsmtp",
            "Error: connect ETIMEDOUT 192.0.2.10:587",
            "javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?",
            "SMTP Error: Could not connect to SMTP host. Failed to connect to server",
            "550 5.7.1 <bob@example.org>: Relay access denied");

    private ExplainBenchmark() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Diagnoser diagnoser = new Diagnoser();
        diagnoser.explain(TYPICAL.get(0), ExplainContext.none());
        double cold = (System.nanoTime() - start) / 1e6;
        OUT.printf(Locale.ROOT, "SMTP Doctor explain benchmark (median of %d after %d warm-up runs; target: well"
                + " under %.0f ms for any input)%n%n", RUNS, WARM_UP, TARGET_MS);
        row("first paste in a fresh JVM (loads the rules)", cold);
        row("typical paste, warm (5 kinds)", median(() -> {
            TYPICAL.forEach(t -> diagnoser.explain(t, ExplainContext.none()));
            return null;
        }) / TYPICAL.size());
        String deep = HostilePastes.deep();
        String log = HostilePastes.longLogEndingInAnError();
        String binary = HostilePastes.binaryAndMixedEncodings();
        String repeated = HostilePastes.repeatedHostNamesAndCodes();
        String brackets = HostilePastes.replyClosedByBrackets();
        row("a.a.a.… 200,000 deep", median(() -> diagnoser.explain(deep, ExplainContext.none())));
        row("50,000-line log, error at the end", median(() -> diagnoser.explain(log, ExplainContext.none())));
        row("1 MB binary and mixed encodings", median(() -> diagnoser.explain(binary, ExplainContext.none())));
        row("repeated host names and codes", median(() -> diagnoser.explain(repeated, ExplainContext.none())));
        row("a reply closed by 6,000 brackets", median(() -> diagnoser.explain(brackets, ExplainContext.none())));
    }

    private static void row(String what, double ms) {
        OUT.printf(Locale.ROOT, "  %-48s %8.1f ms   ratio to 1 s %.3f%n", what, ms, ms / TARGET_MS);
    }

    private static double median(Supplier<?> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
