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
    private static final String APP = "org.smtpdoctor.Launcher";
    private static final String BARE = "org.smtpdoctor.bench.BareWindow$Main";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String classPath = classPath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> times = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        // one unmeasured run warms the OS file cache, as a user's second start would be
        System.out.printf("warm-up run: %d ms%n", runOnce(java, classPath, APP));
        for (int i = 1; i <= RUNS; i++) {
            long ms = runOnce(java, classPath, APP);
            long floor = runOnce(java, classPath, BARE);
            times.add(ms);
            bare.add(floor);
            System.out.printf("run %d: SMTP Doctor %d ms, empty JavaFX window %d ms (JVM start to first shown frame)%n",
                    i, ms, floor);
        }
        long median = median(times);
        long floorMedian = median(bare);
        System.out.printf("median of %d runs: %d ms (target <= %d ms): %s%n", RUNS, median, TARGET_MS,
                median <= TARGET_MS ? "OK" : "TOO SLOW");
        System.out.printf("empty JavaFX window on this machine right now: %d ms, so the wizard's own share is %d ms%n",
                floorMedian, median - floorMedian);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long runOnce(String java, String classPath, String mainClass) throws Exception {
        Path report = Files.createTempFile("smtp-doctor-startup", ".txt");
        Path log = Files.createTempFile("smtp-doctor-startup", ".log");
        try {
            Process p = new ProcessBuilder(java, "-Dsmtpdoctor.startupReport=" + report, "-cp", classPath,
                    mainClass)
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
