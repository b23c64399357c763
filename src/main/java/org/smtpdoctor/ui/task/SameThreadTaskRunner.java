package org.smtpdoctor.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@link TaskRunner} that runs everything at once on the calling thread: view-model tests run without the JavaFX
 * toolkit and see the outcome as soon as the command method returns.
 */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> Job run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return () -> { };
        }
        onSuccess.accept(value);
        return () -> { };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
