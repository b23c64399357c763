package org.smtpdoctor.probe;

import java.util.Optional;

/**
 * Names the service behind a first line that is not an SMTP greeting: IMAP ({@code * OK}), POP3 ({@code +OK}),
 * SSH ({@code SSH-2.0-...}), HTTP ({@code HTTP/1.1 400 ...}). These are protocol banners, fixed by their RFCs, not
 * free message text.
 */
final class ServiceRecognizer {

    private ServiceRecognizer() {
    }

    /** Empty when the line looks like an SMTP reply (three digits, then space, dash or end). */
    static Optional<OtherService> recognize(String firstLine) {
        if (firstLine == null) {
            return Optional.empty();
        }
        String l = firstLine.strip();
        if (looksLikeSmtpReply(l)) {
            return Optional.empty();
        }
        if (l.startsWith("* OK") || l.startsWith("* PREAUTH") || l.startsWith("* BYE")) {
            return Optional.of(OtherService.IMAP);
        }
        if (l.startsWith("+OK") || l.startsWith("-ERR")) {
            return Optional.of(OtherService.POP3);
        }
        if (l.startsWith("SSH-")) {
            return Optional.of(OtherService.SSH);
        }
        if (l.startsWith("HTTP/")) {
            return Optional.of(OtherService.HTTP);
        }
        return Optional.of(OtherService.UNKNOWN);
    }

    static boolean looksLikeSmtpReply(String line) {
        return line.length() >= 3
                && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
                && Character.isDigit(line.charAt(2))
                && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
    }

    /** Printable form of a line from an unknown service, for the transcript (binary replaced, length capped). */
    static String printable(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length() && sb.length() < 200; i++) {
            char c = line.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f || c > 0xa0 && c != 0xfffd ? c : '.');
        }
        return sb.toString();
    }
}
