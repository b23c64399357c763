package org.smtpdoctor.diagnosis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.smtpdoctor.probe.EnhancedStatusCode;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;

/**
 * The session step a pasted reply belongs to, read from the structure of the text when no program names it: the
 * last command a transcript shows before the reply, then what the reply code means (RFC 5321 reply codes, RFC 3463
 * enhanced status subjects, RFC 4954 authentication codes), then the kind of failure.
 */
final class ReplyPhases {

    /** Client commands as transcripts and logs write them (case-sensitive: the verbs are upper case on the wire). */
    private static final List<Command> COMMANDS = List.of(
            new Command("END-OF-MESSAGE", Phase.END_OF_DATA),
            new Command("<DATA>", Phase.DATA),
            new Command("DATA command", Phase.DATA),
            new Command("MAIL FROM", Phase.MAIL_FROM),
            new Command("RCPT TO", Phase.RCPT_TO),
            new Command("RCPT <", Phase.RCPT_TO),
            new Command("rcpt to:", Phase.RCPT_TO),
            new Command("mail from:", Phase.MAIL_FROM),
            new Command("AUTH PLAIN", Phase.AUTH),
            new Command("AUTH LOGIN", Phase.AUTH),
            new Command("AUTH CRAM-MD5", Phase.AUTH),
            new Command("AUTH DIGEST-MD5", Phase.AUTH),
            new Command("AUTH XOAUTH2", Phase.AUTH),
            new Command("AUTH OAUTHBEARER", Phase.AUTH),
            new Command("AUTH NTLM", Phase.AUTH),
            new Command("AUTH SCRAM-", Phase.AUTH),
            // IMAP's verb for the same, which some programs send to mail servers too
            new Command("AUTHENTICATE ", Phase.AUTH),
            new Command("STARTTLS\n", Phase.STARTTLS),
            // a session typed by hand (telnet, nc, openssl s_client): the command at its line's start, in lower case
            new Command("\nstarttls\n", Phase.STARTTLS),
            new Command("\nauth login", Phase.AUTH),
            new Command("\nauth plain", Phase.AUTH),
            new Command("\nauth cram-md5", Phase.AUTH),
            new Command("\nauth xoauth2", Phase.AUTH),
            new Command("\ndata\n", Phase.DATA),
            // after "354 go ahead" comes the message: the next reply answers its end
            new Command("\n354 ", Phase.END_OF_DATA),
            // the line holding only a dot that ends the message (RFC 5321 4.1.1.4), as transcripts mark the client's lines
            new Command("[C] .\n", Phase.END_OF_DATA),
            new Command("C: .\n", Phase.END_OF_DATA),
            new Command("-> SERVER: .\n", Phase.END_OF_DATA),
            new Command("EHLO ", Phase.EHLO),
            new Command("HELO ", Phase.EHLO),
            new Command("\nehlo ", Phase.EHLO),
            new Command("\nhelo ", Phase.EHLO));

    /** Words that show a session upgraded with STARTTLS, or a library that only does that. */
    private static final List<String> STARTTLS_WORDS = List.of("starttls", "tlsconnect", "x509:",
            "system.net.mail", "net/smtp", "could not convert socket to tls", "does not match the server certificate",
            "certificate has expired");

    /** PHPMailer's debug lines: the connection opening, and what the client sends. */
    private static final List<String> PHPMAILER_OPENING = List.of("Connection: opening to", "Connection: opened");
    private static final String PHPMAILER_CLIENT = "CLIENT -> SERVER:";

    private static final List<Integer> SIGN_IN_ONLY_CODES = List.of(432, 534, 535, 538);

    private record Command(String token, Phase phase) {
    }

    private ReplyPhases() {
    }

    /**
     * The last client command shown before {@code end} (the reply's position), skipping the server's capability
     * lines ({@code 250-AUTH PLAIN LOGIN}), which name commands without sending them.
     */
    static Optional<Phase> lastCommand(String t, int end) {
        int best = -1;
        Phase phase = null;
        int limit = Math.min(end, t.length());
        // the first line starts a line too: a token that begins with a line break also finds a command typed first
        // (in that text, index i is where the command itself starts in t)
        String lined = "\n" + t;
        for (Command c : COMMANDS) {
            String text = c.token().startsWith("\n") ? lined : t;
            int i = text.lastIndexOf(c.token(), limit - 1);
            while (i >= 0 && isCapability(text, i)) {
                i = i == 0 ? -1 : text.lastIndexOf(c.token(), i - 1);
            }
            if (i > best) {
                best = i;
                phase = c.phase();
            }
        }
        if (phase == null && PHPMAILER_OPENING.stream().anyMatch(o -> t.lastIndexOf(o, limit) >= 0)
                && t.lastIndexOf(PHPMAILER_CLIENT, limit) < 0) {
            // PHPMailer's transcript: the server's first line, before the client said anything, is its greeting
            phase = Phase.GREETING;
        }
        return Optional.ofNullable(phase);
    }

