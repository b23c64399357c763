package org.smtpdoctor.ui;

import java.util.Optional;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.Provider;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.Validation;

/**
 * Everything the wizard asks of the core, in one place: the view models depend on this seam only, so they can be
 * tested with a fake, while {@link CoreEngine} hands each call to the real core classes.
 *
 * <p>{@link #newProbeRun(boolean)}, {@link #newFindRun()} and {@link #report} may block and are called through the
 * {@link TaskRunner}; the others are pure computations.
 */
public interface Engine {

    Validation validate(SettingsInput input);

    /** Loads what the engine needs (provider data, rules) ahead of use; blocking, call in the background. */
    default void warmUp() {
    }

    /** The known provider of an address (from the built-in provider list). May read resources: call in the background. */
    Optional<Provider> providerFor(String emailAddress);

    /** A fresh, cancellable probe; {@code sendTestMessage} runs DATA with a short labelled test message. */
    ProbeRun newProbeRun(boolean sendTestMessage);

    /**
     * A fresh, cancellable search for settings that work ("Find working settings"): candidates from the provider
     * list, DNS and guesses, probed at once. Making it may load the resolver: call in the background.
     */
    FindRun newFindRun();

    Diagnosis diagnose(ProbeResult result);

    /** Explains a pasted error message; {@code context} holds whatever the user typed so far (may be blank). */
    Diagnosis explain(String pastedText, SettingsInput context);

    /** The name people know a mail program by ("Outlook (classic)"). */
    String programName(MailClient program);

    /** What a setting is called in a mail program and where it lives there. */
    SettingPlace place(MailClient program, Setting setting);

    /** How a mail program names a connection-security value ("SSL/TLS", "Use TLS/SSL: on"). */
    String securityLabel(MailClient program, Security security);

    /**
     * A value in a mail program's words: a connection security or sign-in method as the program labels it
     * ("SSL/TLS", "Use SSL: on"); a host name or port as it is.
     */
    String clientValue(MailClient program, SettingValue value);

    /** The redacted report in one format. */
    String report(ReportRequest request, ReportFormat format);

    /** Blocking work of the engine that another thread can stop at once. */
    interface Cancellable {

        /** May be called from any thread; the blocking call then returns promptly. */
        void cancel();
    }

    /** One probe; {@link #cancel()} makes {@link #probe} return promptly. */
    interface ProbeRun extends Cancellable {

        ProbeResult probe(AccountSettings settings, ProbeListener listener);
    }

    /** One search; {@link #cancel()} makes {@link #find} return promptly. */
    interface FindRun extends Cancellable {

        /** Blocks until the search is done, cancelled or out of time; live progress goes to {@code listener}. */
        FindResult find(FindRequest request, FindListener listener);
    }

    /** A setting in the words of one mail program. */
    record SettingPlace(String fieldName, String menuPath, Optional<String> note) {
    }

    enum ReportFormat {
        PLAIN_TEXT("txt"), MARKDOWN("md"), HTML("html");

        private final String extension;

        ReportFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * What a report is made of.
     *
     * @param settings    the settings tested, without the secret; empty for a pasted error with no settings
     * @param probe       the probe result; empty for a pasted error
     * @param pastedText  the pasted error text, empty when none
     */
    record ReportRequest(
            Optional<AccountSettings> settings,
            Optional<ProbeResult> probe,
            Diagnosis diagnosis,
            MailClient program,
            String pastedText,
            boolean presentationMode) {
    }
}
