package org.smtpdoctor.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.clients.SettingLocation;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.ProbeSession;
import org.smtpdoctor.probe.CertificatePin;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.report.ReportData;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.Validation;

/**
 * Everything the two fronts (the wizard's view models and the command line) ask of the core, in one place: probe
 * with diagnosis, explain a pasted error, find working settings, word the advice for a mail program, and write a
 * report. The fronts depend on this seam and on value types only, so view models can be tested with a fake, while
 * {@link CoreEngine} hands each call to the real core classes.
 *
 * <p>{@link #newProbeRun(boolean)}, {@link #newFindRun()} and {@link #report} may block and are called in the
 * background; the others are pure computations.
 */
public interface Engine {

    Validation validate(SettingsInput input);

    /** Loads what the engine needs (provider data, rules) ahead of use; blocking, call in the background. */
    default void warmUp() {
    }

    /** The known provider of an address (from the built-in provider list). May read resources: call in the background. */
    Optional<Provider> providerFor(String emailAddress);

    /** The known provider whose documented server {@code host} is. May read resources: call in the background. */
    Optional<Provider> providerForServer(String host);

    /**
     * A fresh, cancellable probe ({@link ProbeSession#cancel()} makes {@link ProbeSession#probe} return promptly);
     * {@code sendTestMessage} runs DATA with a short labelled test message.
     */
    ProbeSession newProbeRun(boolean sendTestMessage);

    /**
     * As {@link #newProbeRun(boolean)}, trusting the server certificates with these fingerprints for this probe
     * only ("Trust for this test"), whatever their issuer, names or dates.
     */
    default ProbeSession newProbeRun(boolean sendTestMessage, List<CertificatePin> pinned) {
        return newProbeRun(sendTestMessage);
    }

    /**
     * Probes once and diagnoses the result: the "test my settings" operation of both fronts. When the result points
     * away from the chosen port, the real engine checks the standard alternatives on the same server first (a few
     * seconds at most, cancelled with the run), so advice to move rests on what answered there.
     */
    default Checked check(ProbeSession run, AccountSettings settings, ProbeListener listener) {
        ProbeResult result = run.probe(settings, listener);
        return new Checked(result, diagnose(result));
    }

    /**
     * A fresh, cancellable search for settings that work ("Find working settings"): candidates from the provider
     * list, DNS and guesses, probed at once. Making it may load the resolver: call in the background.
     */
    FindRun newFindRun();

    Diagnosis diagnose(ProbeResult result);

    /**
     * How long a probe waits at most in a step before it gives up (connect timeout for connecting, read timeout
     * for the server's replies): the wizard counts it down while the server is silent.
     */
    default Duration waitLimit(Phase phase) {
        return Duration.ofSeconds(15);
    }

    /** Diagnoses a result with the standard alternatives checked just now ({@link Verification#NONE}: none). */
    default Diagnosis diagnose(ProbeResult result, Verification verification) {
        return diagnose(result);
    }

    /** Explains a pasted error message; {@code context} holds whatever the user typed so far (may be blank). */
    Diagnosis explain(String pastedText, SettingsInput context);

    /** Explains a pasted error message with what the user told about the settings. */
    Diagnosis explain(String pastedText, ExplainContext context);

    /** The name people know a mail program by ("Outlook (classic)"). */
    String programName(MailClient program);

    /** What a setting is called in a mail program and where it lives there. */
    SettingLocation place(MailClient program, Setting setting);

    /** How a mail program names a connection-security value ("SSL/TLS", "Use TLS/SSL: on"). */
    String securityLabel(MailClient program, Security security);

    /**
     * A value in a mail program's words: a connection security or sign-in method as the program labels it
     * ("SSL/TLS", "Use SSL: on"); a host name or port as it is.
     */
    String clientValue(MailClient program, SettingValue value);

    /**
     * The advice for a diagnosis in one mail program's words: every change with its field name, current and
     * suggested value, where it lives, who acts, and the alternatives.
     *
     * @param tested the settings tested (or typed beside a pasted error); empty when none
     */
    Advice advise(Diagnosis diagnosis, MailClient program, Optional<AccountSettings> tested);

    /**
     * What a report is made of, stamped with this build's version and the engine clock's time.
     *
     * @param settings   the settings tested, without the secret; empty for a pasted error with no settings
     * @param probe      the probe result; empty for a pasted error
     * @param pastedText the pasted error text, empty when none
     */
    ReportData reportData(Optional<AccountSettings> settings, Optional<ProbeResult> probe, Diagnosis diagnosis,
            MailClient program, String pastedText, boolean presentationMode);

    /** The redacted report in one format. */
    String report(ReportData data, ReportRenderer.Format format);

    /** A probe with its diagnosis and the alternatives checked for it ({@link Verification#NONE} when none). */
    record Checked(ProbeResult result, Diagnosis diagnosis, Verification verification) {

        public Checked {
            verification = verification == null ? Verification.NONE : verification;
        }

        public Checked(ProbeResult result, Diagnosis diagnosis) {
            this(result, diagnosis, Verification.NONE);
        }
    }

    /** One search; {@link #cancel()} makes {@link #find} return promptly. */
    interface FindRun {

        /** Blocks until the search is done, cancelled or out of time; live progress goes to {@code listener}. */
        FindResult find(FindRequest request, FindListener listener);

        /** May be called from any thread; the blocking call then returns promptly. */
        void cancel();
    }
}
