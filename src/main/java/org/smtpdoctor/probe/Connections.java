package org.smtpdoctor.probe;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every socket of one probe, so that cancel() and the watchdog can close them all at once from another thread, and
 * the probe's helper threads (DNS lookup, second connections, watchdog). Daemon threads, shut down with the probe.
 */
final class Connections implements AutoCloseable {

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> cancelSignal = new CompletableFuture<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private volatile boolean watchdogFired;
    private ScheduledFuture<?> watchdog;

    Connections() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "smtp-doctor-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        timer = Executors.newSingleThreadScheduledExecutor(threads);
        workers = Executors.newCachedThreadPool(threads);
    }

    <T extends Socket> T register(T socket) {
        open.add(socket);
        if (isCancelled()) {
            closeQuietly(socket);
        }
        return socket;
    }

    void close(Socket socket) {
        if (socket != null) {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    void closeAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is all we wanted; a failure to close leaves nothing to do
        }
    }

    void cancel() {
        cancelSignal.complete(null);
        closeAll();
    }

    boolean isCancelled() {
        return cancelSignal.isDone();
    }

    /** Completes when the probe is cancelled; lets waits on helper threads end at once. */
    CompletableFuture<Void> cancelSignal() {
        return cancelSignal;
    }

    /** Closes every socket when the current phase is not over within {@code limit} (covers writes and whole phases). */
    synchronized void arm(Duration limit) {
        disarm();
        watchdog = timer.schedule(() -> {
            watchdogFired = true;
            closeAll();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void disarm() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }

    boolean watchdogFired() {
        return watchdogFired;
    }

    ExecutorService workers() {
        return workers;
    }

    @Override
    public void close() {
        disarm();
        closeAll();
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
