package org.smtpdoctor.ui.result;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.ui.page.Forms;
import org.smtpdoctor.ui.page.WizardPage;

/**
 * Step 5: the verdict banner; the setting to change in the mail program's own words, large, with the current and
 * the suggested value and where to find it; who acts; the buttons; technical details collapsed.
 */
public final class ResultPage implements WizardPage {

    /** What the page asks of the window (clipboard, file chooser): the view model stays free of the toolkit. */
    public interface Actions {
        void copyReport();

        void saveReport();

        void applyAndTestAgain();

        void backToSettings();

        void findSettings();

        /** Shows the server's certificate and, if the user trusts it, tests again. */
        void inspectCertificate();
    }

    private final VBox root;
    private final Button apply;
    private final Button back;
    private final Button find;
    private final Button copy;
    private final ScrollPane scroll;

    public ResultPage(ResultViewModel r, Actions actions, Messages t) {

        Label glyph = new Label();
        glyph.getStyleClass().add("verdict-glyph");
        glyph.textProperty().bind(Bindings.createStringBinding(() -> r.bannerKindProperty().get() == null ? ""
                : r.bannerKindProperty().get().glyph(), r.bannerKindProperty()));
        glyph.setAccessibleText("");
        Label bannerText = new Label();
        bannerText.setId("verdictBanner");
        bannerText.getStyleClass().add("verdict-text");
        bannerText.textProperty().bind(r.bannerProperty());
        bannerText.setWrapText(true);
        HBox banner = new HBox(glyph, bannerText);
        banner.setId("verdictBox");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("verdict-banner");
        r.bannerKindProperty().addListener((o, was, now) -> styleBanner(banner, now));
        styleBanner(banner, r.bannerKindProperty().get());

        Label title = Forms.wrapping("result-title");
        title.setId("resultTitle");
        title.textProperty().bind(r.titleProperty());

        Label intro = Forms.hiddenWhenEmpty(Forms.wrapping("setting-intro"));
        intro.textProperty().bind(r.settingIntroProperty());
        Label name = Forms.wrapping("setting-name");
        name.setId("settingName");
        name.textProperty().bind(r.settingNameProperty());
        GridPane values = new GridPane();
        values.getStyleClass().add("setting-values");
        Label nowCaption = new Label(t.get("result.value.now"));
        nowCaption.getStyleClass().add("value-caption");
        Label now = new Label();
        now.setId("currentValue");
        now.getStyleClass().add("value-current");
        now.textProperty().bind(r.currentValueProperty());
        Label toCaption = new Label(t.get("result.value.to"));
        toCaption.getStyleClass().add("value-caption");
        Label to = new Label();
        to.setId("suggestedValue");
        to.getStyleClass().add("value-suggested");
        to.textProperty().bind(r.suggestedValueProperty());
        values.addRow(0, nowCaption, now);
        values.addRow(1, toCaption, to);
        bindShown(nowCaption, now);
        bindShown(toCaption, to);
        Label where = Forms.hiddenWhenEmpty(Forms.wrapping("setting-where"));
        where.setId("whereToFind");
        where.textProperty().bind(Bindings.createStringBinding(() -> r.whereToFindProperty().get().isEmpty() ? ""
                : t.get("result.where", r.whereToFindProperty().get()), r.whereToFindProperty()));
        Label note = Forms.hiddenWhenEmpty(Forms.wrapping("setting-note"));
        note.textProperty().bind(r.placeNoteProperty());
        Label more = Forms.hiddenWhenEmpty(Forms.wrapping("setting-more"));
        more.setId("moreChanges");
        more.textProperty().bind(r.moreChangesProperty());
        Label alternatives = Forms.hiddenWhenEmpty(Forms.wrapping("setting-alternatives"));
        alternatives.setId("alternatives");
        alternatives.textProperty().bind(r.alternativesProperty());
        VBox card = new VBox(intro, name, values, where, note, more, alternatives);
        card.setId("settingCard");
        card.getStyleClass().add("setting-card");
        card.visibleProperty().bind(r.hasSettingProperty());
        card.managedProperty().bind(r.hasSettingProperty());

        Label unsure = Forms.hiddenWhenEmpty(Forms.wrapping("unsure-note"));
        unsure.setId("unsureNote");
        unsure.textProperty().bind(r.unsureProperty());
        Label tried = Forms.hiddenWhenEmpty(Forms.wrapping("tried-note"));
        tried.setId("triedNote");
        tried.textProperty().bind(r.triedNoteProperty());
        Label explanation = Forms.wrapping("explanation");
        explanation.setId("explanation");
        explanation.textProperty().bind(r.explanationProperty());
        Label actor = Forms.hiddenWhenEmpty(Forms.wrapping("actor"));
        actor.setId("actorLabel");
        actor.textProperty().bind(r.actorProperty());
        Label tryThese = Forms.hiddenWhenEmpty(Forms.wrapping("things-to-try"));
        tryThese.textProperty().bind(r.thingsToTryProperty());

        // a label, not a text area: the page's own scroll bar is the only one (Copy report copies the text)
        Label technical = Forms.wrapping("transcript");
        technical.setId("technicalArea");
        technical.textProperty().bind(r.technicalDetailsProperty());
        technical.setAccessibleText(t.get("details.title"));
        TitledPane details = new TitledPane(t.get("details.title"), technical);
        details.setId("technicalDetails");
        details.setExpanded(false);
        details.setAnimated(false);

        apply = Forms.button(t.get("result.apply"), "applyButton");
        apply.getStyleClass().add("accent");
        apply.setDefaultButton(true);
        apply.visibleProperty().bind(r.canApplyProperty());
        apply.managedProperty().bind(r.canApplyProperty());
        apply.setOnAction(e -> actions.applyAndTestAgain());
        back = Forms.button(t.get("result.back"), "backToSettingsButton");
        back.setOnAction(e -> actions.backToSettings());
        find = Forms.button(t.get("result.find"), "findSettingsButton");
        find.visibleProperty().bind(r.canFindProperty());
        find.managedProperty().bind(r.canFindProperty());
        find.setOnAction(e -> actions.findSettings());
        Button certificate = Forms.button(t.get("result.certificate"), "certificateButton");
        certificate.visibleProperty().bind(r.canInspectCertificateProperty());
        certificate.managedProperty().bind(r.canInspectCertificateProperty());
        certificate.setOnAction(e -> actions.inspectCertificate());
        copy = Forms.button(t.get("result.copy"), "copyReportButton");
        copy.setOnAction(e -> actions.copyReport());
        Button save = Forms.button(t.get("result.save"), "saveReportButton");
        save.setOnAction(e -> actions.saveReport());

        VBox content = new VBox(banner, title, unsure, card, tried, explanation, actor, tryThese, details);
        content.getStyleClass().add("page-body");
        scroll = Forms.scrolling(content, Forms.buttonBar(back, copy, save, find, certificate, apply));
        root = new VBox(scroll);
        root.getStyleClass().add("page");
    }

    private static void bindShown(Node caption, Label value) {
        var has = Bindings.isNotEmpty(value.textProperty());
        for (Node n : new Node[] {caption, value}) {
            n.visibleProperty().bind(has);
            n.managedProperty().bind(has);
        }
    }

    private static void styleBanner(HBox banner, Banner kind) {
        banner.getStyleClass().removeIf(c -> c.startsWith("verdict-") && !c.equals("verdict-banner"));
        if (kind != null) {
            banner.getStyleClass().add(kind.styleClass());
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        // never Back: Enter on the focused button must not undo the test
        return apply.isVisible() ? apply : find.isVisible() ? find : copy;
    }

    @Override
    public Optional<ButtonBase> primaryAction() {
        return apply.isVisible() ? Optional.of(apply) : Optional.empty();
    }

    /** A new result opens at its top, with the banner in view. */
    @Override
    public void shown() {
        scroll.setVvalue(0);
    }
}
