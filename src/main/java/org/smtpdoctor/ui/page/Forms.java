package org.smtpdoctor.ui.page;

import java.util.function.UnaryOperator;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** Small layout helpers shared by the pages: a labelled field with its message below, a button bar. */
public final class Forms {

    private Forms() {
    }

    /**
     * Label above (with mnemonic and {@code labelFor}), the field, an optional help line, and the field's problem in
     * words below it (never by colour alone).
     */
    public static VBox field(String label, Control input, Node shown, String help, ObservableStringValue message,
            String messageId) {
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(input);
        caption.getStyleClass().add("field-label");
        VBox box = new VBox(caption, shown);
        box.getStyleClass().add("field");
        if (help != null && !help.isEmpty()) {
            Label helpLabel = new Label(help);
            helpLabel.setWrapText(true);
            helpLabel.getStyleClass().add("field-help");
            box.getChildren().add(helpLabel);
        }
        addMessage(box, input, message, messageId);
        return box;
    }

    /** As {@link #field(String, Control, Node, String, ObservableStringValue, String)}, with a help line that changes. */
    public static VBox field(String label, Control input, Node shown, ObservableStringValue help,
            ObservableStringValue message, String messageId) {
        VBox box = field(label, input, shown, "", null, messageId);
        Label helpLabel = hiddenWhenEmpty(new Label());
        helpLabel.textProperty().bind(help);
        helpLabel.setWrapText(true);
        helpLabel.getStyleClass().add("field-help");
        box.getChildren().add(helpLabel);
        addMessage(box, input, message, messageId);
        return box;
    }

    private static void addMessage(VBox box, Control input, ObservableStringValue message, String messageId) {
        if (message != null) {
            Label problem = new Label();
            problem.setId(messageId);
            problem.textProperty().bind(message);
            problem.setWrapText(true);
            problem.getStyleClass().add("field-message");
            Label glyph = new Label("⚠");
            glyph.getStyleClass().add("field-message-glyph");
            glyph.setAccessibleText("");
            problem.setGraphic(glyph);
            ObservableBooleanValue hasMessage = Bindings.isNotEmpty(message);
            problem.visibleProperty().bind(hasMessage);
            problem.managedProperty().bind(hasMessage);
            input.accessibleHelpProperty().bind(message);
            hasMessage.addListener((o, was, now) -> input.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("invalid"), now));
            box.getChildren().add(problem);
        }
    }

    /**
     * A text field that shows a masked copy of its text in presentation mode (a screen share then hides whose
     * account it is); the real field comes back when presentation mode ends.
     */
    public static StackPane maskable(TextField field, ObservableBooleanValue presentation, UnaryOperator<String> mask) {
        Label masked = new Label();
        masked.getStyleClass().addAll("masked-field");
        masked.setMaxWidth(Double.MAX_VALUE);
        masked.textProperty().bind(Bindings.createStringBinding(() -> mask.apply(field.getText()),
                field.textProperty()));
        masked.setAccessibleRole(AccessibleRole.TEXT);
        masked.setId(field.getId() + "Masked");
        masked.visibleProperty().bind(presentation);
        field.visibleProperty().bind(Bindings.not(presentation));
        field.disableProperty().bind(presentation);
        StackPane stack = new StackPane(field, masked);
        StackPane.setAlignment(masked, Pos.CENTER_LEFT);
        return stack;
    }

    /**
     * Back on the left, the other buttons on the right; when the window is narrow or zoomed the right-hand buttons
     * wrap onto more lines instead of cutting their text. Back is marked {@code nav-back}: Enter never presses it.
     */
    public static HBox buttonBar(Node left, Node... right) {
        FlowPane others = new FlowPane();
        others.getStyleClass().add("button-flow");
        others.setAlignment(Pos.CENTER_RIGHT);
        others.getChildren().addAll(right);
        HBox.setHgrow(others, Priority.ALWAYS);
        HBox bar = new HBox();
        bar.getStyleClass().add("button-bar");
        bar.setAlignment(Pos.TOP_LEFT);
        if (left != null) {
            left.getStyleClass().add(NAV_BACK);
            bar.getChildren().add(left);
        }
        bar.getChildren().add(others);
        for (Node n : bar.getChildren()) {
            if (n instanceof Region r && !(n instanceof FlowPane)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        for (Node n : right) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        // one line when there is room; the flow wraps at the width the bar gives it
        others.setPrefWrapLength(4000);
        return bar;
    }

    /** Style class of a choice (a segment) on which Enter goes on rather than choosing it again. */
    public static final String ENTER_GOES_ON = "enter-goes-on";

    /** Style class of a button that goes back or aside: Enter runs the page's main action instead. */
    public static final String NAV_BACK = "nav-back";

    public static Button button(String text, String id) {
        Button b = new Button(text);
        b.setMnemonicParsing(true);
        b.setId(id);
        return b;
    }

    /**
     * The page and its buttons in one scroll pane, the page's only scroll container: in a roomy window the buttons
     * sit at the bottom; in a small or zoomed one they follow the content (wrapping as they must) instead of
     * taking the room the content needs.
     */
    public static ScrollPane scrolling(VBox body, Node buttonBar) {
        Region push = new Region();
        VBox.setVgrow(push, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.NEVER);
        VBox page = new VBox(body, push, buttonBar);
        page.getStyleClass().add("page-content");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("page-scroll");
        // at least the viewport's height, so the buttons reach the bottom; taller content scrolls
        page.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // the buttons stay pinned below the page while they take little room; when the window is small or zoomed
        // and they would take more than a quarter of it, they scroll with the content instead
        InvalidationListener place = o -> {
            if (!(scroll.getParent() instanceof VBox outer) || outer.getWidth() <= 0) {
                return;
            }
            double barHeight = buttonBar.prefHeight(outer.getWidth());
            boolean pin = barHeight <= outer.getHeight() * PINNED_BAR_SHARE;
            if (pin && buttonBar.getParent() != outer) {
                page.getChildren().remove(buttonBar);
                outer.getChildren().add(buttonBar);
            } else if (!pin && buttonBar.getParent() != page) {
                outer.getChildren().remove(buttonBar);
                page.getChildren().add(buttonBar);
            }
        };
        scroll.parentProperty().addListener((o, was, now) -> {
            if (now instanceof VBox outer) {
                outer.heightProperty().addListener(place);
                outer.widthProperty().addListener(place);
                place.invalidated(null);
            }
        });
        return scroll;
    }

    /** The most of a page's height a pinned button bar may take. */
    private static final double PINNED_BAR_SHARE = 0.25;

    public static Label wrapping(String styleClass) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /**
     * Lets a wrapping label shrink to its longest word, never further: squeezed beside other content at a large
     * zoom, it wraps between words instead of breaking one ("doe / s not / ans / wer").
     */
    public static Label keepingWords(Label label) {
        label.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text probe = new Text();
            probe.setFont(label.getFont());
            double widest = 0;
            for (String word : label.getText().split("\\s+")) {
                probe.setText(word);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            return Math.ceil(widest + label.getInsets().getLeft() + label.getInsets().getRight()) + 1;
        }, label.textProperty(), label.fontProperty(), label.insetsProperty()));
        return label;
    }

    /** A label hidden (and taking no space) while its text is empty. */
    public static Label hiddenWhenEmpty(Label label) {
        ObservableBooleanValue has = Bindings.isNotEmpty(label.textProperty());
        label.visibleProperty().bind(has);
        label.managedProperty().bind(has);
        return label;
    }
}
