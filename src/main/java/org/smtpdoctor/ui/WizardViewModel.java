package org.smtpdoctor.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.CertificatePin;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.ui.attempts.Attempts;
import org.smtpdoctor.ui.display.DisplayViewModel;
import org.smtpdoctor.ui.find.FindViewModel;
import org.smtpdoctor.ui.form.AddressLookup;
import org.smtpdoctor.ui.form.SettingsFormViewModel;
import org.smtpdoctor.ui.form.SettingsStore;
import org.smtpdoctor.ui.paste.PasteViewModel;
import org.smtpdoctor.ui.result.Reports;
import org.smtpdoctor.ui.result.ResultViewModel;
import org.smtpdoctor.ui.task.TaskRunner;
import org.smtpdoctor.ui.testing.TestingViewModel;

/**
 * The wizard's course: which page shows, where Next and Back lead, and the commands that span pages (test, apply a
 * change, find, explain). Each page's state lives in its own view model ({@link #form()}, {@link #testing()},
 * {@link #result()}, {@link #find()}, {@link #paste()}); zoom and presentation mode in {@link #display()}; the
 * address look-up in {@link #lookup()}; reports in {@link #reports()}. Holds no scene-graph objects.
 */
public final class WizardViewModel {

    private static final System.Logger LOG = System.getLogger(WizardViewModel.class.getName());

    public static final int STEPS = 5;

    private final Engine engine;
    private final Messages texts;

