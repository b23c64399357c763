package org.smtpdoctor.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.smtpdoctor.discovery.AlternativesVerifier;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * Issue 2 item 7: how close a full probe comes to the network's round-trip floor, how fast a silent implicit-TLS
 * port is named, and how much heap a probe needs. Not a unit test (no Test suffix, never run by {@code mvn verify});
 * run it with
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.smtpdoctor.bench.ProbeBenchmark
 * </pre>
 *
 * The fake server waits D before every reply (greeting included) and before its part of the TLS handshake, so on
 * loopback every server reply and the one TLS 1.3 handshake flight each cost D: the floor no client can beat.
 */
public final class ProbeBenchmark {

    /** The simulated round trip; {@code -Dbench.delayMs=0} shows the probe's own fixed cost. */
    private static final Duration D = Duration.ofMillis(Long.getLong("bench.delayMs", 50));
    private static final int WARM_UP = 5;
    private static final int RUNS = 9;
    /** Greeting, EHLO, STARTTLS, EHLO, AUTH, MAIL FROM, RCPT TO, QUIT. */
    private static final int SERVER_REPLIES = 8;
    /** TLS 1.3: the client waits for the server's one flight (ServerHello ... Finished). */
    private static final int TLS_FLIGHTS = 1;

    /** The console, in UTF-8 whatever the platform's default. */
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServerIdentity identity = TestCertificates.localhost();
        ProbeOptions options = ProbeOptions.defaults().withTrustedCertificates(identity.trustedCertificates());
        OUT.printf(Locale.ROOT, "SMTP Doctor probe benchmark (D = %d ms, %d warm-up runs, median of %d)%n%n",
                D.toMillis(), WARM_UP, RUNS);
        fullProbe(identity, options);
        silentImplicitTlsPort(identity);
        peakHeap(identity, options);
        verification(identity, options);
    }

    private static void fullProbe(ServerIdentity identity, ProbeOptions options) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(identity).auth("alice", "s3cret", "PLAIN")
                .replyDelay(D).tlsHandshakeDelay(D).start()) {
            AccountSettings settings = AccountSettings.of(server.host(), server.port(), Security.STARTTLS)
                    .withAuthMethod(AuthMethod.PLAIN).withCredentials("alice", Secret.of("s3cret"))
                    .withSender("alice@example.test").withRecipient("bob@example.test");
            long median = medianMs(() -> {
                ProbeResult r = new Prober(options).probe(settings, ProbeListener.NONE);
                if (!r.success()) {
                    throw new IllegalStateException("probe failed: " + r.failure() + " " + r.detail());
                }
                return r;
            });
            long floor = (SERVER_REPLIES + TLS_FLIGHTS) * D.toMillis();
            OUT.println("(a) STARTTLS + AUTH PLAIN + MAIL FROM + RCPT TO, D before every reply");
            OUT.printf(Locale.ROOT, "    wall time (median)     %5d ms%n", median);
            OUT.printf(Locale.ROOT, "    round-trip floor       %5d ms  (%d server replies x D + %d TLS flight x D)%n",
                    floor, SERVER_REPLIES, TLS_FLIGHTS);
            OUT.printf(Locale.ROOT, "    ratio                  %5.3f    (target <= 1.15)%n%n",
                    (double) median / floor);
        }
    }

    private static void silentImplicitTlsPort(ServerIdentity identity) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(identity).start()) {
            ProbeOptions defaults = ProbeOptions.defaults();
            AccountSettings settings = AccountSettings.of(server.host(), server.port(), Security.STARTTLS);
            long median = medianMs(() -> {
                ProbeResult r = new Prober(defaults).probe(settings, ProbeListener.NONE);
                if (r.failure().orElse(null) != FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED) {
                    throw new IllegalStateException("unexpected result: " + r.failure() + " " + r.detail());
                }
                return r;
            });
            OUT.println("(b) STARTTLS chosen on a silent implicit-TLS port (read timeout "
                    + defaults.readTimeout().toSeconds() + " s, greeting wait " + defaults.greetingWait().toMillis()
                    + " ms)");
            OUT.printf(Locale.ROOT, "    time to TLS_WHERE_PLAINTEXT_EXPECTED (median) %5d ms  (target <= 2000 ms)%n%n",
                    median);
        }
    }

    /**
     * Heap. The collector here is G1, whose heap-use figure moves in whole regions between collections, so a sampled
     * "peak" says nothing about a probe that needs well under a region. Measured instead: (1) the bytes allocated
     * during one probe by the probing thread plus the probe's helper threads (read just before they end): the most
     * heap a probe can need, had no collection run. The JVM's heap in use before the probe is printed for scale.
     */
    private static void peakHeap(ServerIdentity identity, ProbeOptions options) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(identity).auth("alice", "s3cret", "PLAIN")
                .start()) {
            AccountSettings settings = AccountSettings.of(server.host(), server.port(), Security.STARTTLS)
                    .withAuthMethod(AuthMethod.PLAIN).withCredentials("alice", Secret.of("s3cret"))
                    .withSender("alice@example.test").withRecipient("bob@example.test");
            for (int i = 0; i < WARM_UP; i++) {
                new Prober(options).probe(settings, ProbeListener.NONE);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            AtomicLong helpers = new AtomicLong();
            ProbeListener helperMeter = new ProbeListener() {
                @Override
                public void phaseStarted(Phase phase, String description) {
                    if (phase == Phase.QUIT) {
                        helpers.set(helperThreadAllocation(threads));
                    }
                }
            };

            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            ProbeResult r = new Prober(options).probe(settings, helperMeter);
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

            List<String> collectors = new ArrayList<>();
            ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> collectors.add(gc.getName()));
            OUT.println("(c) heap of one full STARTTLS + AUTH probe (success=" + r.success() + ", collectors: "
                    + collectors + ")");
            OUT.printf(Locale.ROOT, "    allocated by the probing thread   %8.1f KiB%n", kib(allocated));
            OUT.printf(Locale.ROOT, "    allocated by its helper threads   %8.1f KiB%n", kib(helpers.get()));
            OUT.printf(Locale.ROOT, "    peak heap a probe needs (sum)     %8.1f KiB  (JVM heap %.1f MiB in use before)%n",
                    kib(allocated + helpers.get()), before / (1024.0 * 1024.0));
        }
    }

    /**
     * Issue 10: the extra time the check of the standard alternatives adds after a failure that points away from the
     * chosen port (here STARTTLS on a relay port without it): 587 with STARTTLS and 465 with SSL/TLS on the same host,
     * D before every reply and before each TLS flight; and the same with the implicit-TLS port a black hole, which
     * the budget bounds.
     */
    private static void verification(ServerIdentity identity, ProbeOptions options) {
        try (FakeSmtpServer relay = FakeSmtpServer.builder().replyDelay(D).start();
                FakeSmtpServer submission = FakeSmtpServer.builder().starttls(identity)
                        .auth("alice", "s3cret", "PLAIN").authOnlyAfterTls().replyDelay(D).tlsHandshakeDelay(D).start();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(identity)
                        .auth("alice", "s3cret", "PLAIN").replyDelay(D).tlsHandshakeDelay(D).start();
                FakeSmtpServer hole = FakeSmtpServer.builder().blackHole().start()) {
            AccountSettings tested = AccountSettings.of(relay.host(), relay.port(), Security.STARTTLS);
            AlternativesVerifier both = new AlternativesVerifier(options,
                    new FinderOptions.StandardPorts(implicit.port(), submission.port(), relay.port()),
                    AlternativesVerifier.DEFAULT_BUDGET);
            AlternativesVerifier oneSilent = new AlternativesVerifier(options,
                    new FinderOptions.StandardPorts(hole.port(), submission.port(), relay.port()),
                    AlternativesVerifier.DEFAULT_BUDGET);
            long answering = medianMs(() -> check(both.verify(tested), 2));
            long silent = medianMs(() -> check(oneSilent.verify(tested), 1));
            AlternativesVerifier firstSilent = new AlternativesVerifier(options,
                    new FinderOptions.StandardPorts(implicit.port(), hole.port(), relay.port()),
                    AlternativesVerifier.DEFAULT_BUDGET);
            long worst = medianMs(() -> check(firstSilent.verify(tested), 1));
            OUT.println("(d) checking the alternatives after STARTTLS_NOT_OFFERED on a relay port (587 STARTTLS and"
                    + " 465 SSL/TLS at once, budget " + AlternativesVerifier.DEFAULT_BUDGET.toMillis() + " ms)");
            OUT.printf(Locale.ROOT, "    both answer, extra time (median)        %5d ms  (target <= 3000 ms)%n",
                    answering);
            OUT.printf(Locale.ROOT, "    465 silent, extra time (median)         %5d ms  (587 answered first: 465 is"
                    + " not waited for)%n", silent);
            OUT.printf(Locale.ROOT, "    587 silent, extra time (median)         %5d ms  (bounded by the budget)%n%n",
                    worst);
        }
    }

    private static ProbeResult check(Verification v, long answering) {
        if (v.checks().stream().filter(AlternativeCheck::answers).count() != answering) {
            throw new IllegalStateException("unexpected verification: " + v.checks());
        }
        return v.checks().get(0).result().orElseThrow();
    }

    private static long helperThreadAllocation(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("smtp-doctor-probe-")) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return sum;
    }

    private static long medianMs(Supplier<ProbeResult> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.get();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static double kib(long bytes) {
        return bytes / 1024.0;
    }
}
