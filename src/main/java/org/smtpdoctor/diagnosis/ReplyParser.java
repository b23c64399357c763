package org.smtpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.probe.EnhancedStatusCode;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.PastedText;
import org.smtpdoctor.probe.Phase;

/**
 * Reads an error message a user pasted (from a mail program, a library's exception, a server log) into
 * {@link PastedEvidence}: the server's reply code and enhanced code, the reply text, whose wording it is, the
 * session step it belongs to and the kind of failure the words describe.
 *
 * <p>Pasted text is not a probe: all there is to go on is words, so matching message text is legitimate here, and
 * only here. The patterns are the exact wordings of the programs named in {@link ClientShape}.
 */
public final class ReplyParser {

    private static final int F = Pattern.CASE_INSENSITIVE;
    /** How much of a long paste is read: its start and its last part (where a log's final error usually is). */
    private static final int MAX_READ = 16_384;
    private static final int TAIL_READ = 4_096;
    /** Below this a three-digit number is not taken for a reply code unless the text is that short. */
    private static final int MIN_CODE_SCORE = 2;
    private static final int REPLY_CODE_LENGTH = 3;
    private static final int SHORT_TEXT = 60;
    /** What a refusal (4xx, 5xx) counts above a positive reply of the same shape. */
    private static final int NEGATIVE_BONUS = 2;
    /**
     * A log's mark of a line the program received, just before a code: {@code <rx> 550}, {@code S: 220}, {@code <-
     * 535}, {@code << 250}, {@code Got: 220}, {@code < 530} at a line's start. Such a code is a reply, whatever is
     * written before the mark; the refusal among them then outranks the greeting that worked.
     */
    private static final Pattern TRANSCRIPT_RECEIVED = Pattern.compile(
            "(?:<rx>|\\brx:|<-{1,2}|<<<?|\\bs:|\\bserver:|\\brecv(?:eived)?:|\\bgot:|\\bread:|(?:^|\\n)\\s{0,4}<)\\s{0,3}$");

