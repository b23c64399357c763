package org.smtpdoctor.diagnosis;

import org.smtpdoctor.settings.Setting;

/** The family tests' one way of reading a pasted text with nothing known beside it. */
final class Pasted {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    private Pasted() {
    }

    /** The diagnosis of {@code pasted} with no context (no server, port or program). */
    static Diagnosis explain(String pasted) {
        return DIAGNOSER.explain(pasted, ExplainContext.none());
    }

    /** Whether the diagnosis names {@code setting} among its "If that does not help" alternatives. */
    static boolean offers(Diagnosis d, Setting setting) {
        return d.alternatives().stream().anyMatch(a -> a.setting() == setting);
    }
}
