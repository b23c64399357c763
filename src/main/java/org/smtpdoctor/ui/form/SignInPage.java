package org.smtpdoctor.ui.form;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.CustomPasswordField;
import org.controlsfx.control.textfield.CustomTextField;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.report.Masking;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.ui.display.DisplayViewModel;
import org.smtpdoctor.ui.page.Forms;
import org.smtpdoctor.ui.page.WizardPage;

/** Step 3: sign-in, password (masked unless the user presses Show), method, optional test recipient. */
public final class SignInPage implements WizardPage {

    private final VBox root;
    private final Button test;
    private final CheckBox signIn;
    private final TextField username = new TextField();
    private final CustomPasswordField password = new CustomPasswordField();
    private final CustomTextField passwordShown = new CustomTextField();
    private final ComboBox<AuthMethod> method = new ComboBox<>();
    private final TextField recipient = new TextField();
    private final SettingsFormViewModel form;

    public SignInPage(SettingsFormViewModel form, DisplayViewModel display, FormActions vm, Messages t) {
        this.form = form;

        Label hint = Forms.hiddenWhenEmpty(Forms.wrapping("provider-hint"));
        hint.setId("providerHint");
        hint.textProperty().bind(form.providerHintProperty());

        signIn = new CheckBox(t.get("signin.needed"));
        signIn.setId("signInCheck");
        signIn.setMnemonicParsing(true);
        signIn.selectedProperty().bindBidirectional(form.signInProperty());

        username.setId("usernameField");
        username.textProperty().bindBidirectional(form.usernameProperty());
        ServerPage.leaveReports(username, form, Setting.USERNAME);
        Node usernameShown = Forms.maskable(username, display.presentationModeProperty(), Masking::maskUsername);
        VBox usernameField = Forms.field(t.get("signin.username.label"), username, usernameShown,
                form.usernameHelpProperty(), form.messageProperty(Setting.USERNAME), "usernameMessage");

        password.setId("passwordField");
        password.textProperty().bindBidirectional(form.passwordProperty());
        passwordShown.setId("passwordShownField");
        passwordShown.textProperty().bindBidirectional(form.passwordProperty());
        passwordShown.visibleProperty().bind(form.showPasswordProperty());
        password.visibleProperty().bind(form.showPasswordProperty().not());
        ServerPage.leaveReports(password, form, Setting.PASSWORD);
        ServerPage.leaveReports(passwordShown, form, Setting.PASSWORD);
        ToggleButton show = new ToggleButton();
        show.setId("showPasswordToggle");
        show.textProperty().bind(Bindings.when(form.showPasswordProperty())
                .then(t.get("signin.password.hide")).otherwise(t.get("signin.password.show")));
        show.selectedProperty().bindBidirectional(form.showPasswordProperty());
        show.accessibleTextProperty().bind(show.textProperty());
        show.setTooltip(new Tooltip(t.get("signin.password.toggle.tooltip")));
        show.setFocusTraversable(true);
        // presentation mode never shows the password, even when "Show" is on
        show.disableProperty().bind(display.presentationModeProperty());
        display.presentationModeProperty().addListener((o, was, now) -> {
            if (now) {
                form.showPasswordProperty().set(false);
            }
        });
        // Show/Hide sits inside whichever field is shown (ControlsFX's custom fields; no row of our own)
        show.getStyleClass().add("field-button");
        password.setRight(show);
        form.showPasswordProperty().addListener((o, was, now) -> {
            if (now) {
                password.setRight(null);
                passwordShown.setRight(show);
                passwordShown.requestFocus();
            } else {
                passwordShown.setRight(null);
                password.setRight(show);
                password.requestFocus();
            }
        });
        StackPane passwordStack = new StackPane(password, passwordShown);
        VBox passwordField = Forms.field(t.get("signin.password.label"), password, passwordStack,
                t.get("signin.password.help"), form.messageProperty(Setting.PASSWORD), "passwordMessage");

        method.setId("authMethodChoice");
        method.getItems().setAll(SettingsFormViewModel.AUTH_CHOICES);
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuthMethod m) {
                return m == null ? "" : Messages.label(m);
            }

            @Override
            public AuthMethod fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(form.authMethodProperty());
        VBox methodField = Forms.field(t.get("signin.method.label"), method, method, t.get("signin.method.help"),
                form.messageProperty(Setting.AUTH_METHOD), "authMethodMessage");

        VBox signInFields = new VBox(usernameField, passwordField, methodField);
        signInFields.getStyleClass().add("page-body-group");
        signInFields.disableProperty().bind(form.signInProperty().not());

        recipient.setId("recipientField");
        recipient.setPromptText(t.get("signin.recipient.prompt"));
        recipient.textProperty().bindBidirectional(form.recipientProperty());
        ServerPage.leaveReports(recipient, form, Setting.RECIPIENT_ADDRESS);
        Node recipientShown = Forms.maskable(recipient, display.presentationModeProperty(), Masking::maskAddress);
        VBox recipientField = Forms.field(t.get("signin.recipient.label"), recipient, recipientShown,
                t.get("signin.recipient.help"), form.messageProperty(Setting.RECIPIENT_ADDRESS), "recipientMessage");

        Button back = Forms.button(t.get("nav.back"), "signInBackButton");
        back.setOnAction(e -> vm.back());
        test = Forms.button(t.get("signin.test"), "testButton");
        test.setDefaultButton(true);
        test.getStyleClass().add("accent");
        test.disableProperty().bind(form.validProperty(SettingsFormViewModel.SIGN_IN_FIELDS).not());
        test.setOnAction(e -> vm.next());

        VBox body = new VBox(hint, signIn, signInFields, recipientField);
        body.getStyleClass().add("page-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(Forms.scrolling(body, Forms.buttonBar(back, test)));
        root.getStyleClass().add("page");
    }

    @Override
    public Optional<ButtonBase> primaryAction() {
        return Optional.of(test);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return form.signInProperty().get() ? username : signIn;
    }

    @Override
    public Optional<Node> control(Setting setting) {
        return switch (setting) {
            case USERNAME -> Optional.of(username);
            case PASSWORD -> Optional.of(form.showPasswordProperty().get() ? passwordShown : password);
            case AUTH_METHOD -> Optional.of(method);
            case RECIPIENT_ADDRESS -> Optional.of(recipient);
            case SERVER_HOST, PORT, SECURITY, APP_PASSWORD, ENABLE_SMTP_AUTH_AT_PROVIDER, SENDER_ADDRESS,
                    MESSAGE_CONTENT_OR_SIZE, WAIT_AND_RETRY, NETWORK_OR_FIREWALL, CONTACT_PROVIDER,
                    NONE -> Optional.empty();
        };
    }
}
