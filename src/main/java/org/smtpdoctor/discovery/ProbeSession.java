package org.smtpdoctor.discovery;

import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.settings.AccountSettings;

/**
 * One probe run that another thread can cancel: the seam between the search and the probe engine
 * ({@code probe.Prober}), so the search's scheduling can be exercised on its own.
 */
public interface ProbeSession {

    /** Runs the probe; returns (never throws) when done, failed or cancelled. */
    ProbeResult probe(AccountSettings settings, ProbeListener listener);

    /** Stops the probe from any thread; {@link #probe} then returns promptly with a cancelled result. */
    void cancel();

    /** Opens one session per probe. */
    @FunctionalInterface
    interface Factory {
        ProbeSession open(ProbeOptions options);
    }
}
