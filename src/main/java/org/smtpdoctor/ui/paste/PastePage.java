package org.smtpdoctor.ui.paste;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.ui.page.Forms;
import org.smtpdoctor.ui.page.WizardPage;

/** The side path: paste the error message a mail program showed and have it explained. */
public final class PastePage implements WizardPage {

    private final VBox root;
    private final Button explain;
    private final TextArea text = new TextArea();

    public PastePage(PasteViewModel vm, Runnable onBack, Runnable onExplain, Messages t) {
        Label intro = Forms.wrapping("page-intro");
        intro.setText(t.get("paste.intro"));
        text.setId("pasteArea");
        text.setWrapText(true);
        text.setPromptText(t.get("paste.prompt"));
        text.textProperty().bindBidirectional(vm.pastedTextProperty());
        text.getStyleClass().add("paste-area");
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox field = Forms.field(t.get("paste.label"), text, text, t.get("paste.help"), null, null);
        VBox.setVgrow(field, Priority.ALWAYS);

        Button back = Forms.button(t.get("nav.back"), "pasteBackButton");
        back.setOnAction(e -> onBack.run());
        explain = Forms.button(t.get("paste.explain"), "explainButton");
        explain.getStyleClass().add("accent");
        explain.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        explain.setOnAction(e -> onExplain.run());

        VBox body = new VBox(intro, field);
        body.getStyleClass().add("page-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(body, Forms.buttonBar(back, explain));
        root.getStyleClass().add("page");
    }

    @Override
    public Optional<ButtonBase> primaryAction() {
        return Optional.of(explain);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return text;
    }
}
