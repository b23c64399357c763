package org.smtpdoctor.ui.result;

import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.smtpdoctor.i18n.Messages;

/**
 * The server's certificate, shown plainly before anyone trusts it: who it is for, who issued it, until when, and
 * the fingerprint in groups of four to read aloud and compare with what the provider or IT gives. "Trust for this
 * test" or Cancel (the default: Enter or Esc never trust by accident).
 */
public final class CertificateDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType trust;

    public CertificateDialog(CertificateFacts c, Messages t, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(t.get("certificate.title"));
        dialog.setHeaderText(t.get("certificate.header"));
        Label intro = new Label(t.get("certificate.intro"));
        intro.setWrapText(true);
        GridPane facts = new GridPane();
        facts.getStyleClass().add("certificate-facts");
        row(facts, 0, t.get("certificate.issuedTo"), c.issuedTo(), "certificateIssuedTo");
        row(facts, 1, t.get("certificate.validFor"), c.validFor().isEmpty() ? "—" : c.validFor(),
                "certificateValidFor");
        row(facts, 2, t.get("certificate.issuedBy"), c.issuedBy(), "certificateIssuedBy");
        row(facts, 3, t.get("certificate.validUntil"), c.validUntil(), "certificateValidUntil");
        row(facts, 4, t.get("certificate.fingerprint"), c.fingerprint(), "certificateFingerprint");
        VBox content = new VBox(intro, facts);
        content.getStyleClass().add("certificate-dialog");
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().add(CertificateDialog.class.getResource(
                "/org/smtpdoctor/ui/app.css").toExternalForm());
        trust = new ButtonType(t.get("certificate.trust"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(t.get("certificate.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(trust, cancel);
        dialog.getDialogPane().lookupButton(trust).setId("trustCertificateButton");
        dialog.getDialogPane().lookupButton(cancel).setId("cancelCertificateButton");
        // Cancel is the default and has the focus: Enter never trusts a certificate by accident
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setDefaultButton(true);
        ((Button) dialog.getDialogPane().lookupButton(trust)).setDefaultButton(false);
        dialog.setOnShown(e -> cancelButton.requestFocus());
    }

    private static void row(GridPane grid, int row, String caption, String value, String id) {
        Label name = new Label(caption);
        name.getStyleClass().add("value-caption");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setId(id);
        text.setWrapText(true);
        text.getStyleClass().add(id.equals("certificateFingerprint") ? "fingerprint" : "certificate-value");
        name.setLabelFor(text);
        grid.addRow(row, name, text);
    }

    /** Shows the dialog and waits; true when the user chose "Trust for this test". */
    public boolean askToTrust() {
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == trust;
    }
}
