package org.smtpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.report.Fixtures.PASSWORD;
import static org.smtpdoctor.report.Fixtures.RECIPIENT;
import static org.smtpdoctor.report.Fixtures.USER;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Alternative;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

class ReportRendererTest {

    private final ReportRenderer renderer = new ReportRenderer(Locale.ROOT);

    private List<String> allFormats(ReportData data) {
        return List.of(renderer.plainText(data), renderer.markdown(data), renderer.html(data));
    }

    @Test
    void plainTextSaysWhatToChangeInTheMailProgramsWords() {
        String text = renderer.plainText(Fixtures.probeReport(Fixtures.securityDiagnosis(), MailClient.THUNDERBIRD));

        assertTrue(text.contains("Result: Change a setting"), text);
        assertTrue(text.contains("This port expects an encrypted connection from the start."), text);
        assertTrue(text.contains("Connection security: change STARTTLS to SSL/TLS"), text);
        assertTrue(text.contains("Where: ≡ menu (or Tools) → Account Settings → Outgoing Server (SMTP)"), text);
        assertTrue(text.contains("The server on this port speaks SSL/TLS right away."), text);
        assertTrue(text.contains("Who has to act"), text);
        assertTrue(text.contains("1. Choose SSL/TLS."), text);
    }

    @Test
    void aDiagnosisThatIsNotSureSaysSoUnderTheVerdictInEveryFormat() {
        Diagnosis d = Fixtures.passwordDiagnosis();
        Diagnosis unsure = new Diagnosis(d.verdict(), d.changes(), d.actor(), d.title(), d.explanation(),
                d.technicalDetail(), Confidence.LOW, d.evidence(), d.thingsToTry(), d.ruleId(), d.alternatives());
        for (String report : allFormats(Fixtures.probeReport(unsure, MailClient.OTHER))) {
            assertTrue(report.contains("Not sure: what the server did says little about the cause."), report);
        }
        for (String report : allFormats(Fixtures.probeReport(d, MailClient.OTHER))) {
            assertFalse(report.contains("Not sure:"), report);
        }
    }

    @Test
    void plainTextListsStepsWithMarksAndDurations() {
        String text = renderer.plainText(Fixtures.probeReport(Fixtures.passwordDiagnosis(), MailClient.OTHER));

        assertTrue(text.matches("(?s).*✔ Connect\\s+30 ms.*"), text);
        assertTrue(text.matches("(?s).*✘ Sign in\\s+1234 ms\\s+535 5\\.7\\.8 Authentication.*"), text);
        assertTrue(text.contains("– Sender (MAIL FROM)"), text);
        assertTrue(text.contains("Total: 1396 ms"), text);
    }

    @Test
    void plainTextShowsTlsFactsCapabilitiesAndTranscript() {
        String text = renderer.plainText(Fixtures.probeReport(Fixtures.passwordDiagnosis(), MailClient.OTHER));

        assertTrue(text.contains("Protocol: TLSv1.3"), text);
        assertTrue(text.contains("Cipher suite: TLS_AES_128_GCM_SHA256"), text);
        assertTrue(text.contains("Certificate is valid for: smtp.example.com"), text);
        assertTrue(text.contains("Valid: 2026-01-01 to 2027-01-01"), text);
        assertTrue(text.contains("After switching to encryption: AUTH LOGIN PLAIN, SIZE 35882577"), text);
        assertTrue(text.contains("~> AUTH PLAIN <redacted>"), text);
        assertTrue(text.contains("<~ 535 5.7.8 Authentication credentials invalid"), text);
    }

    @Test
    void markdownHasHeadingsTheChangeInBoldAndAStepTable() {
        String md = renderer.markdown(Fixtures.probeReport(Fixtures.securityDiagnosis(), MailClient.IOS_MAIL));

        assertTrue(md.startsWith("# SMTP Doctor report\n"), md);
        assertTrue(md.contains("## What to change"), md);
        assertTrue(md.contains("**Use SSL: change on, with Server Port 587 to on, with Server Port 465**"), md);
        assertTrue(md.contains("| ✘ | Sign in | 1234 ms |"), md);
        assertTrue(md.contains("```text\n"), md);
    }

