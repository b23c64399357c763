package org.smtpdoctor.ui;

import java.io.File;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.ui.WizardViewModel.Page;

/**
 * The window's content: menu bar, numbered page title, the current page, a status line; plus the window-wide
 * keys (zoom, Enter = Next, Esc = Cancel during a test) and closing the window cancels a running test.
 */
public final class WizardView {

    static final String STYLESHEET = "app.css";

    private final WizardViewModel vm;
    private final Messages t;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    /** Pages are built when first shown: the first frame only waits for the Start page. */
    private final Map<Page, WizardPage> pages = new EnumMap<>(Page.class);
    private final Stage stage;
    private boolean swallowAltRelease;

    private final Optional<Runnable> openLogFolder;

    private WizardView(Stage stage, WizardViewModel vm, Messages t, Optional<Runnable> openLogFolder) {
        this.openLogFolder = openLogFolder;
        this.stage = stage;
        this.vm = vm;
        this.t = t;
        Label title = new Label();
        title.setId("pageTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(vm.pageTitleProperty());
        title.setWrapText(true);
        Label presenting = new Label(t.get("presentation.badge"));
        presenting.setId("presentationBadge");
        presenting.getStyleClass().add("presentation-badge");
        presenting.visibleProperty().bind(vm.presentationModeProperty());
        presenting.managedProperty().bind(vm.presentationModeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, presenting);
        header.getStyleClass().add("header");

        Label status = Forms.wrapping("status-line");
        status.setId("statusLine");
        status.textProperty().bind(vm.statusProperty());

        content.getStyleClass().add("content");
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setTop(new VBox(menuBar(), header));
        root.setCenter(content);
        root.setBottom(status);
        root.getStyleClass().add("wizard");

        vm.pageProperty().addListener((o, was, now) -> showPage(now));
        vm.zoomPercentProperty().addListener((o, was, now) -> applyZoom(now.intValue()));
        vm.setFocusHandler(this::focus);
        applyZoom(vm.zoomPercentProperty().get());
        showPage(vm.pageProperty().get());
    }

    /** Puts the wizard into {@code stage} (title, scene, styles, keys, close = cancel); the caller shows it. */
    public static WizardView install(Stage stage, WizardViewModel vm, Messages texts) {
        return install(stage, vm, texts, Optional.empty());
    }

    /** As above, with Help → Open log folder doing {@code openLogFolder} (disabled without one). */
    public static WizardView install(Stage stage, WizardViewModel vm, Messages texts,
            Optional<Runnable> openLogFolder) {
        WizardView view = new WizardView(stage, vm, texts, openLogFolder);
        Scene scene = new Scene(view.root, 860, 700);
        scene.getStylesheets().add(WizardView.class.getResource(STYLESHEET).toExternalForm());
        view.installKeys(scene);
        stage.setTitle(texts.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(e -> vm.cancelRunning());
        return view;
    }

    public Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem save = item(t.get("menu.file.save"), "menuSaveReport", this::saveReport);
        save.disableProperty().bind(Bindings.notEqual(vm.pageProperty(), Page.RESULT));
        MenuItem forget = item(t.get("menu.file.forget"), "menuForget", vm::forgetSavedSettings);
        MenuItem quit = item(t.get("menu.file.quit"), "menuQuit", () -> {
            vm.cancelRunning();
            stage.close();
        });
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        Menu file = new Menu(t.get("menu.file"), null, save, forget, new SeparatorMenuItem(), quit);

        MenuItem zoomIn = item(t.get("menu.view.zoomIn"), "menuZoomIn", vm::zoomIn);
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY));
        MenuItem zoomOut = item(t.get("menu.view.zoomOut"), "menuZoomOut", vm::zoomOut);
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomReset = item(t.get("menu.view.zoomReset"), "menuZoomReset", vm::zoomReset);
        zoomReset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem presentation = new CheckMenuItem(t.get("menu.view.presentation"));
        presentation.setId("menuPresentation");
        presentation.setMnemonicParsing(true);
        presentation.selectedProperty().bindBidirectional(vm.presentationModeProperty());
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        Menu view = new Menu(t.get("menu.view"), null, zoomIn, zoomOut, zoomReset, new SeparatorMenuItem(),
                presentation);

        MenuItem startOver = item(t.get("menu.go.startOver"), "menuStartOver", vm::startOver);
        startOver.disableProperty().bind(vm.testing().runningProperty().or(vm.find().runningProperty()));
        MenuItem paste = item(t.get("menu.go.paste"), "menuPaste", vm::haveErrorMessage);
        paste.disableProperty().bind(vm.testing().runningProperty().or(vm.find().runningProperty()));
        Menu go = new Menu(t.get("menu.go"), null, startOver, paste);

        MenuItem logFolder = item(t.get("menu.help.logFolder"), "menuOpenLogFolder",
                () -> openLogFolder.ifPresent(Runnable::run));
        logFolder.setDisable(openLogFolder.isEmpty());
        Menu help = new Menu(t.get("menu.help"), null, logFolder);

