package org.smtpdoctor.ui;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.StepOutcome;

/** Step 4: each probe step as it runs, a progress indicator, Cancel (Esc) and the live transcript. */
final class TestingPage implements WizardPage {

    private final VBox root;
    private final Button cancel;
    private final VBox stepsBox = new VBox();
    private final Messages t;

    TestingPage(WizardViewModel vm, Messages t) {
        this.t = t;
        TestingViewModel testing = vm.testing();

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("testProgress");
        progress.getStyleClass().add("test-progress");
        progress.visibleProperty().bind(testing.runningProperty());
        progress.setAccessibleText(t.get("testing.progress.accessible"));
        Label heading = Forms.wrapping("testing-heading");
        heading.setId("testingHeading");
        heading.textProperty().bind(testing.headingProperty());
        HBox top = new HBox(progress, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("inline-row");

        stepsBox.setId("stepsList");
        stepsBox.getStyleClass().add("steps");
        testing.steps().addListener((ListChangeListener<StepLine>) c -> render(testing));
        render(testing);

        TextArea transcript = new TextArea();
        transcript.setId("transcriptArea");
        transcript.setEditable(false);
        transcript.getStyleClass().add("transcript");
        transcript.textProperty().bind(testing.transcriptTextProperty());
        transcript.setPrefRowCount(10);
        TitledPane details = new TitledPane(t.get("details.title"), transcript);
        details.setId("testingDetails");
        details.setExpanded(false);
        details.setAnimated(false);

        cancel = Forms.button(t.get("testing.cancel"), "cancelButton");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(testing.runningProperty().not());
        cancel.setOnAction(e -> vm.cancelTest());

        VBox body = new VBox(top, stepsBox, details);
        body.getStyleClass().add("page-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(Forms.scrolling(body), Forms.buttonBar(null, cancel));
        root.getStyleClass().add("page");
    }

    private void render(TestingViewModel testing) {
        stepsBox.getChildren().clear();
        for (StepLine line : testing.steps()) {
            stepsBox.getChildren().add(row(line));
        }
    }

    private Node row(StepLine line) {
        String state = line.state().name().toLowerCase(Locale.ROOT);
        Label glyph = new Label(glyph(line.state()));
        glyph.getStyleClass().addAll("step-glyph", "step-" + state);
        glyph.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(line.text());
        text.getStyleClass().add("step-text");
        text.setWrapText(true);
        Label outcome = new Label(line.durationMs() >= 0
                ? t.get("testing.step.done", t.get("testing.state." + line.state().name()), line.durationMs())
                : t.get("testing.state." + line.state().name()));
        outcome.getStyleClass().addAll("step-outcome", "step-" + state);
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(glyph, text, spacer, outcome);
        row.getStyleClass().add("step-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("step-" + line.phase().name());
        row.setAccessibleText(line.text() + ", " + outcome.getText());
        return row;
    }

    private static String glyph(StepLine.State state) {
        return switch (state) {
            case RUNNING -> "…";
            case OK -> StepOutcome.OK.glyph();
            case WARNING -> StepOutcome.WARNING.glyph();
            case FAILED -> StepOutcome.FAILED.glyph();
            case SKIPPED -> StepOutcome.SKIPPED.glyph();
            case CANCELLED -> StepOutcome.CANCELLED.glyph();
        };
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return cancel;
    }
}