    @Test
    void htmlIsOneSelfContainedDocumentWithTheKeyFacts() {
        String html = renderer.html(Fixtures.probeReport(Fixtures.securityDiagnosis(), MailClient.OUTLOOK_CLASSIC));

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<section id=\"verdict\" class=\"verdict verdict-fix_setting\">"), html);
        assertTrue(html.contains("Use the following type of encrypted connection"), html);
        assertTrue(html.contains("SSL/TLS (older versions: SSL)"), html);
        assertTrue(html.contains("aria-label=\"failed\""), html);
        assertFalse(html.contains("src="), "no external resources");
        assertFalse(html.contains("href="), "no external resources");
    }

    @Test
    void htmlEscapesScriptTagsFromTheServer() {
        String html = renderer.html(Fixtures.probeReport(Fixtures.securityDiagnosis(), MailClient.THUNDERBIRD));

        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
    }

    @Test
    void markdownEscapesScriptTagsFromTheServer() {
        String md = renderer.markdown(Fixtures.probeReport(Fixtures.securityDiagnosis(), MailClient.THUNDERBIRD));

        String outsideCode = md.replaceAll("(?s)```text\n.*?\n```", "");
        assertFalse(outsideCode.contains("<script"), outsideCode);
        assertTrue(outsideCode.contains("&lt;script&gt;"), outsideCode);
    }

    @ParameterizedTest
    @EnumSource(MailClient.class)
    void aDistinctivePasswordNeverAppearsInAnyFormat(MailClient client) {
        ReportData data = Fixtures.probeReport(Fixtures.passwordDiagnosis(), client);
        List<String> forbidden = List.of(PASSWORD, Fixtures.base64(PASSWORD),
                Fixtures.base64("\0" + USER + "\0" + PASSWORD));

        for (ReportData d : List.of(data, data.withPresentationMode(true))) {
            for (String report : allFormats(d)) {
                forbidden.forEach(f -> assertFalse(report.contains(f), () -> "leaked " + f + " in\n" + report));
            }
        }
    }

    @Test
    void reportDataDropsTheSecret() {
        ReportData data = new ReportData(Optional.of(Fixtures.settings(USER)), Optional.empty(),
                Fixtures.passwordDiagnosis(), MailClient.OTHER, Optional.empty(), "0.1.0", Fixtures.WHEN, false);

        assertTrue(data.settings().orElseThrow().secret().isEmpty());
        assertFalse(data.toString().contains(PASSWORD));
    }

    @Test
    void presentationModeMasksAddressesEverywhereIncludingTheTranscript() {
        ReportData data = Fixtures.probeReport(Fixtures.securityDiagnosis(), MailClient.THUNDERBIRD)
                .withPresentationMode(true);

        for (String report : allFormats(data)) {
            assertFalse(report.contains(USER), report);
            assertFalse(report.contains(RECIPIENT), report);
        }
        String text = renderer.plainText(data);
        assertTrue(text.contains("MAIL FROM:<al***e@ex***.com>"), text);
        assertTrue(text.contains("Sender <al***e@ex***.com> OK"), text);
        assertTrue(text.contains("Send a test message to b***@ex***.org."), text);
        String md = renderer.markdown(data);
        assertTrue(md.contains("MAIL FROM:<al***e@ex***.com>"), "inside the transcript's code fence: " + md);
        assertTrue(md.contains("**Sender:** al\\*\\*\\*e@ex\\*\\*\\*.com"), md);
        String html = renderer.html(data);
        assertTrue(html.contains("MAIL FROM:&lt;al***e@ex***.com&gt;"), html);
    }

    @Test
    void presentationModeMasksTheMiddleOfAUsernameWithoutAt() {
        ReportData data = ReportData.ofProbe(Fixtures.authRejected("alice.smith"), Fixtures.passwordDiagnosis(),
                MailClient.OTHER, "0.1.0", Fixtures.WHEN).withPresentationMode(true);

        String text = renderer.plainText(data);

        assertFalse(text.contains("alice.smith"), text);
        assertFalse(text.contains(Fixtures.base64("alice.smith")), text);
        assertTrue(text.contains("Username: al***h"), text);
        assertTrue(text.contains("Trying smtp.example.com:587 as al***h"), text);
    }

    @Test
    void withoutPresentationModeAddressesStayReadable() {
        String text = renderer.plainText(Fixtures.probeReport(Fixtures.securityDiagnosis(), MailClient.OTHER));

        assertTrue(text.contains("Sender: " + USER), text);
        assertTrue(text.contains("MAIL FROM:<" + USER + ">"), text);
    }

    @Test
    void authPayloadsInATranscriptAreRedactedAgain() {
        String text = renderer.plainText(Fixtures.probeReport(Fixtures.passwordDiagnosis(), MailClient.OTHER));

        assertTrue(text.contains("~> AUTH PLAIN <redacted>"), text);
        assertTrue(text.contains("~> AUTH LOGIN\n"), text);
        assertFalse(text.contains(Fixtures.base64(USER)), text);
        assertEquals(2, text.split("~> <redacted>", -1).length - 1, text);
    }

    @Test
    void controlCharactersFromTheServerAreNeutralised() {
        for (String report : allFormats(Fixtures.probeReport(Fixtures.passwordDiagnosis(), MailClient.OTHER))) {
            assertFalse(report.contains("\u001b"));
            assertTrue(report.contains("server said ?[31mred?[0m"), report);
        }
    }

    @Test
    void aPastedErrorReportHasNoStepsButShowsThePastedText() {
        ReportData data = ReportData.ofPastedText("Sending of the message failed.\n535 5.7.8 Error: "
                + "authentication failed for " + USER, Optional.empty(), Fixtures.passwordDiagnosis(),
                MailClient.THUNDERBIRD, "0.1.0", Fixtures.WHEN);

        String text = renderer.plainText(data);

        assertTrue(text.contains("Error message that was pasted"), text);
        assertTrue(text.contains("  535 5.7.8 Error: authentication failed for " + USER), text);
        assertTrue(text.contains("Saved password"), text);
        assertFalse(text.contains("Steps\n"), text);
        assertFalse(text.contains("Transcript"), text);
        assertFalse(renderer.html(data.withPresentationMode(true)).contains(USER));
    }

    @Test
    void aWorkingResultHasNoChangeSection() {
        ReportData data = Fixtures.probeReport(Fixtures.works(), MailClient.APPLE_MAIL);

        String text = renderer.plainText(data);

        assertTrue(text.contains("Result: Your settings work"), text);
        assertFalse(text.contains("What to change"), text);
        assertTrue(text.contains("Nobody"), text);
    }

    @Test
    void theHeaderSaysWhenWhichVersionAndWhichProgram() {
        String text = renderer.plainText(Fixtures.probeReport(Fixtures.works(), MailClient.GMAIL_ANDROID));

        assertTrue(text.contains("Created: 2026-11-29 10:15 UTC"), text);
        assertTrue(text.contains("SMTP Doctor version: 0.1.0"), text);
        assertTrue(text.contains("Mail program: Gmail app on Android"), text);
        assertTrue(text.contains("This report contains no password."), text);
    }

    @Test
    void renderPicksTheFormat() {
        ReportData data = Fixtures.probeReport(Fixtures.works(), MailClient.OTHER);

        assertEquals(renderer.html(data), renderer.render(data, ReportRenderer.Format.HTML));
        assertEquals(renderer.markdown(data), renderer.render(data, ReportRenderer.Format.MARKDOWN));
        assertEquals(renderer.plainText(data), renderer.render(data, ReportRenderer.Format.PLAIN_TEXT));
        assertEquals("md", ReportRenderer.Format.MARKDOWN.extension());
    }

    @Test
    void everyVocabularyValueHasAText() {
        Messages m = Messages.of(ReportRenderer.BUNDLE, Locale.ROOT);
        for (StepOutcome o : StepOutcome.values()) {
            assertTrue(m.has("report.outcome." + Messages.keyPart(o)), o::name);
        }
        for (Confidence c : Confidence.values()) {
            assertTrue(m.has("report.confidence." + Messages.keyPart(c)), c::name);
        }
    }

    @Test
    void everyChangeAndTheAlternativeAppearInEveryFormat() {
        Diagnosis base = Fixtures.securityDiagnosis();
        Diagnosis d = new Diagnosis(base.verdict(), List.of(
                Change.set(Setting.SECURITY, SettingValue.security(Security.SSL_TLS)),
                Change.set(Setting.PORT, SettingValue.port(465))), base.actor(), base.title(), base.explanation(),
                base.technicalDetail(), base.confidence(), base.evidence(), base.thingsToTry(), base.ruleId(),
                List.of(new Alternative(Setting.SERVER_HOST, Optional.of(SettingValue.host("smtp2.example.com")),
                        "The second server accepts the same account.")));
        for (String report : allFormats(Fixtures.probeReport(d, MailClient.THUNDERBIRD))) {
            assertTrue(report.contains("Connection security"), report);
            assertTrue(report.contains("465"), report);
            assertTrue(report.contains("If that does not help"), report);
            assertTrue(report.contains("smtp2.example.com"), report);
        }
    }

    /** The first test with the user's settings (STARTTLS fails), then SSL/TLS tried and working. */
    private static ReportData afterAnAppliedChange() {
        AccountSettings first = Fixtures.settings(USER);
        ReportData.Attempt failed = new ReportData.Attempt(first, Fixtures.securityDiagnosis());
        AccountSettings fixed = first.withSecurity(Security.SSL_TLS);
        return new ReportData(Optional.of(fixed), Optional.of(Fixtures.authRejected(USER)), Fixtures.works(),
                MailClient.THUNDERBIRD, Optional.empty(), "0.1.0", Fixtures.WHEN, false)
                .withHistory(List.of(failed), Change.between(first, fixed));
    }

    @Test
    void reportOfSeveralTestsListsEverythingTriedAndTheChangesStillToMake() {
        String text = renderer.plainText(afterAnAppliedChange());

        assertTrue(text.contains("These settings work — now change them in Thunderbird."), text);
        assertTrue(text.contains("Still to change in Thunderbird"), text);
        assertTrue(text.contains("Connection security: change STARTTLS to SSL/TLS"), text);
        assertTrue(text.contains("What was tried"), text);
        assertTrue(text.contains("1. Your own settings: smtp.example.com:587, STARTTLS"), text);
        assertTrue(text.contains("This port expects an encrypted connection from the start."), text);
        assertTrue(text.contains("2. Changed Connection security from STARTTLS to SSL/TLS. Result: Your settings work"), text);
        assertFalse(text.contains("nothing needs to change"), text);
    }

    @Test
    void reportOfSeveralTestsHasNoSecretAndIsMaskedInPresentationMode() {
        ReportData data = afterAnAppliedChange();
        for (String report : allFormats(data)) {
            assertFalse(report.contains(PASSWORD), report);
            assertTrue(report.contains("Still to change in Thunderbird"), report);
        }
        for (String report : allFormats(data.withPresentationMode(true))) {
            assertFalse(report.contains(USER), report);
            assertFalse(report.contains(PASSWORD), report);
        }
    }
}
