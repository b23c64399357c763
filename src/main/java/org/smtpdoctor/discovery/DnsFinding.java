package org.smtpdoctor.discovery;

import java.util.List;

/**
 * One DNS question the search asked and what came back, so the result can show where candidates came from and
 * why a source gave none.
 *
 * @param type    {@code SRV} or {@code MX}
 * @param answers the records in presentation form ({@code 0 1 465 mail.example.com}), empty when none
 * @param error   why the resolver could not answer (short technical English), empty when it answered
 */
public record DnsFinding(String type, String name, List<String> answers, String error) {

    public DnsFinding {
        answers = List.copyOf(answers);
        error = error == null ? "" : error;
    }

    public boolean failed() {
        return !error.isEmpty();
    }
}
