package org.smtpdoctor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.probe.TranscriptLine;
import org.smtpdoctor.probe.TranscriptLine.Direction;

/**
 * Defence in depth: the probe redacts credentials before it stores a transcript line; a report redacts again,
 * so that a transcript from anywhere (an older version, a test, a future bug) cannot carry an AUTH payload into a
 * ticket. Payloads after {@code AUTH <mechanism>} and every client line answering a {@code 334} challenge are
 * replaced.
 */
final class TranscriptSafety {

    static final String REDACTED = "<redacted>";
    private static final Pattern AUTH_WITH_PAYLOAD = Pattern.compile("(?i)^(AUTH\\s+\\S+)\\s+(\\S.*)$");

    private TranscriptSafety() {
    }

    static List<TranscriptLine> redact(List<TranscriptLine> lines) {
        List<TranscriptLine> out = new ArrayList<>(lines.size());
        boolean challengePending = false;
        for (TranscriptLine line : lines) {
            String text = line.text();
            if (line.direction() == Direction.SENT) {
                Matcher auth = AUTH_WITH_PAYLOAD.matcher(text);
                if (auth.matches() && !auth.group(2).equals(REDACTED)) {
                    text = auth.group(1) + " " + REDACTED;
                } else if (challengePending && !text.equals(REDACTED) && !text.equals("*")) {
                    text = REDACTED;
                }
                challengePending = false;
            } else if (line.direction() == Direction.RECEIVED || line.direction() == Direction.UNEXPECTED) {
                challengePending = text.startsWith("334");
            }
            out.add(text.equals(line.text()) ? line
                    : new TranscriptLine(line.elapsedMs(), line.direction(), line.tls(), text));
        }
        return out;
    }
}
