package org.smtpdoctor.ui.find;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.discovery.Candidate;
import org.smtpdoctor.discovery.CandidateOutcome;
import org.smtpdoctor.discovery.CandidateStatus;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.ProviderNote;
import org.smtpdoctor.discovery.SharedFailure;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.report.Masking;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.ui.task.CurrentRun;
import org.smtpdoctor.ui.task.TaskRunner;

/**
 * The "Find working settings" page: runs the settings search in the background, shows every candidate as it is
 * tried and finishes, then the settings to use and the smallest change from what the user has, in the words of
 * the chosen mail program. Never calls a candidate "works" unless its sign-in (or sender) was really accepted.
 */
public final class FindViewModel {

    /** How the search ended, for the headline's style. */
    public enum Outcome {
        /** Still running, or never ran. */
        NONE,
        /** Settings shown to work (or, with no password given, a server that answers: said so). */
        FOUND,
        /** A server answers, but sign-in or the sender was refused there. */
        UNCONFIRMED,
        /** Nothing answered. */
        NOTHING
    }

    /** One field to change: "Change Port from 587 to 465". */
    public record ChangeLine(Setting setting, String text) {
    }

    private final Engine engine;
    private final Messages texts;
    private final CandidateWords words;

    private final ObservableList<CandidateLine> candidates = FXCollections.observableArrayList();
    private final ObservableList<ChangeLine> changes = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode", false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper best = new ReadOnlyStringWrapper(this, "best", "");
    private final ReadOnlyStringWrapper changeIntro = new ReadOnlyStringWrapper(this, "changeIntro", "");
    private final ReadOnlyStringWrapper whereToFind = new ReadOnlyStringWrapper(this, "whereToFind", "");
    private final ReadOnlyBooleanWrapper canUse = new ReadOnlyBooleanWrapper(this, "canUse", false);
    private final ReadOnlyStringWrapper confirmQuestion = new ReadOnlyStringWrapper(this, "confirmQuestion", "");
    private final ReadOnlyStringWrapper confirmAction = new ReadOnlyStringWrapper(this, "confirmAction", "");

    private final CurrentRun current;
    private MailClient program = MailClient.OTHER;
    private String currentHost = "";
    private Optional<AccountSettings> proposal = Optional.empty();
    private Optional<FindResult> result = Optional.empty();
    private FindRequest lastRequest;
    private Consumer<FindResult> lastOnDone = r -> { };
    private Consumer<Throwable> lastOnError = e -> { };

    public FindViewModel(Engine engine, TaskRunner runner, Messages texts) {
        this.engine = engine;
        this.current = new CurrentRun(runner);
        this.texts = texts;
        this.words = new CandidateWords(texts);
        heading.bind(Bindings.createStringBinding(() -> address.get().isEmpty() ? ""
                : texts.get("find.heading", presentationMode.get() ? Masking.maskAddress(address.get())
                        : address.get()), address, presentationMode));
    }

    /** Presentation mode: the address in the heading is masked. */
    public BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    /**
     * Starts a search; the rows fill in live. {@code onDone} gets the result on the UI thread unless
     * {@link #cancel()} came first.
     */
    public void start(FindRequest request, MailClient mailProgram, Consumer<FindResult> onDone,
            Consumer<Throwable> onError) {
        int run = current.begin();
        lastRequest = request;
        lastOnDone = onDone;
        lastOnError = onError;
        program = mailProgram;
        currentHost = request.current().map(AccountSettings::host).orElse("");
        candidates.clear();
        clearAnswer();
        address.set(request.address());
        progress.set(texts.get("find.progress.lookingUp"));
        running.set(true);
        FindListener listener = new FindListener() {
            @Override
            public void candidatesReady(List<Candidate> list) {
                current.onUiThread(run, () -> {
                    candidates.setAll(list.stream().map(FindViewModel.this::waiting).toList());
                    updateProgress();
                });
            }

            @Override
            public void candidateStarted(Candidate candidate, Stage stage) {
                current.onUiThread(run, () -> replace(candidate, stage == Stage.SIGN_IN
                        ? texts.get("find.status.checkingSignIn") : texts.get("find.status.trying"),
                        CandidateLine.State.TRYING));
            }

            @Override
            public void candidateFinished(CandidateOutcome o) {
                current.onUiThread(run, () -> finished(o));
            }
        };
        // the search is made off the FX thread: the resolver and the provider data load on first use
        current.run(run, engine::newFindRun, Engine.FindRun::cancel, search -> search.find(request, listener), found -> {
            running.set(false);
            show(found);
            onDone.accept(found);
        }, error -> {
            running.set(false);
            progress.set("");
            onError.accept(error);
        });
    }

