package org.smtpdoctor.probe;

import java.util.List;
import java.util.stream.Collectors;

/** The redacted conversation of one probe, in the notation admins know from swaks. */
public record Transcript(List<TranscriptLine> lines) {

    public static final Transcript EMPTY = new Transcript(List.of());

    public Transcript {
        lines = List.copyOf(lines);
    }

    public String render() {
        return lines.stream().map(TranscriptLine::render).collect(Collectors.joining("\n"));
    }
}
