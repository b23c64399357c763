package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * The structure of a pasted reply read as an expert reads it when no words name a cause: the basic reply code (RFC
 * 5321 §4.2.2 and §4.3.2, RFC 4954 §6, RFC 3207 §4, RFC 7504), the enhanced status code (RFC 3463 class.subject.detail
 * and the IANA "Enumerated Status Codes" registry of RFC 5248: RFC 3886, 4468, 4954, 6710, 7293, 7372, 7505, 8098,
 * 8689) and the step the text names, as programs name it. A reading from the code alone says medium or low, never
 * high, and names the settings the code also allows as alternatives.
 */
class StatusCodeStructureTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final String ME = "me@example.com";
    private static final String YOU = "you@example.org";

    /** A step as the text names it; {@code null} is a reply with no step named. */
    private enum Step { NONE, GREETING, EHLO, STARTTLS, AUTH, MAIL_FROM, RCPT_TO, END_OF_DATA }

    /**
     * One cell of the table: reply code, enhanced code (may be empty), the step, the setting an expert changes, the
     * most confidence the code alone justifies, and a setting that must be offered (primary or alternative), if any.
     */
    private record Cell(int code, String enhanced, Step step, Setting setting, Confidence atMost, Setting offers) {

        String reply(String word) {
            return code + (enhanced.isEmpty() ? "" : " " + enhanced) + (word.isEmpty() ? "" : " " + word);
        }
    }

    private static Cell cell(int code, String enhanced, Step step, Setting setting, Confidence atMost) {
        return new Cell(code, enhanced, step, setting, atMost, setting);
    }

    private static Cell cell(int code, String enhanced, Step step, Setting setting, Confidence atMost,
            Setting offers) {
        return new Cell(code, enhanced, step, setting, atMost, offers);
    }

    private static final Confidence MEDIUM = Confidence.MEDIUM;
    private static final Confidence LOW = Confidence.LOW;

    /** The table: cells a user is likely to meet, each with the standard that gives its meaning. */
    static List<Cell> table() {
        return List.of(
                // --- no step named: the code alone ---
                cell(421, "", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 5321 §4.2.3: service not available
                cell(450, "4.2.1", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 3463 §3.3 X.2.1 (transient)
                cell(451, "4.3.0", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 5321 §4.2.3: local error
                cell(451, "4.4.0", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 3463 §3.5 X.4.0 network
                cell(452, "4.3.1", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 3463 §3.4 X.3.1 system full
                cell(454, "4.7.0", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 4954 §6: temporary auth failure
                cell(455, "4.5.4", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 5321 §4.2.3: parameters, now
                cell(432, "4.7.12", Step.NONE, Setting.PASSWORD, MEDIUM), // RFC 4954 §6: password transition
                cell(452, "4.5.3", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.6 X.5.3 too many
                cell(452, "4.2.2", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.3 X.2.2 mailbox full
                cell(450, "4.1.8", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 3463 §3.2 X.1.8 sender system
                // RFC 5321 §4.2.3 command unrecognized: often encryption started on a plain port (RFC 3207 §4)
                cell(500, "", Step.NONE, Setting.NETWORK_OR_FIREWALL, LOW, Setting.SECURITY),
                cell(501, "", Step.NONE, Setting.CONTACT_PROVIDER, LOW, Setting.SENDER_ADDRESS), // RFC 5321: arguments
                cell(502, "", Step.NONE, Setting.CONTACT_PROVIDER, LOW, Setting.PORT), // RFC 5321: not implemented
                cell(503, "", Step.NONE, Setting.AUTH_METHOD, MEDIUM), // RFC 5321 §4.2.3 / RFC 4954 §4: bad sequence
                cell(504, "5.7.4", Step.NONE, Setting.AUTH_METHOD, MEDIUM), // RFC 4954 §6 / RFC 3463 X.7.4
                cell(521, "", Step.NONE, Setting.NETWORK_OR_FIREWALL, LOW, Setting.SERVER_HOST), // RFC 7504 §3
                cell(556, "", Step.NONE, Setting.RECIPIENT_ADDRESS, LOW, Setting.SENDER_ADDRESS), // RFC 7504 §3
                cell(556, "5.1.10", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 7505 §4.2: null MX
                cell(530, "", Step.NONE, Setting.AUTH_METHOD, MEDIUM, Setting.SECURITY), // RFC 4954 §6, RFC 3207 §4
                cell(530, "5.7.0", Step.NONE, Setting.AUTH_METHOD, MEDIUM, Setting.SECURITY), // RFC 4954 §6
                cell(534, "5.7.9", Step.NONE, Setting.AUTH_METHOD, MEDIUM, Setting.SECURITY), // RFC 4954 §6: too weak
                cell(535, "5.7.8", Step.NONE, Setting.PASSWORD, MEDIUM, Setting.APP_PASSWORD), // RFC 4954 §6
                cell(538, "", Step.NONE, Setting.SECURITY, MEDIUM), // RFC 4954 §6: encryption required for mechanism
                cell(538, "5.7.11", Step.NONE, Setting.SECURITY, MEDIUM), // RFC 4954 §6, RFC 5248 X.7.11
                cell(550, "", Step.NONE, Setting.RECIPIENT_ADDRESS, LOW, Setting.AUTH_METHOD), // RFC 5321: unavailable
                cell(550, "5.1.1", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.2 X.1.1
                cell(550, "5.1.10", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 7505 §4.2: null MX
                cell(550, "5.2.1", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.3 X.2.1 disabled
                cell(551, "5.1.6", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.2 X.1.6 moved
                cell(552, "5.2.2", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.3 X.2.2 full
                cell(552, "5.3.4", Step.NONE, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM), // RFC 3463 §3.4 X.3.4
                cell(552, "5.2.3", Step.NONE, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM), // RFC 3463 §3.3 X.2.3
                cell(553, "", Step.NONE, Setting.SENDER_ADDRESS, LOW, Setting.RECIPIENT_ADDRESS), // RFC 5321
                cell(553, "5.1.7", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 3463 §3.2 X.1.7 sender syntax
                cell(553, "5.1.8", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 3463 §3.2 X.1.8 sender system
                cell(553, "5.7.1", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 3463 §3.8 X.7.1 + 553
                cell(550, "5.7.1", Step.NONE, Setting.CONTACT_PROVIDER, LOW, Setting.AUTH_METHOD), // RFC 3463 X.7.1
                cell(550, "5.7.20", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 7372 §3.1: no passing DKIM
                cell(550, "5.7.23", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 7372 §3.2: SPF failed
                cell(550, "5.7.25", Step.NONE, Setting.NETWORK_OR_FIREWALL, MEDIUM), // RFC 7372 §3.3: reverse DNS
                cell(550, "5.7.26", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 7372 §3.4: checks failed
                cell(550, "5.7.27", Step.NONE, Setting.SENDER_ADDRESS, MEDIUM), // RFC 7505 §4.3: sender null MX
                cell(550, "5.7.13", Step.NONE, Setting.CONTACT_PROVIDER, MEDIUM), // RFC 5248: account disabled
                cell(554, "", Step.NONE, Setting.MESSAGE_CONTENT_OR_SIZE, LOW, Setting.NETWORK_OR_FIREWALL), // 5321
                cell(554, "5.4.6", Step.NONE, Setting.CONTACT_PROVIDER, MEDIUM), // RFC 3463 §3.5 X.4.6 loop
                cell(555, "", Step.NONE, Setting.RECIPIENT_ADDRESS, LOW, Setting.SENDER_ADDRESS), // RFC 5321 §4.2.3
                // the enhanced code's subject is more specific than a 550 or 554 (RFC 3463 §2, §3.1)
                cell(550, "5.0.0", Step.NONE, Setting.RECIPIENT_ADDRESS, LOW, Setting.AUTH_METHOD), // X.0.0 other
                cell(550, "5.1.2", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.2 X.1.2 system
                cell(550, "5.1.3", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.2 X.1.3 syntax
                cell(550, "5.4.4", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 3463 §3.5 X.4.4 no route
                cell(554, "5.2.0", Step.NONE, Setting.RECIPIENT_ADDRESS, LOW), // RFC 3463 §3.3 X.2.0 mailbox
                cell(554, "5.3.0", Step.NONE, Setting.CONTACT_PROVIDER, LOW), // RFC 3463 §3.4 X.3.0 mail system
                cell(554, "5.3.2", Step.NONE, Setting.CONTACT_PROVIDER, LOW), // X.3.2 not accepting messages
                cell(554, "5.4.0", Step.NONE, Setting.CONTACT_PROVIDER, LOW), // RFC 3463 §3.5 X.4.0 routing
                cell(554, "5.4.7", Step.NONE, Setting.CONTACT_PROVIDER, MEDIUM), // X.4.7 delivery time expired
                cell(550, "5.6.0", Step.NONE, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM), // RFC 3463 §3.7 X.6.0
                cell(550, "5.6.1", Step.NONE, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM), // X.6.1 media not supported
                cell(550, "5.7.0", Step.NONE, Setting.CONTACT_PROVIDER, LOW, Setting.AUTH_METHOD), // §3.8 X.7.0
                cell(550, "5.7.2", Step.NONE, Setting.CONTACT_PROVIDER, LOW), // X.7.2 list expansion prohibited
                // X.7.3 (security conversion) is Microsoft's refused sign-in: SMTP AUTH or basic sign-in off first
                cell(535, "5.7.3", Step.NONE, Setting.AUTH_METHOD, LOW, Setting.PASSWORD),
                cell(550, "5.7.10", Step.NONE, Setting.SECURITY, MEDIUM), // RFC 5248: encryption needed
                cell(550, "5.7.14", Step.NONE, Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, MEDIUM), // RFC 5248: trust
                cell(554, "5.7.17", Step.NONE, Setting.RECIPIENT_ADDRESS, MEDIUM), // RFC 7293 §3: owner changed
                cell(550, "5.7.28", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // IANA registry: mail flood
                cell(550, "5.7.29", Step.NONE, Setting.CONTACT_PROVIDER, LOW), // RFC 8617 §7.2: ARC failure
                // a 554 with a policy subject stays "transaction failed" (content first), the provider offered
                cell(554, "5.7.30", Step.NONE, Setting.MESSAGE_CONTENT_OR_SIZE, LOW, Setting.CONTACT_PROVIDER), // 8689
                cell(451, "4.4.1", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 3463 §3.5 X.4.1 no answer
                cell(451, "4.7.25", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // RFC 7372 §3.3, transient
                cell(421, "4.7.28", Step.NONE, Setting.WAIT_AND_RETRY, MEDIUM), // mail flood, transient
                // --- the greeting (RFC 5321 §3.1: 554 instead of 220 refuses the connection) ---
                cell(554, "", Step.GREETING, Setting.NETWORK_OR_FIREWALL, MEDIUM),
                cell(554, "5.7.1", Step.GREETING, Setting.NETWORK_OR_FIREWALL, MEDIUM),
                cell(421, "4.7.0", Step.GREETING, Setting.WAIT_AND_RETRY, MEDIUM),
                // --- EHLO (RFC 5321 §4.1.1.1: 500/502 an old server; 501/504 the computer's name; 550 policy) ---
                cell(500, "5.5.1", Step.EHLO, Setting.PORT, MEDIUM, Setting.SECURITY),
                cell(502, "5.5.1", Step.EHLO, Setting.PORT, MEDIUM, Setting.SECURITY),
                cell(501, "5.5.4", Step.EHLO, Setting.PORT, MEDIUM),
                cell(550, "5.7.1", Step.EHLO, Setting.NETWORK_OR_FIREWALL, MEDIUM),
                // --- STARTTLS (RFC 3207 §4: 454 TLS not available now; a 5xx means no STARTTLS here) ---
                cell(502, "5.5.1", Step.STARTTLS, Setting.SECURITY, MEDIUM),
                cell(500, "5.5.1", Step.STARTTLS, Setting.SECURITY, MEDIUM),
                cell(454, "4.3.0", Step.STARTTLS, Setting.CONTACT_PROVIDER, MEDIUM),
                // --- AUTH (RFC 4954 §6) ---
                cell(535, "5.7.8", Step.AUTH, Setting.PASSWORD, MEDIUM, Setting.APP_PASSWORD),
                cell(535, "", Step.AUTH, Setting.PASSWORD, MEDIUM),
                cell(534, "5.7.9", Step.AUTH, Setting.AUTH_METHOD, MEDIUM),
                cell(538, "5.7.11", Step.AUTH, Setting.SECURITY, MEDIUM),
                cell(504, "5.5.4", Step.AUTH, Setting.AUTH_METHOD, MEDIUM), // unrecognized authentication type
                cell(501, "5.5.2", Step.AUTH, Setting.AUTH_METHOD, MEDIUM), // cannot decode the exchange
                cell(500, "5.5.1", Step.AUTH, Setting.AUTH_METHOD, LOW, Setting.SECURITY), // AUTH not known here
                cell(502, "5.5.1", Step.AUTH, Setting.AUTH_METHOD, LOW, Setting.SECURITY),
                cell(530, "5.7.0", Step.AUTH, Setting.SECURITY, MEDIUM), // RFC 3207 §4: STARTTLS first
                cell(454, "4.7.0", Step.AUTH, Setting.WAIT_AND_RETRY, MEDIUM),
                cell(432, "4.7.12", Step.AUTH, Setting.PASSWORD, MEDIUM),
                // --- MAIL FROM (RFC 5321 §4.3.2: 550 553 552 451 452 503 455 555) ---
                cell(550, "", Step.MAIL_FROM, Setting.SENDER_ADDRESS, MEDIUM),
                cell(553, "", Step.MAIL_FROM, Setting.SENDER_ADDRESS, MEDIUM),
                cell(550, "5.7.1", Step.MAIL_FROM, Setting.SENDER_ADDRESS, MEDIUM),
                cell(501, "5.5.4", Step.MAIL_FROM, Setting.SENDER_ADDRESS, MEDIUM), // X.5.4 bad arguments
                cell(501, "5.1.7", Step.MAIL_FROM, Setting.SENDER_ADDRESS, MEDIUM),
                cell(504, "5.5.2", Step.MAIL_FROM, Setting.SENDER_ADDRESS, MEDIUM),
                cell(555, "5.5.4", Step.MAIL_FROM, Setting.SENDER_ADDRESS, MEDIUM),
                cell(500, "5.5.2", Step.MAIL_FROM, Setting.CONTACT_PROVIDER, LOW, Setting.SENDER_ADDRESS),
                cell(530, "5.7.0", Step.MAIL_FROM, Setting.AUTH_METHOD, MEDIUM, Setting.SECURITY),
                cell(552, "5.3.4", Step.MAIL_FROM, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM), // RFC 1870 SIZE
                cell(451, "4.3.0", Step.MAIL_FROM, Setting.WAIT_AND_RETRY, MEDIUM),
                cell(452, "4.3.1", Step.MAIL_FROM, Setting.WAIT_AND_RETRY, MEDIUM),
                // --- RCPT TO (RFC 5321 §4.3.2: 550 551 552 553 450 451 452 503 455 555) ---
                cell(550, "", Step.RCPT_TO, Setting.RECIPIENT_ADDRESS, MEDIUM, Setting.AUTH_METHOD), // or §3.6.2 relay
                cell(550, "5.1.1", Step.RCPT_TO, Setting.RECIPIENT_ADDRESS, MEDIUM),
                cell(553, "5.1.3", Step.RCPT_TO, Setting.RECIPIENT_ADDRESS, MEDIUM), // X.1.3 recipient syntax
                cell(501, "5.5.4", Step.RCPT_TO, Setting.RECIPIENT_ADDRESS, MEDIUM),
                cell(504, "5.5.2", Step.RCPT_TO, Setting.RECIPIENT_ADDRESS, MEDIUM),
                cell(500, "5.5.2", Step.RCPT_TO, Setting.CONTACT_PROVIDER, LOW, Setting.RECIPIENT_ADDRESS),
                cell(550, "5.7.1", Step.RCPT_TO, Setting.AUTH_METHOD, MEDIUM), // RFC 5321 §3.6.2: no relaying
                cell(554, "5.7.1", Step.RCPT_TO, Setting.AUTH_METHOD, MEDIUM),
                cell(551, "5.1.6", Step.RCPT_TO, Setting.RECIPIENT_ADDRESS, MEDIUM),
                cell(452, "4.5.3", Step.RCPT_TO, Setting.RECIPIENT_ADDRESS, MEDIUM),
                cell(450, "4.2.1", Step.RCPT_TO, Setting.WAIT_AND_RETRY, MEDIUM),
                // --- after the message (RFC 5321 §4.3.2 DATA: 552 554 451 452 450 550; §4.5.3.1.6 line length) ---
                cell(554, "5.7.1", Step.END_OF_DATA, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM),
                cell(550, "5.7.1", Step.END_OF_DATA, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM),
                cell(554, "", Step.END_OF_DATA, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM),
                cell(552, "5.3.4", Step.END_OF_DATA, Setting.MESSAGE_CONTENT_OR_SIZE, MEDIUM),
                cell(500, "5.5.2", Step.END_OF_DATA, Setting.MESSAGE_CONTENT_OR_SIZE, LOW), // line too long
                cell(550, "5.7.26", Step.END_OF_DATA, Setting.SENDER_ADDRESS, MEDIUM), // RFC 7372 §3.4
                cell(451, "4.3.0", Step.END_OF_DATA, Setting.WAIT_AND_RETRY, MEDIUM));
    }

    /** Generic words that name no cause, in English and in other languages. */
    private static final List<String> GENERIC = List.of("", "Error", "Rejected", "Denied", "Failed", "Fehler",
            "Erreur", "Rechazado");

    /** .NET's SmtpException sentence for a reply code (its SmtpStatusCode resource strings); it drops the code. */
    private static final Map<Integer, String> DOTNET = Map.of(500, "Syntax error, command unrecognized",
            501, "Syntax error in parameters or arguments", 504, "Command parameter not implemented",
            550, "Mailbox unavailable", 552, "Exceeded storage allocation", 553, "Mailbox name not allowed",
            554, "Transaction failed");

    /** .NET's form: the sentence, the server's text without its code, the command in the stack trace. */
    private static void dotnet(List<String> texts, Cell c, String body, String exception, String frame) {
        if (DOTNET.containsKey(c.code()) && !body.isEmpty()) {
            texts.add("System.Net.Mail." + exception + ": " + DOTNET.get(c.code()) + ". The server response was: "
                    + body + "\n   at System.Net.Mail." + frame);
        }
    }

    /** The cell in the forms programs print it for its step. */
    static List<String> texts(Cell c) {
        List<String> texts = new ArrayList<>();
        for (String word : GENERIC) {
            String r = c.reply(word);
            String body = (c.enhanced() + " " + word).strip();
            switch (c.step()) {
                case NONE -> texts.add(r);
                case GREETING -> {
                    texts.add("smtplib.SMTPConnectError: (" + c.code() + ", b'" + body + "')");
                    texts.add("Error: Invalid greeting. response=" + r + ": " + r + "\n    command: 'CONN'");
                    texts.add("Connection: opening to smtp.example.com:587, timeout=300\nSERVER -> CLIENT: " + r);
                }
                case EHLO -> {
                    texts.add("SMTP ERROR: EHLO command failed: " + r);
                    texts.add("smtplib.SMTPHeloError: (" + c.code() + ", b'" + body + "')");
                }
                case STARTTLS -> {
                    texts.add("SMTP ERROR: STARTTLS command failed: " + r);
                    texts.add("STARTTLS\n" + r);
                }
                case AUTH -> {
                    texts.add("SMTP ERROR: AUTH command failed: " + r);
                    texts.add("Error: Invalid login: " + r + "\n    code: 'EAUTH',\n    command: 'AUTH PLAIN'");
                    texts.add("Expected response code \"235\" but got code \"" + c.code() + "\", with message \""
                            + r + "\".");
                }
                case MAIL_FROM -> {
                    texts.add("SMTP ERROR: MAIL FROM command failed: " + r);
                    texts.add("Error: Mail command failed: " + r + "\n    code: 'EENVELOPE',\n    command: 'MAIL FROM'");
                    texts.add("smtplib.SMTPSenderRefused: (" + c.code() + ", b'" + body + "', '" + ME + "')");
                    texts.add("com.sun.mail.smtp.SMTPSenderFailedException: " + r);
                    texts.add("MAIL FROM:<" + ME + ">\n" + r);
                    dotnet(texts, c, body, "SmtpException", "MailCommand.Send(SmtpConnection conn, Byte[] command)");
                }
                case RCPT_TO -> {
                    texts.add("SMTP ERROR: RCPT TO command failed: " + r);
                    texts.add("Error: Can't send mail - all recipients were rejected: " + r
                            + "\n    code: 'EENVELOPE',\n    command: 'RCPT TO'");
                    texts.add("smtplib.SMTPRecipientsRefused: {'" + YOU + "': (" + c.code() + ", b'" + body + "')}");
                    texts.add("Expected response code \"250/251/252\" but got code \"" + c.code() + "\", with message \""
                            + r + "\".");
                    texts.add("RCPT TO:<" + YOU + ">\n" + r);
                    dotnet(texts, c, body, "SmtpFailedRecipientException",
                            "RecipientCommand.Send(SmtpConnection conn, Byte[] command, String& response)");
                }
                case END_OF_DATA -> {
                    texts.add("SMTP ERROR: DATA END command failed: " + r);
                    texts.add("Error: Message failed: " + r + "\n    code: 'EMESSAGE',\n    command: 'DATA'");
                    texts.add("smtplib.SMTPDataError: (" + c.code() + ", b'" + body + "')");
                    texts.add("DATA\n354 Start mail input; end with <CRLF>.<CRLF>\n.\n" + r);
                    texts.add("host mx.example.org[192.0.2.1] said: " + r + " (in reply to end of DATA command)");
                    dotnet(texts, c, body, "SmtpException", "DataStopCommand.Send(SmtpConnection conn)");
                }
                default -> throw new IllegalStateException(c.step().name());
            }
        }
        return texts;
    }

    static Stream<Arguments> readings() {
        return table().stream().flatMap(c -> texts(c).stream().distinct().map(t -> Arguments.of(c, t)));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("readings")
    void aReplyWithoutCauseWordsIsReadByItsCodesAndStep(Cell c, String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        String why = text + " -> " + d.setting() + " " + d.confidence() + " (" + d.ruleId() + ") "
                + d.alternatives().stream().map(a -> a.setting().name()).toList();
        assertEquals(c.setting(), d.setting(), why);
        assertTrue(d.confidence().compareTo(c.atMost()) >= 0, "over-confident: " + why);
        // the other likely cause is named: as the answer, among the changes it comes with (a port with its
        // security), or as an alternative
        assertTrue(d.setting() == c.offers() || d.changes().stream().anyMatch(ch -> ch.setting() == c.offers())
                || d.alternatives().stream().anyMatch(a -> a.setting() == c.offers()),
                "does not offer " + c.offers() + ": " + why + " " + d.changes());
    }

    /** The step each program's form names, so the table's forms test what they claim. */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("Expected response code \"250/251/252\" but got code \"550\", with message \"550 Error\".",
                        Phase.RCPT_TO),
                Arguments.of("DATA\n354 Start mail input; end with <CRLF>.<CRLF>\n.\n554 5.7.1 Rejected",
                        Phase.END_OF_DATA),
                Arguments.of("Connection: opening to smtp.example.com:587, timeout=300\nSERVER -> CLIENT: 554 Error",
                        Phase.GREETING),
                Arguments.of("Connection: opened\nSERVER -> CLIENT: 220 ready\nCLIENT -> SERVER: EHLO host\n"
                        + "SERVER -> CLIENT: 554 5.7.1 Rejected", Phase.EHLO));
    }

    @ParameterizedTest
    @MethodSource("steps")
    void theStepIsTheOneTheProgramNames(String text, Phase phase) {
        assertEquals(phase, ReplyParser.parse(text).phase().orElse(null), text);
    }

    /** .NET's SmtpException says the reply code in words and prints the server's text without it. */
    static Stream<Arguments> dotnetSentences() {
        return Stream.of(
                Arguments.of("Mailbox name not allowed", "5.7.1", 553, Setting.SENDER_ADDRESS),
                Arguments.of("Transaction failed", "5.7.1", 554, null),
                Arguments.of("Syntax error in parameters or arguments", "5.5.4", 501, null),
                Arguments.of("Service not available, closing transmission channel", "4.7.0", 421,
                        Setting.WAIT_AND_RETRY),
                Arguments.of("Exceeded storage allocation", "5.3.4", 552, Setting.MESSAGE_CONTENT_OR_SIZE),
                Arguments.of("Bad sequence of commands", "5.5.1", 503, null));
    }

    @ParameterizedTest
    @MethodSource("dotnetSentences")
    void dotnetNamesTheReplyCodeInWords(String sentence, String enhanced, int code, Setting setting) {
        String text = "System.Net.Mail.SmtpException: " + sentence + ". The server response was: " + enhanced
                + " Error";
        assertEquals(code, ReplyParser.parse(text).code().orElse(0), text);
        if (setting != null) {
            assertEquals(setting, DIAGNOSER.explain(text, ExplainContext.none()).setting(), text);
        }
    }

    /**
     * .NET's "The server response was:" at the end of a line is an empty reply only when what follows is no reply: the
     * end, a stack frame, the next exception. A window or a mail that wraps the text puts the reply itself on the next
     * line, and then it is read (a wrapped "banned sending IP" was read as no reply at all, "check the connection
     * security").
     */
    @Test
    void dotnetsEmptyResponseIsNotAReplyWrappedOntoTheNextLine() {
        String wrapped = "Microsoft.SharePoint.Client.ServerException:\nMailbox unavailable. The server response was:\n"
                + "5.7.606 Access denied, banned sending IP\n[52.105.0.167]. To request removal from this list\nplease"
                + " visit https://sender.office.com/ and follow\nthe directions.";
        assertEquals(Setting.NETWORK_OR_FIREWALL, DIAGNOSER.explain(wrapped, ExplainContext.none()).setting());
        String sendAs = "Exception calling \"Send\" with \"1\" argument(s):\n\"Mailbox unavailable. The server response"
                + " was:\n5.7.1 Client does not have permissions to send as\nthis sender\"";
        assertEquals(Setting.SENDER_ADDRESS, DIAGNOSER.explain(sendAs, ExplainContext.none()).setting());
        for (String empty : new String[] {
            "System.Net.Mail.SmtpException: Syntax error, command unrecognized. The server response was: ",
            "System.Net.Mail.SmtpException: Syntax error, command unrecognized. The\nserver response was:\n   at\n"
                    + "System.Net.Mail.SmtpConnection.ConnectAndHandshakeAsyncResult.End(IAsyncResult result)",
            "app | 2023-02-14T16:55:13Z System.Net.Mail.SmtpException: Syntax error, command unrecognized. The server"
                    + " response was:\napp | 2023-02-14T16:55:13Z    at System.Net.Mail.SmtpConnection.GetConnection()",
        }) {
            Diagnosis d = DIAGNOSER.explain(empty, ExplainContext.none());
            assertEquals("explain.dotnet.empty_response", d.ruleId(), empty);
        }
    }

    /** Words that name a cause keep deciding over the code, and may be sure. */
    static Stream<Arguments> wordsStillDecide() {
        return Stream.of(
                Arguments.of("530 5.7.0 Must issue a STARTTLS command first", Setting.SECURITY),
                Arguments.of("SMTP ERROR: RCPT TO command failed: 554 5.7.1 <" + YOU + ">: Relay access denied",
                        Setting.AUTH_METHOD),
                Arguments.of("554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org",
                        Setting.NETWORK_OR_FIREWALL),
                Arguments.of("SMTP ERROR: MAIL FROM command failed: 553 5.7.1 <" + ME
                        + ">: Sender address rejected: not owned by user other@example.com", Setting.SENDER_ADDRESS),
                Arguments.of("SMTP ERROR: MAIL FROM command failed: 500 5.5.1 Command unrecognized",
                        Setting.CONTACT_PROVIDER),
                Arguments.of("smtplib.SMTPRecipientsRefused: {'" + YOU + "': (555, b'5.5.2 Syntax error')}",
                        Setting.RECIPIENT_ADDRESS),
                Arguments.of("421 4.7.0 Try again later, closing connection.", Setting.WAIT_AND_RETRY),
                Arguments.of("552 5.2.2 The recipient's mailbox is full", Setting.RECIPIENT_ADDRESS));
    }

    @ParameterizedTest
    @MethodSource("wordsStillDecide")
    void wordsThatNameACauseKeepTheirReading(String text, Setting setting) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(setting, d.setting(), text + " (" + d.ruleId() + ")");
        assertTrue(d.evidence().stream().noneMatch(Diagnoser.STRUCTURE_ONLY::equals), text);
    }

    @Test
    void aCauseTheWordsNameMayStillBeSure() {
        Diagnosis d = DIAGNOSER.explain("SMTP ERROR: RCPT TO command failed: 554 5.7.1 <" + YOU
                + ">: Relay access denied", ExplainContext.none());
        assertEquals(Confidence.HIGH, d.confidence(), d.ruleId());
    }

    @Test
    void aReadingOfTheCodesAloneSaysSo() {
        Diagnosis d = DIAGNOSER.explain("550 5.2.1 Error", ExplainContext.none());
        assertEquals(Confidence.MEDIUM, d.confidence(), d.ruleId());
        assertTrue(d.evidence().contains(Diagnoser.STRUCTURE_ONLY), d.evidence().toString());
        Diagnosis probe = DIAGNOSER.explain("550 5.2.1 Error", ExplainContext.none().withPhase(Phase.RCPT_TO));
        assertNotEquals(Confidence.HIGH, probe.confidence(), probe.ruleId());
    }

    // ---- properties: any reply of codes and generic words ----

    @Provide
    Arbitrary<String> bareReply() {
        Arbitrary<Integer> code = Arbitraries.of(421, 432, 450, 451, 452, 454, 455, 500, 501, 502, 503, 504, 521,
                530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556);
        Arbitrary<Integer> subject = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> detail = Arbitraries.integers().between(0, 30);
        Arbitrary<Boolean> withEnhanced = Arbitraries.of(true, false);
        Arbitrary<String> word = Arbitraries.of(GENERIC);
        Arbitrary<String> wrapper = Arbitraries.of("%s", "SMTP ERROR: MAIL FROM command failed: %s",
                "SMTP ERROR: RCPT TO command failed: %s", "SMTP ERROR: DATA END command failed: %s",
                "SMTP ERROR: AUTH command failed: %s", "SMTP ERROR: EHLO command failed: %s",
                "Error: Message failed: %s\n    command: 'DATA'",
                "com.sun.mail.smtp.SMTPSendFailedException: %s", "gomail: could not send email 1: %s",
                "Expected 250 but got %s");
        return Combinators.combine(code, subject, detail, withEnhanced, word, wrapper).as((c, s, d, e, w, f) ->
                String.format(f, (c + (e ? " " + c / 100 + "." + s + "." + d : "") + " " + w).strip()));
    }

    @Property(tries = 400)
    void aReplyOfCodesAndGenericWordsIsNeverSure(@ForAll("bareReply") String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertNotEquals(Confidence.HIGH, d.confidence(), text + " (" + d.ruleId() + ")");
    }

    @Property(tries = 300)
    void aTemporaryReplyWithoutCauseWordsNeverSurelyChangesASetting(@ForAll("bareReply") String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        if (ReplyParser.parse(text).code().orElse(0) / 100 == 4) {
            assertTrue(d.confidence() != Confidence.HIGH || d.verdict() != Verdict.FIX_SETTING,
                    text + " (" + d.ruleId() + ")");
        }
    }
}
