package org.smtpdoctor.ui.find;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.ui.page.Forms;
import org.smtpdoctor.ui.page.WizardPage;

/**
 * "Find working settings": every candidate server as it is tried and finishes, then the settings to use and the
 * smallest change in the mail program's words, the provider's notes, Use these settings, and Stop (Esc).
 */
public final class FindPage implements WizardPage {

    /** What the page forwards to the wizard. */
    public interface Actions {
        void leaveFind();

        void cancelFind();

        void useFoundSettings();
    }

    private final VBox root;
    private final Button stop;
    private final Button use;
    private final Button back;
    private final VBox rows = new VBox();
    private final VBox changes = new VBox();
    private final VBox notes = new VBox();

    public FindPage(FindViewModel find, Actions vm, Messages t) {

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("findProgressIndicator");
        progress.getStyleClass().add("test-progress");
        progress.visibleProperty().bind(find.runningProperty());
        progress.managedProperty().bind(find.runningProperty());
        progress.setAccessibleText(t.get("find.progress.accessible"));
        Label heading = Forms.wrapping("testing-heading");
        heading.setId("findHeading");
        heading.textProperty().bind(find.headingProperty());
        Label count = Forms.hiddenWhenEmpty(Forms.wrapping("find-progress"));
        count.setId("findProgress");
        count.textProperty().bind(find.progressProperty());
        VBox headings = new VBox(heading, count);
        HBox.setHgrow(headings, Priority.ALWAYS);
        HBox top = new HBox(progress, headings);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("inline-row");

        rows.setId("candidateList");
        rows.getStyleClass().add("steps");
        find.candidates().addListener((ListChangeListener<CandidateLine>) c -> renderRows(find, t));
        renderRows(find, t);

        Label headline = Forms.wrapping("find-headline");
        headline.setId("findHeadline");
        headline.textProperty().bind(find.headlineProperty());
        Label best = Forms.hiddenWhenEmpty(Forms.wrapping("find-best"));
        best.setId("findBest");
        best.textProperty().bind(find.bestProperty());
        Label intro = Forms.hiddenWhenEmpty(Forms.wrapping("setting-intro"));
        intro.setId("changeIntro");
        intro.textProperty().bind(find.changeIntroProperty());
        changes.setId("changeList");
        changes.getStyleClass().add("change-list");
        find.changes().addListener((ListChangeListener<FindViewModel.ChangeLine>) c -> renderChanges(find));
        Label where = Forms.hiddenWhenEmpty(Forms.wrapping("setting-where"));
        where.setId("findWhere");
        where.textProperty().bind(find.whereToFindProperty());
        notes.setId("findNotes");
        notes.getStyleClass().add("find-notes");
        find.notes().addListener((ListChangeListener<String>) c -> renderNotes(find));
        BooleanBinding hasNotes = Bindings.isNotEmpty(find.notes());
        notes.visibleProperty().bind(hasNotes);
        notes.managedProperty().bind(hasNotes);
        VBox answer = new VBox(headline, best, intro, changes, where);
        answer.setId("findAnswer");
        answer.getStyleClass().add("setting-card");
        BooleanBinding answered = Bindings.notEqual(find.outcomeProperty(), FindViewModel.Outcome.NONE);
        answer.visibleProperty().bind(answered);
        answer.managedProperty().bind(answered);
        find.outcomeProperty().addListener((o, was, now) -> styleAnswer(answer, now));

        VBox confirm = confirmBox(find);

        back = Forms.button(t.get("find.back"), "findBackButton");
        back.setOnAction(e -> vm.leaveFind());
        stop = Forms.button(t.get("find.cancel"), "findCancelButton");
        stop.setCancelButton(true);
        stop.disableProperty().bind(find.runningProperty().not());
        stop.setOnAction(e -> vm.cancelFind());
        use = Forms.button(t.get("find.use"), "useSettingsButton");
        use.getStyleClass().add("accent");
        use.setDefaultButton(true);
        use.visibleProperty().bind(find.canUseProperty());
        use.managedProperty().bind(find.canUseProperty());
        use.setOnAction(e -> vm.useFoundSettings());
        // the focus follows the work: Stop while searching, then Use these settings (or Back)
        find.runningProperty().addListener((o, was, now) -> {
            if (!now && root().getScene() != null) {
                initialFocus().requestFocus();
            }
        });

        VBox body = new VBox(top, confirm, answer, notes, rows);
        body.getStyleClass().add("page-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(Forms.scrolling(body, Forms.buttonBar(back, stop, use)));
        root.getStyleClass().add("page");
    }

    /** The question before another domain's server gets the password, naming the server, with a Yes button. */
    private static VBox confirmBox(FindViewModel find) {
        Label question = Forms.wrapping("find-note");
        question.setId("confirmQuestion");
        question.textProperty().bind(find.confirmQuestionProperty());
        Button yes = new Button();
        yes.setId("confirmOtherDomainButton");
        yes.setMnemonicParsing(true);
        yes.textProperty().bind(find.confirmActionProperty());
        yes.setOnAction(e -> find.confirmOtherDomain());
        question.setLabelFor(yes);
        VBox box = new VBox(question, yes);
        box.setId("confirmOtherDomain");
        box.getStyleClass().add("find-notes");
        BooleanBinding asked = find.confirmQuestionProperty().isNotEmpty();
        box.visibleProperty().bind(asked);
        box.managedProperty().bind(asked);
        return box;
    }

    private void renderRows(FindViewModel find, Messages t) {
        rows.getChildren().clear();
        for (CandidateLine line : find.candidates()) {
            rows.getChildren().add(row(line, t));
        }
    }

    private static Node row(CandidateLine line, Messages t) {
        String state = line.state().name().toLowerCase(Locale.ROOT);
        Label glyph = new Label(glyph(line.state()));
        glyph.getStyleClass().addAll("step-glyph", "candidate-" + state);
        glyph.setMinWidth(Region.USE_PREF_SIZE);
        Label server = new Label(t.get("find.row.server", line.server(), line.port(), line.security()));
        server.getStyleClass().add("step-text");
        server.setWrapText(true);
        Label source = new Label(line.source());
        source.getStyleClass().add("candidate-source");
        source.setWrapText(true);
        VBox what = new VBox(server, source);
        HBox.setHgrow(what, Priority.ALWAYS);
        Label status = Forms.keepingWords(new Label(line.status()));
        status.getStyleClass().addAll("step-outcome", "candidate-" + state);
        status.setWrapText(true);
        status.setId("status-" + rowId(line));
        HBox row = new HBox(glyph, what, status);
        // the status wraps within two fifths of the row, at any zoom: a long one never widens the page
        status.maxWidthProperty().bind(row.widthProperty().multiply(0.4));
        row.getStyleClass().add("step-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("candidate-" + rowId(line));
        row.setAccessibleText(t.get("find.row.accessible", server.getText(), line.source(), line.status()));
        return row;
    }

    /** {@code smtp_example_com-465-SSL_TLS}: a stable id for TestFX (no dots, which CSS selectors would split). */
    static String rowId(CandidateLine line) {
        return (line.server() + "-" + line.port() + "-" + line.candidate().security().name())
                .replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String glyph(CandidateLine.State state) {
        return switch (state) {
            case WORKS -> StepOutcome.OK.glyph();
            case ANSWERS -> "?";
            case REFUSED -> StepOutcome.WARNING.glyph();
            case FAILED -> StepOutcome.FAILED.glyph();
            case STOPPED -> StepOutcome.CANCELLED.glyph();
            case TRYING -> "…";
            case WAITING -> "·";
        };
    }

    private void renderChanges(FindViewModel find) {
        changes.getChildren().clear();
        for (FindViewModel.ChangeLine c : find.changes()) {
            Label l = Forms.wrapping("change-line");
            l.setText(c.text());
            Label arrow = new Label("→");
            arrow.getStyleClass().add("change-arrow");
            l.setGraphic(arrow);
            l.setId("change-" + c.setting().name());
            changes.getChildren().add(l);
        }
    }

    private void renderNotes(FindViewModel find) {
        notes.getChildren().clear();
        for (String note : find.notes()) {
            Label l = Forms.wrapping("find-note");
            l.setText(note);
            notes.getChildren().add(l);
        }
    }

    private static void styleAnswer(VBox answer, FindViewModel.Outcome outcome) {
        answer.getStyleClass().removeIf(c -> c.startsWith("find-outcome-"));
        if (outcome != null) {
            answer.getStyleClass().add("find-outcome-" + outcome.name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public Optional<ButtonBase> primaryAction() {
        return use.isVisible() ? Optional.of(use) : Optional.empty();
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        if (stop != null && !stop.isDisabled()) {
            return stop;
        }
        return use != null && use.isVisible() ? use : back;
    }
}
