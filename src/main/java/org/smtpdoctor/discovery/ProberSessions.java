package org.smtpdoctor.discovery;

import org.smtpdoctor.probe.HostResolver;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.settings.AccountSettings;

/**
 * Adapts the probe engine ({@link Prober}: one probe per instance, cancellable) to {@link ProbeSession}: the one
 * adapter the search and the engine's single probes both use.
 */
public final class ProberSessions {

    /** A new {@link Prober} per probe, resolving names with the operating system. */
    public static final ProbeSession.Factory FACTORY = factory(HostResolver.system());

    private ProberSessions() {
    }

    /** A new {@link Prober} per probe, resolving names with {@code resolver} (e.g. a chosen DNS server). */
    public static ProbeSession.Factory factory(HostResolver resolver) {
        return options -> open(options, resolver);
    }

    private static ProbeSession open(ProbeOptions options, HostResolver resolver) {
        Prober prober = new Prober(options, resolver);
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
    }
}
