package org.smtpdoctor.ui.form;

import java.io.IOException;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.ui.task.TaskRunner;

/**
 * The address typed on the Start page, looked up when the user leaves the field: what was saved for it (never a
 * password) is restored, else a known provider's settings are filled in. Also forgets what was saved.
 */
public final class AddressLookup {

    private final Engine engine;
    private final TaskRunner runner;
    private final SettingsStore store;
    private final SettingsFormViewModel form;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private String lastLookedUp = "";

    public AddressLookup(Engine engine, TaskRunner runner, SettingsStore store, SettingsFormViewModel form) {
        this.engine = engine;
        this.runner = runner;
        this.store = store;
        this.form = form;
    }

    /** A look-up is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The email field was left: restore what was saved for the address, else pre-fill from a known provider. */
    public void emailEntered() {
        String address = form.emailProperty().get().strip();
        if (address.indexOf('@') < 1 || address.equalsIgnoreCase(lastLookedUp)) {
            // the same address again (the user came back to the field): keep what they typed since
            return;
        }
        lastLookedUp = address;
        busy.set(true);
        runner.run(() -> lookUp(address), found -> {
            busy.set(false);
            if (!address.equals(form.emailProperty().get().strip())) {
                return;
            }
            if (found.saved().isPresent()) {
                form.restore(found.saved().get(), found.provider());
            } else if (found.provider().isPresent()) {
                form.prefill(found.provider().get());
            } else {
                form.noSource();
            }
        }, error -> {
            busy.set(false);
            form.noSource();
        });
    }

    /**
     * The server page was left: a server a sending service documents with one fixed sign-in name fills that name in
     * (in the background, as the catalogue may still be loading).
     */
    public void serverChosen() {
        String host = form.hostProperty().get().strip();
        if (host.isEmpty()) {
            return;
        }
        runner.run(() -> engine.providerForServer(host), found -> {
            if (found.isPresent() && host.equals(form.hostProperty().get().strip())) {
                form.serverChosen(found.get());
            }
        }, error -> { });
    }

    private record Found(Optional<SavedSettings> saved, Optional<Provider> provider) {
    }

    private Found lookUp(String address) throws IOException {
        Optional<SavedSettings> saved = store.load(address);
        return new Found(saved, engine.providerFor(address));
    }

    /** Remembers the form's settings for its address, in the background (never the password). */
    public void save(Runnable onFailure) {
        String address = form.emailProperty().get().strip();
        if (address.isEmpty()) {
            return;
        }
        SavedSettings saved = form.toSaved();
        runner.run(() -> {
            store.save(address, saved);
            return Boolean.TRUE;
        }, ok -> { }, error -> onFailure.run());
    }

    /** File → Forget saved settings. */
    public void forgetAll(Runnable onDone, Runnable onFailure) {
        lastLookedUp = "";
        runner.run(() -> {
            store.forgetAll();
            return Boolean.TRUE;
        }, ok -> {
            form.noSource();
            onDone.run();
        }, error -> onFailure.run());
    }
}
