package org.smtpdoctor.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Start-up aid: while the JavaFX toolkit starts on one core, a daemon thread loads (without initialising) the
 * classes the first frame needs, listed in {@code preload-classes.txt} (taken from a class-loading log of a start).
 * A missing or stale entry costs nothing: the class then loads when it is first used, as it would anyway.
 */
final class ClassPreloader {

    private static final String LIST = "preload-classes.txt";

    private ClassPreloader() {
    }

    static void start() {
        Thread t = new Thread(ClassPreloader::loadAll, "class-preloader");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void loadAll() {
        ClassLoader loader = ClassPreloader.class.getClassLoader();
        try (InputStream in = ClassPreloader.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    load(name, loader);
                }
            }
        } catch (IOException e) {
            // only an optimisation: the classes load on first use instead
            return;
        }
    }

    private static void load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // stale entry (another JavaFX version or platform): skip it
            return;
        }
    }
}
