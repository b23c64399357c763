package org.smtpdoctor.bench;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of the wizard: JVM start to the first shown frame, measured by the app itself
 * ({@code -Dsmtpdoctor.startupReport}), in fresh JVMs under the current display; prints each run and the median.
 *
 * <p>Run under Xvfb: {@code xvfb-run -a mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.smtpdoctor.bench.StartupBenchmark}. Target: median at most 1.5 s.
 */
public final class StartupBenchmark {

    private static final int RUNS = 5;
    private static final long TARGET_MS = 1500;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String classPath = classPath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> times = new ArrayList<>();
        // one unmeasured run warms the OS file cache, as a user's second start would be
        for (int i = 0; i <= RUNS; i++) {
            long ms = runOnce(java, classPath);
            if (i == 0) {
                System.out.printf("warm-up run: %d ms%n", ms);
                continue;
            }
            times.add(ms);
            System.out.printf("run %d: %d ms from JVM start to first shown frame%n", i, ms);
        }
        Collections.sort(times);
        long median = times.get(times.size() / 2);
        System.out.printf("median of %d runs: %d ms (target <= %d ms): %s%n", RUNS, median, TARGET_MS,
                median <= TARGET_MS ? "OK" : "TOO SLOW");
    }

    private static long runOnce(String java, String classPath) throws Exception {
        Path report = Files.createTempFile("smtp-doctor-startup", ".txt");
        Path log = Files.createTempFile("smtp-doctor-startup", ".log");
        try {
            Process p = new ProcessBuilder(java, "-Dsmtpdoctor.startupReport=" + report, "-cp", classPath,
                    "org.smtpdoctor.Launcher")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the app did not exit within 60 s (is DISPLAY set?)");
            }
            String text = Files.readString(report).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("the app exited (code " + p.exitValue()
                        + ") without reporting a shown frame (is DISPLAY set? run under xvfb-run -a):\n"
                        + Files.readString(log));
            }
            return Long.parseLong(text);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(log);
        }
    }

    /** exec:java runs us in a class loader holding the project's test class path; a plain java run has it in java.class.path. */
    private static String classPath() {
        ClassLoader loader = StartupBenchmark.class.getClassLoader();
        if (loader instanceof URLClassLoader) {
            List<String> entries = new ArrayList<>();
            for (URL url : ((URLClassLoader) loader).getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!entries.isEmpty()) {
                return String.join(File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }
}
