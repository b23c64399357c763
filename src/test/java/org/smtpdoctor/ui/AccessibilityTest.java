package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.ui.find.CandidateLine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page, walked as a screen reader and a zoomed screen share would see it: each control a person can reach
 * has a name (its text, its accessible text, or a label that names it), and no button's text is cut, at 800×600
 * and at 200 % zoom. The real engine runs against loopback servers and a test DNS only.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibilityTest {

    private static final String IP = "127.0.0.44";

    @TempDir
    static Path dir;

    private Loopback net;
    private FakeSmtpServer tls;
    private int closed;
    private WizardHarness harness;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        net = new Loopback();
        tls = net.implicitTls(IP);
        closed = Loopback.closedPort(IP);
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(tls.port(), closed, closed));
        CoreEngine engine = new CoreEngine(Loopback.options().probe(), Clock.systemDefaultZone(), options,
                net.dns::lookup);
        harness = new WizardHarness(stage, engine, dir.resolve(UUID.randomUUID() + ".json"));
    }

    @AfterEach
    void stop() throws Exception {
        harness.vm.cancelRunning();
        net.close();
    }

    /** Goes through every page, calling {@code check} on each as it shows. */
    private void everyPage(FxRobot robot, Runnable check) {
        Set<Page> seen = EnumSet.noneOf(Page.class);
        Runnable look = () -> {
            WaitForAsyncUtils.waitForFxEvents();
            check.run();
            seen.add(harness.vm.pageProperty().get());
        };
        look.run();
        WizardHarness.fill(robot, "#emailField", Loopback.USER);
        robot.interact(harness.vm::next);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        WizardHarness.fill(robot, "#hostField", IP);
        robot.interact(() -> harness.vm.form().securityProperty().set(Security.STARTTLS));
        WizardHarness.fill(robot, "#portField", String.valueOf(closed));
        look.run();
        robot.interact(harness.vm::next);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 5);
        WizardHarness.fill(robot, "#usernameField", Loopback.USER);
        WizardHarness.fill(robot, "#passwordField", Loopback.PASSWORD);
        look.run();
        robot.interact(harness.vm::next);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() != Page.SIGN_IN, 5);
        if (harness.vm.pageProperty().get() == Page.TESTING) {
            look.run();
        }
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT, 20);
        look.run();
        robot.interact(harness.vm::findSettings);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.FIND, 5);
        WizardHarness.waitUntil(() -> !harness.vm.find().runningProperty().get(), 20);
        look.run();
        robot.interact(harness.vm::haveErrorMessage);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.PASTE, 5);
        look.run();
        assertTrue(seen.containsAll(EnumSet.of(Page.START, Page.SERVER, Page.SIGN_IN, Page.RESULT, Page.FIND,
                Page.PASTE)), seen.toString());
    }

    @Test
    void everyControlOnEveryPageHasAName(FxRobot robot) {
        List<String> unnamed = new ArrayList<>();
        everyPage(robot, () -> collectUnnamed(stage.getScene().getRoot(), stage.getScene().getRoot(), unnamed));
        assertEquals(List.of(), unnamed);
    }

    @Test
    void noButtonTextIsCutAt800x600And200PercentZoom(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(600);
            for (int i = 0; i < 10; i++) {
                harness.vm.display().zoomIn();
            }
        });
        assertEquals(200, harness.vm.display().zoomPercentProperty().get());
        List<String> cut = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> sideways = new ArrayList<>();
        everyPage(robot, () -> {
            collectCut(stage.getScene().getRoot(), cut, harness.vm.pageProperty().get());
            collectOutside(stage.getScene().getRoot(), stage.getScene().getHeight(), outside,
                    harness.vm.pageProperty().get());
            collectSideways(stage.getScene().getRoot(), sideways, harness.vm.pageProperty().get());
        });
        assertEquals(List.of(), cut);
        assertEquals(List.of(), outside, "buttons below the window's edge cannot be reached");
        assertEquals(List.of(), sideways, "a page wider than the window cuts its sentences at the right edge");
        assertTrue(stage.getScene().getHeight() <= 600, "the window kept its size: " + stage.getScene().getHeight());
    }

    @Test
    void aLongFindStatusWrapsBetweenWordsInsteadOfWideningThePage(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(600);
            for (int i = 0; i < 10; i++) {
                harness.vm.display().zoomIn();
            }
        });
        WizardHarness.fill(robot, "#emailField", Loopback.USER);
        robot.interact(harness.vm::findSettings);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.FIND, 5);
        WizardHarness.waitUntil(() -> !harness.vm.find().runningProperty().get(), 20);
        String status = "answers, but a firewall on the way hides its encryption";
        robot.interact(() -> {
            CandidateLine first = harness.vm.find().candidates().get(0);
            harness.vm.find().candidates().add(new CandidateLine(first.candidate(), "smtp.example.test", "587",
                    "STARTTLS", first.source(), status, CandidateLine.State.FAILED));
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> sideways = new ArrayList<>();
        collectSideways(stage.getScene().getRoot(), sideways, Page.FIND);
        assertEquals(List.of(), sideways);
        Label shown = robot.lookup((Node n) -> n instanceof Label l && status.equals(l.getText())).queryAs(Label.class);
        Text longestWord = new Text("encryption");
        longestWord.setFont(shown.getFont());
        assertTrue(shown.getWidth() >= longestWord.getLayoutBounds().getWidth(),
                "the status is narrower than its longest word: " + shown.getWidth());
    }

    /** A shown scroll area whose content is wider than its viewport: the page would have to be read sideways. */
    private static void collectSideways(Node node, List<String> sideways, Page page) {
        if (!shown(node)) {
            return;
        }
        if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            double content = sp.getContent().getLayoutBounds().getWidth();
            double viewport = sp.getViewportBounds().getWidth();
            if (viewport > 0 && content > viewport + 0.5) {
                sideways.add(page + ": content " + Math.round(content) + " wide in " + Math.round(viewport));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectSideways(child, sideways, page);
            }
        }
    }

    /** A shown button outside any scroll area whose lower edge lies below the scene: nobody can reach it. */
    private static void collectOutside(Node node, double sceneHeight, List<String> outside, Page page) {
        if (!shown(node) || node instanceof javafx.scene.control.ScrollPane) {
            return;
        }
        if (node instanceof ButtonBase b) {
            double bottom = b.localToScene(b.getBoundsInLocal()).getMaxY();
            if (bottom > sceneHeight + 0.5) {
                outside.add(page + ": " + b.getText() + " ends at " + Math.round(bottom) + " of "
                        + Math.round(sceneHeight));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectOutside(child, sceneHeight, outside, page);
            }
        }
    }

    @Test
    void theChecksSeeAnUnnamedControlAndACutText(FxRobot robot) {
        List<String> unnamed = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            javafx.scene.control.Button icon = new javafx.scene.control.Button();
            icon.setId("iconOnly");
            javafx.scene.control.Button longText = new javafx.scene.control.Button("A button text far too long to fit");
            longText.setMaxWidth(60);
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(icon, longText);
            new javafx.scene.Scene(box, 80, 80);
            box.applyCss();
            box.layout();
            collectUnnamed(box, box, unnamed);
            collectCut(box, cut, Page.START);
        });
        assertEquals(List.of("Button#iconOnly"), unnamed);
        assertEquals(1, cut.size(), cut.toString());
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** A control a person reaches (focusable, shown) with neither text, accessible text nor a label naming it. */
    private static void collectUnnamed(Parent root, Node node, List<String> unnamed) {
        if (!shown(node)) {
            return;
        }
        boolean control = node instanceof ButtonBase || node instanceof TextInputControl
                || node instanceof ComboBoxBase || node instanceof TitledPane;
        if (control && ((Control) node).isFocusTraversable() && !named((Control) node, root)) {
            unnamed.add(node.getClass().getSimpleName() + "#" + node.getId());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectUnnamed(root, child, unnamed);
            }
        }
    }

    private static boolean named(Control c, Parent root) {
        if (c.getAccessibleText() != null && !c.getAccessibleText().isBlank()) {
            return true;
        }
        if (c instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return true;
        }
        if (c instanceof TitledPane t && t.getText() != null && !t.getText().isBlank()) {
            return true;
        }
        return root.lookupAll(".label").stream().anyMatch(n -> n instanceof Label l && l.getLabelFor() == c);
    }

    /** A shown button whose text on screen is shorter than its own (an ellipsis in place of words). */
    private static void collectCut(Node node, List<String> cut, Page page) {
        if (!shown(node)) {
            return;
        }
        if (node instanceof ButtonBase b && b.getText() != null && !b.getText().isBlank()) {
            String full = b.getText().replace("_", "");
            String onScreen = b.lookupAll(".text").stream().filter(n -> n instanceof Text && n.getParent() == b)
                    .map(n -> ((Text) n).getText()).findFirst().orElse(full);
            if (!onScreen.replace("_", "").equals(full)) {
                cut.add(page + ": " + full + " → " + onScreen);
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectCut(child, cut, page);
            }
        }
    }
}
