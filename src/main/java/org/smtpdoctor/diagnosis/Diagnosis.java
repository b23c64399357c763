package org.smtpdoctor.diagnosis;

import java.util.List;
import java.util.Optional;
import org.smtpdoctor.settings.Setting;

/**
 * Which setting to change, to what, and why, in words a non-expert understands, with the evidence a helpdesk
 * needs beside it.
 *
 * @param verdict         works / fix a setting / temporary / server side
 * @param setting         the setting to change ({@link Setting#NONE} when nothing is to change)
 * @param suggestedValue  the value to use, when the evidence shows it ("587", "SSL/TLS", "smtp.gmail.com")
 * @param actor           who has to act
 * @param title           one plain sentence, no codes or jargon
 * @param explanation     two to four plain sentences
 * @param technicalDetail codes, enhanced code and server text for the helpdesk
 * @param confidence      how sure the rule is
 * @param evidence        what led here (the phase, reply or probe fact), one entry each, technical English
 * @param thingsToTry     further steps in order, plain sentences; may be empty
 * @param ruleId          the id of the rule that matched, for tests and reports
 */
public record Diagnosis(
        Verdict verdict,
        Setting setting,
        Optional<String> suggestedValue,
        Actor actor,
        String title,
        String explanation,
        String technicalDetail,
        Confidence confidence,
        List<String> evidence,
        List<String> thingsToTry,
        String ruleId) {

    public Diagnosis {
        evidence = List.copyOf(evidence);
        thingsToTry = List.copyOf(thingsToTry);
    }
}