    private static boolean isCapability(String t, int i) {
        String before = t.substring(Math.max(0, i - 4), i);
        return before.endsWith("250-") || before.endsWith("250 ") || before.endsWith("=");
    }

    /** What the codes say about the step (RFC 3463 subjects first: they are more specific than the basic code). */
    static Optional<Phase> fromCodes(OptionalInt code, Optional<EnhancedStatusCode> enhanced) {
        Optional<Phase> byEnhanced = enhanced.flatMap(e -> fromEnhanced(e, code));
        if (byEnhanced.isPresent() || code.isEmpty()) {
            return byEnhanced;
        }
        return Optional.ofNullable(switch (code.getAsInt()) {
            case 334, 432, 534, 535, 538 -> Phase.AUTH;
            case 530 -> Phase.MAIL_FROM;
            case 354 -> Phase.DATA;
            case 220 -> Phase.GREETING;
            case 221 -> Phase.QUIT;
            default -> null;
        });
    }

    /**
     * The codes RFC 4954 defines for sign-in alone (432, 534, 535, 538): they answer AUTH whatever words follow
     * ("535 Authentication failed: user unknown" is no recipient).
     */
    static Optional<Phase> signInOnlyCode(OptionalInt code) {
        return code.isPresent() && SIGN_IN_ONLY_CODES.contains(code.getAsInt()) ? Optional.of(Phase.AUTH)
                : Optional.empty();
    }

    private static Optional<Phase> fromEnhanced(EnhancedStatusCode e, OptionalInt code) {
        int subject = e.subject();
        int detail = e.detail();
        boolean auth = code.isPresent() && (code.getAsInt() == 535 || code.getAsInt() == 534);
        Phase phase = switch (subject) {
            case 1 -> detail == 7 || detail == 8 ? Phase.MAIL_FROM : Phase.RCPT_TO;
            case 2 -> detail == 3 ? Phase.END_OF_DATA : detail == 2 ? Phase.RCPT_TO : null;
            case 3 -> detail == 4 ? Phase.END_OF_DATA : null;
            case 5 -> detail == 3 ? Phase.RCPT_TO : null;
            case 6 -> Phase.END_OF_DATA;
            case 7 -> fromSecurityDetail(detail, auth);
            default -> null;
        };
        return Optional.ofNullable(phase);
    }

    private static Phase fromSecurityDetail(int detail, boolean auth) {
        return switch (detail) {
            case 8, 9, 11, 12, 139 -> Phase.AUTH;
            case 57 -> Phase.MAIL_FROM;
            case 20, 21, 22, 23, 26, 27, 509 -> Phase.END_OF_DATA;
            case 0, 3 -> auth ? Phase.AUTH : null;
            default -> null;
        };
    }

    /**
     * The step a failure kind belongs to when nothing else tells ({@link FailureKind#usualPhase()}). A TLS failure
     * belongs to STARTTLS when the text or the port shows the session started in plain text (RFC 3207): the words
     * name STARTTLS, the port is a plain-start one, or the library only speaks STARTTLS (.NET SmtpClient, Go's
     * net/smtp, Ruby's net/smtp).
     */
    static Optional<Phase> fromKind(Optional<FailureKind> kind, String lower, OptionalInt port) {
        return kind.map(k -> {
            Phase usual = k.usualPhase();
            // TLS spoken to a plain-text port is a handshake of its own, never the upgrade
            return usual == Phase.TLS_HANDSHAKE && k != FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED
                    && startedPlain(lower, port) ? Phase.STARTTLS : usual;
        });
    }

    private static boolean startedPlain(String lower, OptionalInt port) {
        if (port.isPresent() && (port.getAsInt() == 465 || port.getAsInt() == 994)
                || lower.contains("smtps://") || lower.contains("ssl://")) {
            return false;
        }
        return port.isPresent() && (port.getAsInt() == 25 || port.getAsInt() == 587 || port.getAsInt() == 2525)
                || STARTTLS_WORDS.stream().anyMatch(lower::contains);
    }
}
