package org.smtpdoctor.diagnosis;

/** How sure the diagnosis is: evidence from the probe beats a reply code alone, which beats server text. */
public enum Confidence {
    HIGH,
    MEDIUM,
    LOW;
}
