package org.smtpdoctor.diagnosis;

import java.util.Locale;

/** How sure the diagnosis is: evidence from the probe beats a reply code alone, which beats server text. */
public enum Confidence {
    HIGH,
    MEDIUM,
    LOW;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
