package org.smtpdoctor.report;

import org.smtpdoctor.probe.SignInPayloads;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;

/**
 * Everything a report shows, gathered at the moment the user asks for one ("Copy report", "Save report…",
 * {@code --report}). The secret is dropped on the way in, so no renderer can ever reach it.
 *
 * @param settings         the settings tested, without secret; empty when only a pasted error was explained
 * @param probe            the probe's result; empty for a pasted error
 * @param diagnosis        what SMTP Doctor concluded
 * @param client           the mail program whose words the report uses
 * @param pastedText       the error message the user pasted, if any
 * @param appVersion       SMTP Doctor's version
 * @param timestamp        when the report was made
 * @param presentationMode hide the middle of the username and of every email address (screen shares, tickets)
 * @param earlier          the tests before this one since the wizard opened, oldest first (the first with the
 *                         user's own settings); empty for a single test
 * @param stillToChange    the changes still to make in the mail program: from the settings it holds to the ones
 *                         tested last, when those work; empty when nothing is to change there
 */
public record ReportData(
        Optional<AccountSettings> settings,
        Optional<ProbeResult> probe,
        Diagnosis diagnosis,
        MailClient client,
        Optional<String> pastedText,
        String appVersion,
        Instant timestamp,
        boolean presentationMode,
        List<Attempt> earlier,
        List<Change> stillToChange) {

    public ReportData {
        Objects.requireNonNull(diagnosis, "diagnosis");
        earlier = List.copyOf(earlier);
        stillToChange = List.copyOf(stillToChange);
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(timestamp, "timestamp");
        settings = settings.map(AccountSettings::withoutSecret);
        pastedText = pastedText.filter(t -> !t.isBlank()).map(SignInPayloads::redactPasted);
        appVersion = appVersion == null ? "" : appVersion;
    }

    /** A report of one test or one pasted error (no earlier tests). */
    public ReportData(Optional<AccountSettings> settings, Optional<ProbeResult> probe, Diagnosis diagnosis,
            MailClient client, Optional<String> pastedText, String appVersion, Instant timestamp,
            boolean presentationMode) {
        this(settings, probe, diagnosis, client, pastedText, appVersion, timestamp, presentationMode, List.of(),
                List.of());
    }

    /** One earlier test: the settings tested (the secret is dropped) and what SMTP Doctor concluded. */
    public record Attempt(AccountSettings settings, Diagnosis diagnosis) {

        public Attempt {
            Objects.requireNonNull(settings, "settings");
            settings = settings.withoutSecret();
            Objects.requireNonNull(diagnosis, "diagnosis");
        }
    }

    /** A report of a probe: the settings are the probe's own. */
    public static ReportData ofProbe(ProbeResult probe, Diagnosis diagnosis, MailClient client, String appVersion,
            Instant timestamp) {
        return new ReportData(Optional.of(probe.settings()), Optional.of(probe), diagnosis, client, Optional.empty(),
                appVersion, timestamp, false);
    }

    /** A report of a pasted error message, with whatever settings the user gave beside it. */
    public static ReportData ofPastedText(String pastedText, Optional<AccountSettings> settings, Diagnosis diagnosis,
            MailClient client, String appVersion, Instant timestamp) {
        return new ReportData(settings, Optional.empty(), diagnosis, client, Optional.of(pastedText), appVersion,
                timestamp, false);
    }

    public ReportData withPresentationMode(boolean on) {
        return new ReportData(settings, probe, diagnosis, client, pastedText, appVersion, timestamp, on, earlier,
                stillToChange);
    }

    /** The same report with the tests before it and the changes still to make in the mail program. */
    public ReportData withHistory(List<Attempt> earlierTests, List<Change> changesStillToMake) {
        return new ReportData(settings, probe, diagnosis, client, pastedText, appVersion, timestamp, presentationMode,
                earlierTests, changesStillToMake);
    }
}
