package org.smtpdoctor.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.smtpdoctor.probe.EnhancedStatusCode;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;

/**
 * What a pasted error message shows, read by {@link ReplyParser}: the same kind of facts a probe records, as far as
 * the text reveals them.
 *
 * @param text             the pasted text as given
 * @param code             the server's basic reply code (or the client-side 101/111 some lists show)
 * @param enhanced         the RFC 3463 enhanced status code, also when the program dropped the basic code
 * @param replyText        the server's reply as quoted in the text (all lines), empty when none was found
 * @param shape            whose wording the text is in
 * @param phase            the session step the text names or implies
 * @param failureKind      what went wrong, when the text names a failure rather than (or besides) a reply
 * @param host             the server name the text mentions, if any
 * @param port             the port the text mentions, if any
 * @param certificateNames the names a certificate was valid for, when the text lists them
 */
public record PastedEvidence(
        String text,
        OptionalInt code,
        Optional<EnhancedStatusCode> enhanced,
        String replyText,
        ClientShape shape,
        Optional<Phase> phase,
        Optional<FailureKind> failureKind,
        Optional<String> host,
        OptionalInt port,
        List<String> certificateNames) {

    public PastedEvidence {
        text = text == null ? "" : text;
        replyText = replyText == null ? "" : replyText;
        certificateNames = List.copyOf(certificateNames);
    }

    /**
     * Whether the text is a mail error at all: something to go on ({@link #recognised()}), a session step, a known
     * program's wording, or at least the word SMTP.
     */
    public boolean mailError() {
        return recognised() || phase.isPresent() || shapeKnown()
                || ReplyParser.bounded(text).toLowerCase(Locale.ROOT).contains("smtp");
    }

    /** Whether the text is about mail at all (see {@link ReplyParser#aboutMail}), not another program's log. */
    public boolean aboutMail() {
        return ReplyParser.aboutMail(ReplyParser.bounded(text).toLowerCase(Locale.ROOT), code, enhanced, failureKind,
                shape);
    }

    /** Whether the text is in the wording of a known mail program, library or server log. */
    public boolean shapeKnown() {
        return shape != ClientShape.UNKNOWN && shape != ClientShape.RAW_REPLY;
    }

    /** Whether the text showed anything to go on: a code, an enhanced code or a recognised failure. */
    public boolean recognised() {
        return code.isPresent() || enhanced.isPresent() || failureKind.isPresent();
    }
}
