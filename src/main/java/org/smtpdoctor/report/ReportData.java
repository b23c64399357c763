package org.smtpdoctor.report;

import org.smtpdoctor.probe.SignInPayloads;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.settings.AccountSettings;

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
 */
public record ReportData(
        Optional<AccountSettings> settings,
        Optional<ProbeResult> probe,
        Diagnosis diagnosis,
        MailClient client,
        Optional<String> pastedText,
        String appVersion,
        Instant timestamp,
        boolean presentationMode) {

    public ReportData {
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(timestamp, "timestamp");
        settings = settings.map(AccountSettings::withoutSecret);
        pastedText = pastedText.filter(t -> !t.isBlank()).map(SignInPayloads::redact);
        appVersion = appVersion == null ? "" : appVersion;
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
        return new ReportData(settings, probe, diagnosis, client, pastedText, appVersion, timestamp, on);
    }
}
