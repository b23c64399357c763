package org.smtpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.probe.EnhancedStatusCode;
import org.smtpdoctor.probe.FailureKind;
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

    /** A basic reply code, optionally followed by an enhanced code; not part of a number, port, address or hex. */
    private static final Pattern CODE = Pattern.compile(
            "(?<![\\w./#\\\\$-])([1-5][0-9][0-9])(?![\\d.,:]\\d|\\d|\\.\\w|%)(?:([ -])\\s*([245]\\.\\d{1,3}\\.\\d{1,3})"
                    + "(?![\\d.]))?");
    /** "Expected response code 250 but got ..." (Swiftmailer), "Expected: 250, Got: 553": the first is not a reply. */
    private static final Pattern EXPECTED_CODE = Pattern.compile("expected(?: response code\\(?s?\\)?)?:?\\s*\\[?\\s*$", F);
    private static final Pattern PYTHON_TUPLE = Pattern.compile("\\((\\d{3}),\\s*b?(['\"])(.*?)\\2\\s*[,)]",
            Pattern.DOTALL);
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\w.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w]|\\.\\d)");
    private static final Pattern CERT_ALTNAMES = Pattern.compile("altnames:\\s*([^\\n]+)", F);
    private static final Pattern DNS_NAME = Pattern.compile("DNS:\\s*([^,\\s\"']+)", F);
    private static final Pattern GO_CERT = Pattern.compile("certificate is valid for ([^\\n]+?), not ([\\w.-]+)", F);

    private static final List<Marker<ClientShape>> SHAPES = List.of(
            shape(ClientShape.PYTHON, "smtplib", "SMTPAuthenticationError", "SMTPRecipientsRefused",
                    "SMTPSenderRefused", "SMTPDataError", "SMTPServerDisconnected", "SMTPNotSupportedError",
                    "SMTPConnectError", "Traceback (most recent call last)", "ssl.SSLError", "socket.gaierror",
                    "[SSL: "),
            shape(ClientShape.JAVA_MAIL, "javax.mail", "jakarta.mail", "com.sun.mail", "org.eclipse.angus",
                    "MessagingException", "AuthenticationFailedException", "MailConnectException",
                    "SMTPSendFailedException", "SMTPAddressFailedException", "javax.net.ssl", "java.net.",
                    "PKIX path", "Could not convert socket to TLS"),
            shape(ClientShape.DOTNET, "System.Net.Mail", "SmtpException", "SmtpFailedRecipient",
                    "The server response was:", "Failure sending mail", "System.Net.Sockets", "MailKit",
                    "SmtpCommandException", "target machine actively refused"),
            shape(ClientShape.NODEMAILER, "nodemailer", "EAUTH", "ESOCKET", "EENVELOPE", "EMESSAGE",
                    "Invalid login:", "Greeting never received", "responseCode:", "command: '", "ECONNECTION"),
            shape(ClientShape.PHP_MAILER, "PHPMailer", "SMTP Error:", "SMTP connect() failed",
                    "stream_socket_", "php_network_getaddresses", "SMTP -> ERROR", "SMTP ERROR:"),
            shape(ClientShape.THUNDERBIRD, "Outgoing server (SMTP)", "Sending of the message failed",
                    "An error occurred while sending mail", "The mail server responded"),
            shape(ClientShape.OUTLOOK, "0x800CCC", "0x8004210", "reported error (0x", "Task '",
                    "connection encryption type you have specified", "The server responded:",
                    "Your message did not reach some or all of the intended recipients"),
            shape(ClientShape.APPLE_MAIL, "Cannot send message using the server", "was rejected by the server",
                    "Mail was unable to", "Cannot Send Mail", "connection to the outgoing server",
                    "Check the account settings for the outgoing server", "is not responding"),
            shape(ClientShape.SERVER_LOG, "(in reply to", " said: ", "status=deferred", "status=bounced",
                    "postfix/", "Diagnostic-Code:", "Remote Server returned", "Remote server returned",
                    "Delivery has failed", "MAILER-DAEMON", "SMTP error from remote"),
            shape(ClientShape.COMMAND_LINE, "msmtp:", "curl: (", "swaks", "sendmail:", "mutt:", "s-nail:"));

    /** Failure kinds named by the words, most specific first (a certificate problem before "could not convert"). */
    private static final List<Marker<FailureKind>> KINDS = List.of(
            kind(FailureKind.CERT_HOST_MISMATCH, "No subject alternative DNS name matching",
                    "No subject alternative names", "not in the cert's altnames", "does not match certificate",
                    "Hostname mismatch", "RemoteCertificateNameMismatch", "certificate belongs to a different site",
                    "No name matching", "doesn't match any of the subject alternative names",
                    "ERR_TLS_CERT_ALTNAME_INVALID", "certificate is valid for", "match certificate's altnames",
                    "is not in the cert's list", "certificate name mismatch",
                    "hostname does not match", "does not match the server name", "name in the certificate"),
            kind(FailureKind.CERT_EXPIRED, "CertificateExpiredException", "certificate has expired",
                    "CERT_HAS_EXPIRED", "certificate expired", "certificate is expired"),
            kind(FailureKind.CERT_NOT_YET_VALID, "CertificateNotYetValidException", "certificate is not yet valid",
                    "CERT_NOT_YET_VALID"),
            kind(FailureKind.CERT_UNTRUSTED, "PKIX path", "unable to find valid certification path",
                    "CERTIFICATE_VERIFY_FAILED", "certificate verify failed", "self signed certificate",
                    "self-signed certificate", "unable to get local issuer certificate",
                    "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "remote certificate is invalid", "RemoteCertificateChainErrors",
                    "certificate is not trusted", "untrusted certificate", "SEC_ERROR_UNKNOWN_ISSUER",
                    "signed by unknown authority", "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN",
                    "certificate chain", "issuer certificate", "not trusted"),
            kind(FailureKind.TLS_NO_COMMON_PROTOCOL, "No appropriate protocol", "protocol is disabled or cipher",
                    "UNSUPPORTED_PROTOCOL", "unsupported protocol", "no protocols available", "no shared cipher",
                    "NO_SHARED_CIPHER", "alert protocol version", "do not possess a common algorithm",
                    "no cipher suites in common", "inappropriate fallback"),
            kind(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, "Unrecognized SSL message", "plaintext connection?",
                    "wrong version number", "WRONG_VERSION_NUMBER", "unknown protocol",
                    "first record does not look like a TLS handshake", "Unsupported or unrecognized SSL message",
                    "http request", "packet length too long", "record layer failure"),
            kind(FailureKind.STARTTLS_NOT_OFFERED, "STARTTLS extension not supported", "doesn't advertise that feature",
                    "does not support TLS via the STARTTLS command", "host does not support STARTTLS",
                    "server does not support STARTTLS", "StartTLS not supported", "STARTTLS is not supported",
                    "does not support STARTTLS", "Server does not support secure connections"),
            kind(FailureKind.TLS_REQUIRED_BY_SERVER, "Must issue a STARTTLS command first",
                    "must issue STARTTLS", "STARTTLS command first", "STARTTLS is required to send mail",
                    "Encryption required for requested authentication mechanism"),
            kind(FailureKind.AUTH_NO_COMMON_MECHANISM, "No authentication mechanisms supported by both",
                    "does not support the selected authentication method", "No compatible authentication mechanism",
                    "No supported authentication mechanism", "Unsupported authentication mechanism",
                    "does not seem to support encrypted passwords", "does not allow normal passwords",
                    "Unrecognized authentication type", "Authentication mechanism not supported"),
            kind(FailureKind.AUTH_NOT_OFFERED, "SMTP AUTH extension not supported", "does not support authentication",
                    "AUTH not supported", "authentication not enabled", "AUTH command not supported",
                    "Authentication not supported"),
            kind(FailureKind.UNKNOWN_HOST, "UnknownHostException", "Unknown SMTP host", "Unknown host",
                    "getaddrinfo", "ENOTFOUND", "EAI_AGAIN", "Name or service not known",
                    "nodename nor servname provided", "No such host is known", "cannot locate host",
                    "Temporary failure in name resolution", "could not resolve host", "remote name could not be resolved",
                    "no such host", "Name does not resolve", "Host not found", "is unknown. The server may be",
                    "Couldn't resolve host", "server cannot be found"),
            kind(FailureKind.NETWORK_UNREACHABLE, "Network is unreachable", "ENETUNREACH", "No route to host",
                    "EHOSTUNREACH", "[Errno 101]", "[Errno 113]", "unreachable network", "unreachable host",
                    "NoRouteToHostException", "network is down", "0x800CCC13", "Cannot connect to the network"),
            kind(FailureKind.CONNECTION_REFUSED, "Connection refused", "ECONNREFUSED", "actively refused",
                    "[Errno 111]", "(111)", "refusing SMTP connections", "refused the connection", "10061",
                    "Connection was refused"),
            kind(FailureKind.NO_GREETING, "Greeting never received", "response: -1", "no greeting",
                    "did not receive a greeting", "waiting for greeting"),
            kind(FailureKind.CONNECT_TIMEOUT, "connect timed out", "Connection timed out", "connect ETIMEDOUT",
                    "[Errno 110]", "(110)", "did not properly respond after a period of time", "10060",
                    "timed out while connecting", "Connection attempt timed out", "timeout while connecting",
                    "ConnectTimeoutException", "Operation timed out"),
            kind(FailureKind.READ_TIMEOUT, "Read timed out", "timed out waiting for a response",
                    "The operation has timed out", "0x8004210B", "Timeout waiting for", "SocketTimeoutException",
                    "timed out. Try again", "ETIMEDOUT", "timed out", "Timeout", "timeout -1"),
            kind(FailureKind.CONNECTION_RESET, "Connection reset", "ECONNRESET", "forcibly closed by the remote host",
                    "[Errno 104]", "[Errno 54]", "10054", "broken pipe", "EPIPE"),
            kind(FailureKind.TLS_FAILED, "Could not convert socket to TLS", "SSLHandshakeException",
                    "handshake failure", "handshake_failure", "TLS handshake failed", "Unable to establish a secure",
                    "connection encryption type", "stream_socket_enable_crypto", "SSL routines", "SSLException",
                    "ssl.SSLError", "0x800CCC1A", "SSL negotiation failed", "TLS negotiation",
                    "Remote host terminated the handshake", "closed connection during handshake"),
            kind(FailureKind.CONNECTION_CLOSED, "Connection unexpectedly closed", "SMTPServerDisconnected",
                    "connection closed", "Connection lost", "lost in the middle of the transaction",
                    "connection was interrupted", "0x800CCC0F", "Unexpected socket close", "EOF occurred",
                    "unexpected EOF", "[Errno 32]", "closed by the server", "Server disconnected"),
            kind(FailureKind.AUTH_REJECTED, "AuthenticationFailedException", "SMTPAuthenticationError",
                    "Invalid login", "EAUTH", "Could not authenticate", "authentication failed",
                    "Authentication unsuccessful", "Username and Password not accepted", "Incorrect authentication data",
                    "Unable to authenticate", "rejected the password", "user name or password", "username or password",
                    "Invalid credentials", "Bad username or password", "password is incorrect", "Login denied",
                    "AuthenticationException", "Authentication credentials invalid", "Password command failed",
                    "Username command failed", "login failed", "Invalid user or password", "auth failed",
                    "password was rejected", "Authentication Failure", "bad auth attempts"),
            kind(FailureKind.NOT_SMTP, "+OK ", "* OK ", "HTTP/1.", "SSH-2.0", "IMAP4"),
            kind(FailureKind.CONNECT_TIMEOUT, "0x800CCC0E", "0x80042109", "Cannot connect to server",
                    "Could not connect to SMTP host", "Failed to connect to server", "SMTP connect() failed",
                    "Couldn't connect to host", "cannot connect to", "Unable to connect to the remote server",
                    "connection to the outgoing server", "is not responding", "connecting to Outgoing server")
    );

    /** The command a program, library or log names explicitly: most reliable, checked first. */
    private static final List<Marker<Phase>> COMMAND_PHASES = List.of(
            phase(Phase.END_OF_DATA, "in reply to end of DATA", "DATA END command failed", "after end of data",
                    "after pipelined end of data", "SMTPTransport.finishData"),
            phase(Phase.DATA, "in reply to DATA", "DATA command failed", "command: 'DATA", "SMTPDataError",
                    "SMTPTransport.data("),
            phase(Phase.RCPT_TO, "in reply to RCPT TO", "RCPT TO command failed", "command: 'RCPT TO",
                    "SMTPAddressFailedException", "SMTPRecipientsRefused", "reject: RCPT from", "after RCPT TO",
                    "SMTPTransport.rcptTo", "SmtpFailedRecipient"),
            phase(Phase.MAIL_FROM, "in reply to MAIL FROM", "MAIL FROM command failed", "command: 'MAIL FROM",
                    "SMTPSenderFailedException", "SMTPSenderRefused", "SMTPTransport.mailFrom", "after MAIL FROM",
                    "during MAIL FROM", "[MAIL FROM]"),
            phase(Phase.AUTH, "in reply to AUTH", "AUTH command failed", "command: 'AUTH", "Password command failed",
                    "Username command failed", "AuthenticationFailedException", "SMTPAuthenticationError",
                    "SMTPTransport.authenticate", "Authenticator.authenticate", "Invalid login"),
            phase(Phase.STARTTLS, "in reply to STARTTLS", "STARTTLS command failed", "command: 'STARTTLS",
                    "SMTPTransport.startTLS"),
            phase(Phase.EHLO, "in reply to EHLO", "in reply to HELO", "EHLO command failed", "HELO command failed",
                    "SMTPHeloError", "command: 'EHLO", "(EHLO)", "(HELO)"),
            phase(Phase.GREETING, "in reply to initial greeting", "SMTPConnectError", "Greeting never received"));

    /** What the words imply when no command is named: the sender, the recipient, the sign-in. */
    private static final List<Marker<Phase>> IMPLIED_PHASES = List.of(
            phase(Phase.MAIL_FROM, "verify that your email address is correct",
                    "verify the e-mail address in your account", "verify the email address in your account",
                    "Sender address rejected", "sender address was rejected", "the sender address", "MAIL FROM:",
                    "sender rejected", "send as this sender", "SendAsDenied", "0x800CCC78", "sender is not allowed",
                    "Sender address is not allowed"),
            phase(Phase.RCPT_TO, "check the message recipient", "Recipient address rejected", "The recipient",
                    "0x800CCC79", "User unknown", "relay access denied", "relaying denied", "unable to relay",
                    "relay not permitted", "relaying not allowed", "not permitted to relay", "allowed rcpthosts",
                    "RCPT TO:", "no such user", "[RCPT TO]", "recipient rejected", "RecipientNotFound",
                    "Invalid Addresses", "mailbox is full", "over quota", "mailbox full"),
            phase(Phase.END_OF_DATA, "end of data", "message content rejected", "message rejected as spam",
                    "check your message", "[DATA]"),
            phase(Phase.EHLO, "Syntactically invalid EHLO", "HELO argument", "EHLO argument", "invalid HELO",
                    "invalid EHLO"),
            phase(Phase.AUTH, "Could not authenticate", "Unable to authenticate", "rejected the password",
                    "Authentication unsuccessful", "authentication failed", "Username and Password not accepted",
                    "SmtpClientAuthentication", "Application-specific password", "user name or password",
                    "username or password", "SMTP AUTH extension", "AuthenticationException",
                    "Incorrect authentication data", "bad auth attempts"),
            phase(Phase.GREETING, "initial connection", "banner"));

    private ReplyParser() {
    }

    /** Reads pasted text; never throws, and returns an unrecognised result for text with nothing to go on. */
    public static PastedEvidence parse(String text) {
        String original = text == null ? "" : text;
        String t = normalise(original);
        ClientShape shape = firstMarker(SHAPES, t).orElse(null);
        Optional<FailureKind> kind = firstMarker(KINDS, t);
        Optional<ReplyMatch> reply = findReply(t, kind);
        if (shape == null) {
            shape = reply.filter(r -> r.start == 0).isPresent() ? ClientShape.RAW_REPLY : ClientShape.UNKNOWN;
        }
        OptionalInt code = reply.map(r -> r.code).orElse(OptionalInt.empty());
        Optional<EnhancedStatusCode> enhanced = reply.flatMap(r -> r.enhanced).or(() -> findEnhanced(t));
        if (kind.isEmpty() && code.isPresent()) {
            kind = kindFromCode(code.getAsInt());
        }
        Optional<Phase> phase = firstMarker(COMMAND_PHASES, t).or(() -> firstMarker(IMPLIED_PHASES, t))
                .or(() -> phaseFromCode(code)).or(phaseFromKind(kind));
        List<String> certNames = certificateNames(t);
        HostPort hp = hostAndPort(t);
        Optional<String> host = hp.host;
        Matcher go = GO_CERT.matcher(t);
        if (host.isEmpty() && go.find()) {
            host = Optional.of(go.group(2));
        }
        return new PastedEvidence(original, code, enhanced, reply.map(r -> r.text).orElse(""), shape, phase, kind,
                host, hp.port, certNames);
    }

    private static String normalise(String text) {
        return text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00a0', ' ').strip();
    }

    // ---- reply code ----

    private record ReplyMatch(int start, OptionalInt code, Optional<EnhancedStatusCode> enhanced, String text) {
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
        int bestScore = 0;
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            int score = candidateScore(t, m, code, kind);
            if (score > bestScore) {
                Optional<EnhancedStatusCode> enhanced = Optional.ofNullable(m.group(3))
                        .flatMap(EnhancedStatusCode::parseAtStart)
                        .filter(e -> e.statusClass() == code / 100 || code < 200);
                best = new ReplyMatch(m.start(), OptionalInt.of(code), enhanced, replyText(t, m.start(), code));
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How much a three-digit number looks like a reply code here; 0 means not at all. */
    private static int candidateScore(String t, Matcher m, int code, Optional<FailureKind> kind) {
        int start = m.start();
        String before = t.substring(Math.max(0, start - 12), start).toLowerCase(Locale.ROOT);
        if (before.matches("(?s).*(port|port:|port =|errno|timeout|line|after|than|of|size|limit|max|version|v)\\s*$")
                || before.endsWith("(") && t.startsWith(")", m.end())
                || before.endsWith("#") || afterHostColon(t, start)
                || EXPECTED_CODE.matcher(t.substring(Math.max(0, start - 30), start)).find()) {
            return 0;
        }
        String after = t.substring(m.end(), Math.min(t.length(), m.end() + 12)).toLowerCase(Locale.ROOT);
        if (after.matches("^\\s*(bytes|seconds|secs|ms|kb|mb|s\\b|days|minutes|x|px).*")) {
            return 0;
        }
        if (code < 200) {
            // 101 and 111 are not replies but the errno numbers some lists show as "codes"
            boolean alone = t.strip().length() <= 40 || before.matches("(?s).*(error|code|smtp)\\s*:?\\s*$");
            return (code == 101 || code == 111) && alone ? 1 : 0;
        }
        int digit2 = code / 10 % 10;
        int score = digit2 > 5 ? 0 : 1;
        if (m.group(3) != null) {
            score += 5;
        }
        if (start == 0 || t.charAt(start - 1) == '\n') {
            score += 3;
        }
        if (before.matches("(?s).*(responded|response was|response|said|replied|message|error|exception|failed"
                + "|code|reply|returned|refused):?\\s*['\"(]?\\s*$") || before.endsWith(": ")) {
            score += 2;
        }
        if (m.group(2) != null || after.matches("^[ -][a-z<\\[(].*")) {
            score += 1;
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
        return token.contains(".") || token.matches(".*\\d");
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
        return sb.toString().replaceAll("['\"”)]+\\s*$", "").strip();
    }

    private static Optional<EnhancedStatusCode> findEnhanced(String t) {
        Matcher m = ENHANCED.matcher(t);
        while (m.find()) {
            String before = t.substring(Math.max(0, m.start() - 10), m.start()).toLowerCase(Locale.ROOT);
            if (before.matches("(?s).*(version|v|tls|ssl|jdk|java|mail|angus|python)\\s*$")) {
                continue;
            }
            return EnhancedStatusCode.parseAtStart(m.group());
        }
        return Optional.empty();
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

    private static Optional<Phase> phaseFromCode(OptionalInt code) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        switch (code.getAsInt()) {
            case 534:
            case 535:
            case 538:
            case 334:
                return Optional.of(Phase.AUTH);
            case 354:
                return Optional.of(Phase.DATA);
            case 220:
                return Optional.of(Phase.GREETING);
            case 221:
                return Optional.of(Phase.QUIT);
            default:
                return Optional.empty();
        }
    }

    private static java.util.function.Supplier<Optional<Phase>> phaseFromKind(Optional<FailureKind> kind) {
        return () -> kind.map(k -> {
            switch (k) {
                case UNKNOWN_HOST:
                    return Phase.DNS;
                case CONNECTION_REFUSED:
                case CONNECT_TIMEOUT:
                case NETWORK_UNREACHABLE:
                    return Phase.CONNECT;
                case NO_GREETING:
                    return Phase.GREETING;
                case CERT_HOST_MISMATCH:
                case CERT_EXPIRED:
                case CERT_NOT_YET_VALID:
                case CERT_UNTRUSTED:
                case TLS_NO_COMMON_PROTOCOL:
                case TLS_FAILED:
                case PLAINTEXT_WHERE_TLS_EXPECTED:
                    return Phase.TLS_HANDSHAKE;
                case STARTTLS_NOT_OFFERED:
                case STARTTLS_REFUSED:
                    return Phase.STARTTLS;
                case AUTH_REJECTED:
                case AUTH_NOT_OFFERED:
                case AUTH_NO_COMMON_MECHANISM:
                case TLS_REQUIRED_BY_SERVER:
                    return Phase.AUTH;
                default:
                    return null;
            }
        });
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
            Pattern.compile("(?<![\\w@.-])([a-z0-9][a-z0-9.-]*\\.[a-z]{2,}):(\\d{2,5})(?!\\d)", F), // no repeated group
            Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{2,5})(?!\\d)", F));

    private static final List<Pattern> HOST_ONLY = List.of(
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
            Pattern.compile("Could not resolve host:?\\s+([\\w.-]+)", F));

    private static final Pattern PORT = Pattern.compile("\\bport[:=]?\\s*(\\d{2,5})\\b", F);

    private static HostPort hostAndPort(String t) {
        for (Pattern p : HOST_PORT) {
            Matcher m = p.matcher(t);
            while (m.find()) {
                String host = cleanHost(m.group(1));
                int port = Integer.parseInt(m.group(2));
                if (port > 0 && port < 65536 && !host.isEmpty()) {
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
        if (names.isEmpty() && go.find()) {
            for (String n : go.group(1).split(",\\s*")) {
                names.add(n.strip().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    // ---- markers ----

    private record Marker<T>(T value, List<String> needles) {
    }

    private static <T> Optional<T> firstMarker(List<Marker<T>> markers, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Marker<T> m : markers) {
            for (String n : m.needles()) {
                if (lower.contains(n)) {
                    return Optional.of(m.value());
                }
            }
        }
        return Optional.empty();
    }

    private static Marker<ClientShape> shape(ClientShape s, String... needles) {
        return new Marker<>(s, lower(needles));
    }

    private static Marker<FailureKind> kind(FailureKind k, String... needles) {
        return new Marker<>(k, lower(needles));
    }

    private static Marker<Phase> phase(Phase p, String... needles) {
        return new Marker<>(p, lower(needles));
    }

    private static List<String> lower(String... needles) {
        List<String> list = new ArrayList<>();
        for (String n : needles) {
            list.add(n.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(list);
    }
}
