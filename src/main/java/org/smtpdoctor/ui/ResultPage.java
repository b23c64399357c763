package org.smtpdoctor.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.i18n.Messages;

/**
 * Step 5: the verdict banner; the setting to change in the mail program's own words, large, with the current and
 * the suggested value and where to find it; who acts; the buttons; technical details collapsed.
 */
final class ResultPage implements WizardPage {

    /** What the page asks of the window (clipboard, file chooser): the view model stays free of the toolkit. */
    interface Actions {
        void copyReport();

        void saveReport();
    }

    private final VBox root;
    private final Button apply;
    private final Button back;

    ResultPage(WizardViewModel vm, Messages t, Actions actions) {
        ResultViewModel r = vm.result();

        Label glyph = new Label();
        glyph.getStyleClass().add("verdict-glyph");
        glyph.textProperty().bind(Bindings.createStringBinding(() -> glyphOf(r.verdictProperty().get()),
                r.verdictProperty()));
        Label bannerText = new Label();
        bannerText.setId("verdictBanner");
        bannerText.getStyleClass().add("verdict-text");
        bannerText.textProperty().bind(r.bannerProperty());
        bannerText.setWrapText(true);
        HBox banner = new HBox(glyph, bannerText);
        banner.setId("verdictBox");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("verdict-banner");
        r.verdictProperty().addListener((o, was, now) -> styleBanner(banner, now));
        styleBanner(banner, r.verdictProperty().get());

        Label title = Forms.wrapping("result-title");
        title.setId("resultTitle");
        title.textProperty().bind(r.titleProperty());

        Label intro = Forms.wrapping("setting-intro");
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

        Label explanation = Forms.wrapping("explanation");
        explanation.setId("explanation");
        explanation.textProperty().bind(r.explanationProperty());
        Label actor = Forms.wrapping("actor");
        actor.setId("actorLabel");
        actor.textProperty().bind(r.actorProperty());
        Label tryThese = Forms.hiddenWhenEmpty(Forms.wrapping("things-to-try"));
        tryThese.textProperty().bind(r.thingsToTryProperty());

        TextArea technical = new TextArea();
        technical.setId("technicalArea");
        technical.setEditable(false);
        technical.getStyleClass().add("transcript");
        technical.textProperty().bind(r.technicalDetailsProperty());
        technical.setPrefRowCount(12);
        TitledPane details = new TitledPane(t.get("details.title"), technical);
        details.setId("technicalDetails");
        details.setExpanded(false);
        details.setAnimated(false);

        apply = Forms.button(t.get("result.apply"), "applyButton");
        apply.getStyleClass().add("accent");
        apply.setDefaultButton(true);
        apply.visibleProperty().bind(r.canApplyProperty());
        apply.managedProperty().bind(r.canApplyProperty());
        apply.setOnAction(e -> vm.applyAndTestAgain());
        back = Forms.button(t.get("result.back"), "backToSettingsButton");
        back.setOnAction(e -> vm.backToSettings());
        Button find = Forms.button(t.get("result.find"), "findSettingsButton");
        find.visibleProperty().bind(vm.canFindFromResultProperty());
        find.managedProperty().bind(vm.canFindFromResultProperty());
        find.setOnAction(e -> vm.findSettings());
        Button copy = Forms.button(t.get("result.copy"), "copyReportButton");
        copy.setOnAction(e -> actions.copyReport());
        Button save = Forms.button(t.get("result.save"), "saveReportButton");
        save.setOnAction(e -> actions.saveReport());

        VBox content = new VBox(banner, title, card, explanation, actor, tryThese, details);
        content.getStyleClass().add("page-body");
        root = new VBox(Forms.scrolling(content), Forms.buttonBar(back, copy, save, find, apply));
        root.getStyleClass().add("page");
    }

    private static void bindShown(Node caption, Label value) {
        var has = Bindings.isNotEmpty(value.textProperty());
        for (Node n : new Node[] {caption, value}) {
            n.visibleProperty().bind(has);
            n.managedProperty().bind(has);
        }
    }

    private static void styleBanner(HBox banner, Verdict verdict) {
        banner.getStyleClass().removeIf(c -> c.startsWith("verdict-") && !c.equals("verdict-banner"));
        if (verdict != null) {
            banner.getStyleClass().add("verdict-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    private static String glyphOf(Verdict v) {
        if (v == null) {
            return "";
        }
        switch (v) {
            case WORKS:
                return "✔";
            case FIX_SETTING:
                return "✎";
            case TEMPORARY:
                return "⏱";
            default:
                return "⚠";
        }
    }


    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return apply.isVisible() ? apply : back;
    }
}
