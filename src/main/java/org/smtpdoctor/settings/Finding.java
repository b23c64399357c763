package org.smtpdoctor.settings;

import java.util.List;
import org.smtpdoctor.i18n.Messages;

/**
 * A validation finding before it is put into words: the field, the severity, the message key and its arguments.
 * Kept separate from {@link Problem} so tests can check the key rather than the wording.
 */
record Finding(Setting setting, Problem.Severity severity, String key, List<Object> args) {

    Finding {
        args = List.copyOf(args);
    }

    static Finding error(Setting setting, String key, Object... args) {
        return new Finding(setting, Problem.Severity.ERROR, key, List.of(args));
    }

    static Finding warning(Setting setting, String key, Object... args) {
        return new Finding(setting, Problem.Severity.WARNING, key, List.of(args));
    }

    static Finding note(Setting setting, String key, Object... args) {
        return new Finding(setting, Problem.Severity.NOTE, key, List.of(args));
    }

    boolean isError() {
        return severity == Problem.Severity.ERROR;
    }

    Problem toProblem(Messages messages) {
        return new Problem(setting, severity, messages.get(key, args.toArray()));
    }
}
