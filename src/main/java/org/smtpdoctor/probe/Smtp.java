package org.smtpdoctor.probe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.smtpdoctor.settings.AuthMethod;

/** Small facts of the protocol the probe needs in several places: verbs, phases, mechanisms, the test message. */
final class Smtp {

    private Smtp() {
    }

    static String verb(String command) {
        int sp = command.indexOf(' ');
        return (sp < 0 ? command : command.substring(0, sp)).toUpperCase(Locale.ROOT);
    }

    /** The phase a command starts, or null for commands that start none. */
    static Phase phaseOf(String verb) {
        return switch (verb) {
            case "EHLO", "HELO" -> Phase.EHLO;
            case "STARTTLS" -> Phase.STARTTLS;
            case "AUTH" -> Phase.AUTH;
            case "MAIL" -> Phase.MAIL_FROM;
            case "RCPT" -> Phase.RCPT_TO;
            case "DATA" -> Phase.DATA;
            case "RSET", "QUIT" -> Phase.QUIT;
            default -> null;
        };
    }

    /**
     * The SASL mechanism to use: the chosen one when the server offers it; for AUTO the first of PLAIN, LOGIN,
     * CRAM-MD5 the server offers (XOAUTH2 needs a token, never guessed). Null when there is none.
     */
    static String mechanism(AuthMethod method, List<String> offered) {
        if (method == AuthMethod.AUTO) {
            for (String candidate : List.of("PLAIN", "LOGIN", "CRAM-MD5")) {
                if (offered.contains(candidate)) {
                    return candidate;
                }
            }
            return null;
        }
        return method.mechanism() != null && offered.contains(method.mechanism()) ? method.mechanism() : null;
    }

    /** "STARTTLS, AUTH PLAIN LOGIN, SIZE 35882577, PIPELINING" for a step's note. */
    static String describe(Capabilities caps) {
        List<String> parts = new ArrayList<>();
        if (caps.startTls()) {
            parts.add("STARTTLS");
        }
        if (caps.auth()) {
            parts.add("AUTH " + String.join(" ", caps.authMechanisms()));
        }
        caps.sizeLimit().ifPresent(s -> parts.add("SIZE " + s));
        if (caps.pipelining()) {
            parts.add("PIPELINING");
        }
        if (caps.eightBitMime()) {
            parts.add("8BITMIME");
        }
        if (caps.smtpUtf8()) {
            parts.add("SMTPUTF8");
        }
        return parts.isEmpty() ? "no extensions" : String.join(", ", parts);
    }

    static boolean isAscii(String s) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(s);
    }

    /** A short, clearly labelled message, sent only when the user asked for a test message. */
    static List<String> testMessage(String sender, String recipient, String ehloName) {
        return List.of(
                "From: <" + sender + ">",
                "To: <" + recipient + ">",
                "Subject: SMTP Doctor test message",
                "Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME),
                "Message-ID: <" + UUID.randomUUID() + "@" + ehloName + ">",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=US-ASCII",
                "Content-Transfer-Encoding: 7bit",
                "X-Mailer: SMTP Doctor",
                "",
                "This is an SMTP Doctor test message.",
                "",
                "It was sent to check that the outgoing mail server settings work.",
                "No action is needed; you may delete it.");
    }

    static int timeoutMs(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * A recipient for the relay check: RFC 2606's reserved example.net (example.org when the sender is there), a
     * domain no mail server hosts for a customer, so accepting it means passing mail on to another domain.
     */
    static String relayCheckAddress(String sender) {
        String domain = sender.substring(sender.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "postmaster@" + ("example.net".equals(domain) ? "example.org" : "example.net");
    }

    /** Words in a refused recipient's reply that say the server passes mail on only for people who signed in. */
    static boolean refusesRelaying(String lowerReply) {
        return lowerReply.contains("relay") || lowerReply.contains("authenticat") || lowerReply.contains("sign in")
                || lowerReply.contains("log in") || lowerReply.contains("login");
    }

    /** An enhanced status code of the address class (RFC 3463 X.1.Y: mailbox, domain, syntax of an address). */
    private static final Pattern ADDRESS_STATUS = Pattern.compile("\\b[245]\\.1\\.\\d{1,3}\\b");

    /** Words of a refusal that is about the recipient's address itself: its mailbox, its domain or its form. */
    private static final List<String> ADDRESS_WORDS = List.of("unknown", "exist", "no such", "not found", "unroutable",
            "unrouteable", "domain", "mx", "invalid", "syntax", "user", "mailbox", "dns", "resolv");

    /**
     * Whether a refused recipient's reply says anything about the address itself, as a recipient check of the
     * reserved domain would ("550 5.1.2 … Domain not found", "553 <…> address unknown."). A library's bare refusal
     * ("554 Transaction failed", SubEthaSMTP's default; "550 Cannot receive for specified address", Twisted's) says
     * nothing of it.
     */
    static boolean speaksOfTheAddress(String lowerReply) {
        return ADDRESS_STATUS.matcher(lowerReply).find() || ADDRESS_WORDS.stream().anyMatch(lowerReply::contains);
    }
}
