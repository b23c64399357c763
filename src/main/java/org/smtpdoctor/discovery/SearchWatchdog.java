package org.smtpdoctor.discovery;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;

/**
 * Gives up a candidate whose server accepted the connection but does not greet in time: a black hole must not hold
 * up the search's answer. Listens to one probe's phases; when it fires, it records why in the slot (under the
 * search's lock) and cancels the probe.
 */
final class SearchWatchdog implements ProbeListener {

    private final SearchSlot slot;
    private final ProbeSession session;
    private final ReentrantLock lock;
    private final ScheduledExecutorService timer;
    private final Duration greetingTimeout;
    private ScheduledFuture<?> pending;
    private boolean greeted;

    SearchWatchdog(SearchSlot slot, ProbeSession session, ReentrantLock lock, ScheduledExecutorService timer,
            Duration greetingTimeout) {
        this.slot = slot;
        this.session = session;
        this.lock = lock;
        this.timer = timer;
        this.greetingTimeout = greetingTimeout;
    }

    synchronized void arm(Duration after, FailureKind reason) {
        disarm();
        try {
            pending = timer.schedule(() -> fire(reason), after.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            pending = null;
        }
    }

    synchronized void disarm() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void fire(FailureKind reason) {
        synchronized (this) {
            if (greeted) {
                return;
            }
        }
        lock.lock();
        try {
            if (slot.state == SearchSlot.State.DONE) {
                return;
            }
            slot.watchdogReason = reason;
        } finally {
            lock.unlock();
        }
        session.cancel();
    }

    @Override
    public void phaseFinished(Step step) {
        if (step.phase() == Phase.CONNECT && step.outcome() == StepOutcome.OK) {
            synchronized (this) {
                if (!greeted) {
                    arm(greetingTimeout, FailureKind.NO_GREETING);
                }
            }
        } else if (step.phase() == Phase.GREETING) {
            synchronized (this) {
                greeted = true;
                disarm();
            }
        }
    }
}
