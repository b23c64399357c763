package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.StagedMailServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * Issue 10 in the wizard: the advice is applied all at once, and a success with settings the mail program does not
 * have yet says what to change there ("in your mail program" versus "tested").
 */
class WizardAdviceTest {

    @TempDir
    Path dir;

    private WizardViewModel wizard(StagedMailServer server) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withGreetingWait(Duration.ofMillis(500)).withTrustedCertificates(List.of(TestCertificates.ca()));
        FinderOptions finder = FinderOptions.defaults().withPorts(new FinderOptions.StandardPorts(
                server.implicitTls().port(), server.submission().port(), server.relay().port()));
        return new WizardViewModel(new CoreEngine(options, Clock.systemDefaultZone(), finder,
                () -> DnsJavaLookup.system(Duration.ofSeconds(1))), new SameThreadTaskRunner(),
                new SettingsStore(dir.resolve("saved.json")), Messages.of(App.MESSAGES));
    }

    private static void fill(WizardViewModel vm, int port, Security security, AuthMethod method) {
        SettingsFormViewModel form = vm.form();
        form.programProperty().set(MailClient.THUNDERBIRD);
        form.emailProperty().set(StagedMailServer.USER);
        form.hostProperty().set("127.0.0.1");
        form.securityProperty().set(security);
        form.portProperty().set(String.valueOf(port));
        form.signInProperty().set(true);
        form.authMethodProperty().set(method);
        form.usernameProperty().set(StagedMailServer.USER);
        form.passwordProperty().set(StagedMailServer.PASSWORD);
    }

    @Test
    void applyPutsEveryChangeInAtOnceAndTheSuccessSaysWhatToChangeInTheProgram() {
        try (StagedMailServer server = StagedMailServer.builder(StagedMailServer.Mta.EXIM).start()) {
            WizardViewModel vm = wizard(server);
            fill(vm, server.relay().port(), Security.NONE, AuthMethod.AUTO);
            vm.startTest();
            assertEquals(Verdict.FIX_SETTING, vm.result().verdictProperty().get());
            assertTrue(vm.result().canApplyProperty().get());

            vm.applyAndTestAgain();

            assertEquals(String.valueOf(server.submission().port()), vm.form().portProperty().get());
            assertEquals(Security.STARTTLS, vm.form().securityProperty().get());
            ResultViewModel r = vm.result();
            assertEquals(Verdict.WORKS, r.verdictProperty().get());
            assertEquals("These settings work \u2014 now change them in Thunderbird:", r.titleProperty().get());
            assertTrue(r.hasSettingProperty().get());
            assertEquals(String.valueOf(server.submission().port()), r.suggestedValueProperty().get());
            assertFalse(r.moreChangesProperty().get().isBlank(), "the connection security too");
            assertFalse(r.canApplyProperty().get());
            assertFalse(r.explanationProperty().get().contains("Nothing needs to change"));
        }
    }

    @Test
    void encryptedPasswordOnlyIsAppliedAndThenNamedForTheProgram() {
        try (StagedMailServer server = StagedMailServer.builder(StagedMailServer.Mta.POSTFIX).mechanisms("CRAM-MD5")
                .start()) {
            WizardViewModel vm = wizard(server);
            fill(vm, server.submission().port(), Security.STARTTLS, AuthMethod.PLAIN);
            vm.startTest();
            assertEquals(Setting.AUTH_METHOD, vm.result().diagnosis().orElseThrow().setting());

            vm.applyAndTestAgain();

            assertEquals(AuthMethod.CRAM_MD5, vm.form().authMethodProperty().get());
            assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
            assertEquals("Encrypted password", vm.result().suggestedValueProperty().get());
        }
    }

    private static Diagnosis suggesting(Change... changes) {
        return new Diagnosis(Verdict.FIX_SETTING, List.of(changes), Actor.YOU, "t", "e", "", Confidence.HIGH,
                List.of(), List.of(), "test", List.of());
    }

    @Test
    void aSuggestionLeadingBackToSettingsAlreadyTestedIsRecognised() {
        AccountSettings tried = AccountSettings.of("mail.example.org", 465, Security.SSL_TLS);
        AccountSettings now = AccountSettings.of("mail.example.org", 587, Security.STARTTLS);
        Diagnosis back = suggesting(Change.of(Setting.PORT, SettingValue.port(587), SettingValue.port(465)),
                Change.of(Setting.SECURITY, SettingValue.security(Security.STARTTLS),
                        SettingValue.security(Security.SSL_TLS)));
        Diagnosis elsewhere = suggesting(Change.of(Setting.PORT, SettingValue.port(587), SettingValue.port(2525)));

        assertTrue(WizardViewModel.leadsBack(back, now, List.of(tried)));
        assertFalse(WizardViewModel.leadsBack(elsewhere, now, List.of(tried)));
        assertFalse(WizardViewModel.leadsBack(back, now, List.of()));
    }

    @Test
    void settingsThatWorkAsTypedNeedNoChange() {
        try (StagedMailServer server = StagedMailServer.builder(StagedMailServer.Mta.HARAKA).start()) {
            WizardViewModel vm = wizard(server);
            fill(vm, server.submission().port(), Security.STARTTLS, AuthMethod.PLAIN);

            vm.startTest();

            assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
            assertFalse(vm.result().hasSettingProperty().get());
            assertFalse(vm.result().titleProperty().get().contains("now change"));
        }
    }
}
