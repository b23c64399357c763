package org.smtpdoctor.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one background run a view model has at a time (a probe, a search): starting another cancels it, and nothing
 * a cancelled or replaced run reports reaches the UI any more.
 *
 * <p>Use: {@code int run = current.begin();} (cancels the previous one), build the listener with
 * {@code current.onUiThread(run, ...)} for live updates, then {@link #run} the work. Call only on the UI thread.
 */
final class CurrentRun {

    /** The blocking part of the work, given the engine object that can cancel it. */
    @FunctionalInterface
    interface Body<R, T> {
        T apply(R run) throws Exception;
    }

    private final TaskRunner runner;
    private int generation;
    private Runnable cancelEngine;
    private TaskRunner.Job job;

    CurrentRun(TaskRunner runner) {
        this.runner = runner;
    }

    /** Cancels whatever runs and returns the number of the run that starts now. */
    int begin() {
        cancel();
        return ++generation;
    }

    boolean isCurrent(int run) {
        return run == generation;
    }

    /** Hands {@code action} to the UI thread; it runs there only if {@code run} is still the current run. */
    void onUiThread(int run, Runnable action) {
        runner.onUiThread(() -> {
            if (isCurrent(run)) {
                action.run();
            }
        });
    }

    /**
     * Creates the engine object and runs {@code body} in the background (both may block: never on the FX thread);
     * exactly one callback follows on the UI thread, unless the run was cancelled or replaced first.
     * {@code cancel} stops the engine object from another thread.
     */
    <R, T> void run(int run, Callable<R> create, Consumer<R> cancel, Body<R, T> body,
            Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        AtomicReference<R> engineRun = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelEngine = () -> {
            cancelled.set(true);
            R r = engineRun.get();
            if (r != null) {
                cancel.accept(r);
            }
        };
        job = runner.run(() -> {
            engineRun.set(create.call());
            if (cancelled.get()) {
                // cancelled before it started: nobody waits for this result any more
                throw new CancellationException();
            }
            return body.apply(engineRun.get());
        }, result -> {
            if (isCurrent(run)) {
                cancelEngine = null;
                onSuccess.accept(result);
            }
        }, error -> {
            if (isCurrent(run)) {
                cancelEngine = null;
                onFailure.accept(error);
            }
        });
    }

    /** Stops the current run at once; whatever it reports later is dropped. */
    void cancel() {
        generation++;
        Runnable cancel = cancelEngine;
        if (cancel != null) {
            // closing sockets may block briefly: not on the FX thread
            runner.run(() -> {
                cancel.run();
                return Boolean.TRUE;
            }, ok -> { }, error -> { });
        }
        if (job != null) {
            job.cancel();
        }
        cancelEngine = null;
        job = null;
    }
}
