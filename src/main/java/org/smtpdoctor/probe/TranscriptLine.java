package org.smtpdoctor.probe;

/**
 * One redacted line of a probe's transcript.
 *
 * @param elapsedMs milliseconds since the probe started
 * @param tls       whether the line travelled inside TLS (rendered {@code ~>} / {@code <~})
 * @param text      the line without its CRLF; credentials already replaced by {@code <redacted>}
 */
public record TranscriptLine(long elapsedMs, Direction direction, boolean tls, String text) {

    /** swaks's markers: {@code ===} info, {@code ->} sent, {@code <-} reply, {@code <**} unexpected, {@code ***} error. */
    public enum Direction {
        INFO("===", "==="),
        SENT("->", "~>"),
        RECEIVED("<-", "<~"),
        UNEXPECTED("<**", "<~*"),
        ERROR("***", "***");

        private final String clear;
        private final String inTls;

        Direction(String clear, String inTls) {
            this.clear = clear;
            this.inTls = inTls;
        }

        public String marker(boolean tls) {
            return tls ? inTls : clear;
        }
    }

    /** {@code " 0.042s <~ 250 OK"} style, as swaks prints with timing. */
    public String render() {
        return String.format(java.util.Locale.ROOT, "%7.3fs %s %s", elapsedMs / 1000.0, direction.marker(tls), text);
    }
}
