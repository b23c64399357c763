package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** The diagnosis of {@code pasted} with the server and port a user would say beside it (either may be null). */
    static Diagnosis explainAt(String pasted, String host, Integer port) {
        return DIAGNOSER.explain(pasted, ExplainContext.of(null, host, port, null, null));
    }

    /** The diagnosis of {@code pasted}, asserted to name {@code expected}; a failure shows the rule and the text. */
    static Diagnosis explainsAs(Setting expected, String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(expected, d.setting(), () -> d.ruleId() + ": " + pasted);
        return d;
    }

    /** As {@link #explainsAs(Setting, String)}, said with {@code confidence}. */
    static Diagnosis explainsAs(Setting expected, Confidence confidence, String pasted) {
        Diagnosis d = explainsAs(expected, pasted);
        assertEquals(confidence, d.confidence(), () -> d.ruleId() + ": " + pasted);
        return d;
    }

    /** Whether the diagnosis names {@code setting} among its "If that does not help" alternatives. */
    static boolean offers(Diagnosis d, Setting setting) {
        return d.alternatives().stream().anyMatch(a -> a.setting() == setting);
    }
}
