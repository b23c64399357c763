package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingsValidator;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.ui.form.SettingsFormViewModel;
import org.smtpdoctor.ui.form.SettingsStore;
import org.smtpdoctor.ui.task.SameThreadTaskRunner;

/**
 * The wizard's logic without the toolkit: the real engine against the test kit's fake SMTP server on loopback,
 * run through the same-thread task runner, so every command has finished when it returns.
 */
class WizardViewModelTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "S3cr3t-Pa55-✓";
    private static final ServerIdentity IDENTITY = TestCertificates.localhost();

    @TempDir
    Path dir;

    private WizardViewModel vm;
    private SettingsFormViewModel form;
    private FakeSmtpServer server;
    private final List<Setting> focused = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vm = newViewModel();
        vm.setFocusHandler(focused::add);
        form = vm.form();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private WizardViewModel newViewModel() {
        ProbeOptions options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5))
                .withTrustedCertificates(IDENTITY.trustedCertificates());
        return new WizardViewModel(new CoreEngine(options), new SameThreadTaskRunner(),
                new SettingsStore(dir.resolve("saved.json")), Messages.of(App.MESSAGES));
    }

    private void startTlsServer() {
        server = FakeSmtpServer.builder().starttls(IDENTITY).auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
    }

    /** A complete, valid form for the running fake server. */
    private void fill(Security security, String password) {
        form.emailProperty().set(USER);
        form.hostProperty().set("127.0.0.1");
        form.securityProperty().set(security);
        form.portProperty().set(String.valueOf(server.port()));
        form.usernameProperty().set(USER);
        form.passwordProperty().set(password);
    }

    private String expectedMessage(Setting setting) {
        return SettingsValidator.validate(form.toInput()).problemsFor(setting).get(0).message();
    }

    @Test
    void choosingSslTlsProposesPort465AndStarttls587() {
        form.securityProperty().set(Security.SSL_TLS);
        assertEquals("465", form.portProperty().get());
        form.securityProperty().set(Security.STARTTLS);
        assertEquals("587", form.portProperty().get());
    }

    @Test
    void portTypedByUserStaysWhenSecurityChanges() {
        form.portProperty().set("2525");
        form.securityProperty().set(Security.SSL_TLS);
        assertEquals("2525", form.portProperty().get());
    }

    @Test
    void fieldProblemShowsOnlyAfterLeavingTheField() {
        form.hostProperty().set("");
        assertEquals("", form.messageProperty(Setting.SERVER_HOST).get());
        form.leave(Setting.SERVER_HOST);
        assertEquals(expectedMessage(Setting.SERVER_HOST), form.messageProperty(Setting.SERVER_HOST).get());
    }

    @Test
    void nextOnAnInvalidServerPageStaysAndFocusesTheFirstInvalidField() {
        form.emailProperty().set(USER);
        vm.checkSettings();
        form.hostProperty().set("");
        form.portProperty().set("70000");
        assertFalse(vm.serverValidProperty().get());
        vm.next();
        assertEquals(Page.SERVER, vm.pageProperty().get());
        assertEquals(List.of(Setting.SERVER_HOST), focused);
        assertEquals(expectedMessage(Setting.PORT), form.messageProperty(Setting.PORT).get());
    }

    @Test
    void checkSettingsNeedsTheEmailAddress() {
        vm.checkSettings();
        assertEquals(Page.START, vm.pageProperty().get());
        assertEquals(List.of(Setting.SENDER_ADDRESS), focused);
        assertFalse(form.messageProperty(Setting.SENDER_ADDRESS).get().isEmpty());
    }

    @Test
    void knownProviderPrefillsServerAndSaysWhereItCameFrom() {
        form.emailProperty().set("someone@gmail.com");
        vm.emailEntered();
        assertEquals("smtp.gmail.com", form.hostProperty().get());
        assertEquals("someone@gmail.com", form.usernameProperty().get());
        assertTrue(form.sourceNoteProperty().get().contains("Gmail"), form.sourceNoteProperty().get());
        assertTrue(form.providerHintProperty().get().contains("app password"), form.providerHintProperty().get());
    }

    @Test
    void aSendingServiceFillsItsFixedUserNameAndSaysThePasswordIsAKey() {
        form.prefill(ProviderCatalog.builtIn().byId("sendgrid").orElseThrow());
        assertEquals("smtp.sendgrid.net", form.hostProperty().get());
        assertEquals("apikey", form.usernameProperty().get());
        assertTrue(form.providerHintProperty().get().contains("key"), form.providerHintProperty().get());
    }

    @Test
    void choosingASendingServicesServerFillsItsFixedUserName() {
        form.emailProperty().set("alerts@example.org");
        vm.checkSettings();
        assertEquals(Page.SERVER, vm.pageProperty().get());
        form.hostProperty().set("smtp.sendgrid.net");
        form.securityProperty().set(Security.STARTTLS);
        form.portProperty().set("587");
        vm.next();
        assertEquals(Page.SIGN_IN, vm.pageProperty().get());
        assertEquals("apikey", form.usernameProperty().get());
        assertTrue(form.providerHintProperty().get().contains("key"), form.providerHintProperty().get());
        assertTrue(form.usernameHelpProperty().get().contains("apikey"), form.usernameHelpProperty().get());
        form.hostProperty().set("smtp.example.org");
        assertFalse(form.usernameHelpProperty().get().contains("apikey"), form.usernameHelpProperty().get());
        assertFalse(form.providerHintProperty().get().contains("key"), form.providerHintProperty().get());
        assertFalse("apikey".equals(form.usernameProperty().get()), "the service's name goes with its server");
    }

    @Test
    void aNameTheUserTypedForTheServiceStays() {
        form.emailProperty().set("alerts@example.org");
        vm.checkSettings();
        form.hostProperty().set("smtp.resend.com");
        form.securityProperty().set(Security.SSL_TLS);
        form.portProperty().set("465");
        form.usernameProperty().set("my-team");
        vm.next();
        assertEquals("my-team", form.usernameProperty().get());
    }

    @Test
    void leavingTheSameAddressAgainKeepsWhatTheUserTyped() {
        form.emailProperty().set("someone@gmail.com");
        vm.emailEntered();
        form.hostProperty().set("smtp.other.example");
        vm.emailEntered();
        assertEquals("smtp.other.example", form.hostProperty().get());
    }

    @Test
    void successfulTestShowsWorksAndRemembersTheSettingsWithoutThePassword() throws Exception {
        startTlsServer();
        fill(Security.STARTTLS, PASSWORD);
        vm.checkSettings();
        vm.next();
        vm.next();
        assertEquals(Page.RESULT, vm.pageProperty().get());
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
        String saved = Files.readString(dir.resolve("saved.json"));
        assertTrue(saved.contains("127.0.0.1"), saved);
        assertFalse(saved.contains(PASSWORD), saved);
    }

    @Test
    void savedSettingsComeBackForTheSameAddress() {
        startTlsServer();
        fill(Security.STARTTLS, PASSWORD);
        vm.startTest();
        WizardViewModel fresh = newViewModel();
        fresh.form().emailProperty().set("Alice@Example.test");
        fresh.emailEntered();
        assertEquals("127.0.0.1", fresh.form().hostProperty().get());
        assertEquals(String.valueOf(server.port()), fresh.form().portProperty().get());
        assertEquals(USER, fresh.form().usernameProperty().get());
        assertEquals("", fresh.form().passwordProperty().get());
        assertTrue(fresh.form().sourceNoteProperty().get().contains("last time"));
    }

    @Test
    void forgetSavedSettingsDeletesTheFile() {
        startTlsServer();
        fill(Security.STARTTLS, PASSWORD);
        vm.startTest();
        assertTrue(Files.exists(dir.resolve("saved.json")));
        vm.forgetSavedSettings();
        assertFalse(Files.exists(dir.resolve("saved.json")));
    }

    @Test
    void wrongPasswordPointsAtThePasswordField() {
        startTlsServer();
        fill(Security.STARTTLS, "wrong-password");
        vm.startTest();
        assertEquals(Verdict.FIX_SETTING, vm.result().verdictProperty().get());
        assertEquals(Setting.PASSWORD, vm.result().diagnosis().orElseThrow().setting());
        vm.backToSettings();
        assertEquals(Page.SIGN_IN, vm.pageProperty().get());
        assertEquals(List.of(Setting.PASSWORD), focused);
    }

    @Test
    void starttlsOnAnImplicitTlsPortIsFixedByApplyAndTestAgain() {
        server = FakeSmtpServer.builder().implicitTls(IDENTITY).auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
        fill(Security.STARTTLS, PASSWORD);
        vm.startTest();
        assertEquals(Setting.SECURITY, vm.result().diagnosis().orElseThrow().setting());
        assertTrue(vm.result().canApplyProperty().get());
        vm.applyAndTestAgain();
        assertEquals(Security.SSL_TLS, form.securityProperty().get());
        assertEquals(String.valueOf(server.port()), form.portProperty().get());
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
    }

    @Test
    void afterApplyWorksTheResultSaysWhatToChangeInTheProgramAndTheReportHasEveryTest() {
        server = FakeSmtpServer.builder().implicitTls(IDENTITY).auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
        form.programProperty().set(MailClient.THUNDERBIRD);
        fill(Security.STARTTLS, PASSWORD);
        vm.startTest();
        vm.applyAndTestAgain();
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
        ClientGuide guide = new ClientGuide();
        assertEquals("These settings work — now change them in Thunderbird:", vm.result().titleProperty().get());
        assertEquals(guide.locate(MailClient.THUNDERBIRD, Setting.SECURITY).fieldName(),
                vm.result().settingNameProperty().get());
        assertEquals(guide.valueLabel(MailClient.THUNDERBIRD, Security.STARTTLS),
                vm.result().currentValueProperty().get());
        assertEquals(guide.valueLabel(MailClient.THUNDERBIRD, Security.SSL_TLS),
                vm.result().suggestedValueProperty().get());
        assertFalse(vm.result().whereToFindProperty().get().isEmpty());
        String report = vm.reports().reportText(ReportRenderer.Format.PLAIN_TEXT);
        assertTrue(report.contains("Still to change in Thunderbird"), report);
        assertTrue(report.contains("1. Your own settings: 127.0.0.1:" + server.port()), report);
        assertTrue(report.contains("2. Changed Connection security"), report);
        assertFalse(report.contains(PASSWORD), report);
    }

    @Test
    void testingTheSameSettingsAgainSaysNothingIsToChange() {
        startTlsServer();
        form.programProperty().set(MailClient.THUNDERBIRD);
        fill(Security.STARTTLS, PASSWORD);
        vm.startTest();
        vm.startTest();
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
        assertFalse(vm.result().titleProperty().get().contains("now change them"));
        assertFalse(vm.result().hasSettingProperty().get());
    }

    @Test
    void signInOffSendsNoCredentials() {
        server = FakeSmtpServer.builder().start();
        fill(Security.NONE, PASSWORD);
        form.signInProperty().set(false);
        vm.startTest();
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
        assertFalse(server.connection(1).verbs().contains("AUTH"), server.connection(1).verbs().toString());
        assertFalse(String.join("\n", server.allLines()).contains(PASSWORD));
    }

    @Test
    void pastedErrorIsExplainedOnTheResultPage() {
        vm.haveErrorMessage();
        vm.paste().pastedTextProperty().set("535 5.7.8 Error: authentication failed: authentication failure");
        vm.explainPasted();
        assertEquals(Page.RESULT, vm.pageProperty().get());
        assertTrue(vm.result().fromPastedTextProperty().get());
        assertEquals(Setting.PASSWORD, vm.result().diagnosis().orElseThrow().setting());
        assertEquals("Result", vm.pageTitleProperty().get());
    }

    @Test
    void pastedTextThatIsNoMailErrorIsNotRecognisedNotJudged() {
        vm.haveErrorMessage();
        vm.paste().pastedTextProperty().set("hello world");
        vm.explainPasted();
        assertEquals(Page.RESULT, vm.pageProperty().get());
        assertEquals(Verdict.NOT_RECOGNISED, vm.result().verdictProperty().get());
        assertEquals("No conclusion from this text", vm.result().bannerProperty().get());
        assertFalse(vm.result().hasSettingProperty().get());
        assertTrue(vm.result().alternativesProperty().get().isEmpty());
        for (ReportRenderer.Format f : ReportRenderer.Format.values()) {
            String report = vm.reports().reportText(f);
            assertTrue(report.contains("No conclusion from this text"), f + ": " + report);
            assertFalse(report.contains("It works"), f + ": " + report);
            assertFalse(report.contains("Who has to act"), f + ": " + report);
        }
    }

    @Test
    void pastedErrorShowsWhatToTryIfTheChangeDoesNotHelp() {
        vm.haveErrorMessage();
        vm.paste().pastedTextProperty().set("535 5.7.8 Error: authentication failed: authentication failure");
        vm.explainPasted();
        assertTrue(vm.result().alternativesProperty().get().startsWith("If that does not help"),
                vm.result().alternativesProperty().get());
        assertTrue(vm.reports().reportText(ReportRenderer.Format.PLAIN_TEXT).contains("If that does not help"),
                vm.reports().reportText(ReportRenderer.Format.PLAIN_TEXT));
    }

    @Test
    void anAlternativeThatIsNoFieldIsSaidByItsReasonNotAsCheckNothingToChange() {
        vm.haveErrorMessage();
        vm.paste().pastedTextProperty().set("554 Message rejected: your account is still in the sandbox. Request"
                + " production access to send to anyone.");
        vm.explainPasted();
        String alternatives = vm.result().alternativesProperty().get();
        assertTrue(alternatives.startsWith("If that does not help"), alternatives);
        assertFalse(alternatives.contains("check Nothing"), alternatives);
        for (ReportRenderer.Format f : ReportRenderer.Format.values()) {
            String report = vm.reports().reportText(f);
            assertFalse(report.contains("check Nothing"), f + ": " + report);
        }
        assertFalse(vm.result().canFindProperty().get(), "the provider has to act: other settings would not help");
    }

    @Test
    void findingOtherSettingsIsOfferedOnlyWhenTheSettingsMayBeWhatIsWrong() {
        vm.haveErrorMessage();
        vm.paste().pastedTextProperty().set("535 5.7.8 Error: authentication failed: authentication failure");
        vm.explainPasted();
        assertTrue(vm.result().canFindProperty().get(), "a sign-in refusal: the settings may be wrong");
        vm.haveErrorMessage();
        vm.paste().pastedTextProperty().set("451 4.7.1 Please try again later: you are greylisted (postgrey)");
        vm.explainPasted();
        assertFalse(vm.result().canFindProperty().get(), "waiting is the answer");
    }

    @Test
    void reportsAndSavedReportNeverContainThePassword() throws Exception {
        startTlsServer();
        fill(Security.STARTTLS, PASSWORD);
        vm.startTest();
        for (ReportRenderer.Format f : ReportRenderer.Format.values()) {
            String report = vm.reports().reportText(f);
            assertTrue(report.contains("127.0.0.1"), f + ": " + report);
            assertFalse(report.contains(PASSWORD), f.name());
        }
        assertFalse(vm.copyReport().contains(PASSWORD));
        Path file = dir.resolve("report.html");
        vm.saveReport(file, ReportRenderer.Format.HTML);
        assertTrue(Files.readString(file).contains("<html"));
        assertFalse(Files.readString(file).contains(PASSWORD));
    }

    @Test
    void presentationModeMasksTheAddressInTheTechnicalDetails() {
        startTlsServer();
        fill(Security.STARTTLS, PASSWORD);
        vm.startTest();
        assertTrue(vm.result().technicalDetailsProperty().get().contains(USER));
        vm.display().presentationModeProperty().set(true);
        assertFalse(vm.result().technicalDetailsProperty().get().contains(USER));
        assertTrue(vm.reports().reportText(ReportRenderer.Format.PLAIN_TEXT).indexOf(USER) < 0);
    }

    @Test
    void zoomStepsUpDownAndBack() {
        vm.display().zoomIn();
        assertEquals(110, vm.display().zoomPercentProperty().get());
        vm.display().zoomOut();
        vm.display().zoomOut();
        assertEquals(90, vm.display().zoomPercentProperty().get());
        vm.display().zoomReset();
        assertEquals(100, vm.display().zoomPercentProperty().get());
    }

    @Test
    void pageTitlesAreNumbered() {
        assertEquals("Step 1 of 5 — Start", vm.pageTitleProperty().get());
        form.emailProperty().set(USER);
        vm.checkSettings();
        assertEquals("Step 2 of 5 — Outgoing server", vm.pageTitleProperty().get());
    }
}
