package org.smtpdoctor.testkit;

import java.util.Locale;

/**
 * One command line as the fake server received it.
 *
 * @param verb     the first word, upper case ("MAIL"); "GREETING" / "END_OF_DATA" for those two moments
 * @param argument the rest of the line after one space ("FROM:&lt;a@b&gt;"), possibly empty
 * @param line     the whole line as received, without CRLF
 */
public record Command(String verb, String argument, String line) {

    static Command parse(String line) {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        return new Command(verb, space < 0 ? "" : line.substring(space + 1), line);
    }

    static Command moment(Verb verb) {
        return new Command(verb.name(), "", "");
    }

    /** Whether this is the given verb. */
    public boolean is(Verb other) {
        return verb.equals(other.name());
    }
}
