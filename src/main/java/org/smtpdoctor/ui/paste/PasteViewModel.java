package org.smtpdoctor.ui.paste;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.ui.task.TaskRunner;

/** The paste page: the error text the user pasted, explained in the background. */
public final class PasteViewModel {

    private final Engine engine;
    private final TaskRunner runner;
    private final StringProperty pastedText = new SimpleStringProperty(this, "pastedText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding valid;

    public PasteViewModel(Engine engine, TaskRunner runner) {
        this.engine = engine;
        this.runner = runner;
        valid = Bindings.createBooleanBinding(() -> !pastedText.get().isBlank(), pastedText);
    }

    public StringProperty pastedTextProperty() {
        return pastedText;
    }

    /** Explaining runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Something was pasted. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /**
     * Explains the pasted text in the background, from its own words and what the user said besides ({@code
     * context}, the address typed on the start page): nothing from an earlier test (a port or server the text never
     * mentions) leaks into the answer. {@code onDone} gets the text and the diagnosis.
     */
    public void explain(ExplainContext context, Explained onDone, Consumer<Throwable> onError) {
        String text = pastedText.get();
        if (text.isBlank()) {
            return;
        }
        busy.set(true);
        runner.run(() -> engine.explain(text, context), d -> {
            busy.set(false);
            onDone.accept(text, d);
        }, error -> {
            busy.set(false);
            onError.accept(error);
        });
    }

    /** A pasted text and what it means. */
    @FunctionalInterface
    public interface Explained {
        void accept(String pastedText, Diagnosis diagnosis);
    }
}
