package org.smtpdoctor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * Issue 14 item 5: the probe as users run it — a <em>fresh JVM per run</em> ({@code java -jar target/smtp-doctor.jar
 * probe ...}) — against a real TLS server (the test kit's, STARTTLS + AUTH PLAIN + MAIL FROM + RCPT TO) that waits
 * D before every reply and before its TLS handshake flight. Prints the probe's own {@code total_ms} against the
 * round-trip floor, the whole process's wall time, and the same dialogue by swaks when swaks is installed.
 * Not a unit test; build the jar first, then run
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.smtpdoctor.bench.ColdProbeBenchmark
 * </pre>
 *
 * Options: {@code -Dbench.delayMs=50}, {@code -Dbench.runs=7}, {@code -Dbench.java=/path/to/bin/java} (another
 * runtime), {@code -Dbench.jvmArgs="-XX:TieredStopAtLevel=1"} (the installed launcher's JIT setting),
 * {@code -Dbench.jar=target/smtp-doctor.jar}, {@code -Dbench.command=/usr/bin/smtp-doctor} (the installed command
 * instead of {@code java -jar}). On a machine shared with other work, start the benchmark under
 * {@code chrt -f 10} (as root): the runs, swaks's included, inherit the real-time priority and get the CPU an idle
 * machine would give them ({@code nice} was not enough against a load average of 10 on 2 cores).
 */
public final class ColdProbeBenchmark {

    private static final Duration D = Duration.ofMillis(Long.getLong("bench.delayMs", 50));
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    /** Greeting, EHLO, STARTTLS, EHLO, AUTH, MAIL FROM, RCPT TO, QUIT, and the one TLS 1.3 server flight. */
    private static final int ROUND_TRIPS = 9;
    private static final String USER = "alice";
    private static final String PASSWORD = "Bench-S3cret";
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private ColdProbeBenchmark() {
    }

    /** One run: the whole process's wall time and, for our probe, its own total_ms. */
    private record Run(long wallMs, long probeMs) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/smtp-doctor.jar"));
        if (!Files.isRegularFile(jar) && System.getProperty("bench.command", "").isEmpty()) {
            OUT.println("No " + jar + ": build it first with mvn -B -q package -DskipTests");
            System.exit(2);
        }
        String java = System.getProperty("bench.java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvmArgs = List.of(System.getProperty("bench.jvmArgs", "").split(" ")).stream()
                .filter(a -> !a.isBlank()).toList();
        ServerIdentity identity = TestCertificates.localhost();
        Path pem = identity.writeTrustPem(Files.createTempFile("bench-ca", ".pem"));
        long floor = ROUND_TRIPS * D.toMillis();
        OUT.printf(Locale.ROOT, "SMTP Doctor cold-probe benchmark: a fresh JVM per run (%s %s), D = %d ms, "
                + "median of %d%n%n", java, String.join(" ", jvmArgs), D.toMillis(), RUNS);
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(identity).auth(USER, PASSWORD, "PLAIN")
                .replyDelay(D).tlsHandshakeDelay(D).start()) {
            List<String> ours = new ArrayList<>();
            String installed = System.getProperty("bench.command", "");
            if (installed.isEmpty()) {
                ours.add(java);
                ours.addAll(jvmArgs);
                ours.addAll(List.of("-jar", jar.toString()));
            } else {
                ours.add(installed);
            }
            ours.addAll(List.of("probe", "--host", server.host(), "--port",
                    Integer.toString(server.port()), "--security", "starttls", "--auth", "plain", "--user", USER,
                    "--password-env", "BENCH_PASSWORD", "--from", "alice@example.test", "--to", "bob@example.test",
                    "--trust-cert", pem.toString(), "--json"));
            run(ours, true);
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(run(ours, true));
            }
            long probe = median(runs.stream().map(Run::probeMs).toList());
            long wall = median(runs.stream().map(Run::wallMs).toList());
            OUT.println("(a) smtp-doctor probe: STARTTLS + AUTH PLAIN + MAIL FROM + RCPT TO, fresh JVM");
            OUT.printf(Locale.ROOT, "    probe total_ms (median)   %5d ms%n", probe);
            OUT.printf(Locale.ROOT, "    round-trip floor          %5d ms  (%d x D)%n", floor, ROUND_TRIPS);
            OUT.printf(Locale.ROOT, "    ratio to the floor        %5.2f     (target <= 1.15)%n", (double) probe / floor);
            OUT.printf(Locale.ROOT, "    whole process (median)    %5d ms%n%n", wall);
            Optional<String> swaks = onPath("swaks");
            if (swaks.isEmpty()) {
                OUT.println("(b) swaks is not installed: no comparison (apt-get install -y swaks)");
                return;
            }
            List<String> theirs = List.of(swaks.get(), "--server", server.host(), "--port",
                    Integer.toString(server.port()), "--tls", "--auth", "PLAIN", "--auth-user", USER,
                    "--auth-password", PASSWORD, "--from", "alice@example.test", "--to", "bob@example.test",
                    "--quit-after", "RCPT", "--silent", "2");
            run(theirs, false);
            List<Run> swaksRuns = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                swaksRuns.add(run(theirs, false));
            }
            long swaksWall = median(swaksRuns.stream().map(Run::wallMs).toList());
            OUT.println("(b) swaks, the same dialogue");
            OUT.printf(Locale.ROOT, "    whole process (median)    %5d ms%n", swaksWall);
            OUT.printf(Locale.ROOT, "    smtp-doctor / swaks       %5.2f     (whole process; target <= 1.5 installed)%n",
                    (double) wall / swaksWall);
        }
    }

    private static Run run(List<String> command, boolean json) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(!json);
        pb.environment().put("BENCH_PASSWORD", PASSWORD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        String text = new String(output, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + " from " + command.get(0) + ":\n" + text);
        }
        long probe = json ? new ObjectMapper().readTree(text).path("total_ms").asLong(-1) : -1;
        return new Run(wall, probe);
    }

    private static Optional<String> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
