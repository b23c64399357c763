package org.smtpdoctor.settings;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a {@link SettingsInput}: every problem at once, and the normalised settings when
 * there is no error.
 */
public record Validation(Optional<AccountSettings> settings, List<Problem> problems) {

    public Validation {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return settings.isPresent();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> problemsFor(Setting setting) {
        return problems.stream().filter(p -> p.setting() == setting).toList();
    }
}
