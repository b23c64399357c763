package org.smtpdoctor.ui;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.ProbeOptions;

/**
 * The JavaFX application: the SMTP Doctor wizard. Start-up does no network and no heavy work before the first
 * frame; the engine loads its data when first used, in the background.
 */
public final class App extends Application {

    /** Resource bundle of the wizard's texts. */
    public static final String MESSAGES = "org.smtpdoctor.ui.messages";
    private static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);

    private FxTaskRunner runner;
    private WizardViewModel viewModel;
    private LogFile logFile;

    /**
     * Whether a window can be shown: always on Windows and macOS; elsewhere an X11 or Wayland display must be set
     * (or the headless Monocle platform chosen, as the tests do).
     */
    public static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return true;
        }
        return !isBlank(System.getenv("DISPLAY")) || !isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static void launchWizard(String[] args) {
        ClassPreloader.start();
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupTimer.watch(stage);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        Messages texts = Messages.of(MESSAGES);
        runner = new FxTaskRunner();
        Engine engine = new CoreEngine(ProbeOptions.defaults());
        SettingsStore store = new SettingsStore(SettingsStore.defaultLocation());
        Optional<Runnable> openLogFolder = openLog(store.file().toAbsolutePath().getParent());
        viewModel = new WizardViewModel(engine, runner, store, texts);
        WizardView.install(stage, viewModel, texts, openLogFolder);
        for (int size : ICON_SIZES) {
            var url = App.class.getResource("icon-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm(), true));
            }
        }
        stage.show();
        runner.run(() -> {
            engine.warmUp();
            return Boolean.TRUE;
        }, ok -> { }, error -> { });
    }

    /** The log file beside the saved settings, and the action that shows its folder; none if it cannot be opened. */
    private Optional<Runnable> openLog(Path folder) {
        try {
            logFile = LogFile.open(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String uri = folder.toUri().toString();
        return Optional.of(() -> getHostServices().showDocument(uri));
    }

    @Override
    public void stop() {
        if (logFile != null) {
            logFile.close();
        }
        if (viewModel != null) {
            viewModel.cancelRunning();
        }
        if (runner != null) {
            runner.close();
        }
    }
}