    /** A basic reply code, optionally followed by an enhanced code; not part of a number, port, address or hex. */
    private static final Pattern CODE = Pattern.compile(
            "(?<![\\w./#\\\\$-])([1-5][0-9][0-9])(?![\\d.,:]\\d|\\d|\\.\\w|%)(?:([ -])\\s*([245]\\.\\d{1,3}\\.\\d{1,3})"
                    + "(?![\\d.]))?");
    /**
     * "Expected response code 250 but got ..." (Swiftmailer), "Expected smtp code 250, got 552" (mailsend),
     * "Expected: 250, Got: 553": the first is not a reply.
     */
    private static final Pattern EXPECTED_CODE = Pattern.compile(
            "expected(?: (?:smtp |response |reply |status )?code\\(?s?\\)?)?:?\\s*[\\[\"']?\\s*$", F);
    /**
     * "Expected smtp code 250, got 552" (mailsend), "expected 250 but got 554", "Expected response code 354 but got code
     * \"550\"": the code after "got" is the reply the library received.
     */
    private static final Pattern EXPECTED_THEN_GOT = Pattern.compile(
            "expected[^\\n]{0,30}?\\d{3}\\W{0,3}(?:,|but|and|instead)?\\s{0,3}got(?: code)?:?\\s{0,3}[\"']?$", F);
    /**
     * The reply a library expected names the step that failed (Symfony, Swift Mailer: "Expected response code 235 but
     * got ..."): 235 and 334 answer sign-in, 354 the message data.
     */
    private static final Pattern EXPECTED_STEP = Pattern.compile(
            "expected (?:smtp |response |reply |status )?code\\(?s?\\)?:?\\s*[\\[\"']?\\s*"
                    + "(235|334|354|250/251/252)\\b", F);
    /**
     * "Request failed with status code 400" (Axios), "HTTP status 500", "http_code":500: a web page's or API's HTTP
     * status, not the mail server's reply.
     */
    private static final Pattern HTTP_STATUS = Pattern.compile(
            "(?:with status code|http status(?: code)?|http error|http_code[\"']?|http/1\\.[01])\\s*[:=]?\\s*$", F);
    /**
     * "400 Bad Request", "=> 500 Internal Server Error": an HTTP status line with its reason phrase, which a web
     * application's log prints next to a mail error; no SMTP server words a reply that way.
     */
    private static final Pattern HTTP_REASON = Pattern.compile(
            "^\\s{0,2}(?:bad request|forbidden|unauthori|internal se|bad gateway|gateway tim|method not)", F);
    /**
     * A web address or a page's path ("at /password_reset/", "POST /api/users/reset-password"): where a program was when
     * it failed, named in words that are no sentence about the failure.
     */
    private static final Pattern WEB_PATH = Pattern.compile("(?<![\\w.])(?:[a-z][a-z0-9+.-]*:)?/[\\w./?=&%#~+-]*");
    /** A log time stamp's seconds and their separator: the number after them is its milliseconds ("10:11:12,550"). */
    private static final Pattern CLOCK_BEFORE = Pattern.compile("\\d:\\d\\d[.,]$");
    /**
     * A logger's dotted name ("app.mail", "django.core.mail", "com.acme.MailSender"); not an exception's class
     * ("javax.net.ssl.SSLHandshakeException", which names the failure) and not a host name ("smtp.gmail.com").
     */
    private static final String LOGGER_NAME = "(?i:(?![\\w$.-]*(?:exception|error)(?![\\w$])))"
            + "(?i:(?![\\w.-]*\\.(?:com|net|org|edu|gov|info|biz|io|co|uk|de|fr|nl|it|es|ch|at|be|eu|ru|jp|cn|br|au|ca|in|pl"
            + "|se|no|dk|fi|cz|us|local|lan|internal|localdomain):))"
            + "[a-z_][\\w$-]*(?:\\.[A-Za-z_$][\\w$-]*)+";
    /**
     * A log line's date, time and level ("2024-05-01 10:11:12,345 ERROR ", "[2024-05-01T10:11:12Z] WARN: ") and the
     * logger's and thread's names in brackets after them ("[com.acme.mail.Sender] (worker-3) "): when, how loud and
     * where a program logged, never what went wrong, so the rules read the line without them (a log written into
     * another log has two). A logger's name read as words ("Sender", "mailer") changed 64 and 22 train answers. A
     * one-letter bracket stays: a transcript's "[C]" and "[S]" say who spoke; so does a name after a colon
     * ("smtp: ", "x509: " begin Go's errors). A name begins with a letter: a bracket that begins with a digit is the
     * next stamp ("[2024-05-01T10:11:12Z] WARN: ").
     */
    private static final Pattern LOG_STAMP = Pattern.compile("(?m)^(?:[ \\t]*\\[?"
            + "(?:\\d{4}-\\d\\d-\\d\\d|\\d{4}/\\d\\d/\\d\\d)[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?"
            + "(?:Z|[+-]\\d\\d:?\\d\\d)?\\]?(?:[ \\t]|$)"
            + "(?:\\[?(?:error|err|warn|warning|info|debug|trace|fatal|severe|critical|notice)\\]?:?(?:[ \\t]|$)"
            + "(?:" + LOGGER_NAME + ":(?:[ \\t]|$))?)?"
            + "(?:[\\[(](?=[a-z])[^\\s\\[\\]()]{2,80}[\\])]:?(?:[ \\t]|$)){0,2})+",
            Pattern.CASE_INSENSITIVE);
    /**
     * A line that begins with its level in capitals and the logger's name ("ERROR app.mail: ", Python's
     * "ERROR:django.core.mail:"), without a time stamp: where a program logged, never what went wrong. Before it was left
     * out, 57 train answers changed (28 from right to wrong): a reply's code no longer began its line, and "mail" was read.
     */
    private static final Pattern LEVEL_AND_LOGGER = Pattern.compile("(?m)^[ \\t]*"
            + "(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|SEVERE|CRITICAL|NOTICE)(?:[ \\t]+|:[ \\t]*)"
            + "(?:" + LOGGER_NAME + "|(?<=:)[a-z_][\\w-]{1,40}):(?:[ \\t]|$)");
    /**
     * A container's name before each line of its log, as {@code docker compose logs} prints it ("mailer-1  | "): which
     * service wrote the line, never what went wrong; a log stamp may follow it.
     */
    private static final Pattern SERVICE_PREFIX = Pattern.compile("(?m)^[ \\t]*[a-z0-9][\\w.-]{0,62}[ \\t]+\\|(?:[ \\t]|$)",
            Pattern.CASE_INSENSITIVE);
    /** "permanent error (535)", "SMTP Error (535):": a reply code a program puts in brackets after its own words. */
    private static final Pattern CODE_IN_BRACKETS = Pattern.compile("(?:error|fehler|erreur|errore|fout|erro|code)\\s?\\($");
    private static final Pattern PYTHON_TUPLE = Pattern.compile("\\((\\d{3}),\\s{0,20}b?(['\"])(.{0,4000}?)\\2\\s{0,20}[,)]",
            Pattern.DOTALL);
    /** Right after a host's port: the web protocol it serves ({@code :80 (http)}, {@code :443 (https)}). */
    private static final Pattern WEB_SERVER_PORT = Pattern.compile("^\\s?\\(https?\\)");
    private static final int SUBMISSION_PORT = 587;
    private static final int IMPLICIT_TLS_PORT = 465;
    /** How far back a field dump's "version" label may stand before its value. */
    private static final int VERSION_FIELD = 30;
    /**
     * An RFC 3463 enhanced code; its subjects run from 0 to 7, so a version number (5.49.0) is none, and a path
     * segment ({@code lib/ruby/2.3.0/net}) neither.
     */
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\w.])([245])\\.([0-7])\\.(\\d{1,3})(?![\\w/]|\\.\\d)");
    /** The code (and enhanced code) that starts a continuation line of a multi-line reply. */
    private static final Pattern CONTINUATION = Pattern.compile(
            "\n[ \t>]{0,12}([245]\\d\\d)[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}[ -])?");
    /** A greeting's code in a line (RFC 5321 4.2: "220-" opens a multi-line greeting, "220 " ends it). */
    private static final Pattern GREETING_LINE = Pattern.compile("(?<![\\w./:#\\\\$-])220([ -])");
    /** A greeting's first line: its code opening a multi-line reply, or its "ESMTP" when a paste lost the code. */
    private static final Pattern GREETING_SHOWN = Pattern.compile("220-|esmtp", Pattern.CASE_INSENSITIVE);
    /**
     * Within a line, after a space: a reply's code (220 continues a greeting printed on one line) or the client's next
     * command, which ends it.
     */
    private static final Pattern NEXT_IN_LINE = Pattern.compile(
            "\\s(?:([2-5]\\d\\d)[ -]|(?:EHLO|HELO|STARTTLS|AUTH|MAIL FROM|QUIT)\\b)");
    private static final Pattern CERT_ALTNAMES = Pattern.compile("altnames:\\s*([^\\n]+)", F);
    private static final Pattern DNS_NAME = Pattern.compile("DNS:\\s*([^,\\s\"']+)", F);
    private static final Pattern GO_CERT = Pattern.compile("certificate is valid for ([^\\n]+?), not ([\\w.-]+)", F);
    /**
     * A setting echoed by a debug log ("timeout=300" in PHPMailer's "Connection: opening to host:587, timeout=300",
     * "'timeout' => 30", {@code "timeout": 10}): a configured value, not a failure, so failure words are not read in
     * it; nor in a counter of failures that counts none ("auth_failures=0", {@code "errors": 0} in a program's
     * summary).
     */
    private static final Pattern CONFIG_ECHO = Pattern.compile(
            "[\\w'\"-]*time-?out[\\w'\"-]*\\s{0,3}(?:=>?|:)\\s{0,3}['\"]?\\d+(?:\\.\\d+)?['\"]?(?![\\w.:-]|\\s*(?:s|sec|secs|seconds|ms)\\b)"
            + "|[\\w'\"-]*(?:fail|error)[\\w'\"-]*\\s{0,3}(?:=|:)\\s{0,3}['\"]?0['\"]?(?![\\w.:-])", F);
    /** The server's goodbye (221) to a QUIT, as transcripts show it ("-> QUIT <-  221 2.0.0 closing connection"). */
    private static final Pattern GOODBYE = Pattern.compile("\\bquit\\b[^\\n]{0,40}?\\b(221)[ -]");
    /** Words for a connection that ended, which from the server's goodbye on are the session's normal end. */
    private static final Pattern CLOSED_WORDS = Pattern.compile(
            "connection closed|closed connection|closing connection|closing transmission channel|connection to [^\\n]{0,80}? closed");
    /**
     * Perl IO::Socket::SSL's warning that a program left certificate checks off ("Using the default of
     * SSL_verify_mode of SSL_VERIFY_NONE for client is deprecated! … set SSL_verify_mode explicitly to SSL_VERIFY_NONE
     * in your application."): printed before the connection is tried, whatever happens next, so its words about
     * verifying certificates name no failure.
     */
    private static final Pattern VERIFY_MODE_WARNING = Pattern.compile(
            "using the default of ssl_verify_mode of ssl_verify_none.{0,600}?in your application\\.?", F | Pattern.DOTALL);
    /**
     * libEtPan's SMTP error codes, as Mailspring and MailCore print them ("mailsmtp Last Error Code: 27"), by their
     * names in libEtPan's {@code mailsmtp_types.h} enumeration (0 is no error): the name says the failure. 17
     * (AUTH_LOGIN) is left to the step: Mailspring shows it for any sign-in step that went wrong, a mechanism it
     * chose badly included, so it does not say "password".
     */
    private static final Pattern LIBETPAN_CODE = Pattern.compile("mailsmtp last error code:\\s{0,3}(\\d{1,2})\\b", F);
    private static final int LIBETPAN_AUTH_STEP = 17;
    private static final List<String> LIBETPAN_NAMES = List.of("NO_ERROR", "UNEXPECTED_CODE", "SERVICE_NOT_AVAILABLE",
            "STREAM", "HOSTNAME", "NOT_IMPLEMENTED", "ACTION_NOT_TAKEN", "EXCEED_STORAGE_ALLOCATION", "IN_PROCESSING",
            "INSUFFICIENT_SYSTEM_STORAGE", "MAILBOX_UNAVAILABLE", "MAILBOX_NAME_NOT_ALLOWED", "BAD_SEQUENCE_OF_COMMAND",
            "USER_NOT_LOCAL", "TRANSACTION_FAILED", "MEMORY", "AUTH_NOT_SUPPORTED", "AUTH_LOGIN", "AUTH_REQUIRED",
            "AUTH_TOO_WEAK", "AUTH_TRANSITION_NEEDED", "AUTH_TEMPORARY_FAILTURE", "AUTH_ENCRYPTION_REQUIRED",
            "STARTTLS_TEMPORARY_FAILURE", "STARTTLS_NOT_SUPPORTED", "CONNECTION_REFUSED", "AUTH_AUTHENTICATION_FAILED",
            "SSL");
    /**
     * Outlook's (Windows mail's) errors for a server reply, 0x800CCC62 to 0x800CCC6F (IXP_E_SMTP_500_SYNTAX_ERROR to
     * IXP_E_SMTP_554_TRANSACT_FAILED in imnxport.h): the reply code each stands for, in that order.
     */
    private static final Pattern OUTLOOK_SMTP_CODE = Pattern.compile("0x800ccc6([2-9a-f])\\b", F);
    private static final List<Integer> OUTLOOK_SMTP_REPLIES = List.of(500, 501, 502, 503, 504, 421, 450, 550, 451,
            551, 452, 552, 553, 554);
    /**
     * Microsoft CDO's (CDOSYS) errors for sending, in hexadecimal ({@code error '80040211'}, {@code The transport error
     * code was 0x80040217}, VBScript's {@code &H80040213}) or as the signed decimal VBScript and COM callers print
     * ({@code -2147220969}): the message text {@code cdosyserr.h} documents for each (Microsoft, "CDO Error Codes",
     * CDO for Windows 2000 / Exchange SDK, CdoErrorCodes module), which the vocabulary reads. Only the entries that
     * name a cause of a failed send are here: CDO_E_SMTP_SERVER_REQUIRED (0x8004020A), CDO_E_RECIPIENT_MISSING
     * (0x8004020C), CDO_E_FROM_MISSING (0x8004020D), CDO_E_SENDER_REJECTED (0x8004020E), CDO_E_RECIPIENTS_REJECTED
     * (0x8004020F), CDO_E_CONNECTION_DROPPED (0x80040212), CDO_E_FAILED_TO_CONNECT (0x80040213),
     * CDO_E_AUTHENTICATION_FAILURE (0x80040215) and CDO_E_LOGON_FAILURE (0x80040217). CDO_E_SMTP_SEND_FAILED
     * (0x80040211, "The message could not be sent to the SMTP server") names none: its transport error code, when
     * given, does.
     */
    private static final Pattern CDO_CODE = Pattern.compile(
            "(?<![\\w])(?:0x|&h)?(800402[01][0-9a-f])l?(?![\\w])|(?<![\\w-])-(21472209[6-9]\\d)(?!\\d)", F);
    private static final Map<String, String> CDO_MESSAGES = Map.ofEntries(
            Map.entry("8004020a", "The SMTP server name is required, and was not found in the configuration source."),
            Map.entry("8004020c", "At least one recipient is required, but none were found."),
            Map.entry("8004020d", "At least one of the From or Sender fields is required, and neither was found."),
            Map.entry("8004020e", "The server rejected the sender address."),
            Map.entry("8004020f", "The server rejected one or more recipient addresses."),
            Map.entry("80040212", "The transport lost its connection to the server."),
            Map.entry("80040213", "The transport failed to connect to the server."),
            Map.entry("80040215", "The server rejected the logon attempt due to authentication failure."),
            Map.entry("80040217", "The transport was unable to log on to the server."));
    /**
     * The names MailKit's and .NET's {@code SmtpStatusCode} enumerations give a server's reply code, as their exceptions
     * print them ({@code The SMTP server has unexpectedly disconnected. AuthenticationMechanismTooWeak}): the reply
     * code each stands for. Names that other enumerations share ({@code SyntaxError}, {@code InsufficientStorage}) are
     * left out, and so is {@code AuthenticationInvalidCredentials} (535): MailKit prints it before the server's own
     * reply text, whose enhanced code and words then decide, as they did before the name was read.
     */
    private static final Map<String, Integer> STATUS_CODE_NAMES = Map.ofEntries(
            Map.entry("ServiceNotAvailable", 421), Map.entry("PasswordTransitionNeeded", 432),
            Map.entry("MailboxBusy", 450), Map.entry("ErrorInProcessing", 451), Map.entry("LocalErrorInProcessing", 451),
            Map.entry("TemporaryAuthenticationFailure", 454), Map.entry("ClientNotPermitted", 454),
            Map.entry("CommandUnrecognized", 500), Map.entry("CommandNotImplemented", 502),
            Map.entry("BadCommandSequence", 503), Map.entry("CommandParameterNotImplemented", 504),
            Map.entry("AuthenticationRequired", 530), Map.entry("MustIssueStartTlsFirst", 530),
            Map.entry("AuthenticationMechanismTooWeak", 534),
            Map.entry("EncryptionRequiredForAuthenticationMechanism", 538), Map.entry("MailboxUnavailable", 550),
            Map.entry("UserNotLocalTryAlternatePath", 551), Map.entry("ExceededStorageAllocation", 552),
            Map.entry("MailboxNameNotAllowed", 553), Map.entry("TransactionFailed", 554),
            Map.entry("MailFromOrRcptToParametersNotRecognizedOrNotImplemented", 555));
    /**
     * The sentences .NET's {@code SmtpException} puts before "The server response was:" instead of the reply code
     * (its resource strings for {@code SmtpStatusCode}; the server's text after it keeps only the enhanced code): the
     * reply code each stands for.
     */
    private static final Map<String, Integer> DOTNET_STATUS_SENTENCES = Map.ofEntries(
            Map.entry("service not available, closing transmission channel", 421),
            Map.entry("insufficient system storage", 452),
            Map.entry("syntax error, command unrecognized", 500),
            Map.entry("syntax error in parameters or arguments", 501),
            Map.entry("command not implemented", 502),
            Map.entry("bad sequence of commands", 503),
            Map.entry("command parameter not implemented", 504),
            Map.entry("mailbox unavailable", 550),
            Map.entry("exceeded storage allocation", 552),
            Map.entry("mailbox name not allowed", 553),
            Map.entry("transaction failed", 554));
    private static final Pattern DOTNET_STATUS_SENTENCE = Pattern.compile(
            "(?<!\\w)(" + String.join("|", DOTNET_STATUS_SENTENCES.keySet()) + ")\\. the server response was:", F);
    private static final Pattern STATUS_CODE_NAME = Pattern.compile(
            "(?<![A-Za-z])(" + String.join("|", STATUS_CODE_NAMES.keySet()) + ")(?![A-Za-z])");
    /**
     * A reply code as Rust's lettre prints it: {@code Code { severity: PermanentNegativeCompletion, category:
     * Unspecified3, detail: Five }} is 535 (its Severity, Category and Detail enumerations are the three digits).
     */
    private static final Pattern LETTRE_CODE = Pattern.compile("Code \\{ severity: (\\w+), category: (\\w+), detail: (\\w+) \\}");
    private static final List<String> LETTRE_SEVERITY = List.of("", "", "PositiveCompletion", "PositiveIntermediate",
            "TransientNegativeCompletion", "PermanentNegativeCompletion");
    private static final List<String> LETTRE_CATEGORY = List.of("Syntax", "Information", "Connections", "Unspecified3",
            "Unspecified4", "MailSystem");
    private static final List<String> LETTRE_DETAIL = List.of("Zero", "One", "Two", "Three", "Four", "Five", "Six",
            "Seven", "Eight", "Nine");
    /** Go's "certificate is valid for a, b" and Mozilla's "The certificate is only valid for (the following names:) a". */
    private static final Pattern GO_CERT_NAMES = Pattern.compile(
            "certificate is (?:only )?valid for (?:the following names:\\s*)?([\\w.*, -]{1,2000})", F);

    /**
     * A time-out the program names as its connection step's: Go's {@code dial tcp 192.0.2.1:465: i/o timeout} (the
     * dialer's, where a time-out after connecting reads {@code read tcp ...: i/o timeout}) and curl's {@code Failed to
     * connect to HOST port 587 after 21045 ms: Timed out}, and Android's (K-9, FairEmail, any app on its Java
     * library) {@code SocketTimeoutException: failed to connect to smtp.gmail.com/2607:f8b0::6d (port 465) from
     * /10.0.0.2 (port 40123) after 10000ms}. The server was never reached, so no greeting was missed.
     */
    private static final Pattern CONNECT_STEP_TIMEOUT = Pattern.compile(
            "\\bdial tcp[46]? (?:\\[[0-9a-f:.%\\w]{2,60}\\]|[\\w.-]{1,253}):\\d{1,5}: "
                    + "(?:i/o timeout|context deadline exceeded)"
                    + "|\\bfailed to connect to [\\w.-]{1,253} port \\d{1,5}(?: after \\d+ ms)?: (?:operation )?timed out"
                    + "|\\bfailed to connect to [\\w.:/%\\[\\]-]{1,300} \\(port \\d{1,5}\\)"
                    + "(?: from [\\w.:/%\\[\\]-]{1,300} \\(port \\d{1,5}\\))? after \\d+ ?ms");

    /**
     * Go's resolver timing out before the dialer could start: {@code dial tcp: lookup smtp.example.com on
     * 127.0.0.11:53: read udp ...: i/o timeout}. The name server did not answer; the name itself may be right.
     */
    private static final Pattern NAME_LOOKUP_TIMEOUT = Pattern.compile(
            "\\bdial tcp[46]?: lookup [\\w.-]{1,253}(?: on [\\w.:\\[\\]-]{1,60})?: [^\\n]{0,120}?i/o timeout");

    /**
     * A server's log quoting binary bytes as the client's last command: Exim's {@code dropped: too many syntax or
     * protocol errors (last command was "\026\003\001...")}, Postfix's {@code improper command pipelining after
     * CONNECT ... \026\003\001}. A client that sends a TLS handshake where the server expects plain text.
     */
    private static final Pattern BINARY_LAST_COMMAND = Pattern.compile(
            "(?:last command was|command pipelining after connect)[^\\n]{0,20}?(?:\\\\[0-7]{3}|\\\\[bv]){3}");

    /**
     * Jakarta Mail's failures that quote the server's answer to the connection: {@code Could not connect to SMTP host:
     * 192.0.2.9, port: 25, response: 421} and {@code Got bad greeting from SMTP host: smtp.example.com, port: 25,
     * response: 554 …}. A real code there (not {@code -1}) means the server was reached and refused at its greeting,
     * whatever the words of its refusal ("spammer" names no message) or of the application around it ("connection
     * failed").
     */
    private static final Pattern GREETING_REFUSED = Pattern.compile(
            "(?:could not connect to|bad greeting from) smtp host: [^,\\n]{1,253}, port: \\d{1,5}, response: [45]\\d\\d");

    private ReplyParser() {
    }

    /**
     * Reads pasted text in its plain characters ({@link PastedText}); never throws, and returns an unrecognised result
     * for text with nothing to go on.
     */
    public static PastedEvidence parse(String text) {
        // of a long paste its start and its end, in the characters a program wrote, not those copying added, and the
        // words, not when a log wrote them
        String original = withoutLogStamps(PastedText.plain(bounded(text == null ? "" : text)));
        String t = namedCodes(normalise(original));
        String lower = wordsOf(t).toLowerCase(Locale.ROOT);
        ReplyVocabulary words = ReplyVocabulary.builtIn();
        ClientShape found = ReplyVocabulary.first(words.shapes(), lower).orElse(null);
        String unechoed = afterGoodbye(VERIFY_MODE_WARNING.matcher(CONFIG_ECHO.matcher(lower).replaceAll(" "))
                .replaceAll(" "));
        Optional<FailureKind> named = ReplyVocabulary.first(words.kinds(), unechoed);
        if (named.isEmpty() && BINARY_LAST_COMMAND.matcher(lower).find()) {
            named = Optional.of(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED);
        }
        if (named.filter(k -> k != FailureKind.READ_TIMEOUT).isEmpty()) {
            // "timed out" alone would say after connecting
            if (NAME_LOOKUP_TIMEOUT.matcher(unechoed).find()) {
                named = Optional.of(FailureKind.DNS_UNAVAILABLE);
            } else if (CONNECT_STEP_TIMEOUT.matcher(unechoed).find()) {
                named = Optional.of(FailureKind.CONNECT_TIMEOUT);
            }
        }
        Optional<ReplyMatch> reply = findReply(t, named);
        // a program's own sentences, in any wording, name the failure when no exact wording does; the server's reply
        // inside them is read by its code and words instead
        String programWords = WEB_PATH.matcher(outsideReply(unechoed, reply.map(r -> r.text(t)).orElse("")))
                .replaceAll(" ");
        Optional<FailureKind> kind = named.or(() -> words.kindByMeaning(programWords));
        if (kind.filter(k -> k != FailureKind.AUTH_REJECTED).isEmpty() && reply.isPresent()
                && serverDemandsEncryption(words, reply.get().text(t))) {
            // the server's reply says why (a program may report only a failed sign-in): it takes nothing unencrypted
            kind = Optional.of(FailureKind.TLS_REQUIRED_BY_SERVER);
        }
        ClientShape shape = found != null ? found
                : reply.filter(r -> r.start == 0).isPresent() ? ClientShape.RAW_REPLY : ClientShape.UNKNOWN;
        OptionalInt code = reply.map(r -> r.code).orElse(OptionalInt.empty());
        boolean greetingRefused = kind.filter(k -> k != FailureKind.CONNECT_TIMEOUT && k != FailureKind.NO_GREETING)
                .isEmpty() && code.isPresent() && code.getAsInt() >= 400 && GREETING_REFUSED.matcher(lower).find();
        if (greetingRefused) {
            // the server answered the connection with a refusal: it was reached, so nothing timed out
            kind = Optional.empty();
        }
        if (kind.filter(k -> k == FailureKind.READ_TIMEOUT).isPresent() && code.isEmpty()
                && findEnhanced(t).filter(e -> e.statusClass() >= 4).isPresent()) {
            // a refusal quoted by its enhanced code alone carries the words (MailKit's "SmtpCommandException: 4.4.2
            // host Error: timeout exceeded", Postfix's when it waited too long for the client): the server answered,
            // so the wait was the server's, not this program's for a reply
            kind = Optional.empty();
        }
        if (kind.isPresent() && code.isPresent() && code.getAsInt() >= 200 && code.getAsInt() < 400) {
            // a positive reply beside a named failure is a transcript line before it, not the error
            reply = Optional.empty();
            code = OptionalInt.empty();
        }
        Optional<EnhancedStatusCode> enhanced = reply.flatMap(r -> r.enhanced).or(() -> findEnhanced(t));
        OptionalInt replyCode = code;
        if (kind.isEmpty() && code.isPresent()) {
            kind = kindFromCode(code.getAsInt());
        }
        Optional<FailureKind> failure = kind;
        // a transcript's last command answers for the reply only when there is a reply to answer
        int replyStart = reply.map(r -> r.start).orElseGet(() -> enhancedStart(t));
        HostPort hp = hostAndPort(t);
        Optional<Phase> phase = (greetingRefused ? Optional.of(Phase.GREETING) : Optional.<Phase>empty())
                .or(() -> ReplyVocabulary.first(words.commandPhases(), lower))
                .or(() -> replyStart < 0 ? Optional.empty() : ReplyPhases.lastCommand(t, replyStart))
                .or(() -> expectedStep(t))
                .or(() -> ReplyPhases.signInOnlyCode(replyCode))
                .or(() -> aboutMail(lower, replyCode, enhanced, failure, shape)
                        ? ReplyVocabulary.first(words.impliedPhases(), lower) : Optional.empty())
                .or(() -> ReplyPhases.fromCodes(replyCode, enhanced))
                .or(() -> ReplyPhases.fromKind(failure, lower, hp.port));
        List<String> certNames = certificateNames(t);
        Optional<String> host = hp.host;
        Matcher go = GO_CERT.matcher(t);
        if (host.isEmpty() && go.find()) {
            host = Optional.of(go.group(2));
        }
        return new PastedEvidence(original, code, enhanced, reply.map(r -> r.text(t)).orElse(""), shape, phase, kind,
                host, hp.port, certNames);
    }

    /** Whether a server's reply says it takes nothing over a connection that is not encrypted. */
    private static boolean serverDemandsEncryption(ReplyVocabulary words, String replyText) {
        String lower = wordsOf(replyText).toLowerCase(Locale.ROOT);
        return ReplyVocabulary.first(words.kinds(), lower).or(() -> words.kindByMeaning(lower))
                .filter(k -> k == FailureKind.TLS_REQUIRED_BY_SERVER).isPresent();
    }

    /**
     * Whether a text is about mail at all: it has a reply code, an enhanced code, a named failure or a known program's
     * wording, or it uses a mail word ({@code mailWords}). Words that imply a session step ("unknown user", "no such
     * user") are read only in such a text: in another program's log ({@code sudo: unknown user}) they mean no mail
     * session.
     */
    static boolean aboutMail(String lower, OptionalInt code, Optional<EnhancedStatusCode> enhanced,
            Optional<FailureKind> kind, ClientShape shape) {
        return code.isPresent() || enhanced.isPresent() || kind.isPresent() || shape != ClientShape.UNKNOWN
                || ReplyVocabulary.any(ReplyVocabulary.builtIn().mailWords(), lower);
    }

    /**
     * The words of a paste (lower case, as {@link #wordsOf}) without the server's reply they quote: what the
     * program around the reply said. A line break stands where the reply was, so sentences before and after it do
     * not run together. When the reply is not found word for word, the text before its code is taken.
     */
    static String outsideReply(String lowerWords, String replyText) {
        if (replyText.isBlank()) {
            return lowerWords;
        }
        String r = wordsOf(replyText).toLowerCase(Locale.ROOT);
        int i = lowerWords.indexOf(r);
        if (i >= 0) {
            return lowerWords.substring(0, i) + "\n" + lowerWords.substring(i + r.length());
        }
        int code = lowerWords.indexOf(r.substring(0, Math.min(REPLY_CODE_LENGTH, r.length())));
        return code >= 0 ? lowerWords.substring(0, code) : lowerWords;
    }

    /**
     * The words of a paste, bounded, with runs of white space (wrapped lines) as one space and typographic apostrophes
     * (Apple's and Office's "can’t") as the typed one: what wordings match, so a wording is written once.
     */
    static String wordsOf(String text) {
        String t = joinContinuations(withoutGreetingBanner(bounded(text)));
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The lines after the first of a multi-line greeting (cPanel's Exim: "220-host ESMTP Exim", "220-We do not
     * authorize the use of this system to transport unsolicited,", "220 and/or bulk e-mail."): a banner the server
     * says to everyone before anything went wrong, so its words are no refusal and name no step, and the rules do not
     * read them. The first line (the server's name and software) stays, and so does whatever a line holds before the
     * code (a log's time and direction); a line of quotes alone (Python's "\\r\\n'" broken off) does not end the
     * greeting.
     */
    static String withoutGreetingBanner(String t) {
        if (!t.contains("220-")) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        boolean inBanner = false;
        for (String whole : t.split("\n", -1)) {
            String line = withoutFlattenedBanner(whole);
            Matcher m = GREETING_LINE.matcher(line);
            boolean greeting = m.find();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(greeting && inBanner ? line.substring(0, m.start()) : line);
            if (greeting) {
                inBanner = "-".equals(m.group(1));
            } else if (line.codePoints().anyMatch(Character::isLetterOrDigit)) {
                inBanner = false;
            }
        }
        return sb.toString();
    }

    /**
     * The continuation lines of a greeting that a log printed on one line (old PHPMailer's "SMTP -> FROM
     * SERVER:220-host ESMTP Exim … 220-We do not authorize … unsolicited, 220 and/or bulk e-mail."; a paste that lost
     * the first line's code keeps "ESMTP"): from the first greeting code after a space, once the line has shown a
     * greeting, to the end of the last one's text (the next reply code or command, or the line's end).
     */
    private static String withoutFlattenedBanner(String line) {
        Matcher shown = GREETING_SHOWN.matcher(line);
        if (!shown.find()) {
            return line;
        }
        Matcher next = NEXT_IN_LINE.matcher(line);
        if (!next.find(shown.end()) || !"220".equals(next.group(1))) {
            return line;
        }
        int from = next.start();
        int end = line.length();
        while (next.find()) {
            if (!"220".equals(next.group(1))) {
                end = next.start();
                break;
            }
        }
        return line.substring(0, from) + line.substring(end);
    }

    /**
     * A multi-line reply (RFC 5321 4.2.1: "550-first line", "550 last line") as one sentence: the code (and enhanced
     * code) that starts each continuation line is dropped, so wording broken over lines ("is not allowed in" / "550
     * header From") reads as it was written. The first line keeps its code.
     */
    static String joinContinuations(String t) {
        Matcher m = CONTINUATION.matcher(t);
        StringBuilder sb = new StringBuilder(t.length());
        int last = 0;
        while (m.find()) {
            if (t.lastIndexOf(m.group(1) + "-", m.start()) >= 0) {
                sb.append(t, last, m.start()).append('\n');
                last = m.end();
            }
        }
        return last == 0 ? t : sb.append(t, last, t.length()).toString();
    }

    /**
     * Whether the text itself names a session step: a command a transcript shows, a program's words for one, or the
     * reply code it expected. Without one, the step of a bare failure is only the usual step of its kind.
     */
    static boolean namesStep(String text) {
        String t = normalise(bounded(text == null ? "" : text));
        return ReplyVocabulary.first(ReplyVocabulary.builtIn().commandPhases(), wordsOf(t).toLowerCase(Locale.ROOT))
                .isPresent() || ReplyPhases.lastCommand(t, t.length()).isPresent() || expectedStep(t).isPresent();
    }

    /**
     * {@code plain} without its lines' service names ({@link #SERVICE_PREFIX}), log stamps ({@link #LOG_STAMP}) and a
     * level with a logger's name ({@link #LEVEL_AND_LOGGER}); what copying added
     * after a stamp (a code block's fence, a quoted reply's marks) begins a line only now, so the text is made plain
     * once more, and a stamp that followed those marks is left out in a second pass.
     */
    private static String withoutLogStamps(String plain) {
        String text = plain;
        // a log copied into a reply and logged again has a stamp, quote marks or a service's name, then the first stamp
        for (int pass = 0; pass < 2; pass++) {
            Matcher services = SERVICE_PREFIX.matcher(text);
            boolean named = services.find();
            String lines = named ? services.replaceAll("") : text;
            Matcher stamps = LOG_STAMP.matcher(lines);
            boolean stamped = stamps.find();
            String unstamped = stamped ? stamps.replaceAll("") : lines;
            Matcher loggers = LEVEL_AND_LOGGER.matcher(unstamped);
            boolean logged = loggers.find();
            if (!named && !stamped && !logged) {
                break;
            }
            text = PastedText.plain(logged ? loggers.replaceAll("") : unstamped);
        }
        return text;
    }

    /**
     * {@code lower} without the words of a closed connection from the server's goodbye on: a transcript that says
     * "221 2.0.0 closing connection", then "Connection closed with remote host" (swaks), ended its session normally,
     * and what went wrong is said before.
     */
    private static String afterGoodbye(String lower) {
        Matcher goodbye = GOODBYE.matcher(lower);
        int end = -1;
        while (goodbye.find()) {
            end = goodbye.start(1);
        }
        return end < 0 ? lower : lower.substring(0, end) + CLOSED_WORDS.matcher(lower.substring(end)).replaceAll(" ");
    }

    /** A pasted error is short: of a long paste only its start and its end are read, so any input answers fast. */
    static String bounded(String text) {
        if (text.length() <= MAX_READ) {
            return text;
        }
        return text.substring(0, MAX_READ - TAIL_READ) + "\n" + text.substring(text.length() - TAIL_READ);
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** A library's numeric or enumerated error code, spelled out the way the vocabulary and the code reader know. */
    private static String namedCodes(String t) {
        Matcher lettre = LETTRE_CODE.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (lettre.find()) {
            int severity = LETTRE_SEVERITY.indexOf(lettre.group(1));
            int category = LETTRE_CATEGORY.indexOf(lettre.group(2));
            int detail = LETTRE_DETAIL.indexOf(lettre.group(3));
            String code = severity < 2 || category < 0 || detail < 0 ? lettre.group()
                    : "Code " + severity + category + detail;
            lettre.appendReplacement(sb, Matcher.quoteReplacement(code));
        }
        lettre.appendTail(sb);
        Matcher etpan = LIBETPAN_CODE.matcher(sb);
        StringBuilder names = new StringBuilder();
        while (etpan.find()) {
            int n = Integer.parseInt(etpan.group(1));
            if (n > 0 && n < LIBETPAN_NAMES.size() && n != LIBETPAN_AUTH_STEP) {
                names.append("\nMAILSMTP_ERROR_").append(LIBETPAN_NAMES.get(n));
            }
        }
        Matcher outlook = OUTLOOK_SMTP_CODE.matcher(sb);
        if (outlook.find()) {
            // Outlook's IXP_E_SMTP_* errors stand for the server's reply code; a reply quoted in the text outranks it
            names.append("\nCode ").append(OUTLOOK_SMTP_REPLIES.get(Integer.parseInt(outlook.group(1), 16) - 2));
        }
        // CDO's error number stands for its documented message, which says the cause in words
        cdoMessages(sb).forEach(m -> names.append('\n').append(m));
        Matcher dotnet = DOTNET_STATUS_SENTENCE.matcher(sb);
        if (dotnet.find()) {
            // .NET says the reply code in words before the server's text, which it prints without the code
            names.append("\nCode ").append(DOTNET_STATUS_SENTENCES.get(dotnet.group(1).toLowerCase(Locale.ROOT)));
        }
        Matcher status = STATUS_CODE_NAME.matcher(sb);
        if (status.find()) {
            // MailKit and .NET name the reply code instead of printing it; a reply quoted in the text outranks it
            names.append("\nCode ").append(STATUS_CODE_NAMES.get(status.group(1)));
        }
        return sb.append(names).toString();
    }

    /**
     * The documented messages ({@link #CDO_MESSAGES}) of the CDO error numbers in a text, each once, in the order
     * found: the rules read them beside the text, as the parser does.
     */
    static List<String> cdoMessages(CharSequence text) {
        List<String> messages = new ArrayList<>();
        Matcher cdo = CDO_CODE.matcher(text);
        while (cdo.find()) {
            String hex = cdo.group(1) != null ? cdo.group(1).toLowerCase(Locale.ROOT)
                    : Long.toHexString(-Long.parseLong(cdo.group(2)) & 0xFFFFFFFFL);
            String message = CDO_MESSAGES.get(hex);
            if (message != null && !messages.contains(message)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static Optional<Phase> expectedStep(String t) {
        Matcher m = EXPECTED_STEP.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        // 250, 251 or 252 is what a recipient gets (Symfony's and Swift Mailer's RCPT TO)
        return Optional.of(switch (m.group(1)) {
            case "354" -> Phase.DATA;
            case "250/251/252" -> Phase.RCPT_TO;
            default -> Phase.AUTH;
        });
    }

    // ---- reply code ----

    /** A reply found in the text; {@code quoted} is the reply as a Python tuple quoted it, else empty. */
    private record ReplyMatch(int start, OptionalInt code, Optional<EnhancedStatusCode> enhanced, String quoted) {

        String text(String t) {
            return quoted.isEmpty() ? replyText(t, start, code.getAsInt()) : quoted;
        }
    }

    private static Optional<ReplyMatch> findReply(String t, Optional<FailureKind> kind) {
        Matcher py = PYTHON_TUPLE.matcher(t);
        if (py.find()) {
            int code = Integer.parseInt(py.group(1));
            String body = py.group(3).strip();
            return Optional.of(new ReplyMatch(py.start(), OptionalInt.of(code), EnhancedStatusCode.parseAtStart(body),
                    code + " " + body.replace("\n", " ")));
        }
        Matcher m = CODE.matcher(t);
        ReplyMatch best = null;
        int bestScore = t.length() <= SHORT_TEXT ? 0 : MIN_CODE_SCORE - 1;
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            int score = candidateScore(t, m, code, kind);
            if (score > bestScore) {
                Optional<EnhancedStatusCode> enhanced = Optional.ofNullable(m.group(3))
                        .flatMap(EnhancedStatusCode::parseAtStart)
                        .filter(e -> e.statusClass() == code / 100 || code < 200);
                best = new ReplyMatch(m.start(), OptionalInt.of(code), enhanced, "");
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How much a three-digit number looks like a reply code here; 0 means not at all. */
    private static int candidateScore(String t, Matcher m, int code, Optional<FailureKind> kind) {
        int start = m.start();
        String before = t.substring(Math.max(0, start - 12), start).toLowerCase(Locale.ROOT);
        if (before.matches("(?s).*(port|port:|porta:?|puerto:?|poort:?|porto:?|port =|errno|timeout|line|after|than|of"
                + "|size|limit|max|version|v)\\s*=?\\s*$")
                || before.endsWith("(") && t.startsWith(")", m.end()) && !CODE_IN_BRACKETS.matcher(before).find()
                || before.endsWith("#") || afterHostColon(t, start) || CLOCK_BEFORE.matcher(before).find()
                || EXPECTED_CODE.matcher(t.substring(Math.max(0, start - 30), start)).find()
                || HTTP_STATUS.matcher(t.substring(Math.max(0, start - 30), start)).find()) {
            return 0;
        }
        if (code == SUBMISSION_PORT || code == IMPLICIT_TLS_PORT) {
            // the mail ports, never a reply: a reply's second digit runs from 0 to 5 (RFC 5321, 4.2)
            return 0;
        }
        String after = t.substring(m.end(), Math.min(t.length(), m.end() + 12)).toLowerCase(Locale.ROOT);
        if (after.matches("^\\s*(bytes|seconds|secs|ms|kb|mb|s\\b|days|minutes|x|px).*")
                || HTTP_REASON.matcher(after).find()) {
            return 0;
        }
        if (code < 200) {
            // 101 and 111 are not replies but the errno numbers some lists show as "codes"
            boolean alone = t.strip().length() <= 40 || before.matches("(?s).*(error|code|smtp)\\s*:?\\s*$");
            return (code == 101 || code == 111) && alone ? 1 : 0;
        }
        if (code / 10 % 10 > 7) {
            return 0; // RFC 5321 uses 0 to 5 as second digit, servers up to 7 (471, 571); 8 and 9 are line numbers
        }
        int score = 1;
        if (m.group(3) != null) {
            score += 5;
        }
        if (start == 0 || t.charAt(start - 1) == '\n') {
            score += 3;
        }
        if (before.matches("(?s).*(responded|response was|response|said|replied|message|error|exception|failed"
                + "|code|reply|returned|refused)[.:]?\\s*['\"(\\[]?\\s*$") || before.endsWith(": ")) {
            score += 2;
        }
        if (m.group(2) != null || after.matches("^[ -][a-z<\\[(].*")) {
            score += 1;
        }
        if (TRANSCRIPT_RECEIVED.matcher(before).find()
                || EXPECTED_THEN_GOT.matcher(t.substring(Math.max(0, start - 60), start)).find()) {
            score += 2;
        }
        if (code >= 400 && score > MIN_CODE_SCORE) {
            // a pasted error is about what failed: in a transcript the refusal outranks the steps that worked
            score += NEGATIVE_BONUS;
        }
        return score;
    }

    /** Whether the number follows {@code host:} or {@code file.c:}, i.e. is a port or a line number. */
    private static boolean afterHostColon(String t, int start) {
        if (start == 0 || t.charAt(start - 1) != ':') {
            return false;
        }
        int i = start - 1;
        while (i > 0 && !Character.isWhitespace(t.charAt(i - 1)) && t.charAt(i - 1) != '(' && t.charAt(i - 1) != '[') {
            i--;
        }
        String token = t.substring(i, start - 1);
        // "[2001:db8::1]:465", "[192.0.2.1]:25": a bracketed address before its port
        return token.contains(".") || token.matches(".*\\d") || token.endsWith("]");
    }

    /** The reply from its code to the end of its line, with continuation lines of the same code. */
    private static String replyText(String t, int start, int code) {
        String[] lines = t.substring(start).split("\n");
        StringBuilder sb = new StringBuilder(lines[0].strip());
        String prefix = Integer.toString(code);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(prefix + "-") || line.startsWith(prefix + " ")) {
                sb.append('\n').append(line);
            } else {
                break;
            }
        }
        return withoutClosingMarks(sb.toString().strip());
    }

    /**
     * The reply without the quote marks and brackets a program closed around it ({@code (550, b'…')}, {@code "…"}): a
     * closing bracket stays when the reply opened it itself ("(See RFC2821 4.1.1.1)").
     */
    private static String withoutClosingMarks(String reply) {
        long opened = reply.chars().filter(c -> c == '(').count();
        long closed = reply.chars().filter(c -> c == ')').count();
        int end = reply.length();
        while (end > 0 && "'\"”)".indexOf(reply.charAt(end - 1)) >= 0) {
            if (reply.charAt(end - 1) == ')') {
                if (opened >= closed) {
                    break;
                }
                closed--;
            }
            end--;
            while (end > 0 && Character.isWhitespace(reply.charAt(end - 1))) {
                end--;
            }
        }
        return reply.substring(0, end);
    }

    private static Optional<EnhancedStatusCode> findEnhanced(String t) {
        Matcher m = ENHANCED.matcher(t);
        return findStatusCode(t, m) ? EnhancedStatusCode.parseAtStart(m.group()) : Optional.empty();
    }

    /** Where the first enhanced status code starts, -1 when there is none. */
    private static int enhancedStart(String t) {
        Matcher m = ENHANCED.matcher(t);
        return findStatusCode(t, m) ? m.start() : -1;
    }

    /**
     * Moves the matcher to the first match that is a status code, not a version number ("Angus Mail 2.0.3", a field
     * dump's {@code ["Version"]=> string(6) "5.2.22"}, a Ruby backtrace's {@code mail (2.6.6) lib/mail/}); false when
     * there is none.
     */
    private static boolean findStatusCode(String t, Matcher m) {
        while (m.find()) {
            String before = t.substring(Math.max(0, m.start() - 10), m.start()).toLowerCase(Locale.ROOT);
            String field = t.substring(Math.max(0, m.start() - VERSION_FIELD), m.start()).toLowerCase(Locale.ROOT);
            boolean gemInBacktrace = t.startsWith(") lib/", m.end());
            if (!before.matches("(?s).*(version|v|tls|ssl|jdk|java|mail|angus|python)\\s*$")
                    && !field.matches("(?s).*version[^.!?]{0,22}$") && !gemInBacktrace) {
                return true;
            }
        }
        return false;
    }

    private static Optional<FailureKind> kindFromCode(int code) {
        if (code == 111) {
            return Optional.of(FailureKind.CONNECTION_REFUSED);
        }
        if (code == 101) {
            return Optional.of(FailureKind.NETWORK_UNREACHABLE);
        }
        return Optional.empty();
    }

    // ---- host, port, certificate names ----

    private record HostPort(Optional<String> host, OptionalInt port) {
    }

    private static final List<Pattern> HOST_PORT = List.of(
            Pattern.compile("Could not connect to SMTP host:\\s*([\\w.-]+),\\s*port:\\s*(\\d{1,5})", F),
            Pattern.compile("Couldn't connect to host, port:\\s*([\\w.-]+),\\s*(\\d{1,5})", F),
            Pattern.compile("cannot connect to ([\\w.-]+), port (\\d{1,5})", F),
            Pattern.compile("(?:opening to|connecting to|connect to|connect|Connection:)\\s+(?:ssl://|tls://)?"
                    + "([a-z0-9][\\w.-]*\\.[a-z]{2,}|\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{1,5})", F),
            Pattern.compile("(?:ETIMEDOUT|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\\s+"
                    + "([\\w.-]+|\\[[0-9a-f:]+\\]):(\\d{1,5})", F),
            // "file.js:787:19" in a stack trace is a line and column, never a host and port
            Pattern.compile("(?<![\\w@.-])([a-z0-9][a-z0-9.-]*\\.[a-z]{2,}):(\\d{2,5})(?!\\d|:\\d)", F),
            Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{2,5})(?!\\d)", F),
            Pattern.compile("\\[(\\d{1,3}(?:\\.\\d{1,3}){3})\\]:(\\d{2,5})(?!\\d)", F));

    private static final List<Pattern> HOST_ONLY = List.of(
            Pattern.compile("\\blookup ([\\w.-]+\\.[a-z]{2,})(?: on |: )", F), // Go's resolver: "lookup HOST on DNS:53"
            Pattern.compile("Unknown SMTP host:\\s*([\\w.-]+)", F),
            Pattern.compile("UnknownHostException:\\s*([\\w.-]+)", F),
            Pattern.compile("getaddrinfo (?:ENOTFOUND|EAI_AGAIN)\\s+([\\w.-]+)", F),
            Pattern.compile("Outgoing server \\(SMTP\\)\\s+([\\w.-]+)", F),
            Pattern.compile("(?:server|host)\\s+[“\"']([\\w.-]+)[”\"']", F),
            Pattern.compile("using the server\\s+[“\"']?([\\w.-]+\\.[a-z]{2,})", F),
            Pattern.compile("cannot locate host\\s+([\\w.-]+)", F),
            Pattern.compile("Host:\\s*([\\w.-]+?)\\.?\\s+is not in the cert's altnames", F),
            Pattern.compile("No subject alternative DNS name matching\\s+([\\w.-]+)\\s+found", F),
            Pattern.compile("No name matching\\s+([\\w.-]+)\\s+found", F),
            Pattern.compile("not valid for '([\\w.-]+)'", F),
            Pattern.compile("Could not resolve host:?\\s+([\\w.-]+)", F),
            // "Mail can't verify the identity of the server smtp.example.com", "the mail server mail.example.net"
            Pattern.compile("(?:the server|outgoing server|mail server)\\s+[“\"']?([a-z0-9][\\w-]*\\.[\\w.-]*[a-z]{2,})", F),
            // a log's or event's field: "SMTP Host: server.corp.example.com", "smtp host: smtp.example.org"
            Pattern.compile("\\bSMTP Host:\\s*([a-z0-9][\\w-]*\\.[\\w.-]*[a-z]{2,})", F));
    /**
     * A server name a program quotes after "SMTP host" or "SMTP server" ("Bad response from SMTP host 'exchangeserver'"):
     * quoted there it is the setting itself, even as a single name without dots, as an organisation's servers are often
     * called.
     */
    private static final Pattern QUOTED_SMTP_HOST = Pattern.compile(
            "\\bSMTP (?:host|server)\\s*[“\"']([a-z][\\w-]{1,62})[”\"']", F);

    private static final int DNS_PORT = 53;
    /** A source file's name as stack traces print it ("index.js", "SMTPTransport.java"), not a host name. */
    private static final Pattern SOURCE_FILE = Pattern.compile(
            "[\\w$-]+\\.(?:js|mjs|cjs|ts|py|java|kt|php|rb|go|cs|cpp|cc|rs|dart|ex|exs|scala|groovy|swift)", F);
    private static final Pattern PORT = Pattern.compile("\\bport[:=]?\\s*(\\d{2,5})\\b", F);

    private static HostPort hostAndPort(String t) {
        for (Pattern p : HOST_PORT) {
            Matcher m = p.matcher(t);
            while (m.find()) {
                String host = cleanHost(m.group(1));
                if (SOURCE_FILE.matcher(host).matches()) {
                    continue; // "(SMTPTransport.java:2120)": a stack frame's line number
                }
                int port = Integer.parseInt(m.group(2));
                if (WEB_SERVER_PORT.matcher(t.substring(m.end(2), Math.min(t.length(), m.end(2) + 10))).find()) {
                    continue; // "Server: app.example.org:80 (http)": the application's own web server, as it logs it
                }
                // port 53 is a name server's (Go: "lookup HOST on 127.0.0.53:53"), never the mail server's
                if (port > 0 && port < 65536 && port != DNS_PORT && !host.isEmpty()) {
                    return new HostPort(Optional.of(host), OptionalInt.of(port));
                }
            }
        }
        Optional<String> host = Optional.empty();
        for (Pattern p : HOST_ONLY) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                host = Optional.of(cleanHost(m.group(1))).filter(h -> h.contains("."));
                if (host.isPresent()) {
                    break;
                }
            }
        }
        if (host.isEmpty()) {
            Matcher quoted = QUOTED_SMTP_HOST.matcher(t);
            if (quoted.find()) {
                host = Optional.of(cleanHost(quoted.group(1)));
            }
        }
        Matcher pm = PORT.matcher(t);
        OptionalInt port = OptionalInt.empty();
        if (pm.find()) {
            int p = Integer.parseInt(pm.group(1));
            if (p > 0 && p < 65536) {
                port = OptionalInt.of(p);
            }
        }
        return new HostPort(host, port);
    }

    private static String cleanHost(String host) {
        return host.replaceAll("^\\[|\\]$", "").replaceAll("\\.+$", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> certificateNames(String t) {
        List<String> names = new ArrayList<>();
        Matcher alt = CERT_ALTNAMES.matcher(t);
        if (alt.find()) {
            Matcher dns = DNS_NAME.matcher(alt.group(1));
            while (dns.find()) {
                names.add(dns.group(1).replaceAll("[.\"']+$", "").toLowerCase(Locale.ROOT));
            }
        }
        Matcher go = GO_CERT.matcher(t);
        Matcher goNames = GO_CERT_NAMES.matcher(t);
        String list = !names.isEmpty() ? "" : go.find() ? go.group(1) : goNames.find() ? goNames.group(1) : "";
        for (String n : list.split(",\\s*")) {
            if (!n.isBlank() && n.strip().indexOf(' ') < 0) {
                names.add(n.strip().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
