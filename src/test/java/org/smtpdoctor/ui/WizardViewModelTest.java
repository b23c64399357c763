package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.report.Masking;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingsValidator;
import org.smtpdoctor.ui.WizardViewModel.Page;

/** The wizard's logic without the toolkit: scripted engine, same-thread runner. */
class WizardViewModelTest {

    @TempDir
    Path dir;

    private FakeEngine engine;
    private WizardViewModel vm;
    private SettingsFormViewModel form;
    private final List<Setting> focused = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = new FakeEngine();
        vm = new WizardViewModel(engine, new SameThreadTaskRunner(), new SettingsStore(dir.resolve("saved.json")),
                Messages.of(App.MESSAGES));
        vm.setFocusHandler(focused::add);
        form = vm.form();
    }

    private void fillValid() {
        form.emailProperty().set("alice@example.test");
        form.hostProperty().set("smtp.example.test");
        form.portProperty().set("587");
        form.usernameProperty().set("alice@example.test");
        form.passwordProperty().set("pw-123");
    }

    /** The core validator's own words for the form's current first problem of a field. */
    private String expectedMessage(Setting setting) {
        return SettingsValidator.validate(form.toInput()).problemsFor(setting).get(0).message();
    }

    @Test
    void choosingSslTlsProposesPort465() {
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
    void nextOnInvalidServerPageStaysAndFocusesFirstInvalidField() {
        fillValid();
        vm.checkSettings();
        form.hostProperty().set("");
        form.portProperty().set("abc");
        assertFalse(vm.serverValidProperty().get());
        vm.next();
        assertEquals(Page.SERVER, vm.pageProperty().get());
        assertEquals(List.of(Setting.SERVER_HOST), focused);
        assertEquals(expectedMessage(Setting.PORT), form.messageProperty(Setting.PORT).get());
    }

    @Test
    void knownProviderPrefillsServerAndSaysWhereItCameFrom() {
        form.emailProperty().set("someone@gmail.com");
        vm.emailEntered();
        assertEquals("smtp.gmail.com", form.hostProperty().get());
        assertEquals("someone@gmail.com", form.usernameProperty().get());
        assertTrue(form.sourceNoteProperty().get().contains("Gmail"), form.sourceNoteProperty().get());
        assertFalse(form.providerHintProperty().get().isEmpty());
    }

    @Test
    void successfulTestShowsWorksAndRemembersSettingsWithoutPassword() throws Exception {
        fillValid();
        vm.checkSettings();
        vm.next();
        vm.next();
        assertEquals(Page.RESULT, vm.pageProperty().get());
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
        String saved = Files.readString(dir.resolve("saved.json"));
        assertTrue(saved.contains("smtp.example.test"), saved);
        assertFalse(saved.contains("pw-123"), saved);
    }

    @Test
    void savedSettingsComeBackForTheSameAddress() {
        fillValid();
        form.portProperty().set("2525");
        vm.startTest();
        WizardViewModel fresh = new WizardViewModel(engine, new SameThreadTaskRunner(),
                new SettingsStore(dir.resolve("saved.json")), Messages.of(App.MESSAGES));
        fresh.form().emailProperty().set("Alice@Example.test");
        fresh.emailEntered();
        assertEquals("smtp.example.test", fresh.form().hostProperty().get());
        assertEquals("2525", fresh.form().portProperty().get());
        assertEquals("", fresh.form().passwordProperty().get());
    }

    @Test
    void forgetSavedSettingsDeletesTheFile() {
        fillValid();
        vm.startTest();
        assertTrue(Files.exists(dir.resolve("saved.json")));
        vm.forgetSavedSettings();
        assertFalse(Files.exists(dir.resolve("saved.json")));
    }

    @Test
    void applyAndTestAgainSetsSuggestedSecurityAndKeepsThePort() {
        fillValid();
        form.portProperty().set("4650");
        engine.prober = s -> s.security() == Security.SSL_TLS ? FakeEngine.success(s)
                : FakeEngine.failure(s, FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED, Phase.GREETING);
        engine.diagnoser = r -> r.success() ? FakeEngine.diagnosis(Verdict.WORKS, Setting.NONE, null)
                : FakeEngine.diagnosis(Verdict.FIX_SETTING, Setting.SECURITY, "SSL/TLS");
        vm.startTest();
        assertTrue(vm.result().canApplyProperty().get());
        vm.applyAndTestAgain();
        assertEquals(Security.SSL_TLS, form.securityProperty().get());
        assertEquals("4650", form.portProperty().get());
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
    }

    @Test
    void backToSettingsGoesToThePasswordFieldForAWrongPassword() {
        fillValid();
        engine.prober = s -> FakeEngine.failure(s, FailureKind.AUTH_REJECTED, Phase.AUTH);
        vm.startTest();
        vm.backToSettings();
        assertEquals(Page.SIGN_IN, vm.pageProperty().get());
        assertEquals(List.of(Setting.PASSWORD), focused);
    }

    @Test
    void pastedErrorIsExplainedOnTheResultPage() {
        vm.haveErrorMessage();
        vm.pastedTextProperty().set("535 5.7.8 Username and Password not accepted");
        vm.explainPasted();
        assertEquals(Page.RESULT, vm.pageProperty().get());
        assertTrue(vm.result().fromPastedTextProperty().get());
        assertEquals("Result", vm.pageTitleProperty().get());
    }

    @Test
    void zoomStepsUpDownAndBack() {
        vm.zoomIn();
        assertEquals(110, vm.zoomPercentProperty().get());
        vm.zoomOut();
        vm.zoomOut();
        assertEquals(90, vm.zoomPercentProperty().get());
        vm.zoomReset();
        assertEquals(100, vm.zoomPercentProperty().get());
    }

    @Test
    void presentationModeMasksTheUsernameOnTheResultPage() {
        fillValid();
        engine.prober = s -> FakeEngine.failure(s, FailureKind.AUTH_REJECTED, Phase.AUTH);
        engine.diagnoser = r -> FakeEngine.diagnosis(Verdict.FIX_SETTING, Setting.USERNAME, "alice@example.test");
        vm.startTest();
        assertEquals("alice@example.test", vm.result().currentValueProperty().get());
        vm.presentationModeProperty().set(true);
        assertEquals(Masking.maskAddress("alice@example.test"), vm.result().currentValueProperty().get());
        assertFalse(vm.result().currentValueProperty().get().contains("alice"));
    }

    @Test
    void signInOffSendsNoCredentials() {
        fillValid();
        form.signInProperty().set(false);
        vm.startTest();
        assertEquals(AuthMethod.NONE, engine.probed.get(0).authMethod());
        assertTrue(engine.probed.get(0).secret().isEmpty());
    }

    @Test
    void pageTitlesAreNumbered() {
        assertEquals("Step 1 of 5 — Start", vm.pageTitleProperty().get());
        fillValid();
        vm.checkSettings();
        assertEquals("Step 2 of 5 — Outgoing server", vm.pageTitleProperty().get());
    }
}