    private final SettingsFormViewModel form;
    private final AddressLookup lookup;
    private final TestingViewModel testing;
    private final ResultViewModel result;
    private final FindViewModel find;
    private final PasteViewModel paste;
    private final DisplayViewModel display = new DisplayViewModel();
    private final Reports reports;
    private final Attempts attempts = new Attempts();

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.START);
    private final ReadOnlyStringWrapper pageTitle = new ReadOnlyStringWrapper(this, "pageTitle");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanBinding startValid;
    private final BooleanBinding serverValid;
    private final BooleanBinding signInValid;

    private Consumer<Setting> focusHandler = s -> { };
    private Page pageBeforeResult = Page.SIGN_IN;
    private Page pageBeforeFind = Page.START;

    public WizardViewModel(Engine engine, TaskRunner runner, SettingsStore store, Messages texts) {
        this.engine = engine;
        this.texts = texts;
        this.form = new SettingsFormViewModel(engine, texts);
        this.lookup = new AddressLookup(engine, runner, store, form);
        this.testing = new TestingViewModel(engine, runner, texts);
        this.result = new ResultViewModel(engine, texts);
        this.find = new FindViewModel(engine, runner, texts);
        this.paste = new PasteViewModel(engine, runner);
        this.reports = new Reports(engine, runner, result, display);
        testing.presentationModeProperty().bind(display.presentationModeProperty());
        find.presentationModeProperty().bind(display.presentationModeProperty());
        startValid = form.validProperty(SettingsFormViewModel.START_FIELDS);
        serverValid = form.validProperty(SettingsFormViewModel.SERVER_FIELDS);
        signInValid = form.validProperty(SettingsFormViewModel.SIGN_IN_FIELDS);
        pageTitle.bind(Bindings.createStringBinding(this::titleOf, page));
        display.presentationModeProperty().addListener((o, was, now) -> result.reshow(now));
    }

    // ---- state

    public SettingsFormViewModel form() {
        return form;
    }

    public AddressLookup lookup() {
        return lookup;
    }

    public TestingViewModel testing() {
        return testing;
    }

    public ResultViewModel result() {
        return result;
    }

    public FindViewModel find() {
        return find;
    }

    public PasteViewModel paste() {
        return paste;
    }

    public DisplayViewModel display() {
        return display;
    }

    public Reports reports() {
        return reports;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** "Step 2 of 5 — Outgoing server" */
    public ReadOnlyStringProperty pageTitleProperty() {
        return pageTitle.getReadOnlyProperty();
    }

    /** A short message for the status line ("Report copied."), empty when none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding startValidProperty() {
        return startValid;
    }

    public BooleanBinding serverValidProperty() {
        return serverValid;
    }

    public BooleanBinding signInValidProperty() {
        return signInValid;
    }

    /** The name people know a mail program by. */
    public String programName(MailClient program) {
        return engine.programName(program);
    }

    /** The view's way to move the keyboard focus to a field (the first invalid one, the one to change). */
    public void setFocusHandler(Consumer<Setting> handler) {
        this.focusHandler = handler;
    }

    // ---- Start page

    /** The email field was left: its problems show, and what is known about the address is filled in. */
    public void emailEntered() {
        form.leave(Setting.SENDER_ADDRESS);
        lookup.emailEntered();
    }

    /** "Check my settings": on to the Outgoing server page when the address is valid. */
    public void checkSettings() {
        Optional<Setting> invalid = form.reveal(SettingsFormViewModel.START_FIELDS);
        if (invalid.isPresent()) {
            focusHandler.accept(invalid.get());
            return;
        }
        status.set("");
        page.set(Page.SERVER);
    }

    /** "I have an error message": the paste page. */
    public void haveErrorMessage() {
        status.set("");
        page.set(Page.PASTE);
    }

    // ---- navigation

    /** Next (Enter): on when the page is valid; otherwise shows every problem and focuses the first. */
    public void next() {
        switch (page.get()) {
            case START -> checkSettings();
            case SERVER -> goOnIfValid(SettingsFormViewModel.SERVER_FIELDS, () -> {
                lookup.serverChosen();
                page.set(Page.SIGN_IN);
            });
            case SIGN_IN -> goOnIfValid(SettingsFormViewModel.SIGN_IN_FIELDS, this::startTest);
            case PASTE -> explainPasted();
            case TESTING, RESULT, FIND -> { }
        }
    }

    public void back() {
        switch (page.get()) {
            case SERVER, PASTE -> page.set(Page.START);
            case SIGN_IN -> page.set(Page.SERVER);
            case TESTING -> cancelTest();
            case RESULT -> backToSettings();
            case FIND -> leaveFind();
            case START -> { }
        }
    }

    private void goOnIfValid(Set<Setting> fields, Runnable goOn) {
        Optional<Setting> invalid = form.reveal(fields);
        if (invalid.isPresent()) {
            focusHandler.accept(invalid.get());
        } else {
            goOn.run();
        }
    }

    // ---- testing

    /** Runs the probe with the form's settings (all pages valid): the settings the user has in the mail program. */
    public void startTest() {
        startTest(false, List.of());
    }

    /** {@code byAdvice}: the form holds settings SMTP Doctor suggested, which the mail program does not have yet. */
    private void startTest(boolean byAdvice, List<CertificatePin> pinned) {
        Optional<Setting> invalid = form.reveal(SettingsFormViewModel.ALL_FIELDS);
        Optional<AccountSettings> settings = form.settings();
        if (invalid.isPresent() || settings.isEmpty()) {
            invalid.ifPresent(this::showField);
            return;
        }
        if (!byAdvice) {
            // a test the user started: these are the settings in the mail program
            attempts.typedByUser(form.emailProperty().get(), settings.get());
        }
        status.set("");
        page.set(Page.TESTING);
        boolean sendTestMessage = !settings.get().recipient().isBlank();
        testing.start(settings.get(), sendTestMessage, pinned, this::testFinished, this::testFailed);
    }

    /** Esc / Cancel / closing the window: stops the test at once and goes back to the settings. */
    public void cancelTest() {
        if (!testing.runningProperty().get()) {
            return;
        }
        testing.cancel();
        status.set(texts.get("status.cancelled"));
        page.set(Page.SIGN_IN);
    }

    private void testFinished(TestingViewModel.Outcome outcome) {
        pageBeforeResult = Page.SIGN_IN;
        AccountSettings tested = outcome.result().settings().withoutSecret();
        attempts.record(form.emailProperty().get(), tested, outcome.diagnosis());
        Diagnosis d = attempts.withoutTriedAlternatives(outcome.diagnosis(), tested);
        boolean proposalTried = Attempts.applied(tested, d.changes()).map(attempts::triedAlready).orElse(false);
        showResult(new ResultViewModel.Shown(d, Optional.of(tested), Optional.of(outcome.result()),
                form.programOrOther(), "", attempts.earlier(), attempts.changesForProgram(d), proposalTried));
        lookup.save(() -> status.set(texts.get("status.saveSettingsFailed")));
    }

    /** The tests of this account since the wizard opened, and the settings its mail program holds. */
    public Attempts attempts() {
        return attempts;
    }

    private void testFailed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "The test failed unexpectedly", error);
        status.set(texts.get("status.testFailed", error.getClass().getSimpleName()));
        page.set(Page.SIGN_IN);
    }

    // ---- pasted error

    /**
     * Explains the pasted error from its own text, the program chosen and the address typed on the start page (it
     * names the provider: Gmail's refused password needs an app password), never from an earlier test.
     */
    public void explainPasted() {
        String address = form.emailProperty().get().strip();
        ExplainContext context = ExplainContext.none().withSender(address.contains("@") ? address : null);
        paste.explain(context, (text, d) -> {
            pageBeforeResult = Page.PASTE;
            showResult(ResultViewModel.Shown.pasted(d, Optional.empty(), form.programOrOther(), text));
        }, error -> {
            LOG.log(System.Logger.Level.ERROR, "Explaining the pasted text failed unexpectedly", error);
            status.set(texts.get("status.explainFailed", error.getClass().getSimpleName()));
        });
    }

    // ---- finding working settings

    /**
     * "Find the settings for me" / "Find working settings": searches in the background with the address, the
     * server settings the form holds (when valid) and the sign-in the user typed; credentials go only over TLS.
     */
    public void findSettings() {
        Optional<Setting> invalid = form.reveal(SettingsFormViewModel.START_FIELDS);
        if (invalid.isPresent()) {
            showField(invalid.get());
            return;
        }
        testing.cancel();
        FindRequest request = form.findRequest();
        attempts.knowInProgram(form.emailProperty().get(), request.current());
        status.set("");
        if (page.get() != Page.FIND) {
            pageBeforeFind = page.get();
        }
        find.start(request, form.programOrOther(), found -> { }, error -> {
            LOG.log(System.Logger.Level.ERROR, "The search failed unexpectedly", error);
            status.set(texts.get("status.findFailed", error.getClass().getSimpleName()));
        });
        page.set(Page.FIND);
    }

    /** Esc / Stop: ends the search at once; what was found so far stays on the page. */
    public void cancelFind() {
        if (!find.runningProperty().get()) {
            return;
        }
        find.cancel();
        status.set(texts.get("status.findCancelled"));
    }

    /** Back from the search to the page it was started from (stopping it first). */
    public void leaveFind() {
        cancelFind();
        page.set(pageBeforeFind);
    }

    /** "Use these settings": the found server, port and security go into the form, then the normal test runs. */
    public void useFoundSettings() {
        Optional<AccountSettings> found = find.proposal();
        if (found.isEmpty()) {
            return;
        }
        AccountSettings s = found.get();
        // what the mail program holds is the form as typed before the found settings go in
        attempts.knowInProgram(form.emailProperty().get(), form.settings());
        form.apply(Setting.SERVER_HOST, SettingValue.host(s.host()));
        form.apply(Setting.SECURITY, SettingValue.security(s.security()));
        form.apply(Setting.PORT, SettingValue.port(s.port()));
        if (s.signsIn() && !s.username().isEmpty()) {
            form.apply(Setting.USERNAME, SettingValue.username(s.username()));
        }
        startTest(true, List.of());
    }

    /** Stops whatever runs in the background (a test or a search): Esc, closing the window, quitting. */
    public void cancelRunning() {
        cancelTest();
        cancelFind();
    }

    // ---- result

    private void showResult(ResultViewModel.Shown shown) {
        result.show(shown, display.presenting());
        page.set(Page.RESULT);
    }

    /** Puts every suggested value of the diagnosis into the settings at once and tests again. */
    public void applyAndTestAgain() {
        Optional<Diagnosis> d = result.diagnosis();
        if (d.isEmpty() || !result.canApplyProperty().get()) {
            return;
        }
        for (Change c : d.get().changes()) {
            if (c.to().isEmpty() || !form.apply(c.setting(), c.to().get())) {
                showField(c.setting());
                return;
            }
        }
        startTest(true, List.of());
    }

    /**
     * "Trust for this test": tests again trusting exactly the certificate shown (its SHA-256 fingerprint); the
     * password goes to the server only on this second test, after the user chose to trust it.
     */
    public void trustCertificateAndTestAgain() {
        result.certificate().ifPresent(c -> startTest(true, List.of(CertificatePin.parse(c.sha256()))));
    }

    /** Back to the page holding the setting to change, with the focus on it. */
    public void backToSettings() {
        if (pageBeforeResult == Page.PASTE) {
            page.set(Page.PASTE);
            return;
        }
        Setting setting = result.diagnosis().map(Diagnosis::setting).orElse(Setting.SERVER_HOST);
        showField(setting);
    }

    private void showField(Setting setting) {
        Setting target = SettingsFormViewModel.fieldFor(setting);
        page.set(pageOf(target));
        focusHandler.accept(target);
    }

    static Page pageOf(Setting field) {
        if (SettingsFormViewModel.START_FIELDS.contains(field)) {
            return Page.START;
        }
        return SettingsFormViewModel.SIGN_IN_FIELDS.contains(field) ? Page.SIGN_IN : Page.SERVER;
    }

    /** Back to the first page, keeping what was typed. */
    public void startOver() {
        status.set("");
        page.set(Page.START);
    }

    // ---- reports

    /** The plain-text report for the clipboard; notes it in the status line. */
    public String copyReport() {
        String text = reports.reportText(ReportRenderer.Format.PLAIN_TEXT);
        status.set(texts.get("status.reportCopied"));
        return text;
    }

    /** Writes the report in the background and says so in the status line. */
    public void saveReport(Path file, ReportRenderer.Format format) {
        String name = file.getFileName().toString();
        reports.save(file, format, ok -> status.set(ok ? texts.get("status.reportSaved", name)
                : texts.get("status.reportSaveFailed", name)));
    }

    // ---- saved settings

    public void forgetSavedSettings() {
        lookup.forgetAll(() -> status.set(texts.get("status.forgotten")),
                () -> status.set(texts.get("status.forgetFailed")));
    }

    private String titleOf() {
        Page p = page.get();
        String name = texts.get("page." + p.name());
        if (p == Page.RESULT && pageBeforeResult == Page.PASTE || p.step() == 0) {
            return name;
        }
        return texts.get("page.numbered", p.step(), STEPS, name);
    }
}
