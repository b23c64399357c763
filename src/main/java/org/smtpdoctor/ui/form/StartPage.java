package org.smtpdoctor.ui.form;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.report.Masking;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.ui.display.DisplayViewModel;
import org.smtpdoctor.ui.page.Forms;
import org.smtpdoctor.ui.page.ProgramIcons;
import org.smtpdoctor.ui.page.WizardPage;

/** Step 1: which mail program, which address, and the two ways on. */
public final class StartPage implements WizardPage {

    private final VBox root;
    private final Button check;
    private final TextField email = new TextField();
    private final Map<MailClient, ToggleButton> programButtons = new EnumMap<>(MailClient.class);

    public StartPage(SettingsFormViewModel form, DisplayViewModel display, FormActions vm, Messages t) {

        Label intro = Forms.wrapping("page-intro");
        intro.setText(t.get("start.intro"));
        Label programQuestion = new Label(t.get("start.program.question"));
        programQuestion.getStyleClass().add("question");
        ToggleGroup group = new ToggleGroup();
        TilePane programs = new TilePane();
        programs.setPrefColumns(MailClient.values().length);
        programs.getStyleClass().add("program-choices");
        for (MailClient p : MailClient.values()) {
            ToggleButton b = new ToggleButton(vm.programName(p), ProgramIcons.icon(p));
            b.setId("program-" + p.name());
            b.setToggleGroup(group);
            b.getStyleClass().add("program-choice");
            b.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            b.setWrapText(true);
            b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            b.setAccessibleText(vm.programName(p));
            b.setUserData(p);
            // Space or Enter chooses the program; Enter then goes on to the address
            b.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    b.setSelected(true);
                    email.requestFocus();
                    e.consume();
                }
            });
            programButtons.put(p, b);
            programs.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // a second click must not leave nothing chosen once something was
                if (was != null) {
                    was.setSelected(true);
                }
                return;
            }
            form.programProperty().set((MailClient) now.getUserData());
        });
        form.programProperty().addListener((o, was, now) -> {
            if (now != null) {
                programButtons.get(now).setSelected(true);
            }
        });
        if (form.programProperty().get() != null) {
            programButtons.get(form.programProperty().get()).setSelected(true);
        }

        email.setId("emailField");
        email.setPromptText(t.get("start.email.prompt"));
        email.textProperty().bindBidirectional(form.emailProperty());
        email.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.emailEntered();
            }
        });
        Node emailShown = Forms.maskable(email, display.presentationModeProperty(), Masking::maskAddress);
        VBox emailField = Forms.field(t.get("start.email.label"), email, emailShown, t.get("start.email.help"),
                form.messageProperty(Setting.SENDER_ADDRESS), "emailMessage");

        Label source = Forms.hiddenWhenEmpty(Forms.wrapping("source-note"));
        source.setId("sourceNote");
        source.textProperty().bind(form.sourceNoteProperty());

        Button paste = Forms.button(t.get("start.paste"), "pasteErrorButton");
        paste.setOnAction(e -> vm.haveErrorMessage());
        // a side path: Enter on it still means "Check my settings"
        paste.getStyleClass().add(Forms.NAV_BACK);
        Button find = Forms.button(t.get("start.find"), "findSettingsStartButton");
        find.disableProperty().bind(form.validProperty(SettingsFormViewModel.START_FIELDS).not());
        find.setOnAction(e -> vm.findSettings());
        check = Forms.button(t.get("start.check"), "checkSettingsButton");
        check.setDefaultButton(true);
        check.getStyleClass().add("accent");
        check.disableProperty().bind(form.validProperty(SettingsFormViewModel.START_FIELDS).not());
        check.setOnAction(e -> vm.next());

        VBox body = new VBox(intro, programQuestion, programs, emailField, source);
        body.getStyleClass().add("page-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(Forms.scrolling(body, Forms.buttonBar(null, paste, find, check)));
        root.getStyleClass().add("page");
        root.setAlignment(Pos.TOP_LEFT);
    }

    @Override
    public Optional<ButtonBase> primaryAction() {
        return Optional.of(check);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return programButtons.values().stream().filter(ToggleButton::isSelected).findFirst()
                .<Node>map(b -> b).orElse(programButtons.get(MailClient.OUTLOOK_CLASSIC));
    }

    @Override
    public Optional<Node> control(Setting setting) {
        return setting == Setting.SENDER_ADDRESS ? Optional.of(email) : Optional.empty();
    }
}