    /** Stops the search at once: the rows still running are marked stopped, a late result is ignored. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        current.cancel();
        for (int i = 0; i < candidates.size(); i++) {
            CandidateLine line = candidates.get(i);
            if (line.state() == CandidateLine.State.WAITING || line.state() == CandidateLine.State.TRYING) {
                candidates.set(i, line.with(texts.get("find.status.stopped"), CandidateLine.State.STOPPED));
            }
        }
        running.set(false);
        progress.set(texts.get("find.progress.stopped"));
        outcome.set(Outcome.NOTHING);
        headline.set(texts.get("find.headline.stopped"));
    }

    /**
     * "Yes, send my password there": searches again with the servers outside the address's domain that answered
     * confirmed, so their sign-in is tested too.
     */
    public void confirmOtherDomain() {
        List<String> hosts = result.map(FindResult::awaitingConfirmation).orElse(List.of());
        if (running.get() || lastRequest == null || hosts.isEmpty()) {
            return;
        }
        start(lastRequest.withConfirmedHosts(Set.copyOf(hosts)), program, lastOnDone, lastOnError);
    }

    /** The settings "Use these settings" puts into the form (server, port, security, tested sign-in name). */
    public Optional<AccountSettings> proposal() {
        return canUse.get() ? proposal : Optional.empty();
    }

    public Optional<FindResult> result() {
        return result;
    }

    // ---- rows

    private CandidateLine waiting(Candidate c) {
        return new CandidateLine(c, c.host(), Integer.toString(c.port()),
                engine.securityLabel(program, c.security()), words.source(c, currentHost), texts.get("find.status.waiting"),
                CandidateLine.State.WAITING);
    }

