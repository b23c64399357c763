package org.smtpdoctor.ui.form;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.ui.page.Forms;
import org.smtpdoctor.ui.page.WizardPage;

/** Step 2: server name, port and connection security. */
public final class ServerPage implements WizardPage {

    private final VBox root;
    private final Button next;
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final Map<Security, ToggleButton> securityButtons = new EnumMap<>(Security.class);

    public ServerPage(SettingsFormViewModel form, FormActions vm, Messages t) {

        Label source = Forms.hiddenWhenEmpty(Forms.wrapping("source-note"));
        source.setId("serverSourceNote");
        source.textProperty().bind(form.sourceNoteProperty());

        host.setId("hostField");
        host.setPromptText(t.get("server.host.prompt"));
        host.textProperty().bindBidirectional(form.hostProperty());
        leaveReports(host, form, Setting.SERVER_HOST);
        VBox hostField = Forms.field(t.get("server.host.label"), host, host, t.get("server.host.help"),
                form.messageProperty(Setting.SERVER_HOST), "hostMessage");

        port.setId("portField");
        port.setPrefColumnCount(6);
        port.setMaxWidth(Region.USE_PREF_SIZE);
        port.textProperty().bindBidirectional(form.portProperty());
        leaveReports(port, form, Setting.PORT);
        VBox portField = Forms.field(t.get("server.port.label"), port, port, t.get("server.port.help"),
                form.messageProperty(Setting.PORT), "portMessage");

        // one segmented control (ControlsFX): the three choices side by side, the chosen one's meaning below it
        SegmentedButton choices = new SegmentedButton();
        choices.setId("securityChoices");
        choices.getStyleClass().add("choices");
        for (Security s : Security.values()) {
            ToggleButton b = new ToggleButton(t.get("server.security." + s.name()));
            b.setId("security-" + s.name());
            b.setMnemonicParsing(true);
            b.setUserData(s);
            b.getStyleClass().add(Forms.ENTER_GOES_ON);
            b.setMinWidth(Region.USE_PREF_SIZE);
            securityButtons.put(s, b);
            choices.getButtons().add(b);
        }
        ToggleGroup group = choices.getToggleGroup();
        securityButtons.get(form.securityProperty().get()).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // a second click on the chosen one must not leave none chosen
                if (was != null) {
                    was.setSelected(true);
                }
                return;
            }
            form.securityProperty().set((Security) now.getUserData());
        });
        Label choiceHelp = Forms.wrapping("choice-help");
        choiceHelp.setId("securityChoiceHelp");
        choiceHelp.textProperty().bind(Bindings.createStringBinding(() -> form.securityProperty().get() == null ? ""
                : t.get("server.security." + form.securityProperty().get().name() + ".help"),
                form.securityProperty()));
        form.securityProperty().addListener((o, was, now) -> securityButtons.get(now).setSelected(true));
        Label securityLabel = new Label(t.get("server.security.label"));
        securityLabel.getStyleClass().add("field-label");
        securityLabel.setMnemonicParsing(true);
        securityLabel.setLabelFor(securityButtons.get(Security.NONE));
        Label securityHelp = Forms.wrapping("field-help");
        securityHelp.setId("securityHelp");
        securityHelp.textProperty().bind(form.securityHelpProperty());
        Label securityMessage = Forms.hiddenWhenEmpty(Forms.wrapping("field-message"));
        securityMessage.setId("securityMessage");
        securityMessage.textProperty().bind(form.messageProperty(Setting.SECURITY));
        VBox securityField = new VBox(securityLabel, choices, choiceHelp, securityHelp, securityMessage);
        securityField.getStyleClass().add("field");

        HBox.setHgrow(hostField, Priority.ALWAYS);
        HBox hostAndPort = new HBox(hostField, portField);
        hostAndPort.getStyleClass().add("field-row");

        Button back = Forms.button(t.get("nav.back"), "serverBackButton");
        back.setOnAction(e -> vm.back());
        next = Forms.button(t.get("nav.next"), "serverNextButton");
        next.setDefaultButton(true);
        next.getStyleClass().add("accent");
        next.disableProperty().bind(form.validProperty(SettingsFormViewModel.SERVER_FIELDS).not());
        next.setOnAction(e -> vm.next());

        VBox body = new VBox(source, hostAndPort, securityField);
        body.getStyleClass().add("page-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(Forms.scrolling(body, Forms.buttonBar(back, next)));
        root.getStyleClass().add("page");
    }

    static void leaveReports(Node field, SettingsFormViewModel form, Setting setting) {
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                form.leave(setting);
            }
        });
    }

    @Override
    public Optional<ButtonBase> primaryAction() {
        return Optional.of(next);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return host;
    }

    @Override
    public Optional<Node> control(Setting setting) {
        return switch (setting) {
            case SERVER_HOST -> Optional.of(host);
            case PORT -> Optional.of(port);
            case SECURITY -> securityButtons.values().stream().filter(ToggleButton::isSelected).findFirst().map(b -> b);
            case AUTH_METHOD, USERNAME, PASSWORD, APP_PASSWORD, ENABLE_SMTP_AUTH_AT_PROVIDER, SENDER_ADDRESS,
                    RECIPIENT_ADDRESS, MESSAGE_CONTENT_OR_SIZE, WAIT_AND_RETRY, NETWORK_OR_FIREWALL, CONTACT_PROVIDER,
                    NONE -> Optional.empty();
        };
    }
}
