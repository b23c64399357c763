package org.smtpdoctor.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.Validation;

/**
 * The whole wizard: which page shows, the commands behind every button and shortcut, zoom and presentation mode.
 * Holds no scene-graph objects; the views bind to its properties and forward the user's actions.
 */
public final class WizardViewModel {

    private static final System.Logger LOG = System.getLogger(WizardViewModel.class.getName());

    /**
     * The pages, with their step number ("Step 2 of 5"); the paste page and the settings search are side paths
     * without a number.
     */
    public enum Page {
        START(1), SERVER(2), SIGN_IN(3), TESTING(4), RESULT(5), PASTE(0), FIND(0);

        private final int step;

        Page(int step) {
            this.step = step;
        }

        public int step() {
            return step;
        }
    }

    public static final int STEPS = 5;
    /** Zoom steps in percent of the normal size. */
    static final int[] ZOOM_LEVELS = {80, 90, 100, 110, 125, 150, 175, 200};
    private static final int NORMAL_ZOOM = 2;

    private final Engine engine;
    private final TaskRunner runner;
    private final SettingsStore store;
    private final Messages texts;

    private final SettingsFormViewModel form;
    private final TestingViewModel testing;
    private final ResultViewModel result;
    private final FindViewModel find;

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.START);
    private final ReadOnlyStringWrapper pageTitle = new ReadOnlyStringWrapper(this, "pageTitle");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper zoomPercent = new ReadOnlyIntegerWrapper(this, "zoomPercent", 100);
    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode", false);
    private final StringProperty pastedText = new SimpleStringProperty(this, "pastedText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding startValid;
    private final BooleanBinding serverValid;
    private final BooleanBinding signInValid;
    private final BooleanBinding pasteValid;
    private final BooleanBinding canFindFromResult;

    private int zoomIndex = NORMAL_ZOOM;
    private Consumer<Setting> focusHandler = s -> { };
    private Optional<AccountSettings> lastTested = Optional.empty();
    /** Every combination tested since the wizard opened: a suggestion never sends the user back to one of them. */
    private final List<AccountSettings> attempts = new ArrayList<>();
    /** What the mail program holds: the settings of the last test the user started (not Apply or a found set). */
    private Optional<AccountSettings> inProgram = Optional.empty();
    private Optional<ProbeResult> lastProbe = Optional.empty();
    private String lastPasted = "";
    private String lastLookedUp = "";
    private Page pageBeforeResult = Page.SIGN_IN;
    private Page pageBeforeFind = Page.START;

    public WizardViewModel(Engine engine, TaskRunner runner, SettingsStore store, Messages texts) {
        this.engine = engine;
        this.runner = runner;
        this.store = store;
        this.texts = texts;
        this.form = new SettingsFormViewModel(engine, texts);
        this.testing = new TestingViewModel(engine, runner, texts);
        this.result = new ResultViewModel(engine, texts);
        this.find = new FindViewModel(engine, runner, texts);
        testing.presentationModeProperty().bind(presentationMode);
        find.presentationModeProperty().bind(presentationMode);
        startValid = form.validProperty(SettingsFormViewModel.START_FIELDS);
        serverValid = form.validProperty(SettingsFormViewModel.SERVER_FIELDS);
        signInValid = form.validProperty(SettingsFormViewModel.SIGN_IN_FIELDS);
        pasteValid = Bindings.createBooleanBinding(() -> !pastedText.get().isBlank(), pastedText);
        canFindFromResult = Bindings.createBooleanBinding(() -> result.verdictProperty().get() != null
                && result.verdictProperty().get() != org.smtpdoctor.diagnosis.Verdict.WORKS, result.verdictProperty());
        pageTitle.bind(Bindings.createStringBinding(this::titleOf, page));
        presentationMode.addListener((o, was, now) -> reshowResult());
    }

    // ---- state

    public SettingsFormViewModel form() {
        return form;
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

    /** The result is not "works": the Result page offers "Find working settings". */
    public BooleanBinding canFindFromResultProperty() {
        return canFindFromResult;
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

    public ReadOnlyIntegerProperty zoomPercentProperty() {
        return zoomPercent.getReadOnlyProperty();
    }

    public BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    public StringProperty pastedTextProperty() {
        return pastedText;
    }

    /** Background work other than a probe (explaining a pasted error, looking up an address) is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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

    public BooleanBinding pasteValidProperty() {
        return pasteValid;
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

    /** The email field was left: restore what was saved for the address, else pre-fill from a known provider. */
    public void emailEntered() {
        form.leave(Setting.SENDER_ADDRESS);
        String address = form.emailProperty().get().strip();
        if (address.indexOf('@') < 1 || address.equalsIgnoreCase(lastLookedUp)) {
            // the same address again (the user came back to the field): keep what they typed since
            return;
        }
        lastLookedUp = address;
        busy.set(true);
        runner.run(() -> lookUp(address), found -> {
            busy.set(false);
            if (!address.equals(form.emailProperty().get().strip())) {
                return;
            }
            if (found.saved().isPresent()) {
                form.restore(found.saved().get(), found.provider());
            } else if (found.provider().isPresent()) {
                form.prefill(found.provider().get());
            } else {
                form.noSource();
            }
        }, error -> {
            busy.set(false);
            form.noSource();
        });
    }

    private record LookUp(Optional<SavedSettings> saved, Optional<org.smtpdoctor.providers.Provider> provider) {
    }

    private LookUp lookUp(String address) throws java.io.IOException {
        Optional<SavedSettings> saved = store.load(address);
        return new LookUp(saved, engine.providerFor(address));
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
            case START:
                checkSettings();
                break;
            case SERVER:
                goOnIfValid(SettingsFormViewModel.SERVER_FIELDS, () -> page.set(Page.SIGN_IN));
                break;
            case SIGN_IN:
                goOnIfValid(SettingsFormViewModel.SIGN_IN_FIELDS, this::startTest);
                break;
            case PASTE:
                explainPasted();
                break;
            default:
                break;
        }
    }

    public void back() {
        switch (page.get()) {
            case SERVER:
            case PASTE:
                page.set(Page.START);
                break;
            case SIGN_IN:
                page.set(Page.SERVER);
                break;
            case TESTING:
                cancelTest();
                break;
            case RESULT:
                backToSettings();
                break;
            case FIND:
                leaveFind();
                break;
            default:
                break;
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
        startTest(false);
    }

    /** {@code byAdvice}: the form holds settings SMTP Doctor suggested, which the mail program does not have yet. */
    private void startTest(boolean byAdvice) {
        Optional<Setting> invalid = form.reveal(SettingsFormViewModel.ALL_FIELDS);
        Optional<AccountSettings> settings = form.settings();
        if (invalid.isPresent() || settings.isEmpty()) {
            invalid.ifPresent(this::showField);
            return;
        }
        if (!byAdvice || inProgram.isEmpty()) {
            inProgram = Optional.of(settings.get().withoutSecret());
        }
        status.set("");
        page.set(Page.TESTING);
        boolean sendTestMessage = !settings.get().recipient().isBlank();
        testing.start(settings.get(), sendTestMessage, this::testFinished, this::testFailed);
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
        lastTested = Optional.of(outcome.result().settings().withoutSecret());
        lastProbe = Optional.of(outcome.result());
        lastPasted = "";
        pageBeforeResult = Page.SIGN_IN;
        showResult(withProgramChanges(outcome.diagnosis()));
        if (lastTested.isPresent() && leadsBack(outcome.diagnosis(), lastTested.get(), attempts)) {
            result.withholdApply();
            status.set(texts.get("status.alreadyTried"));
        }
        attempts.add(lastTested.get());
        save();
    }

    private void testFailed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "The test failed unexpectedly", error);
        status.set(texts.get("status.testFailed", error.getClass().getSimpleName()));
        page.set(Page.SIGN_IN);
    }

    private void save() {
        String address = form.emailProperty().get().strip();
        if (address.isEmpty()) {
            return;
        }
        SavedSettings saved = form.toSaved();
        runner.run(() -> {
            store.save(address, saved);
            return Boolean.TRUE;
        }, ok -> { }, error -> status.set(texts.get("status.saveSettingsFailed")));
    }

    // ---- pasted error

    public void explainPasted() {
        String text = pastedText.get();
        if (text.isBlank()) {
            return;
        }
        busy.set(true);
        var context = form.toInput();
        Optional<AccountSettings> settings = form.settings().map(AccountSettings::withoutSecret);
        runner.run(() -> engine.explain(text, context), d -> {
            busy.set(false);
            lastTested = settings;
            lastProbe = Optional.empty();
            lastPasted = text;
            pageBeforeResult = Page.PASTE;
            showResult(d);
        }, error -> {
            busy.set(false);
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
        FindRequest request = findRequest();
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

    /** The form as a search request: the server fields as "what I have now" when they are valid. */
    private FindRequest findRequest() {
        SettingsInput in = form.toInput();
        boolean signsIn = form.signInProperty().get();
        Validation server = engine.validate(new SettingsInput(in.host(), in.port(), in.security(), AuthMethod.NONE,
                "", Secret.empty(), "", ""));
        Optional<AccountSettings> current = server.errors().isEmpty()
                ? server.settings().map(s -> s.withAuthMethod(signsIn ? form.authMethodProperty().get()
                        : AuthMethod.NONE).withCredentials(signsIn ? in.username() : "", Secret.empty()))
                : Optional.empty();
        Secret secret = signsIn ? in.secret() : Secret.empty();
        return new FindRequest(form.emailProperty().get().strip(), signsIn ? in.username() : "", secret, current,
                false);
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
        if (inProgram.isEmpty()) {
            form.settings().ifPresent(typed -> inProgram = Optional.of(typed.withoutSecret()));
        }
        form.apply(Setting.SERVER_HOST, SettingValue.host(s.host()));
        form.apply(Setting.SECURITY, SettingValue.security(s.security()));
        form.apply(Setting.PORT, SettingValue.port(s.port()));
        if (s.signsIn() && !s.username().isEmpty()) {
            form.apply(Setting.USERNAME, SettingValue.username(s.username()));
        }
        startTest(true);
    }

    /** Stops whatever runs in the background (a test or a search): Esc, closing the window, quitting. */
    public void cancelRunning() {
        cancelTest();
        cancelFind();
    }

    // ---- result

    private void showResult(Diagnosis d) {
        result.show(d, lastTested, lastProbe, form.programOrOther(), presentationMode.get());
        page.set(Page.RESULT);
    }

    private void reshowResult() {
        result.diagnosis().ifPresent(d ->
                result.show(d, lastTested, lastProbe, form.programOrOther(), presentationMode.get()));
    }

    /** Puts every suggested value into the settings at once and tests again. */
    public void applyAndTestAgain() {
        Optional<Diagnosis> d = result.diagnosis();
        if (d.isEmpty() || d.get().suggestedValue().isEmpty()) {
            return;
        }
        for (Change c : d.get().changes()) {
            if (c.to().isPresent() && !form.apply(c.setting(), c.to().get())) {
                showField(c.setting());
                return;
            }
        }
        startTest(true);
    }

    /** Whether applying the diagnosis's changes to {@code tested} leads back to a combination in {@code attempts}. */
    static boolean leadsBack(Diagnosis d, AccountSettings tested, List<AccountSettings> attempts) {
        if (d.verdict() == Verdict.WORKS || d.changes().isEmpty()) {
            return false;
        }
        AccountSettings next = tested;
        for (Change c : d.changes()) {
            if (c.to().isEmpty()) {
                return false;
            }
            SettingValue v = c.to().get();
            if (v instanceof SettingValue.HostName h) {
                next = next.withHost(h.host());
            } else if (v instanceof SettingValue.PortNumber p) {
                next = next.withPort(p.port());
            } else if (v instanceof SettingValue.SecurityChoice sc) {
                next = next.withSecurity(sc.security());
            } else if (v instanceof SettingValue.AuthChoice a) {
                next = next.withAuthMethod(a.method());
            } else {
                return false; // a name or an address: not a combination of server settings
            }
        }
        AccountSettings proposal = next;
        return attempts.stream().anyMatch(a -> a.host().equalsIgnoreCase(proposal.host())
                && a.port() == proposal.port() && a.security() == proposal.security()
                && a.authMethod() == proposal.authMethod());
    }

    /**
     * A success with settings the mail program does not have yet (after Apply or Use these settings) is not "nothing
     * to change": every difference from what the program holds becomes a change to make there.
     */
    private Diagnosis withProgramChanges(Diagnosis d) {
        if (d.verdict() != Verdict.WORKS || inProgram.isEmpty() || lastTested.isEmpty()) {
            return d;
        }
        List<Change> changes = new ArrayList<>(differences(inProgram.get(), lastTested.get()));
        for (Change c : d.changes()) {
            if (changes.stream().noneMatch(x -> x.setting() == c.setting())) {
                changes.add(c);
            }
        }
        if (changes.isEmpty()) {
            return d;
        }
        return new Diagnosis(Verdict.WORKS, changes, Actor.YOU, d.title(),
                texts.get("result.works.changes.explanation"), d.technicalDetail(), d.confidence(), d.evidence(),
                d.thingsToTry(), d.ruleId(), d.alternatives());
    }

    /** The fields that differ between two sets of settings, as changes from the first to the second. */
    static List<Change> differences(AccountSettings from, AccountSettings to) {
        List<Change> list = new ArrayList<>();
        for (Setting s : List.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY, Setting.AUTH_METHOD,
                Setting.USERNAME, Setting.SENDER_ADDRESS)) {
            Optional<SettingValue> a = SettingValue.of(s, from);
            Optional<SettingValue> b = SettingValue.of(s, to);
            if (b.isPresent() && !a.equals(b)) {
                list.add(new Change(s, a, b));
            }
        }
        return list;
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
        Setting target = fieldFor(setting);
        page.set(pageOf(target));
        focusHandler.accept(target);
    }

    /** The form field that stands for a setting (an app password goes in the password field). */
    static Setting fieldFor(Setting setting) {
        switch (setting) {
            case APP_PASSWORD:
                return Setting.PASSWORD;
            case SENDER_ADDRESS:
            case SERVER_HOST:
            case PORT:
            case SECURITY:
            case USERNAME:
            case PASSWORD:
            case AUTH_METHOD:
            case RECIPIENT_ADDRESS:
                return setting;
            default:
                return Setting.SERVER_HOST;
        }
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

    /** The redacted report of the current result; never contains the password. */
    public String reportText(ReportRenderer.Format format) {
        Diagnosis d = result.diagnosis().orElseThrow(() -> new IllegalStateException("No result yet"));
        return engine.report(engine.reportData(lastTested, lastProbe, d, form.programOrOther(), lastPasted,
                presentationMode.get()), format);
    }

    /** The plain-text report for the clipboard; notes it in the status line. */
    public String copyReport() {
        String text = reportText(ReportRenderer.Format.PLAIN_TEXT);
        status.set(texts.get("status.reportCopied"));
        return text;
    }

    /** Writes the report in the background. */
    public void saveReport(Path file, ReportRenderer.Format format) {
        String text = reportText(format);
        runner.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                ok -> status.set(texts.get("status.reportSaved", file.getFileName().toString())),
                error -> status.set(texts.get("status.reportSaveFailed", file.getFileName().toString())));
    }

    /** A file name for the report: smtp-doctor-report.md */
    public String suggestedReportName(ReportRenderer.Format format) {
        return "smtp-doctor-report." + format.extension();
    }

    // ---- saved settings

    public void forgetSavedSettings() {
        lastLookedUp = "";
        runner.run(() -> {
            store.forgetAll();
            return Boolean.TRUE;
        }, ok -> {
            form.noSource();
            status.set(texts.get("status.forgotten"));
        }, error -> status.set(texts.get("status.forgetFailed")));
    }

    // ---- zoom

    public void zoomIn() {
        setZoomIndex(Math.min(zoomIndex + 1, ZOOM_LEVELS.length - 1));
    }

    public void zoomOut() {
        setZoomIndex(Math.max(zoomIndex - 1, 0));
    }

    public void zoomReset() {
        setZoomIndex(NORMAL_ZOOM);
    }

    private void setZoomIndex(int index) {
        zoomIndex = index;
        zoomPercent.set(ZOOM_LEVELS[index]);
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