        MenuBar bar = new MenuBar(file, view, go, help);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void installKeys(Scene scene) {
        // the other keys people press for zoom: Ctrl+= (plus without Shift), the keypad's + - 0
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY), vm::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY), vm::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                vm::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN),
                vm::zoomReset);
        // on the window, so it runs before the scene's own mnemonic handling
        stage.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (stage.getScene() == scene && runMnemonic(scene, e)) {
                e.consume();
                swallowAltRelease = true;
            }
        });
        // the menu bar never saw the letter, so it would take the Alt release for "Alt alone: go to the menu";
        // a handler (not a filter) so the scene still hides the underlined letters on the release first
        scene.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ALT && swallowAltRelease) {
                swallowAltRelease = false;
                e.consume();
            }
        });
        // Enter on a page whose Next is disabled: show every problem and focus the first (the default button
        // handles Enter when it is enabled)
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isConsumed() && !nextEnabled()) {
                Page p = vm.pageProperty().get();
                if (p == Page.START || p == Page.SERVER || p == Page.SIGN_IN) {
                    vm.next();
                    e.consume();
                }
            }
        });
    }

    /**
     * Mnemonics (Alt+letter) handled here rather than by JavaFX, which lets a focused text field or combo box
     * swallow the key and, where it does handle one, sends a bare ActionEvent that neither toggles a check box nor
     * selects a radio button. This runs the one visible mnemonic for the key: a button's action, a check box's
     * toggle, a radio button's choice, a menu, or the field a label names.
     */
    private static boolean runMnemonic(Scene scene, KeyEvent e) {
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

    private boolean nextEnabled() {
        switch (vm.pageProperty().get()) {
            case START:
                return vm.startValidProperty().get();
            case SERVER:
                return vm.serverValidProperty().get();
            case SIGN_IN:
                return vm.signInValidProperty().get();
            default:
                return true;
        }
    }

    private WizardPage page(Page page) {
        return pages.computeIfAbsent(page, this::build);
    }

    private WizardPage build(Page page) {
        switch (page) {
            case START:
                return new StartPage(vm, t);
            case SERVER:
                return new ServerPage(vm, t);
            case SIGN_IN:
                return new SignInPage(vm, t);
            case TESTING:
                return new TestingPage(vm, t);
            case PASTE:
                return new PastePage(vm, t);
            case FIND:
                return new FindPage(vm, t);
            default:
                return new ResultPage(vm, t, new ResultPage.Actions() {
                    @Override
                    public void copyReport() {
                        WizardView.this.copyReport();
                    }

                    @Override
                    public void saveReport() {
                        WizardView.this.saveReport();
                    }
                });
        }
    }

    private void showPage(Page page) {
        WizardPage p = page(page);
        content.getChildren().setAll(p.root());
        Node focus = p.initialFocus();
        // at once, so the scene does not move the focus by itself (it may land on the menu bar), and again once
        // the page is laid out
        focus.requestFocus();
        Platform.runLater(focus::requestFocus);
    }

    private void focus(Setting setting) {
        Setting field = WizardViewModel.fieldFor(setting);
        WizardPage p = page(WizardViewModel.pageOf(field));
        p.control(field).ifPresent(n -> Platform.runLater(n::requestFocus));
    }

    private void applyZoom(int percent) {
        root.getStyleClass().removeIf(c -> c.startsWith("zoom-"));
        root.getStyleClass().add("zoom-" + percent);
    }

    private void copyReport() {
        ClipboardContent c = new ClipboardContent();
        c.putString(vm.copyReport());
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void saveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(t.get("save.title"));
        FileChooser.ExtensionFilter markdown = new FileChooser.ExtensionFilter(t.get("save.markdown"), "*.md");
        FileChooser.ExtensionFilter html = new FileChooser.ExtensionFilter(t.get("save.html"), "*.html");
        FileChooser.ExtensionFilter text = new FileChooser.ExtensionFilter(t.get("save.text"), "*.txt");
        chooser.getExtensionFilters().addAll(markdown, html, text);
        chooser.setSelectedExtensionFilter(markdown);
        chooser.setInitialFileName(vm.suggestedReportName(ReportRenderer.Format.MARKDOWN));
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        vm.saveReport(file.toPath(), formatFor(file.getName(), chooser.getSelectedExtensionFilter() == html
                ? ReportRenderer.Format.HTML : chooser.getSelectedExtensionFilter() == text
                ? ReportRenderer.Format.PLAIN_TEXT : ReportRenderer.Format.MARKDOWN));
    }

    /** The file's extension decides; the chosen filter when the name has none of ours. */
    static ReportRenderer.Format formatFor(String fileName, ReportRenderer.Format fallback) {
        return ReportRenderer.Format.forFileName(fileName).orElse(fallback);
    }
}
