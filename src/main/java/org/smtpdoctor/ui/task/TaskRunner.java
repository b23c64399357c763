package org.smtpdoctor.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one seam through which view models run background work and come back to the UI thread.
 *
 * <p>The application uses {@link FxTaskRunner} (a {@code javafx.concurrent.Task} on a daemon executor); view-model
 * tests use {@link SameThreadTaskRunner}, so they run without the toolkit and without waiting. Nothing that touches
 * the network or the disk runs on the FX thread.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; exactly one of the callbacks is then called on the UI thread (none after
     * {@link Job#cancel()}).
     */
    <T> Job run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (at once when already there). */
    void onUiThread(Runnable action);

    /** A started piece of background work. */
    interface Job {

        /** Stops delivering callbacks and interrupts the work. */
        void cancel();
    }
}
