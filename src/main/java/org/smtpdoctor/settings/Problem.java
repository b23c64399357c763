package org.smtpdoctor.settings;

/**
 * One finding of validation, in words for the user, naming the field it belongs to.
 *
 * @param setting  the field ({@link Setting#SERVER_HOST}, {@link Setting#PORT}, ...)
 * @param severity {@link Severity#ERROR} blocks the probe; {@link Severity#WARNING} is suspicious but legal;
 *                 {@link Severity#NOTE} tells what normalisation changed
 * @param message  one or two plain sentences saying what is wrong and what to do
 */
public record Problem(Setting setting, Severity severity, String message) {

    public enum Severity { ERROR, WARNING, NOTE }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
