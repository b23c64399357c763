package org.smtpdoctor.ui.page;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import org.smtpdoctor.settings.Setting;

/** One page of the wizard: a view that binds to the view model and forwards clicks, nothing else. */
public interface WizardPage {

    Parent root();

    /** The control that gets the focus when the page appears. */
    Node initialFocus();

    /** The page's main action (Next, Test, Apply …): what Enter does wherever the focus is; none on some pages. */
    default Optional<ButtonBase> primaryAction() {
        return Optional.empty();
    }

    /** The page was just put on screen (a new result opens at its top). */
    default void shown() {
    }

    /** The control of a setting on this page, for "focus the first invalid field". */
    default Optional<Node> control(Setting setting) {
        return Optional.empty();
    }
}
