package org.smtpdoctor.ui;

import java.io.File;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.report.ReportRenderer;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.ui.find.FindPage;
import org.smtpdoctor.ui.form.FormActions;
import org.smtpdoctor.ui.form.ServerPage;
import org.smtpdoctor.ui.form.SettingsFormViewModel;
import org.smtpdoctor.ui.form.SignInPage;
import org.smtpdoctor.ui.form.StartPage;
import org.smtpdoctor.ui.page.Forms;
import org.smtpdoctor.ui.page.WizardPage;
import org.smtpdoctor.ui.paste.PastePage;
import org.smtpdoctor.ui.result.CertificateDialog;
import org.smtpdoctor.ui.result.Reports;
import org.smtpdoctor.ui.result.ResultPage;
import org.smtpdoctor.ui.testing.TestingPage;

/**
 * The window's content: menu bar, numbered page title, the current page, a status line; plus the window-wide
 * keys (zoom, Enter = Next, Esc = Cancel during a test) and closing the window cancels a running test.
 */
public final class WizardView {

    static final String STYLESHEET = "app.css";
    /** The smallest window in which every page still reads whole (buttons wrap, the page scrolls). */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;

    private final WizardViewModel vm;
    private final Messages t;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final NotificationPane notice = new NotificationPane(content);
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(4));
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
        presenting.visibleProperty().bind(vm.display().presentationModeProperty());
        presenting.managedProperty().bind(vm.display().presentationModeProperty());
        presenting.setWrapText(true);
        presenting.setMinHeight(Region.USE_PREF_SIZE);
        // title and badge flow: in a narrow or zoomed window the badge goes below the title, whole
        FlowPane header = new FlowPane(title, presenting);
        header.getStyleClass().add("header");
        header.prefWrapLengthProperty().bind(root.widthProperty().subtract(40));
        title.maxWidthProperty().bind(root.widthProperty().subtract(40));
        presenting.maxWidthProperty().bind(root.widthProperty().subtract(40));

        Label status = Forms.hiddenWhenEmpty(Forms.wrapping("status-line"));
        status.setId("statusLine");
        status.textProperty().bind(vm.statusProperty());

        content.getStyleClass().add("content");
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setTop(new VBox(menuBar(), header));
        // "Report copied" slides in over the page (ControlsFX) and goes by itself; the status line keeps it too
        notice.setId("notice");
        notice.setShowFromTop(true);
        notice.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        noticeTimer.setOnFinished(e -> notice.hide());
        root.setCenter(notice);
        root.setBottom(status);
        root.getStyleClass().add("wizard");

        vm.pageProperty().addListener((o, was, now) -> showPage(now));
        vm.display().zoomPercentProperty().addListener((o, was, now) -> applyZoom(now.intValue()));
        vm.setFocusHandler(this::focus);
        applyZoom(vm.display().zoomPercentProperty().get());
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
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
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

        MenuItem zoomIn = item(t.get("menu.view.zoomIn"), "menuZoomIn", vm.display()::zoomIn);
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY));
        MenuItem zoomOut = item(t.get("menu.view.zoomOut"), "menuZoomOut", vm.display()::zoomOut);
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomReset = item(t.get("menu.view.zoomReset"), "menuZoomReset", vm.display()::zoomReset);
        zoomReset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem presentation = new CheckMenuItem(t.get("menu.view.presentation"));
        presentation.setId("menuPresentation");
        presentation.setMnemonicParsing(true);
        presentation.selectedProperty().bindBidirectional(vm.display().presentationModeProperty());
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
                KeyCombination.SHIFT_ANY), vm.display()::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY), vm.display()::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                vm.display()::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN),
                vm.display()::zoomReset);
        // on the window, so it runs before the scene's own mnemonic handling
        stage.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (stage.getScene() == scene && Mnemonics.run(scene, e)) {
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
        // Enter means the page's main action wherever the focus is, never Back: on a check box, a radio button,
        // Back or a side path (I have an error message) it runs Next/Test/Apply; a text area keeps its new line
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isControlDown() && !e.isShortcutDown()
                    && entersPrimary(scene.getFocusOwner())) {
                e.consume();
                runPrimary();
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

    private static boolean entersPrimary(Node owner) {
        return owner instanceof CheckBox || owner instanceof RadioButton
                || owner instanceof ButtonBase b && (b.getStyleClass().contains(Forms.NAV_BACK)
                        || b.getStyleClass().contains(Forms.ENTER_GOES_ON));
    }

    /** The page's main action when it can run; else Next, which shows what is missing and focuses it. */
    private void runPrimary() {
        Page p = vm.pageProperty().get();
        var primary = page(p).primaryAction().filter(b -> b.isVisible() && !b.isDisabled());
        if (primary.isPresent()) {
            primary.get().fire();
        } else if (p == Page.START || p == Page.SERVER || p == Page.SIGN_IN) {
            vm.next();
        }
    }

    private boolean nextEnabled() {
        return switch (vm.pageProperty().get()) {
            case START -> vm.startValidProperty().get();
            case SERVER -> vm.serverValidProperty().get();
            case SIGN_IN -> vm.signInValidProperty().get();
            default -> true;
        };
    }

    private WizardPage page(Page page) {
        return pages.computeIfAbsent(page, this::build);
    }

    private WizardPage build(Page page) {
        return switch (page) {
            case START -> new StartPage(vm.form(), vm.display(), formActions(), t);
            case SERVER -> new ServerPage(vm.form(), formActions(), t);
            case SIGN_IN -> new SignInPage(vm.form(), vm.display(), formActions(), t);
            case TESTING -> new TestingPage(vm.testing(), vm::cancelTest, t);
            case PASTE -> new PastePage(vm.paste(), vm::back, vm::explainPasted, t);
            case FIND -> new FindPage(vm.find(), new FindPage.Actions() {
                @Override
                public void leaveFind() {
                    vm.leaveFind();
                }

                @Override
                public void cancelFind() {
                    vm.cancelFind();
                }

                @Override
                public void useFoundSettings() {
                    vm.useFoundSettings();
                }
            }, t);
            case RESULT -> new ResultPage(vm.result(), resultActions(), t);
        };
    }

    private FormActions formActions() {
        return new FormActions() {
            @Override
            public void back() {
                vm.back();
            }

            @Override
            public void next() {
                vm.next();
            }

            @Override
            public void emailEntered() {
                vm.emailEntered();
            }

            @Override
            public void haveErrorMessage() {
                vm.haveErrorMessage();
            }

            @Override
            public void findSettings() {
                vm.findSettings();
            }

            @Override
            public String programName(MailClient program) {
                return vm.programName(program);
            }
        };
    }

    private ResultPage.Actions resultActions() {
        return new ResultPage.Actions() {
            @Override
            public void copyReport() {
                WizardView.this.copyReport();
            }

            @Override
            public void saveReport() {
                WizardView.this.saveReport();
            }

            @Override
            public void applyAndTestAgain() {
                vm.applyAndTestAgain();
            }

            @Override
            public void backToSettings() {
                vm.backToSettings();
            }

            @Override
            public void findSettings() {
                vm.findSettings();
            }

            @Override
            public void inspectCertificate() {
                vm.result().certificate().ifPresent(c -> {
                    if (new CertificateDialog(c, t, stage).askToTrust()) {
                        vm.trustCertificateAndTestAgain();
                    }
                });
            }
        };
    }

    private void showPage(Page page) {
        WizardPage p = page(page);
        content.getChildren().setAll(p.root());
        // skins now: a scroll pane puts its content into the scene only with its skin, and until then the first
        // input cannot take the focus, so the scene would hand it to the first button it finds (Back)
        p.root().applyCss();
        p.shown();
        Node focus = p.initialFocus();
        // at once, so the scene does not move the focus by itself (it may land on the menu bar), and again once
        // the page is laid out
        focus.requestFocus();
        Platform.runLater(focus::requestFocus);
    }

    private void focus(Setting setting) {
        Setting field = SettingsFormViewModel.fieldFor(setting);
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
        notice.show(vm.statusProperty().get());
        noticeTimer.playFromStart();
    }

    private void saveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(t.get("save.title"));
        FileChooser.ExtensionFilter markdown = new FileChooser.ExtensionFilter(t.get("save.markdown"), "*.md");
        FileChooser.ExtensionFilter html = new FileChooser.ExtensionFilter(t.get("save.html"), "*.html");
        FileChooser.ExtensionFilter text = new FileChooser.ExtensionFilter(t.get("save.text"), "*.txt");
        chooser.getExtensionFilters().addAll(markdown, html, text);
        chooser.setSelectedExtensionFilter(markdown);
        chooser.setInitialFileName(Reports.suggestedName(ReportRenderer.Format.MARKDOWN));
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
