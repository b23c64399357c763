package org.smtpdoctor.discovery;

import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.settings.AccountSettings;

/**
 * Adapts the probe engine ({@link Prober}: one probe per instance, cancellable) to {@link ProbeSession}: the one
 * adapter the search and the engine's single probes both use.
 */
public final class ProberSessions {

    /** A new {@link Prober} per probe. */
    public static final ProbeSession.Factory FACTORY = options -> {
        Prober prober = new Prober(options);
        return new ProbeSession() {
            @Override
            public ProbeResult probe(AccountSettings settings, ProbeListener listener) {
                return prober.probe(settings, listener);
            }

            @Override
            public void cancel() {
                prober.cancel();
            }
        };
    };

    private ProberSessions() {
    }
}