    private void replace(Candidate candidate, String status, CandidateLine.State state) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).candidate().equals(candidate)) {
                candidates.set(i, candidates.get(i).with(status, state));
                return;
            }
        }
        candidates.add(waiting(candidate).with(status, state));
    }

    private void finished(CandidateOutcome o) {
        replace(o.candidate(), words.status(o, false), CandidateWords.stateOf(o));
        updateProgress();
    }

    private void updateProgress() {
        long done = candidates.stream().filter(l -> l.state() != CandidateLine.State.WAITING
                && l.state() != CandidateLine.State.TRYING).count();
        progress.set(texts.get("find.progress", done, candidates.size()));
    }

    // ---- the answer

    private void clearAnswer() {
        changes.clear();
        notes.clear();
        outcome.set(Outcome.NONE);
        headline.set("");
        best.set("");
        changeIntro.set("");
        whereToFind.set("");
        canUse.set(false);
        // the button keeps its last text while hidden: a mnemonic label must never become empty
        confirmQuestion.set("");
        proposal = Optional.empty();
        result = Optional.empty();
    }

    private void show(FindResult found) {
        result = Optional.of(found);
        // the result is the authority (a live call may have been missed)
        for (CandidateOutcome o : found.ranked()) {
            replace(o.candidate(), words.status(o, found.cancelled()), CandidateWords.stateOf(o));
        }
        progress.set(found.cancelled() ? texts.get("find.progress.stopped")
                : texts.get("find.progress.done", found.ranked().size()));
        for (ProviderNote note : found.notes()) {
            notes.add(note.helpUrl().isEmpty() ? note.text() : texts.get("find.note.withHelp", note.text(),
                    note.helpUrl()));
        }
        // the fewest changes among the equally good: the easiest fix
        Optional<FindResult.Fix> fix = found.fixes().stream().findFirst();
        askAboutOtherDomains(found);
        if (fix.isEmpty()) {
            outcome.set(Outcome.NOTHING);
            headline.set(found.cancelled() ? texts.get("find.headline.stopped") : nothingHeadline(found));
            return;
        }
        CandidateOutcome chosen = fix.get().outcome();
        proposal = Optional.of(chosen.settings());
        best.set(texts.get("find.best", chosen.candidate().host(), Integer.toString(chosen.candidate().port()),
                engine.securityLabel(program, chosen.candidate().security()), words.status(chosen, false)));
        if (found.found()) {
            outcome.set(Outcome.FOUND);
            headline.set(chosen.status().works() ? texts.get("find.headline.works")
                    : texts.get("find.headline.answersNotTested"));
        } else {
            outcome.set(Outcome.UNCONFIRMED);
            headline.set(chosen.status() == CandidateStatus.NEEDS_CONFIRMATION
                    ? texts.get("find.headline.needsConfirmation") : texts.get("find.headline.refused"));
        }
        List<Change> list = fix.get().changes();
        if (list.isEmpty()) {
            changeIntro.set(texts.get("find.change.none"));
        } else {
            changeIntro.set(found.current().isPresent()
                    ? (program == MailClient.OTHER ? texts.get("find.change.intro.other")
                            : texts.get("find.change.intro", engine.programName(program)))
                    : (program == MailClient.OTHER ? texts.get("find.enter.intro.other")
                            : texts.get("find.enter.intro", engine.programName(program))));
            for (Change c : list) {
                changes.add(new ChangeLine(c.setting(), changeText(c)));
            }
            whereToFind.set(texts.get("find.where", engine.place(program, list.get(0).setting()).menuPath()));
        }
        canUse.set(true);
    }

    /** The one reason everything failed, when there is one; else "nothing worked, each row says why". */
    private String nothingHeadline(FindResult found) {
        Optional<SharedFailure> shared = SharedFailure.of(found);
        if (shared.isEmpty()) {
            return texts.get("find.headline.nothing");
        }
        return switch (shared.get()) {
            case DNS -> texts.get("find.headline.dns");
            case NETWORK -> texts.get("find.headline.network");
            case ENCRYPTION_HIDDEN -> texts.get("find.headline.encryptionHidden");
            case PASSWORD -> texts.get("find.headline.refused");
            case STALLED -> texts.get("find.headline.stalled");
        };
    }

    private void askAboutOtherDomains(FindResult found) {
        List<String> hosts = found.awaitingConfirmation();
        if (hosts.isEmpty() || found.found()) {
            return;
        }
        String names = String.join(", ", hosts);
        String domain = found.address().substring(found.address().lastIndexOf('@') + 1);
        confirmQuestion.set(texts.get("find.confirm.question", names, domain));
        confirmAction.set(texts.get("find.confirm.yes", names));
    }

    /** "Change Port from 587 to 465", with the names and values the mail program uses. */
    private String changeText(Change c) {
        String name = engine.place(program, c.setting()).fieldName();
        String to = c.to().map(v -> engine.clientValue(program, v)).orElse("");
        if (c.from().isEmpty()) {
            return texts.get("find.change.set", name, to);
        }
        return texts.get("find.change.line", name, engine.clientValue(program, c.from().get()), to);
    }

    // ---- properties

    public ObservableList<CandidateLine> candidates() {
        return candidates;
    }

    public ObservableList<ChangeLine> changes() {
        return changes;
    }

    /** What the provider demands beyond settings (app password, a switch, OAuth only), with its help page. */
    public ObservableList<String> notes() {
        return notes;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Looking for settings that work for alice@example.com" */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** "5 of 12 tried" */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The settings proposed: "smtp.example.com, port 465, SSL/TLS: works, sign-in checked". */
    public ReadOnlyStringProperty bestProperty() {
        return best.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeIntroProperty() {
        return changeIntro.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whereToFindProperty() {
        return whereToFind.getReadOnlyProperty();
    }

    /** "mail.hoster.net answers, but it is not in example.com ... Send your password there?"; empty when none. */
    public ReadOnlyStringProperty confirmQuestionProperty() {
        return confirmQuestion.getReadOnlyProperty();
    }

    /** "Yes, test my sign-in at mail.hoster.net" */
    public ReadOnlyStringProperty confirmActionProperty() {
        return confirmAction.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUseProperty() {
        return canUse.getReadOnlyProperty();
    }
}
