package org.smtpdoctor.clients;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a setting lives in one mail program and what it is called there: what the result page shows in large
 * type ({@code fieldName}) with the way to it ({@code menuPath}).
 *
 * @param fieldName the label of the field or switch as the program shows it ("Connection security")
 * @param menuPath  the way there, steps separated by " → " ("Account Settings → Outgoing Server (SMTP) → Edit…");
 *                  for settings outside the program, where they are instead (the provider's web settings)
 * @param note      a hint for this program, e.g. a switch that must be turned off first
 */
public record SettingLocation(String fieldName, String menuPath, Optional<String> note) {

    public SettingLocation {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(menuPath, "menuPath");
        Objects.requireNonNull(note, "note");
    }
}
