package org.smtpdoctor.ui;

import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;

/** The window's Alt+letter keys, run by the wizard rather than by JavaFX (see {@link #run}). */
final class Mnemonics {

    private Mnemonics() {
    }

    /**
     * Mnemonics (Alt+letter) handled here rather than by JavaFX, which lets a focused text field or combo box
     * swallow the key and, where it does handle one, sends a bare ActionEvent that neither toggles a check box nor
     * selects a radio button. This runs the one visible mnemonic for the key: a button's action, a check box's
     * toggle, a radio button's choice, a menu, or the field a label names.
     */
    static boolean run(Scene scene, KeyEvent e) {
        if (!e.isAltDown() || e.isControlDown() || e.isMetaDown() || e.isShortcutDown()) {
            return false;
        }
        for (Map.Entry<KeyCombination, ObservableList<Mnemonic>> entry : scene.getMnemonics().entrySet()) {
            if (!entry.getKey().match(e)) {
                continue;
            }
            List<Node> live = entry.getValue().stream().map(Mnemonic::getNode)
                    .filter(n -> n.getScene() == scene && n.isVisible() && !n.isDisabled()).toList();
            if (live.size() != 1) {
                continue;
            }
            Node node = live.get(0);
            if (node instanceof MenuButton) {
                ((MenuButton) node).show();
            } else if (node instanceof ButtonBase) {
                ((ButtonBase) node).fire();
                if (!(node instanceof Button)) {
                    node.requestFocus();
                }
            } else {
                node.requestFocus();
            }
            return true;
        }
        return false;
    }
}
