package org.smtpdoctor.ui.form;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The last settings per email address, in a small JSON file in the user's config folder (never the password: see
 * {@link SavedSettings}). The file location is given to the constructor so tests use a temporary folder.
 *
 * <p>Blocking file I/O: call it through the {@link TaskRunner}, never on the FX thread.
 */
public final class SettingsStore {

    private final Path file;
    /** Made on first use: creating a mapper costs a noticeable part of a second, not to be paid before the window. */
    private ObjectMapper mapper;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /**
     * The usual per-user place: {@code $XDG_CONFIG_HOME/smtp-doctor} or {@code ~/.config/smtp-doctor} on Linux,
     * {@code %APPDATA%\SMTP Doctor} on Windows, {@code ~/Library/Application Support/SMTP Doctor} on macOS.
     */
    public static Path defaultLocation() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path dir;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            dir = Path.of(System.getenv("APPDATA"), "SMTP Doctor");
        } else if (os.contains("mac")) {
            dir = home.resolve("Library").resolve("Application Support").resolve("SMTP Doctor");
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            dir = (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("smtp-doctor");
        }
        return dir.resolve("saved-settings.json");
    }

    public Path file() {
        return file;
    }

    public Optional<SavedSettings> load(String emailAddress) throws IOException {
        return Optional.ofNullable(readAll().get(key(emailAddress)));
    }

    public void save(String emailAddress, SavedSettings settings) throws IOException {
        Map<String, SavedSettings> all = readAll();
        all.put(key(emailAddress), settings);
        writeAll(all);
    }

    /** Forgets every saved address. */
    public void forgetAll() throws IOException {
        Files.deleteIfExists(file);
    }

    private Map<String, SavedSettings> readAll() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        return mapper().readValue(file.toFile(), new TypeReference<TreeMap<String, SavedSettings>>() { });
    }

    private void writeAll(Map<String, SavedSettings> all) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "saved-settings", ".tmp");
        mapper().writeValue(tmp.toFile(), all);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        return mapper;
    }

    private static String key(String emailAddress) {
        return emailAddress.strip().toLowerCase(Locale.ROOT);
    }
}
