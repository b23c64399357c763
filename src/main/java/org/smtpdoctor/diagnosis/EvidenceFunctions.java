package org.smtpdoctor.diagnosis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.CertificateInfo;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.OtherService;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.SettingValue;

/**
 * The evidence checks and value providers that need computation, referenced by name from the rule table
 * ({@code "evidence": ["providerNeedsAppPassword"]}, {@code "valueFrom": "certificateHost"}).
 *
 * <p>Everything here reads facts (probe steps, capabilities, certificate names, provider data), never the server's
 * free text: text hints are plain data in the rule table.
 */
final class EvidenceFunctions {

    /** A named check with the technical sentence it adds to a diagnosis' evidence when it holds. */
    record Check(Predicate<Facts> test, Function<Facts, String> describe) {
    }

    /** The prefix of a check that is a meaning of the vocabulary ({@code "means:encryptedPasswordsUnsupported"}). */
    static final String MEANS = "means:";
    /**
     * The prefix of a check that is a meaning of the vocabulary read in the whole text, the server's reply included
     * ({@code "says:relayRefused"}): for meanings that servers word in their replies as much as programs do.
     */
    static final String SAYS = "says:";
    private static final Set<ClientShape> USER_PROGRAMS = Set.of(ClientShape.THUNDERBIRD, ClientShape.OUTLOOK,
            ClientShape.APPLE_MAIL, ClientShape.COMMAND_LINE);
    private static final Map<String, Check> MEANING_CHECKS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The steps a session reaches only after the server answered: sign-in and the mail commands after it. */
    private static final Set<Phase> SIGN_IN_OR_LATER = Set.of(Phase.AUTH, Phase.MAIL_FROM, Phase.RCPT_TO, Phase.DATA,
            Phase.END_OF_DATA);
    private static final List<Integer> PLAIN_START_PORTS = List.of(25, 587, 2525);
    /** Ports mail services really use: the three standard ones and those of relays, SES and local bridges. */
    private static final java.util.Set<Integer> MAIL_PORTS = java.util.Set.of(25, 26, 465, 587, 2525, 2526, 2465,
            2587, 1025, 1587, 8025, 10025);

    /** What a bounce report (rather than the user's own server's direct answer) looks like. */
    private static final List<String> INTERNAL_SUFFIXES = List.of(".local", ".lan", ".internal", ".intranet", ".corp",
            ".localdomain", ".home.arpa", ".intra");
    private static final Set<String> INTERNAL_LABELS = Set.of("intra", "intranet", "internal", "int", "corp", "lan");
    /**
     * A mail server's log naming the next server it passed mail to on a port for sending programs
     * ({@code relay=smtp.mailgun.org[104.130.177.23]:587}, "host smtp.example.com[192.0.2.1]:465 said"): a relay (smart
     * host) that a server signs in to, never a recipient's receiving server, which listens on port 25.
     */
    private static final Pattern SUBMISSION_NEXT_HOP = Pattern.compile(
            "(?:relay=|host )[a-z0-9][\\w.-]*\\[[0-9a-f.:]+\\]:(?:587|465)\\b");
    private static final List<String> BOUNCE_MARKERS = List.of("diagnostic-code:", " said: ", "remote-mta:",
            "(in reply to", "smtp; 5", "smtp;5", "smtp error from remote mail server",
            // Exchange's non-delivery report quoting the next server, with or without quotes (5.7.367)
            "remote server returned '", "remote server returned not ");
    /**
     * The diagnostic line of Exchange's non-delivery report, "#550 5.7.54 SMTP; Unable to relay recipient in
     * non-accepted domain ##": the reply of a server further on, quoted after the user's server accepted the message.
     */
    private static final Pattern EXCHANGE_NDR_DIAGNOSTIC = Pattern.compile(
            "#[45]\\d\\d[ -][45]\\.\\d{1,3}\\.\\d{1,3}\\b[^#\\n]{0,300}##");
    /**
     * The sentences a delivery status notification (RFC 3464) opens with, as Postfix, Exim, qmail, Sendmail and
     * Gmail word them: the report comes from a server that had already accepted the message.
     */
    private static final List<String> DELIVERY_REPORT_MARKERS = List.of("mail delivery software",
            "could not be delivered to one or more", "i'm sorry to have to inform you",
            "technical details of permanent failure", "technical details of temporary failure",
            "the error that the other server returned", "i wasn't able to deliver your message",
            "following addresses had permanent fatal errors", "reporting-mta:", "final-recipient:",
            "delivery to the following recipient failed", "delivery to the following recipients failed",
            "undelivered mail returned to sender", "returning message to sender",
            "unable to deliver your message to the following address",
            "the response from the remote server was", "the response was:",
            // Sendmail's report of its session with the next server: "... while talking to mx.example.net.:"
            "... while talking to ",
            // Exchange's, Outlook's and hMailServer's older report
            "did not reach some or all of the intended recipients", "the following recipient(s) could not be reached");
    /**
     * What only a report about a message already passed on looks like: the sending side's own server quotes the
     * next server's reply ("host X said:", a DSN's Diagnostic-Code, a relay log's status or Postfix's TLS check of
     * the next server), so the client that other server judged was that sending server, not the user's own
     * connection.
     */
    private static final List<String> RELAYED_MARKERS = List.of(" said: ", "diagnostic-code:", "remote-mta:",
            "status=bounced", "status=deferred", "smtp error from remote", "server certificate verification failed for",
            // Exchange and Microsoft 365 non-delivery reports, where the sender's organisation's server quotes the reply
            "remote server returned '", "remote server returned not ", "diagnostic information for administrators",
            "generating server:",
            // Postfix's own words when the next server refused the session at its greeting
            "refused to talk to me");
    /**
     * A program that lacks its own mail part: a module, class, package or assembly about mail that is not installed
     * or cannot be loaded ({@code module Swoosh.Adapters.SMTP is not available}, {@code No module named
     * 'aiosmtplib'}, {@code Cannot find module 'nodemailer'}, {@code Class 'PHPMailer\PHPMailer\PHPMailer' not
     * found}, {@code Could not load file or assembly 'MailKit'}). No mail setting reaches it.
     */
    private static final Pattern MAIL_COMPONENT_MISSING = Pattern.compile(
            "(?:module|class|package|library|assembly|gem|crate) [`'\"]?[\\w.\\\\/:-]{0,80}(?:smtp|mail)[\\w.\\\\/:-]{0,40}"
                    + "[`'\"]? (?:is not available|is not loaded|not found|could not be found|cannot be found"
                    + "|could not be loaded|is not installed|is undefined)"
                    + "|(?:no module named|cannot find module|could not load file or assembly|cannot load such file --)"
                    + " [`'\"]?[\\w.\\\\/:-]{0,40}(?:smtp|mail)");
    /** A line's words for a connection that did not come about. */
    private static final Pattern CONNECT_FAILURE_WORDS = Pattern.compile(
            "i/o timeout|timed out|timeout|connection refused|econnrefused|etimedout|unreachable|could not connect"
                    + "|couldn't connect|failed to connect|unable to connect|cannot connect");
    /** A port after a host or an address ({@code host:587}), or named as one ({@code port 465}, {@code on 587}). */
    private static final Pattern PORT_ON_LINE = Pattern.compile(
            "(?:[a-z0-9\\]-]):(\\d{2,5})\\b(?![.:]\\d)|\\b(?:port:?|on) (\\d{2,5})\\b");
    /**
     * A server's log naming the client it refused by a loopback address, as Postfix does ({@code NOQUEUE: reject: RCPT
     * from localhost[::1]}, {@code connect from localhost[127.0.0.1]}): the sending program runs on the server's own
     * computer.
     */
    private static final Pattern CLIENT_ON_SERVERS_COMPUTER = Pattern.compile(
            "\\b(?:rcpt|mail|connect|ehlo|helo|data) from [^\\s\\[]{0,253}\\["
                    + "(?:127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|(?:ipv6:)?::1)\\]");

    /** A port a reply tells the client to use: "use port 587", "connect on port 465", "use the submission port 587". */
    private static final Pattern PORT_NAMED = Pattern.compile(
            "(?:use|on|to|via) (?:the )?(?:submission |smtp |alternate |alternative )?port (\\d{2,5})");
    private static final int MAX_PORT = 65535;
    private static final int PORT_25 = 25;
    private static final int PORT_465 = 465;
    /** The port after a connection's name ({@code :587}) or in a {@code port=} or {@code Port:} beside it. */
    private static final String SCHEME_PORT = "(?::(\\d{2,5})\\b|[^\\n\\d]{0,24}?\\bport\\s{0,3}[=:]?\\s{0,3}(\\d{2,5})\\b)?";
    /**
     * A connection the program names with a scheme that encrypts from the first byte: PHP's stream and fsockopen
     * ({@code ssl://host:587}, Dolibarr's {@code host=ssl://smtp.office365.com port=587}, PHPMailer's {@code Host:
     * ssl://smtp.gmail.com Port: 587}) and URL-style settings ({@code smtps://host:587}); the port after the name or in
     * a {@code port=} beside it; a URL's user and password before the name ({@code smtps://user:pass@host:587}) are
     * skipped.
     */
    private static final Pattern IMPLICIT_TLS_SCHEME = Pattern.compile(
            "\\b(?:ssl|smtps)://(?:[^\\s@/]{1,200}@)?[\\w.-]{1,253}" + SCHEME_PORT);
    /**
     * {@code tls://host:port} where the text shows PHP's own stream functions ({@code fsockopen},
     * {@code stream_socket_client}): there, as with {@code ssl://}, tls:// encrypts from the first byte. PHPMailer's
     * Host field "tls://" means STARTTLS instead, so the scheme alone is not enough.
     */
    private static final Pattern PHP_STREAM_TLS_SCHEME = Pattern.compile(
            "\\btls://[\\w.-]{1,253}" + SCHEME_PORT);
    private static final List<String> PHP_STREAM_WORDS = List.of("fsockopen", "stream_socket_client",
            "stream_socket_enable_crypto");
    /**
     * A connection the program names as plain text upgraded with STARTTLS: {@code smtp+starttls://host:465}
     * (URL-style settings), {@code smtp://host:465/?starttls=always} (MailKit's own log line), {@code starttls://}.
     */
    private static final Pattern STARTTLS_SCHEME = Pattern.compile(
            "\\b(?:smtp\\+starttls|starttls)://[\\w.-]{1,253}" + SCHEME_PORT
                    + "|\\bsmtp://[\\w.-]{1,253}:(\\d{2,5})/?\\?starttls=(?:always|required|true)");
    /** Failures that end the attempt before any encryption could begin: a wrong scheme cannot cause them. */
    private static final Set<FailureKind> BEFORE_ENCRYPTION = Set.of(FailureKind.UNKNOWN_HOST,
            FailureKind.DNS_UNAVAILABLE, FailureKind.CONNECTION_REFUSED, FailureKind.NETWORK_UNREACHABLE);
    /** What only a connection whose encryption worked shows: a certificate judged, a sign-in or a refusal. */
    private static final Set<FailureKind> AFTER_ENCRYPTION = Set.of(FailureKind.CERT_UNTRUSTED,
            FailureKind.CERT_EXPIRED, FailureKind.CERT_NOT_YET_VALID, FailureKind.CERT_HOST_MISMATCH,
            FailureKind.AUTH_REJECTED, FailureKind.AUTH_NOT_OFFERED, FailureKind.AUTH_NO_COMMON_MECHANISM,
            FailureKind.SERVER_REJECTED);

    /** A server's offer of sign-in methods in a pasted transcript: "250-AUTH NTLM", "250 AUTH=GSSAPI NTLM". */
    private static final Pattern PASTED_AUTH_OFFER =
            Pattern.compile("\\b250[ -]auth[ =]([a-z0-9 _-]{1,120})");
    private static final Pattern QUOTED_HOST_WITH_SPACE =
            Pattern.compile("hostname: '[a-z0-9.-]{1,253} '");
    /**
     * A receiving server's log line naming the greeting name the refused client gave as a domain name ({@code
     * helo=<mail.example.org>}), as a mail server introduces itself; a device or a program on a home computer gives an
     * address literal ({@code helo=<[192.168.1.5]>}) or a bare computer name.
     */
    private static final Pattern HELO_DOMAIN_NAME = Pattern.compile(
            "helo=<[a-z0-9](?:[a-z0-9-]{0,62}\\.)+[a-z]{2,63}>");
    private static final Pattern CLIENT_HOST_NAME = Pattern.compile(
            "client host \\[[a-z0-9.-]{0,100}(?:smtp|mail|mx|outbound|relay)[a-z0-9.-]{0,150}\\]");
    /** "Authentication failed: 250-…": the reply a client quotes as the reason is a positive (2xx) line. */
    private static final Pattern AUTH_FAILED_WITH_POSITIVE_REPLY = Pattern.compile(
            "(?:authentication|login|auth)[a-z ]{0,20}(?:failed|error|unsuccessful)[^\\n]{0,40}?:\\s{0,3}2\\d\\d[ -]");

    /**
     * "SMTP Error (250): Authentication failed", "SMTP Fehler (): Die Authentisierung ist fehlgeschlagen": a program
     * that puts the server's last code in brackets shows an empty or positive one, so the server never refused a
     * password; the program gave up before signing in (no sign-in offered on this connection, no common method).
     */
    private static final Pattern AUTH_FAILED_WITHOUT_REFUSAL = Pattern.compile(
            "\\((?:2\\d\\d)?\\)\\s{0,3}:?\\s{0,3}[^\\n()]{0,25}?(?:authenti|autenti)");

    /** A debug transcript line where the server said nothing: "SERVER -> CLIENT:" followed by the next line. */
    private static final Pattern EMPTY_SERVER_LINE = Pattern.compile(
            "server -> client:\\s{0,3}(?:\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s{0,3})?"
                    + "(?:client -> server|smtp error|$)");
    /**
     * A public certificate authority named as an organisation or common name in a pasted chain ("depth=1 C = US, O =
     * Google Trust Services", "issuer: CN=R3, O=Let's Encrypt"): the chain is the server's own, not an interceptor's.
     */
    private static final Pattern PUBLIC_AUTHORITY = Pattern.compile("\\b(?:o|cn)\\s?=\\s?\"?[^,\\n/=]{0,40}?"
            + "(?:google trust services|google internet authority|digicert|let's encrypt|letsencrypt|globalsign|sectigo"
            + "|comodo|usertrust|geotrust|thawte|entrust|go daddy|godaddy|starfield|amazon|microsoft azure|microsoft rsa"
            + "|microsoft ecc|isrg|baltimore|quovadis|certum|buypass|harica|identrust|verisign|rapidssl|zerossl|actalis"
            + "|swisssign|t-systems|telesec|d-trust)");

    /** A receiving server's name: its first label is "mx", "mx1", "mx00", "mx-2" or "aspmx". */
    private static final Pattern MX_LABEL = Pattern.compile("(?:asp)?mx[0-9-]*\\.");
    /**
     * A program saying it delivers to a domain's MX itself: "connectMx", "MX record", "mx lookup", "exchange: '", Haraka's
     * outbound delivery.
     */
    private static final Pattern MX_WORDS = Pattern.compile(
            "connectmx|\\bmx (?:record|host|server|lookup)s?\\b|\\bexchange: '"
            // Haraka's outbound delivery: "[outbound] Attempting to deliver to: …:25", "Tried all MXs"
            + "|\\[outbound\\] attempting to deliver to|tried all mxs|outbound connection (?:timed out|error)");
    /** A server's greeting as transcripts quote it: "220 name ESMTP", "220-name", "[<-] 220 name". */
    private static final Pattern GREETING_NAME = Pattern.compile(
            "(?:^|[^0-9a-z.])220[ -]([a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,10})");

    /** A library naming the reply it waited for ("Expected response code 250") names the kind of command sent. */
    private static final List<String> EXPECTED_REPLY_WORDS = List.of("expected response code", "expected code",
            "expected: ", "expected smtp code");
    /**
     * Postfix's lookup of the server it relays through ({@code relayhost = [smtp.gmail.com]:587}): {@code Name service
     * error for name=smtp.gmail.com type=AAAA: Host not found, try again}. A name that begins with smtp. is an outgoing
     * server, not a recipient's domain or its mail exchanger, and so is a name of one label ({@code name=dovecot}, a
     * container's or an internal next hop's: no recipient's domain has one label); "try again" is the resolver's
     * temporary failure, except for a one-label name, which no public name server knows.
     */
    private static final Pattern RELAY_HOST_LOOKUP = Pattern.compile(
            "name service error for name=(smtp[\\w-]{0,20}\\.[\\w.-]{1,240}|[\\w-]{1,63}) type=\\w{1,6}: host not found"
                    + "(, try again)?");
    /**
     * Postfix's address lookup (type A or AAAA, not MX) of a next hop whose name ends in a private-network suffix
     * ({@code .local}, {@code .lan}, {@code .internal}) or a misspelling of one ({@code viper.snjlaw.llocal}): no
     * recipient's domain on the public network publishes such a name, so it came from this server's own relay or
     * transport setting. A name under the recipient's own domain stays the recipient's ({@code to=<a@b.local>}).
     */
    private static final Pattern NEXT_HOP_ADDRESS_LOOKUP = Pattern.compile(
            "name service error for name=([\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,8}) type=a{1,4}: host not found"
                    + "(, try again)?");
    /**
     * A server name whose first label is "smtp" with two neighbouring letters swapped ({@code smpt.163.com},
     * {@code stmp.daum.net}, {@code mstp.example.org}): a typing mistake whatever the failure that follows.
     */
    private static final Pattern SMTP_LABEL_MISSPELT = Pattern.compile(
            "(?<![\\w.@-])(smpt|stmp|mstp)"
                    + "(?:\\.[a-z0-9-]{1,63}){1,6}\\.[a-z]{2,24}\\b");
    /**
     * PHPMailer's "EHLO command failed:" (or HELO) with nothing after it: the server took the connection and closed it
     * at the first command without a reply (the next line is the program's own, or the text ends).
     */
    private static final Pattern EHLO_ANSWERED_WITH_NOTHING = Pattern.compile(
            "(?:ehlo|helo) command failed:[ \\t]*(?:\\r?\\n|$)", Pattern.CASE_INSENSITIVE);
    /**
     * A program's log of its sending connection to a port where mail is read, not sent ({@code SMTP connection to:
     * mail.example.eu:143}): 110 and 995 (POP3), 143 and 993 (IMAP), whatever port the settings were meant to hold.
     */
    private static final Pattern SENDING_CONNECTION_TO_READING_PORT = Pattern.compile(
            "\\bsmtp (?:connection|connecting) to:? \\[?[\\w.-]{1,253}\\]?:(?:110|143|993|995)\\b");
    private static final Pattern RECIPIENT_DOMAIN_IN_LOG = Pattern.compile("to=<[^@>\\s]{1,64}@([\\w.-]{1,253})>");
    private static final List<String> PRIVATE_SUFFIX_LABELS = List.of("local", "localdomain", "internal", "intranet",
            "lan", "corp", "intra");

    /**
     * The server's 235 (RFC 4954: authentication succeeded) quoted where a program reports a failure: {@code Expected
     * response code 250 but got code "235", with message "235 Authentication succeeded"}, {@code SMTPCode: 235}. The
     * password worked; the program and the server are out of step.
     */
    private static final Pattern SIGN_IN_ACCEPTED = Pattern.compile(
            "got code [\"']?235\\b|smtpcode: ?235\\b|(?:^|[\\s\"'(])235[ -](?:2\\.7\\.0 )?(?:authentication|auth)"
                    + " (?:succe|ok\\b|accepted)");

    /** RFC 4954's reply to a sign-in that succeeded. */
    private static final int SIGN_IN_OK = 235;
    /**
     * The name a program compared with the server's certificate, when it carries a port: Go's {@code certificate is
     * valid for smtp.gmail.com, not smtp.gmail.com:587}, Python's {@code hostname 'smtp.example.com:587' doesn't
     * match}, Node's {@code Host: smtp.example.com:587. is not in the cert's altnames}.
     */
    private static final Pattern NAME_WITH_PORT_COMPARED = Pattern.compile(
            "(?:valid for [^\\n]{1,300}?, not |hostname '|host: )[a-z0-9.-]{1,253}\\.[a-z]{2,24}:\\d{2,5}\\b");
    /**
     * A user name that is still a template's placeholder where the program quotes it: {@code with username
     * "${MAIL_USERNAME}"}, {@code user=%SMTP_USER%}, {@code username "{{ smtp_user }}"}, {@code "<your-username>"}.
     */
    private static final Pattern PLACEHOLDER_USERNAME = Pattern.compile(
            "(?:user ?name|user|login)[\"':= ]{1,4}(?:\\$\\{[\\w.-]{1,60}\\}|%[\\w]{1,60}%|\\{\\{ ?[\\w.-]{1,60} ?\\}\\}"
                    + "|<your[\\w -]{0,30}>)");
    /**
     * Postfix's report of the next server's reply, {@code <bob@example.net>: host mx1.example.net[192.0.2.8] said:}:
     * the address, and the server that answered for it.
     */
    private static final Pattern NEXT_SERVER_SAID = Pattern.compile(
            "<[^@<>\\s]{1,64}@([\\w.-]{1,253})>:?\\s{1,40}host ([\\w.-]{1,253})\\[[^\\]]{1,60}\\] said:");

    /** PHP's own names of its encrypted socket transports, in the lower case it needs, as its error quotes them. */
    private static final List<String> PHP_TRANSPORTS_WRITTEN_RIGHT = List.of("socket transport \"ssl\"",
            "socket transport \"tls\"");
    /**
     * Words a server says when it refuses the connecting client by its address (a blocklist, a ban): a pasted text
     * that quotes them shows the server spoke, so its silence or a closed connection is not a missed greeting.
     */
    private static final List<String> CLIENT_LISTED_WORDS = List.of("blocklisted", "blacklisted", "blocklist",
            "blacklist", "block list", "black list", "dnsbl", "spamhaus", "banned");

    /**
     * MailKit, whose class is also called SmtpClient ("MailKit.Net.Smtp.SmtpClient.SendAsync") and whose exceptions
     * are its own: it speaks SSL/TLS from the start on port 465, unlike System.Net.Mail's SmtpClient.
     */
    private static final Pattern MAILKIT = Pattern.compile("mailkit|Smtp(?:Command|Protocol)Exception",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, Check> CHECKS = Map.ofEntries(
            Map.entry("success", check(Facts::success, f -> "every step succeeded")),
            Map.entry("fromProbe", check(Facts::fromProbe, f -> "the settings were tested")),
            Map.entry("replyCodeQuoted", check(f -> f.code().isPresent(),
                    f -> "the server's reply code is quoted")),
            Map.entry("pastedNotAboutMail", check(f -> f.pasted().map(p -> !p.aboutMail()).orElse(false),
                    f -> "the text is not about mail")),
            Map.entry("dotnetClient", check(f -> f.pasted().map(p -> p.shape() == ClientShape.DOTNET
                    && !MAILKIT.matcher(p.text()).find()).orElse(false),
                    f -> ".NET SmtpClient, which cannot use SSL/TLS from the start (port 465)")),
            Map.entry("userMailProgram", check(EvidenceFunctions::userMailProgram,
                    f -> "the words are a mail program's on the user's own computer or phone")),
            Map.entry("phpClient", check(f -> f.pasted().map(p -> p.shape() == ClientShape.PHP_MAILER).orElse(false),
                    f -> "a PHP program (PHPMailer or PHP's own sockets), which usually runs on a web host")),
            Map.entry("signedIn", check(EvidenceFunctions::signedIn, f -> "sign-in succeeded")),
            Map.entry("recipientAccepted", check(f -> f.probe().map(r -> r.passed(Phase.RCPT_TO)).orElse(false),
                    f -> "the server accepted a recipient")),
            Map.entry("relayChecked", check(f -> f.probe().filter(r -> r.settings().recipient().isEmpty())
                    .filter(r -> r.passed(Phase.RCPT_TO)).isPresent(),
                    f -> "the server accepted a recipient at another domain without sign-in (the relay check; nothing"
                            + " was sent)")),
            Map.entry("signInTried", check(EvidenceFunctions::signInTried, f -> "sign-in was configured")),
            Map.entry("providerKnown", check(f -> f.provider().isPresent(),
                    f -> "provider: " + f.provider().map(Provider::name).orElse(""))),
            Map.entry("providerNeedsAppPassword", check(f -> f.provider().map(Provider::mayNeedAppPassword)
                    .orElse(false), f -> "provider " + providerId(f) + " requires app passwords")),
            Map.entry("providerOauthOnly", requirement(Requirement.OAUTH_ONLY)),
            Map.entry("providerSmtpAuthSwitch", requirement(Requirement.SMTP_AUTH_SWITCH)),
            Map.entry("providerExternalAccessSwitch", requirement(Requirement.EXTERNAL_ACCESS_SWITCH)),
            Map.entry("providerBridge", requirement(Requirement.BRIDGE_PASSWORD)),
            Map.entry("providerApiKey", requirement(Requirement.API_KEY_PASSWORD)),
            Map.entry("usernameNotFullAddress", check(EvidenceFunctions::usernameNotFullAddress,
                    f -> "username '" + f.username().orElse("") + "' has no @ but the provider expects the full"
                            + " address")),
            Map.entry("usernameMissing", check(f -> signInTried(f) && f.username().map(String::isBlank)
                    .orElse(true) && f.fromProbe(), f -> "no username given")),
            Map.entry("hostTypo", check(f -> correctedHost(f).isPresent(),
                    f -> "host is a likely typo of " + correctedHost(f).orElse(""))),
            Map.entry("hostIsProviderDomain", check(f -> domainProviderHost(f).isPresent(),
                    f -> "host is the address domain, not the server; documented server: "
                            + domainProviderHost(f).orElse(""))),
            Map.entry("hostNotDocumented", check(f -> undocumentedHostAlternative(f).isPresent(),
                    f -> "the provider documents " + undocumentedHostAlternative(f).orElse("")
                            + ", not this host")),
            Map.entry("providerAppPasswordWith2fa", requirement(Requirement.APP_PASSWORD_WITH_2FA)),
            Map.entry("hostMayDependOnAccount", check(EvidenceFunctions::hostMayDependOnAccount,
                    f -> "provider " + providerId(f) + " has a server per data centre and plan")),
            Map.entry("providerHostByAccount", check(EvidenceFunctions::hostByAccount,
                    f -> "provider " + providerId(f) + " has a server per data centre and plan, and the user name"
                            + " is an organisation's own domain")),
            Map.entry("usernameAtOtherProvider", check(f -> ownProviderHost(f).isPresent(),
                    f -> "the user name is an address of another provider than the server's; its own server: "
                            + ownProviderHost(f).orElse(""))),
            Map.entry("defaultCertificateName", check(f -> !f.certificateNames().isEmpty()
                    && f.certificateNames().stream().allMatch(HostNames::isDefaultCertificateName),
                    f -> "the certificate is issued for a name servers have out of the box: "
                            + String.join(", ", f.certificateNames()))),
            Map.entry("temporaryReply", check(f -> f.code().orElse(0) / 100 == 4,
                    f -> "the server's reply is temporary (4xx): try again later")),
            Map.entry("hostIsLoopback", check(f -> f.host().map(org.smtpdoctor.probe.HostNames::isLoopback)
                    .orElse(false),
                    f -> "the server name points at this computer itself")),
            Map.entry("hostLooksInternal", check(f -> f.host().map(EvidenceFunctions::looksInternal).orElse(false),
                    f -> "the server name is one of an internal network (" + f.host().orElse("") + ")")),
            Map.entry("hostIsReceivingServer", check(EvidenceFunctions::receivingServer,
                    f -> MX_WORDS.matcher(f.lowerText()).find()
                            ? "the program delivers to a domain's receiving server (MX) itself"
                            : "the server is a receiving server (a domain's MX), not an outgoing server for programs: "
                                    + f.host().orElse(""))),
            Map.entry("knownProviderHost", check(f -> f.host().flatMap(h -> f.provider().filter(p -> p.ownsHost(h)))
                    .isPresent(), f -> "host is a documented provider server")),
            Map.entry("port25", check(f -> port(f) == 25, f -> "port 25 (often blocked for home and mobile"
                    + " networks)")),
            Map.entry("port465", check(f -> port(f) == 465, f -> "port 465 (implicit TLS port)")),
            Map.entry("plainStartPort", check(f -> PLAIN_START_PORTS.contains(port(f)),
                    f -> "port " + port(f) + " starts in plain text")),
            Map.entry("securityNone", check(f -> f.security().orElse(null) == Security.NONE,
                    f -> "connection security: none")),
            Map.entry("securitySsl", check(f -> f.security().orElse(null) == Security.SSL_TLS,
                    f -> "connection security: SSL/TLS")),
            Map.entry("securityNotSsl", check(f -> f.security().isPresent() && f.security().get() != Security.SSL_TLS,
                    f -> "connection security is not SSL/TLS")),
            Map.entry("startTlsOffered", check(f -> f.capabilities().map(Capabilities::startTls).orElse(false),
                    f -> "the server offers STARTTLS")),
            Map.entry("startTlsMasked", check(f -> f.capabilities().map(Capabilities::startTlsMasked).orElse(false),
                    f -> "the EHLO reply lists " + f.capabilities().flatMap(Capabilities::maskedKeyword).orElse("")
                            + " and no STARTTLS: a firewall's SMTP inspection masks the offer on the way")),
            Map.entry("authOfferedAfterTls", check(f -> f.capabilitiesAfterTls().map(Capabilities::auth)
                    .orElse(false) && !f.capabilities().map(Capabilities::auth).orElse(false),
                    f -> "AUTH is offered only after STARTTLS")),
            Map.entry("encrypted", check(EvidenceFunctions::encrypted, f -> "the connection was encrypted")),
            Map.entry("encryptionBrokenOffByServer", check(f -> f.probe()
                    .map(ProbeResult::encryptionBrokenOffByServer).orElse(false),
                    f -> "the server answered in encryption with an accepted certificate, then broke off: the"
                            + " connection security matches the port")),
            Map.entry("recipientDomainTypo", check(f -> correctedRecipient(f).isPresent(),
                    f -> "the recipient's domain looks like a misspelling: " + correctedRecipient(f).orElse(""))),
            Map.entry("knownNameLookupFailed", check(f -> knownNameNotFound(f).isPresent(),
                    f -> "the name that could not be looked up, " + knownNameNotFound(f).orElse("")
                            + ", is a large provider's and exists")),
            Map.entry("certificateNameFromWildcard", check(f -> certificateHost(f)
                    .filter(n -> f.catalog().forServerHost(n).isEmpty())
                    .filter(n -> f.certificateNames().stream().anyMatch(c -> c.strip().equalsIgnoreCase("*." + n)))
                    .isPresent(),
                    f -> "the certificate is for any name under " + certificateHost(f).orElse("")
                            + ": which of them is the mail server it does not say")),
            Map.entry("certificateNameUsable", check(f -> certificateHost(f).isPresent(),
                    f -> "the certificate is valid for " + String.join(", ", f.certificateNames()))),
            Map.entry("providerServerInText", check(EvidenceFunctions::listedClientIsProvider,
                    f -> "the refused sending server belongs to a mail provider")),
            Map.entry("replyFromRecipientFilter", check(f -> f.lowerText().contains(".prod.protection.outlook.com"),
                    f -> "the reply comes from the recipient's inbound filter, which judged the sending server")),
            Map.entry("hostWithTrailingSpace", check(EvidenceFunctions::hostWithTrailingSpace,
                    f -> "the server name in the message ends with a space")),
            Map.entry("bounceReport", check(f -> BOUNCE_MARKERS.stream().anyMatch(f.lowerText()::contains)
                    || DELIVERY_REPORT_MARKERS.stream().anyMatch(f.lowerText()::contains)
                    || EXCHANGE_NDR_DIAGNOSTIC.matcher(f.lowerText()).find(),
                    f -> "a bounce report: a remote server refused after the provider accepted the message")),
            Map.entry("deliveryReport", check(f -> DELIVERY_REPORT_MARKERS.stream().anyMatch(f.lowerText()::contains),
                    f -> "a delivery report: the provider's server accepted the message and reports the next step")),
            Map.entry("submissionRelayRefused", check(f -> SUBMISSION_NEXT_HOP.matcher(f.lowerText()).find(),
                    f -> "the refusing server was reached on a port for sending programs (587 or 465), where relaying"
                            + " needs a sign-in: it is the relay this server passes mail to, not a recipient's server")),
            Map.entry("relayedReport", check(f -> RELAYED_MARKERS.stream().anyMatch(f.lowerText()::contains)
                    || DELIVERY_REPORT_MARKERS.stream().anyMatch(f.lowerText()::contains),
                    f -> "a report from the sending side's own server about the next server's refusal")),
            Map.entry("clientOnServersComputer", check(f -> CLIENT_ON_SERVERS_COMPUTER.matcher(f.lowerText()).find(),
                    f -> "the server's log names the refused client as its own computer (loopback address)")),
            Map.entry("signInFailureMayBeUnencrypted", check(f -> f.lowerText().contains("current session's credentials"),
                    f -> "the program reports a refused password and a sign-in the server did not offer on an"
                            + " unencrypted connection alike (MailCore's \"current session's credentials\")")),
            Map.entry("mailComponentMissing", check(f -> MAIL_COMPONENT_MISSING.matcher(f.lowerText()).find(),
                    f -> "the program's own mail library or module is missing from its installation")),
            Map.entry("heloNamesADomain", check(f -> HELO_DOMAIN_NAME.matcher(f.lowerText()).find(),
                    f -> "the refused client introduced itself by a domain name, as another mail server does")),
            Map.entry("receivingServerLog", check(f -> f.lowerText().contains("noqueue: reject")
                    || f.lowerText().contains("reject: rcpt from"),
                    f -> "the receiving server's own log: the refused client is someone else's server")),
            Map.entry("listedClientIsServerName", check(EvidenceFunctions::listedClientIsServerName,
                    f -> "the listed client is a named mail server, not a home connection")),
            Map.entry("authAnsweredPositively", check(EvidenceFunctions::authAnsweredPositively,
                    f -> "the reply quoted for the failed sign-in is a positive one: no AUTH exchange took place")),
            Map.entry("providerRunsOwnSignIn", check(EvidenceFunctions::providerRunsOwnSignIn,
                    f -> "the server set is " + providerId(f) + "'s own, which runs its own sign-in")),
            Map.entry("authNeverSent", check(EvidenceFunctions::authNeverSent,
                    f -> "the transcript shows no AUTH command: the server offered no sign-in")),
            Map.entry("offerWithoutPasswordMethod", check(EvidenceFunctions::offerWithoutPasswordMethod,
                    f -> "the server's offer of sign-in methods (" + String.join(" ", offeredInPaste(f))
                            + ") has none that takes a typed password")),
            Map.entry("addressListed", check(EvidenceFunctions::addressListed,
                    f -> "the text names a list of refused addresses")),
            Map.entry("closedWithoutReply", check(EvidenceFunctions::closedWithoutReply,
                    f -> "the connection was closed before any reply the text shows")),
            Map.entry("emptyServerReplies", check(EvidenceFunctions::emptyServerReplies,
                    f -> "the transcript shows the server answering with empty lines")),
            Map.entry("greetingFromOtherServer", check(EvidenceFunctions::greetingFromOtherServer,
                    f -> "the server that greeted is not one of " + providerId(f) + "'s")),
            Map.entry("certificateNamesNotHostNames", check(f -> !f.certificateNames().isEmpty()
                    && f.certificateNames().stream().noneMatch(n -> n.contains(".")),
                    f -> "the certificate names no server (" + String.join(", ", f.certificateNames()) + ")")),
            Map.entry("certificateNamesKnown", check(f -> !f.certificateNames().isEmpty(),
                    f -> "the certificate is valid for " + String.join(", ", f.certificateNames()))),
            Map.entry("incomingMailService", check(f -> f.probe().flatMap(ProbeResult::otherService)
                    .map(s -> s == OtherService.IMAP || s == OtherService.POP3).orElse(false),
                    f -> "an incoming-mail service answers on this port")),
            Map.entry("verifiedAlternative", check(f -> f.verification().firstAnswering().isPresent(),
                    f -> "checked just now: " + f.verification().firstAnswering().map(c -> "port " + c.port() + " "
                            + c.security().label() + " answers" + (c.offersAuth() ? " and offers AUTH "
                            + String.join(" ", c.authMechanisms()) : "")).orElse(""))),
            Map.entry("verifiedSamePort", check(f -> f.verification().firstAnswering()
                    .filter(c -> f.port().isPresent() && c.port() == f.port().getAsInt()).isPresent(),
                    f -> "checked just now: the same port with " + f.verification().firstAnswering()
                            .map(c -> c.security().label()).orElse("") + " offers what was missing")),
            Map.entry("samePortSecurityFailed", check(f -> samePortSecurityFailure(f).isPresent(),
                    f -> "checked just now: the same port answers as a mail server, but its encryption failed ("
                            + samePortSecurityFailure(f).flatMap(AlternativeCheck::failure).map(Enum::name).orElse("")
                            + ")")),
            Map.entry("verifiedOtherSignIn", check(f -> verifiedOtherSignIn(f).isPresent(),
                    f -> "checked just now: the same password signs in with " + verifiedOtherSignIn(f)
                            .map(m -> m.mechanism()).orElse(""))),
            Map.entry("verifiedOtherName", check(f -> verifiedOtherName(f).isPresent(),
                    f -> "checked just now: the same password signs in with the user name "
                            + verifiedOtherName(f).orElse(""))),
            Map.entry("otherNameRefused", check(f -> otherNameRefused(f).isPresent(),
                    f -> "checked just now: the user name " + otherNameRefused(f).orElse("")
                            + " is refused with the same password too")),
            Map.entry("securityMatchesPort", check(EvidenceFunctions::securityMatchesPort,
                    f -> "the connection security is the one port " + port(f) + " expects")),
            Map.entry("answeredAfterConnecting", check(f -> f.phase().filter(p -> p.ordinal() >= Phase.AUTH.ordinal()
                    && p != Phase.QUIT).isPresent() && f.code().isPresent(),
                    f -> "the server answered the step " + f.phase().map(Enum::name).orElse("") + " with a reply code:"
                            + " the connection and its security worked")),
            Map.entry("encryptionBrokenEverywhere", check(EvidenceFunctions::encryptionBrokenEverywhere,
                    f -> "checked just now: every usual port of the server broke off its encrypted connection after"
                            + " its certificate")),
            Map.entry("tlsStalledEverywhere", check(EvidenceFunctions::tlsStalledEverywhere,
                    f -> "checked just now: the encryption handshake stalled on every usual port of the server as well")),
            Map.entry("otherPortSecurityFailed", check(f -> f.verification().checks().stream()
                    .anyMatch(c -> c.answer() == AlternativeCheck.Answer.SECURITY_FAILED),
                    f -> "checked just now: another port answers, but its connection security fails too")),
            Map.entry("nothingVerified", check(f -> f.verification().ran()
                    && f.verification().firstAnswering().isEmpty(),
                    f -> "checked just now: none of the standard alternatives answers")),
            Map.entry("answeredEarlier", check(f -> f.verification().answeredEarlier(),
                    f -> "a port that greeted an earlier test of this session a short while ago now turns the"
                            + " connection away")),
            Map.entry("signedInWithOtherMethod", check(f -> usedAuthMethod(f).filter(m -> m != AuthMethod.PLAIN)
                    .isPresent() && f.authMethod().orElse(null) == AuthMethod.AUTO,
                    f -> "signed in with " + f.probe().flatMap(ProbeResult::authMechanism).orElse("")
                            + ", chosen automatically")),
            Map.entry("certificateSeen", check(f -> leaf(f).isPresent(),
                    f -> "certificate seen: " + leaf(f).map(CertificateInfo::subject).orElse("")
                            + ", issued by " + leaf(f).map(CertificateInfo::issuer).orElse(""))),
            Map.entry("publicAuthorityNamed", check(f -> PUBLIC_AUTHORITY.matcher(f.lowerText()).find(),
                    f -> "the chain quoted names a public certificate authority")),
            Map.entry("interceptingIssuer", check(f -> interceptor(f).isPresent(),
                    f -> "the certificate is issued by " + interceptor(f).orElse("")
                            + ", a product that intercepts encrypted connections")),
            Map.entry("signInOff", check(f -> f.authMethod().orElse(null) == AuthMethod.NONE,
                    f -> "sign-in is switched off")),
            Map.entry("authOffered", check(f -> f.capabilities().map(Capabilities::auth).orElse(false)
                    || f.capabilitiesAfterTls().map(Capabilities::auth).orElse(false),
                    f -> "the server offers sign-in (AUTH)")),
            Map.entry("externalRecipient", check(EvidenceFunctions::externalRecipient,
                    f -> "the recipient is in another domain than the sender")),
            Map.entry("portTypo", check(f -> standardPortForTypo(f).isPresent(),
                    f -> "port " + port(f) + " is one keystroke away from the mail port "
                            + standardPortForTypo(f).map(String::valueOf).orElse(""))),
            Map.entry("portNotDocumented", check(f -> documentedPortInstead(f).isPresent(),
                    f -> "the provider documents port " + documentedPortInstead(f).map(String::valueOf).orElse("") + " for this"
                            + " server")),
            Map.entry("encryptionDemanded", check(f -> f.kind().filter(k -> k == FailureKind.TLS_REQUIRED_BY_SERVER
                    || k == FailureKind.PLAINTEXT_AUTH_BLOCKED).isPresent(),
                    f -> "the server asks for an encrypted connection, so the password was not looked at")),
            Map.entry("hostingServerGreeted", check(EvidenceFunctions::hostingServerGreeted,
                    f -> "the server that greeted is a web host's own mail server (Exim, cPanel), not one of "
                            + providerId(f) + "'s")),
            Map.entry("publicServerHost", check(EvidenceFunctions::publicServerHost,
                    f -> "the server is a large public service's (" + f.host().orElse("")
                            + "), whose certificate every up-to-date device trusts")),
            Map.entry("documentedServerPort", check(EvidenceFunctions::documentedServerPort,
                    f -> "server and port are the ones " + providerId(f) + " documents")),
            Map.entry("emptySocketError", check(EvidenceFunctions::emptySocketError,
                    f -> "the connection failed with error number 0: no network error was reported")),
            Map.entry("bareSocketErrorAtConnect", check(EvidenceFunctions::bareSocketErrorAtConnect,
                    f -> "Nodemailer's socket error at connect (ESOCKET, CONN) with no system error of its own: not"
                            + " refused, not timed out, not an unknown name")),
            Map.entry("phpTransportWrittenRight", check(f -> f.pasted().isPresent()
                    && PHP_TRANSPORTS_WRITTEN_RIGHT.stream().anyMatch(f.serverText()::contains),
                    f -> "PHP cannot find the socket transport \"ssl\" or \"tls\", written as it should be: PHP"
                            + " was built or configured without OpenSSL")),
            Map.entry("relayHostLookupFailed", check(f -> relayHostLookup(f).isPresent(),
                    f -> "the mail server could not look up " + relayHostLookup(f).map(m -> m.group(1)).orElse("")
                            + ", an outgoing server it passes mail to, not a recipient's domain")),
            Map.entry("relayHostLookupTemporary", check(f -> relayHostLookup(f)
                    .filter(m -> m.group(2) != null && m.group(1).contains(".")).isPresent(),
                    f -> "its name server answered \"try again\": the lookup failed, not the name")),
            Map.entry("smtpLabelMisspelt", check(f -> f.pasted().isPresent()
                    && SMTP_LABEL_MISSPELT.matcher(f.lowerText()).find(),
                    f -> "the server name begins with smtp with two letters swapped (a typing mistake)")),
            Map.entry("ehloAnsweredWithNothing", check(f -> f.pasted()
                    .filter(p -> EHLO_ANSWERED_WITH_NOTHING.matcher(p.text()).find()).isPresent()
                    && !f.lowerText().contains("starttls"),
                    f -> "the server closed the connection when the program introduced itself, without a reply")),
            Map.entry("sendingConnectionToReadingPort", check(f -> f.pasted().isPresent()
                    && SENDING_CONNECTION_TO_READING_PORT.matcher(f.lowerText()).find(),
                    f -> "the program's sending connection goes to a port for reading mail (IMAP or POP)")),
            Map.entry("verifiedSamePortPlain", check(f -> f.verification().firstAnswering()
                    .filter(c -> c.security() == Security.NONE && f.port().isPresent()
                            && c.port() == f.port().getAsInt()).isPresent(),
                    f -> "the same port, without encryption, answered just now (a server on your own computer or"
                            + " network, no password to carry)")),
            Map.entry("certificateNameWithPort", check(f -> f.pasted().isPresent()
                    && (f.lowerText().contains("certificate") || f.lowerText().contains("altnames"))
                    && NAME_WITH_PORT_COMPARED.matcher(f.lowerText()).find(),
                    f -> "the name compared with the certificate ends in a port: the server field holds name:port")),
            Map.entry("placeholderUsername", check(f -> f.pasted().isPresent()
                    && PLACEHOLDER_USERNAME.matcher(f.lowerText()).find(),
                    f -> "the user name the program signed in with is a placeholder that was never filled in")),
            Map.entry("signInAcceptedQuoted", check(f -> f.pasted().isPresent()
                    && f.code().orElse(SIGN_IN_OK) == SIGN_IN_OK && SIGN_IN_ACCEPTED.matcher(f.lowerText()).find(),
                    f -> "the text quotes the server's 235: the sign-in succeeded, and the program took the success"
                            + " for an error")),
            Map.entry("nextServerIsRecipients", check(EvidenceFunctions::nextServerIsRecipients,
                    f -> "the report quotes the recipient's own server (its name lies under the recipient's domain):"
                            + " the refusal is between mail servers")),
            Map.entry("clientListedQuoted", check(f -> f.pasted().isPresent()
                    && CLIENT_LISTED_WORDS.stream().anyMatch(f.lowerText()::contains),
                    f -> "the text quotes a server refusing the client's address (a blocklist or a ban): the server"
                            + " spoke")),
            Map.entry("stackTraceQuoted", check(EvidenceFunctions::stackTraceQuoted,
                    f -> "the text quotes a stack trace, which shows where the program was")),
            Map.entry("signInStepReached", check(f -> f.pasted().isPresent()
                    && (f.kind().filter(k -> k == FailureKind.AUTH_REJECTED || k == FailureKind.AUTH_NO_COMMON_MECHANISM
                            || k == FailureKind.AUTH_NOT_OFFERED).isPresent()
                            || f.phase().filter(SIGN_IN_OR_LATER::contains).isPresent()),
                    f -> "the text shows sign-in, or a later step, failing: the server was reached")),
            Map.entry("nameNotFound", check(f -> f.kind().filter(k -> k == FailureKind.UNKNOWN_HOST).isPresent(),
                    f -> "the server's name was not found")),
            Map.entry("hostIsAddress", check(f -> f.host().map(EvidenceFunctions::isLoopbackOrIp).orElse(false),
                    f -> "the server is given as an address, not a name")),
            Map.entry("mailServerOwnLog", check(EvidenceFunctions::mailServerOwnLog,
                    f -> "the text is a mail server's own log of passing mail on to the next server, which uses"
                            + " port 25 by design")),
            Map.entry("dotnetEmptyResponse", check(EvidenceFunctions::dotnetEmptyResponse,
                    f -> ".NET quotes an empty server response: the server said nothing a mail client can read")),
            Map.entry("serverNotReached", check(EvidenceFunctions::serverNotReached,
                    f -> "the text shows the connection was never made (refused, timed out or no route)")),
            Map.entry("connectionFailureNamed", check(EvidenceFunctions::connectionFailureNamed,
                    f -> "the text names a failure to connect or to encrypt, before any server could judge an"
                            + " account")),
            Map.entry("stepUnknown", check(f -> f.pasted().isPresent() && f.phase().isEmpty()
                    && EXPECTED_REPLY_WORDS.stream().noneMatch(f.lowerText()::contains),
                    f -> "the text names no command the reply answered")),
            Map.entry("implicitTlsSchemeOnPlainPort", check(f -> implicitTlsPort(f)
                    .filter(PLAIN_START_PORTS::contains).isPresent(),
                    f -> "the program connects with encryption from the start (" + implicitTlsPort(f)
                            .map(p -> "ssl://, smtps:// or PHP's tls:// to port " + p).orElse("")
                            + "), a port that starts unencrypted")),
            Map.entry("startTlsSchemeOnPort465", check(f -> schemeOnPort(f, STARTTLS_SCHEME)
                    .filter(p -> p == PORT_465).isPresent(),
                    f -> "the program connects unencrypted and upgrades with STARTTLS on port 465, which expects"
                            + " encryption from the start")),
            Map.entry("serviceWithFixedSignInName", check(f -> fixedSignInName(f).isPresent(),
                    f -> "the sending service signs in with the fixed user name '" + fixedSignInName(f).orElse("")
                            + "' and a key as the password, and the text does not show that name")),
            Map.entry("mailAddressUrlUnreadable", check(EvidenceFunctions::mailAddressUrlUnreadable,
                    f -> "the program could not read the mail server address it builds from the settings (a"
                            + " connection address with the user name and password inside)")));

    private static final Map<String, Function<Facts, Optional<SettingValue>>> VALUES = Map.ofEntries(
            Map.entry("certificateHost", f -> certificateHost(f).map(SettingValue::host)),
            Map.entry("correctedHost", f -> correctedHost(f).map(SettingValue::host)),
            Map.entry("providerHost", f -> domainProviderHost(f).or(() -> undocumentedHostAlternative(f))
                    .or(() -> f.provider().flatMap(p -> p.servers().stream().findFirst()).map(ServerPreset::host))
                    .map(SettingValue::host)),
            Map.entry("fullAddress", f -> fullAddress(f).map(SettingValue::username)),
            Map.entry("accountAddress", f -> f.username().filter(u -> u.contains("@"))
                    .filter(u -> f.sender().map(s -> !s.equalsIgnoreCase(u)).orElse(true))
                    .map(SettingValue::address)),
            Map.entry("portNamedInReply", f -> portNamedInReply(f).map(SettingValue::port)),
            Map.entry("alternativePort", f -> alternativePort(f).map(SettingValue::port)),
            Map.entry("documentedPort", f -> documentedPortInstead(f).map(SettingValue::port)),
            Map.entry("standardPortForTypo", f -> standardPortForTypo(f).map(SettingValue::port)),
            Map.entry("securityForPort", f -> securityForPort(f).map(SettingValue::security)),
            Map.entry("encryptionToUse", f -> Optional.of(SettingValue.security(
                    f.capabilities().map(Capabilities::startTls).orElse(false) || PLAIN_START_PORTS.contains(port(f))
                            ? Security.STARTTLS : Security.SSL_TLS))),
            Map.entry("offeredAuthMethod", f -> offeredAuthMethod(f).map(SettingValue::auth)),
            Map.entry("usedAuthMethod", f -> usedAuthMethod(f).map(SettingValue::auth)),
            Map.entry("verifiedAuthMethod", f -> verifiedOtherSignIn(f).map(SettingValue::auth)),
            Map.entry("ownProviderHost", f -> ownProviderHost(f).map(SettingValue::host)),
            Map.entry("correctedRecipient", f -> correctedRecipient(f).map(SettingValue::address)),
            Map.entry("receivingServersProviderHost", f -> f.host().flatMap(h -> f.catalog().forMxHost(h))
                    .flatMap(p -> p.servers().stream().findFirst()).map(ServerPreset::host).map(SettingValue::host)),
            Map.entry("verifiedUsername", f -> verifiedOtherName(f).map(SettingValue::username)),
            Map.entry("verifiedPort", f -> f.verification().firstAnswering().map(c -> SettingValue.port(c.port()))),
            Map.entry("fixedSignInName", f -> fixedSignInName(f).map(SettingValue::username)));

    private EvidenceFunctions() {
    }

    /**
     * The port of a connection a pasted text names with {@code scheme} (the port beside the scheme, else the one
     * known from the context or the text), when nothing in the text shows that the connection failed before its
     * encryption could begin or got past it (a reply code, a certificate judged, a sign-in).
     */
    /**
     * The connection security a pasted text shows the program used, by the scheme it names the connection with:
     * {@code ssl://}, {@code smtps://} (and PHP's stream {@code tls://}) encrypt from the first byte,
     * {@code smtp+starttls://} upgrades. What the program did is observed: advice never says "use SSL/TLS" to a
     * program that already did. Empty when the text names both or neither.
     */
    static Optional<Security> securityTheTextNames(String lowerText) {
        boolean implicit = IMPLICIT_TLS_SCHEME.matcher(lowerText).find()
                || PHP_STREAM_WORDS.stream().anyMatch(lowerText::contains)
                        && PHP_STREAM_TLS_SCHEME.matcher(lowerText).find();
        boolean upgraded = STARTTLS_SCHEME.matcher(lowerText).find();
        if (implicit == upgraded) {
            return Optional.empty();
        }
        return Optional.of(implicit ? Security.SSL_TLS : Security.STARTTLS);
    }

    /**
     * The ports a pasted text shows a connection failing on: on a line that says it timed out, was refused or could
     * not be reached, the port after a host ({@code dial tcp 203.0.113.5:587: i/o timeout}) or named as one
     * ({@code port 465}, {@code port: 25}, {@code SMTPS on 587 Send Error}). Observed: advice never offers a port the
     * text shows failing already.
     */
    static Set<Integer> portsTheTextShowsFailing(String lowerText) {
        Set<Integer> ports = new TreeSet<>();
        for (String line : lowerText.split("\n")) {
            if (!CONNECT_FAILURE_WORDS.matcher(line).find()) {
                continue;
            }
            Matcher m = PORT_ON_LINE.matcher(line);
            while (m.find()) {
                String digits = m.group(1) != null ? m.group(1) : m.group(2);
                int port = Integer.parseInt(digits);
                if (port > 0 && port <= 65_535) {
                    ports.add(port);
                }
            }
        }
        return ports;
    }

    /**
     * Whether the server a report quotes answered for the recipient's own domain ({@code <bob@example.net>: host
     * mail.example.net[...] said:}): then it is the receiving side, not a relay the user's own server signs in to.
     */
    private static boolean nextServerIsRecipients(Facts f) {
        if (f.pasted().isEmpty()) {
            return false;
        }
        Matcher m = NEXT_SERVER_SAID.matcher(f.lowerText());
        while (m.find()) {
            String domain = m.group(1);
            String host = m.group(2);
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<MatchResult> relayHostLookup(Facts f) {
        if (f.pasted().isEmpty()) {
            return Optional.empty();
        }
        Matcher m = RELAY_HOST_LOOKUP.matcher(f.lowerText());
        if (m.find()) {
            return Optional.of(m.toMatchResult());
        }
        Matcher next = NEXT_HOP_ADDRESS_LOOKUP.matcher(f.lowerText());
        while (next.find()) {
            String name = next.group(1);
            if (privateSuffixOrMisspelling(name) && !underRecipientDomain(f.lowerText(), name)) {
                return Optional.of(next.toMatchResult());
            }
        }
        return Optional.empty();
    }

    /** The last label is a private-network suffix, or one edit from a long one ({@code llocal}, {@code interal}). */
    private static boolean privateSuffixOrMisspelling(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return PRIVATE_SUFFIX_LABELS.stream().anyMatch(s -> s.equals(last)
                || s.length() >= 5 && HostNames.distance(s, last) == 1);
    }

    private static boolean underRecipientDomain(String text, String name) {
        Matcher to = RECIPIENT_DOMAIN_IN_LOG.matcher(text);
        while (to.find()) {
            String domain = to.group(1);
            if (name.equals(domain) || name.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** The port of a connection that encrypts from the first byte: ssl://, smtps://, or tls:// in PHP's streams. */
    private static Optional<Integer> implicitTlsPort(Facts f) {
        return schemeOnPort(f, IMPLICIT_TLS_SCHEME).or(() -> PHP_STREAM_WORDS.stream().anyMatch(f.lowerText()::contains)
                ? schemeOnPort(f, PHP_STREAM_TLS_SCHEME) : Optional.empty());
    }

    private static Optional<Integer> schemeOnPort(Facts f, Pattern scheme) {
        if (f.pasted().isEmpty() || f.code().isPresent()
                || f.kind().filter(k -> BEFORE_ENCRYPTION.contains(k) || AFTER_ENCRYPTION.contains(k)).isPresent()) {
            return Optional.empty();
        }
        Matcher m = scheme.matcher(f.lowerText());
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    return Optional.of(Integer.parseInt(m.group(g)));
                }
            }
            if (f.port().isPresent()) {
                return Optional.of(f.port().getAsInt());
            }
        }
        return Optional.empty();
    }

    /** The check of the tested port itself that reached a mail server whose connection security then failed. */
    private static Optional<AlternativeCheck> samePortSecurityFailure(Facts f) {
        return f.verification().checks().stream()
                .filter(c -> c.answer() == AlternativeCheck.Answer.SECURITY_FAILED && f.port().isPresent()
                        && c.port() == f.port().getAsInt())
                .findFirst();
    }

    /**
     * The standard alternatives were checked just now, none answered, and each one that finished spoke TLS, sent a
     * certificate that was accepted and then broke the connection off itself: the server's encryption is broken on
     * every port a mail program could use (seen on a real OpenSMTPD whose key OpenSSL 3 could not use).
     */
    private static boolean encryptionBrokenEverywhere(Facts f) {
        if (!f.verification().ran() || f.verification().firstAnswering().isPresent()) {
            return false;
        }
        List<AlternativeCheck> finished = f.verification().checks().stream()
                .filter(c -> c.answer() != AlternativeCheck.Answer.NOT_FINISHED).toList();
        // an alert, a reset or a hang-up, whichever reached the client first
        return !finished.isEmpty() && finished.stream()
                .allMatch(c -> c.result().map(ProbeResult::encryptionBrokenOffByServer).orElse(false));
    }

    /**
     * The standard alternatives were checked just now, none answered, and each one that finished stalled in its
     * encryption handshake as the tested port did: what a path that loses large packets does to every port, while a
     * port whose own encryption is broken leaves the others alone (seen with an MTU black hole on loopback).
     */
    private static boolean tlsStalledEverywhere(Facts f) {
        if (!f.verification().ran() || f.verification().firstAnswering().isPresent()) {
            return false;
        }
        List<AlternativeCheck> finished = f.verification().checks().stream()
                .filter(c -> c.answer() != AlternativeCheck.Answer.NOT_FINISHED).toList();
        return !finished.isEmpty() && finished.stream()
                .allMatch(AlternativeCheck::tlsStartStalled);
    }

    static Optional<Check> check(String name) {
        Check fixed = CHECKS.get(name);
        if (fixed != null || !readsWords(name)) {
            return Optional.ofNullable(fixed);
        }
        // a rule asks for its checks on every paste: a meaning's check is built once
        return Optional.ofNullable(MEANING_CHECKS.computeIfAbsent(name, EvidenceFunctions::meaningCheck));
    }

    /**
     * The check of {@code "means:" + id} (the program's own words around a quoted reply) or {@code "says:" + id}
     * (the whole text, the reply included); null when the vocabulary has no such meaning.
     */
    private static Check meaningCheck(String name) {
        boolean programOnly = name.startsWith(MEANS);
        String id = name.substring(programOnly ? MEANS.length() : SAYS.length());
        return ReplyVocabulary.builtIn().meaning(id)
                .map(m -> check(f -> m.heldBy(programOnly ? programWords(f) : f.lowerText()),
                        f -> (programOnly ? "the text says what \"" : "the text or the server's reply says what \"")
                                + m.id() + "\" names" + (programOnly ? ", in its own words" : "")))
                .orElse(null);
    }

    /** What the program around a pasted reply said ({@link ReplyParser#outsideReply}); a probe's reply as it is. */
    private static String programWords(Facts f) {
        return f.pasted().map(p -> ReplyParser.outsideReply(f.lowerText(), p.replyText())).orElse(f.lowerText());
    }

    /**
     * Whether a check is a meaning of the words ({@code "means:" + id}, {@link ReplyVocabulary.Meaning}): a rule
     * with one reads the text as much as a rule with text hints does.
     */
    static boolean readsWords(String name) {
        return name.startsWith(MEANS) || name.startsWith(SAYS);
    }

    static Optional<Function<Facts, Optional<SettingValue>>> value(String name) {
        return Optional.ofNullable(VALUES.get(name));
    }

    private static Check check(Predicate<Facts> test, Function<Facts, String> describe) {
        return new Check(test, describe);
    }

    private static Check requirement(Requirement r) {
        return check(f -> f.provider().map(p -> p.requires(r)).orElse(false),
                f -> "provider " + providerId(f) + " requires " + r.name().toLowerCase(Locale.ROOT));
    }

    private static String providerId(Facts f) {
        return f.provider().map(Provider::id).orElse("?");
    }

    private static int port(Facts f) {
        return f.port().orElse(-1);
    }

    /**
     * Whether a paste is the dialog of a mail program the user runs on their own computer or phone (Thunderbird,
     * Outlook, Apple Mail, msmtp, K-9, Mailspring), not an application on a server: there, a certificate nobody
     * trusts is most often an antivirus program or network in between, since the providers' certificates are public.
     */
    static boolean userMailProgram(Facts f) {
        return f.pasted().map(p -> USER_PROGRAMS.contains(p.shape())).orElse(false)
                || ReplyVocabulary.builtIn().meaning("mailProgramDialog").map(m -> m.heldBy(programWords(f)))
                        .orElse(false);
    }

    static boolean signedIn(Facts f) {
        return f.probe().map(r -> r.passed(Phase.AUTH)).orElse(false);
    }

    private static boolean signInTried(Facts f) {
        return f.authMethod().map(m -> m != AuthMethod.NONE).orElse(false);
    }

    private static boolean encrypted(Facts f) {
        return f.probe().map(r -> r.capabilitiesAfterTls().isPresent() || r.settings().security() == Security.SSL_TLS
                && r.passed(Phase.GREETING)).orElse(false);
    }

    private static boolean usernameNotFullAddress(Facts f) {
        Optional<String> user = f.username().filter(u -> !u.isBlank());
        if (user.isEmpty() || user.get().contains("@")) {
            return false;
        }
        Optional<ServerPreset> preset = f.preset();
        if (preset.isPresent()) {
            return preset.get().usernameForm().equals(ServerPreset.UsernameForm.EMAIL);
        }
        return f.provider().map(p -> !p.servers().isEmpty() && p.servers().stream()
                .allMatch(s -> s.usernameForm().equals(ServerPreset.UsernameForm.EMAIL))).orElse(false);
    }

    private static Optional<String> fullAddress(Facts f) {
        return f.sender().filter(s -> s.contains("@"))
                .or(() -> f.username().filter(u -> !u.isBlank() && !u.contains("@")).flatMap(u -> f.provider()
                        .filter(p -> p.domains().size() == 1).map(p -> u + "@" + p.domains().get(0))));
    }

    /**
     * The server's provider keeps accounts on several servers (data centres, plans) and the user name is an
     * organisation's own domain, which has a server of its own there (Zoho's smtppro).
     */
    private static boolean hostMayDependOnAccount(Facts f) {
        Optional<Provider> hosts = f.host().flatMap(h -> f.catalog().forServerHost(h));
        if (hosts.isEmpty() || !hosts.get().requires(Requirement.HOST_BY_ACCOUNT)) {
            return false;
        }
        Optional<String> user = f.username().filter(u -> u.contains("@"));
        return user.isEmpty() || !f.catalog().forAddress(user.get()).map(p -> p.ownsHost(f.host().get()))
                .orElse(false);
    }

    private static boolean hostByAccount(Facts f) {
        Optional<Provider> hosts = f.host().flatMap(h -> f.catalog().forServerHost(h));
        if (hosts.isEmpty() || !hosts.get().requires(Requirement.HOST_BY_ACCOUNT)) {
            return false;
        }
        Optional<String> user = f.username().filter(u -> u.contains("@"));
        return user.isPresent() && f.catalog().forAddress(user.get()).isEmpty();
    }

    /**
     * The documented server of the user name's own provider, when the host belongs to another provider that does not
     * share its accounts (an att.net address signing in to smtp.gmail.com, a zoho.eu one to smtp.zoho.com).
     */
    private static Optional<String> ownProviderHost(Facts f) {
        Optional<String> user = f.username().filter(u -> u.contains("@"));
        if (user.isEmpty() || f.host().isEmpty() || isLoopbackOrIp(f.host().get())) {
            return Optional.empty();
        }
        Optional<Provider> own = f.catalog().forAddress(user.get());
        Optional<Provider> hosts = f.catalog().forServerHost(f.host().get());
        if (own.isEmpty() || hosts.isEmpty() || own.get().servers().isEmpty()
                || own.get().ownsHost(f.host().get()) || f.catalog().shareAccounts(own.get(), hosts.get())) {
            return Optional.empty();
        }
        return Optional.of(own.get().servers().get(0).host());
    }

    private static Optional<String> certificateHost(Facts f) {
        if (f.certificateNames().isEmpty()) {
            return Optional.empty();
        }
        return HostNames.usableCertificateName(f.certificateNames(), f.catalog().knownServerHosts())
                .filter(n -> f.host().map(h -> !h.equalsIgnoreCase(n)).orElse(true));
    }

    /**
     * A recipient's address as reports and transcripts show it: "RCPT TO:<…>", Postfix's "to=<…>", Exim's "** …", a
     * delivery report's "Final-Recipient: rfc822; …".
     */
    private static final Pattern RECIPIENT_IN_TEXT = Pattern.compile(
            "(?:rcpt to:\\s?<|\\bto=<|\\*\\* |final-recipient: rfc822;\\s?)([^\\s<>@:;]{1,64})@([a-z0-9.-]{3,253})");

    /** The lowest reply code of a permanent refusal (RFC 5321 4.2.1). */
    private static final int CODE_PERMANENT = 500;

    /**
     * The recipient's address with its domain corrected, when the domain is no provider's but a misspelling of one
     * ("hotmial.de" for hotmail.de): such a domain may exist and refuse the mail, or not exist at all. Read only with
     * a permanent refusal or none.
     */
    private static Optional<String> correctedRecipient(Facts f) {
        if (f.code().orElse(CODE_PERMANENT) < CODE_PERMANENT) {
            // a server's temporary refusal (greylisting, a full queue) is no answer to a domain that does not exist;
            // a delivery deferred for a domain whose servers do not answer may be
            return Optional.empty();
        }
        Matcher m = RECIPIENT_IN_TEXT.matcher(f.lowerText());
        while (m.find()) {
            String domain = m.group(2).replaceAll("\\.$", "");
            if (f.catalog().forDomain(domain).isEmpty()) {
                Optional<String> corrected = HostNames.correctTypo(domain, f.catalog().knownAddressDomains())
                        // the same name under another country's ending (yahoo.co.id, yahoo.co.jp) is no misspelling
                        .filter(c -> !c.split("\\.")[0].equals(domain.split("\\.")[0]));
                if (corrected.isPresent()) {
                    return Optional.of(m.group(1) + "@" + corrected.get());
                }
            }
        }
        return Optional.empty();
    }

    /** Postfix's words for a name it could not look up: "Name service error for name=gmail.com type=MX". */
    private static final Pattern NAME_SERVICE_ERROR = Pattern.compile("name service error for name=([a-z0-9.-]{3,253})");

    /**
     * A name a mail server failed to look up that a catalogue provider documents (its address domain, its server or
     * its receiving server): such a name exists, so the failure is the lookup's own (the server's name service), not a
     * misspelt domain.
     */
    private static Optional<String> knownNameNotFound(Facts f) {
        Matcher m = NAME_SERVICE_ERROR.matcher(f.lowerText());
        while (m.find()) {
            String name = m.group(1).replaceAll("\\.$", "");
            if (f.catalog().forDomain(name).isPresent() || f.catalog().forServerHost(name).isPresent()
                    || f.catalog().forMxHost(name).isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> correctedHost(Facts f) {
        return f.host().filter(h -> h.contains("."))
                .flatMap(h -> HostNames.correctTypo(h, f.catalog().knownServerHosts()));
    }

    /** The host typed is an address domain ("gmail.com"): the provider's documented server. */
    private static Optional<String> domainProviderHost(Facts f) {
        return f.host().filter(h -> f.catalog().forServerHost(h).isEmpty())
                .flatMap(h -> f.catalog().forDomain(h))
                .flatMap(p -> p.servers().stream().findFirst()).map(ServerPreset::host);
    }

    /** The provider is known from the sender or username, but the host is none of its documented servers. */
    private static Optional<String> undocumentedHostAlternative(Facts f) {
        if (f.host().isEmpty() || f.provider().isEmpty()) {
            return Optional.empty();
        }
        String host = f.host().get();
        Provider p = f.provider().get();
        if (p.ownsHost(host) || p.servers().isEmpty() || f.catalog().forServerHost(host).isPresent()
                || isLoopbackOrIp(host)) {
            return Optional.empty();
        }
        return Optional.of(p.servers().get(0).host());
    }

    /**
     * Whether the server is a receiving server, a domain's MX, rather than an outgoing server for programs: a name of
     * a provider's MX suffix ({@code aspmx.l.google.com}, {@code *.mail.protection.outlook.com}), a name whose first
     * label says so ({@code mx}, {@code mx1}, {@code mx00}, {@code mx-2}), or a text that says it connected to an MX.
     * Such a server takes mail for its own domains on port 25 only; no other port of it is for sending.
     */
    private static boolean receivingServer(Facts f) {
        if (MX_WORDS.matcher(f.lowerText()).find()) {
            return true;
        }
        // a provider's documented outgoing server is not its MX, though it shares the MX's domain (smtp.zoho.com)
        return f.host().map(h -> h.toLowerCase(Locale.ROOT).strip())
                .filter(h -> f.catalog().forServerHost(h).isEmpty())
                .filter(h -> MX_LABEL.matcher(h).lookingAt() || f.catalog().forMxHost(h).isPresent())
                .isPresent();
    }

    /**
     * A name that only an organisation's own network resolves or reaches: a single label ("mailhost"), a reserved or
     * customary private suffix (RFC 6762 .local, RFC 8375 .home.arpa, .lan, .internal, .intranet, .corp,
     * .localdomain), or a label naming the internal side ("intra", "intranet", "internal", "smtp-int"). An IP
     * address or localhost is not such a name.
     */
    static boolean looksInternal(String host) {
        String h = host.toLowerCase(Locale.ROOT).strip();
        if (h.isEmpty() || org.smtpdoctor.probe.HostNames.isLoopback(h) || isLoopbackOrIp(h)) {
            return false;
        }
        if (!h.contains(".")) {
            return h.chars().anyMatch(Character::isLetter);
        }
        for (String suffix : INTERNAL_SUFFIXES) {
            if (h.endsWith(suffix)) {
                return true;
            }
        }
        for (String label : h.split("\\.")) {
            if (INTERNAL_LABELS.contains(label) || label.endsWith("-int") || label.startsWith("int-")
                    || label.endsWith("-intra") || label.endsWith("-internal")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopbackOrIp(String host) {
        return host.equalsIgnoreCase("localhost") || host.matches("[0-9.]+") || host.contains(":");
    }

    /**
     * The standard mail port (587, 465, 25) that the port in use is one keystroke away from (a digit changed, added,
     * dropped or two neighbours swapped: 588, 5877, 46, 52), unless the port is itself one mail services use or the
     * provider of the server documents it.
     */
    private static Optional<Integer> standardPortForTypo(Facts f) {
        if (f.port().isEmpty() || MAIL_PORTS.contains(f.port().getAsInt())) {
            return Optional.empty();
        }
        int used = f.port().getAsInt();
        if (f.provider().map(p -> p.servers().stream().anyMatch(s -> s.port() == used)).orElse(false)) {
            return Optional.empty();
        }
        String typed = Integer.toString(used);
        boolean parsedOnly = f.pasted().map(e -> e.port().equals(f.port())).orElse(false);
        if (parsedOnly && !Pattern.compile("(?:port[ :=]{1,3}|[a-z]{2,10}://[\\w.-]{1,253}:)" + typed
                + "(?![0-9])").matcher(f.lowerText()).find()) {
            // a number after a colon in a pasted trace may be a line number: only a port named as one counts, or the
            // one after a server name in a connection's address (ssl://smtp.gmail.com:456), which no line number is
            return Optional.empty();
        }
        return java.util.stream.Stream.of(587, 465, 25)
                .filter(standard -> oneKeystrokeApart(typed, Integer.toString(standard)))
                // a digit put before a standard port is the usual way to name an alternative one (2525, 9465)
                .filter(standard -> !typed.endsWith(Integer.toString(standard)))
                .findFirst();
    }

    private static boolean oneKeystrokeApart(String a, String b) {
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    differences++;
                    first = first < 0 ? i : first;
                }
            }
            boolean swapped = differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first);
            return differences == 1 || swapped;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        for (int i = 0; i < longer.length(); i++) {
            if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** A documented port of this (documented) server when the port in use is not one of them. */
    private static Optional<Integer> documentedPortInstead(Facts f) {
        if (f.host().isEmpty() || f.port().isEmpty() || f.provider().isEmpty()) {
            return Optional.empty();
        }
        String host = f.host().get();
        List<ServerPreset> servers = f.provider().get().servers().stream()
                .filter(s -> s.host().equalsIgnoreCase(host)).toList();
        if (servers.isEmpty() || servers.stream().anyMatch(s -> s.port() == f.port().getAsInt())) {
            return Optional.empty();
        }
        return servers.stream().filter(s -> f.security().map(sec -> sec == s.security()).orElse(false))
                .findFirst().or(() -> servers.stream().findFirst())
                .map(ServerPreset::port);
    }

    /**
     * The port a server's refusal tells the client to use ("use port 587", "connect on port 465", "must use the
     * submission port 587"), when it is not 25; otherwise the usual alternative. The port in use is no reason to skip
     * it: a paste's port may be read from these very words.
     */
    private static Optional<Integer> portNamedInReply(Facts f) {
        Matcher m = PORT_NAMED.matcher(f.lowerText());
        while (m.find()) {
            int named = Integer.parseInt(m.group(1));
            if (named != PORT_25 && named <= MAX_PORT) {
                return Optional.of(named);
            }
        }
        return alternativePort(f);
    }

    private static Optional<Integer> alternativePort(Facts f) {
        Optional<Integer> documented = documentedPortInstead(f);
        if (documented.isPresent()) {
            return documented;
        }
        int port = port(f);
        if (port == 465) {
            return Optional.of(587);
        }
        if (port == 587) {
            return Optional.of(465);
        }
        if (port == 25 || port < 0) {
            return Optional.of(587);
        }
        int usual = f.security().orElse(Security.STARTTLS).usualPort();
        return Optional.of(usual == 25 ? 587 : usual);
    }

    private static Optional<Security> securityForPort(Facts f) {
        int port = port(f);
        return Security.ofSubmissionPort(port)
                .or(() -> PLAIN_START_PORTS.contains(port) ? Optional.of(Security.STARTTLS) : Optional.empty());
    }

    /** The sign-in method the server accepted, as mail programs name it (PLAIN and LOGIN: a normal password). */
    static Optional<AuthMethod> usedAuthMethod(Facts f) {
        return f.probe().flatMap(ProbeResult::authMechanism).flatMap(EvidenceFunctions::methodFor);
    }

    static Optional<AuthMethod> methodFor(String mechanism) {
        if (mechanism.equals("PLAIN") || mechanism.equals("LOGIN")) {
            return Optional.of(AuthMethod.PLAIN);
        }
        if (mechanism.startsWith("CRAM-") || mechanism.startsWith("DIGEST-") || mechanism.startsWith("SCRAM-")) {
            return Optional.of(AuthMethod.CRAM_MD5);
        }
        if (mechanism.equals("XOAUTH2") || mechanism.equals("OAUTHBEARER")) {
            return Optional.of(AuthMethod.XOAUTH2);
        }
        return Optional.empty();
    }

    /** A sign-in method the server offers: a normal password, an encrypted one or OAuth2. */
    private static Optional<AuthMethod> offeredAuthMethod(Facts f) {
        List<String> mechanisms = f.capabilitiesAfterTls().or(f::capabilities)
                .map(Capabilities::authMechanisms).orElse(List.of());
        Optional<AuthMethod> normal = mechanisms.stream().map(EvidenceFunctions::methodFor).flatMap(Optional::stream)
                .filter(m -> m == AuthMethod.PLAIN).findFirst();
        return normal.or(() -> mechanisms.stream().map(EvidenceFunctions::methodFor).flatMap(Optional::stream)
                .findFirst());
    }

    /** Issuer words of antivirus programs and proxies that re-sign encrypted connections with their own CA. */
    private static final List<String> INTERCEPTORS = List.of("avast", "avg ", "kaspersky", "eset", "bitdefender",
            "norton", "mcafee", "sophos", "fortinet", "fortigate", "zscaler", "palo alto", "barracuda", "websense",
            "forcepoint", "netskope", "cisco umbrella", "blue coat", "bluecoat", "trend micro", "watchguard",
            "sonicwall", "untangle", "checkpoint", "check point", "mitmproxy", "charles proxy", "fiddler");

    private static Optional<CertificateInfo> leaf(Facts f) {
        return f.probe().flatMap(ProbeResult::tls).filter(t -> !t.chain().isEmpty()).map(t -> t.chain().get(0));
    }

    /** The intercepting product named by an issuer in the chain the server presented. */
    private static Optional<String> interceptor(Facts f) {
        List<CertificateInfo> chain = f.probe().flatMap(ProbeResult::tls).map(t -> t.chain()).orElse(List.of());
        for (CertificateInfo c : chain) {
            String issuer = c.issuer().toLowerCase(Locale.ROOT) + " ";
            for (String word : INTERCEPTORS) {
                if (issuer.contains(word)) {
                    return Optional.of(c.issuer());
                }
            }
        }
        return Optional.empty();
    }

    /** The leaf certificate's SHA-256 fingerprint as mail programs show it, and its issuer. */
    static Optional<String> leafFingerprint(Facts f) {
        return leaf(f).map(CertificateInfo::sha256).filter(s -> !s.isBlank());
    }

    static Optional<String> leafIssuer(Facts f) {
        return leaf(f).map(CertificateInfo::issuer);
    }

    /** The recipient's domain differs from the sender's: mail the server would have to pass on (relay). */
    /** The sign-in method that worked just now on the same port with the same password, when another had failed. */
    private static Optional<AuthMethod> verifiedOtherSignIn(Facts f) {
        return f.verification().firstAnswering()
                .filter(c -> c.result().map(r -> r.passed(Phase.AUTH)).orElse(false))
                .filter(c -> f.port().isPresent() && c.port() == f.port().getAsInt())
                .map(c -> c.settings().authMethod())
                .filter(m -> f.authMethod().map(chosen -> chosen != m).orElse(false));
    }

    /** SSL/TLS on 465, or STARTTLS on a port that starts in plain text (587, 25, 2525): what the port expects. */
    private static boolean securityMatchesPort(Facts f) {
        int port = port(f);
        Optional<Security> security = f.security();
        return security.isPresent() && (port == 465 && security.get() == Security.SSL_TLS
                || PLAIN_START_PORTS.contains(port) && security.get() == Security.STARTTLS);
    }

    /** The other form of the user name that signed in just now on the same port with the same password and method. */
    private static Optional<String> verifiedOtherName(Facts f) {
        return otherName(f, true);
    }

    /** The other form of the user name, tried just now with the same password and method, refused too. */
    private static Optional<String> otherNameRefused(Facts f) {
        return otherName(f, false);
    }

    private static Optional<String> otherName(Facts f, boolean signedIn) {
        return f.verification().checks().stream()
                .filter(c -> c.result().map(r -> r.passed(Phase.AUTH) == signedIn
                        && (signedIn || r.failure().orElse(null) == FailureKind.AUTH_REJECTED)).orElse(false))
                .filter(c -> f.port().isPresent() && c.port() == f.port().getAsInt())
                .filter(c -> f.authMethod().map(chosen -> chosen == c.settings().authMethod()).orElse(false))
                .map(c -> c.settings().username())
                .filter(name -> !name.isBlank() && f.username().map(typed -> !typed.equals(name)).orElse(false))
                .findFirst();
    }

    private static boolean externalRecipient(Facts f) {
        Optional<String> recipient = f.probe().flatMap(ProbeResult::recipientTried).filter(r -> r.contains("@"));
        Optional<String> sender = f.sender().filter(s -> s.contains("@"));
        return recipient.isPresent() && sender.isPresent()
                && !domainOf(recipient.get()).equals(domainOf(sender.get()));
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    static Optional<String> providerNameOf(Facts f) {
        return f.provider().map(Provider::name);
    }

    /** Domains of the large providers' outgoing servers, as a receiving server's log names its client. */
    private static final List<String> PROVIDER_OUTBOUND = List.of(".google.com", ".sendgrid.net", ".amazonses.com",
            ".outlook.com", ".mailgun.net", ".sparkpostmail.com", ".mandrillapp.com", ".mcsv.net", ".mailchannels.net",
            ".postmarkapp.com", ".yahoo.com", ".mailjet.com", ".zoho.com", ".icloud.com", ".gmx.net", ".web.de");
    private static final int MAX_CLIENT_NAME = 255;

    /**
     * Whether a receiving server's log ("reject: RCPT from NAME[IP]") names a large provider's server as the refused
     * client: then the listed address is the provider's, not the user's own connection.
     */
    private static boolean listedClientIsProvider(Facts f) {
        String lower = f.lowerText();
        int from = lower.indexOf("rcpt from ");
        if (from < 0) {
            return false;
        }
        int start = from + "rcpt from ".length();
        int end = lower.indexOf('[', start);
        if (end < 0 || end - start > MAX_CLIENT_NAME) {
            return false;
        }
        String client = lower.substring(start, end).strip();
        return PROVIDER_OUTBOUND.stream().anyMatch(client::endsWith);
    }

    /**
     * The sign-in methods a pasted transcript shows the server offering ("250-AUTH GSSAPI NTLM", "250 AUTH=NTLM"),
     * in lower case; empty when the paste shows no offer.
     */
    private static List<String> offeredInPaste(Facts f) {
        if (f.pasted().isEmpty()) {
            return List.of();
        }
        List<String> offered = new java.util.ArrayList<>();
        // the text as pasted: the rules' words join a multi-line reply and drop the codes that mark the offer
        Matcher m = PASTED_AUTH_OFFER.matcher(f.pasted().get().text().toLowerCase(Locale.ROOT));
        while (m.find()) {
            for (String word : m.group(1).strip().split("\\s+")) {
                if (word.matches("\\d{3}[ -].*|\\d{3}")) {
                    break;
                }
                offered.add(word);
            }
        }
        return offered;
    }

    /**
     * The server offers sign-in, but only by methods that take no typed password: Windows sign-in (NTLM, GSSAPI /
     * Kerberos) on company servers, which mail programs and libraries outside Windows domains cannot use.
     */
    private static boolean offerWithoutPasswordMethod(Facts f) {
        List<String> offered = offeredInPaste(f);
        return !offered.isEmpty() && offered.stream().noneMatch(w -> w.equals("plain") || w.equals("login")
                || w.startsWith("cram-") || w.startsWith("digest-") || w.startsWith("scram-") || w.equals("xoauth2")
                || w.equals("oauthbearer"));
    }

    /** A pasted transcript that shows the greeting exchange but no AUTH command and no reply to one. */
    private static boolean authNeverSent(Facts f) {
        String lower = f.lowerText();
        return f.pasted().isPresent() && f.code().isEmpty() && lower.contains("ehlo")
                && !lower.contains("auth plain") && !lower.contains("auth login") && !lower.contains("auth cram")
                && !lower.contains("auth xoauth");
    }

    /**
     * Words that name a list of refused network addresses (DNS block lists, Spamhaus's SBL/XBL/PBL, Spamcop, Barracuda,
     * SORBS, UCEPROTECT) or the reputation they stand for: the refused address may be the user's connection or the
     * provider's own server.
     */
    private static final List<String> LISTING_WORDS = List.of("blocked using", "blacklist", "blocklist", "block list",
            "dnsbl", "spamhaus", "spamcop", "barracuda", "sorbs", "uceprotect", " rbl", "listed", "reputation",
            "banned sending ip", "blocked ip");

    private static boolean addressListed(Facts f) {
        return LISTING_WORDS.stream().anyMatch(f.lowerText()::contains);
    }

    /**
     * Words of a connection lost while a session was under way (the vocabulary's meaning {@code
     * connectionLostUnderWay}: a write that failed, a pipe broken, a connection "interrupted" or lost "in the middle
     * of the transaction", in the mail programs' own translations too, and
     * Outlook's number for it, 0x800CCC0F, whatever the language of its sentence) or
     * aborted by this computer itself (Winsock 10053, ECONNABORTED: often a security program): not a server hanging
     * up before its first reply.
     */
    private static final ReplyVocabulary.Meaning LOST_UNDER_WAY = ReplyVocabulary.builtIn()
            .meaning("connectionLostUnderWay").orElseThrow();

    /**
     * A pasted connection that the server closed with nothing said: no reply code in the text, and either the
     * greeting as the step or no step the text names itself (the step would only be the failure's usual one).
     */
    private static boolean closedWithoutReply(Facts f) {
        return f.pasted().filter(p -> p.failureKind().orElse(null) == FailureKind.CONNECTION_CLOSED
                && p.code().isEmpty() && p.enhanced().isEmpty()
                && !LOST_UNDER_WAY.heldBy(f.lowerText())
                && (p.phase().orElse(null) == Phase.GREETING || !ReplyParser.namesStep(p.text()))).isPresent();
    }

    /** At least two server turns of a debug transcript are empty: something answers the port but speaks no SMTP. */
    private static boolean emptyServerReplies(Facts f) {
        if (f.pasted().isEmpty()) {
            return false;
        }
        Matcher m = EMPTY_SERVER_LINE.matcher(f.lowerText());
        int empty = 0;
        while (m.find() && empty < 2) {
            empty++;
        }
        return empty >= 2;
    }

    /**
     * A transcript of a connection to a known provider's server quotes a greeting from a server whose name lies in
     * none of the provider's domains: a hosting company or network sent the connection to a server of its own.
     */
    private static boolean greetingFromOtherServer(Facts f) {
        Optional<Provider> provider = f.host().flatMap(h -> f.provider().filter(p -> p.ownsHost(h)));
        if (f.pasted().isEmpty() || provider.isEmpty()) {
            return false;
        }
        Matcher m = GREETING_NAME.matcher(f.lowerText());
        if (!m.find()) {
            return false;
        }
        String name = m.group(1);
        return f.catalog().ownServerDomains(provider.get()).stream()
                .noneMatch(d -> name.equals(d) || name.endsWith("." + d));
    }

    /**
     * The software web hosts run for their own mail (Exim, cPanel's and Plesk's banners, the cPanel greeting's
     * "We do not authorize the use of this system to transport unsolicited ... e-mail"), as its greeting names it.
     */
    private static final List<String> HOSTING_SERVER_WORDS = List.of("exim", "cpanel", "plesk", "directadmin",
            "we do not authorize the use of this system", "we do not authorise the use of this system");
    /** How much of a greeting line is read for the software that sent it. */
    private static final int GREETING_LINE = 240;

    /**
     * A transcript of a connection to a known provider's server is answered by a greeting from another
     * organisation's server, worded by the mail software web hosts run: the hosting company sends outgoing mail
     * connections to its own server (cPanel/WHM "SMTP Restrictions"). The providers' own greetings name their own
     * domains, and none of those large enough to be known runs Exim or cPanel under another organisation's name.
     */
    private static boolean hostingServerGreeted(Facts f) {
        if (!greetingFromOtherServer(f)) {
            return false;
        }
        String lower = f.lowerText();
        Matcher m = GREETING_NAME.matcher(lower);
        if (!m.find()) {
            return false;
        }
        String line = lower.substring(m.start(), Math.min(lower.length(), m.end() + GREETING_LINE));
        return HOSTING_SERVER_WORDS.stream().anyMatch(line::contains);
    }

    /**
     * Domains of large sending services whose servers present certificates of public authorities, renewed on time:
     * a device that finds them expired or untrusted judges them wrongly (clock, outdated trust store, interception).
     */
    private static final List<String> PUBLIC_SERVICE_DOMAINS = List.of("sendgrid.net",
            "mailgun.org", "mailgun.net", "postmarkapp.com", "sparkpostmail.com", "mailjet.com", "sendinblue.com",
            "brevo.com", "mandrillapp.com", "smtp2go.com", "mailersend.net", "resend.com", "zeptomail.com",
            "socketlabs.com", "elasticemail.com", "office365.com", "outlook.com", "gmail.com", "googlemail.com");

    /** The host is a known provider's documented server or a large sending service's. */
    private static boolean publicServerHost(Facts f) {
        Optional<String> host = f.host().map(h -> h.toLowerCase(Locale.ROOT).replaceFirst("\\.$", ""));
        if (host.isEmpty()) {
            return false;
        }
        String h = host.get();
        return f.provider().filter(p -> p.ownsHost(h)).isPresent()
                || PUBLIC_SERVICE_DOMAINS.stream().anyMatch(d -> h.endsWith("." + d))
                // Amazon SES's servers; other names under amazonaws.com are anybody's own machines
                || h.startsWith("email-smtp.") && h.endsWith(".amazonaws.com");
    }

    /** Host and port are a server and port the provider documents: the name and the port are right. */
    private static boolean documentedServerPort(Facts f) {
        return f.host().isPresent() && f.port().isPresent() && f.provider().map(p -> p.servers().stream()
                .anyMatch(s -> s.host().equalsIgnoreCase(f.host().get()) && s.port() == f.port().getAsInt()))
                .orElse(false);
    }

    /**
     * A connection error with number 0 and no text: Swift Mailer's "[ #0]", PHPMailer's "Failed to connect to server:
     * (0)", PHP's "(Unknown error)". The system reported no network error (no time-out, no refusal): the failure came
     * before or after the TCP connection itself, usually in its encryption.
     */
    private static final Pattern EMPTY_SOCKET_ERROR = Pattern.compile(
            "\\[\\s{0,3}#0\\]|to server:\\s{0,3}\\(0\\)|\\(unknown error\\)");

    /**
     * .NET's "The server response was:" with nothing after it on its line: the server sent no reply it could read.
     * .NET gives a reply's enhanced code and text there, so a next line that starts with a code is that reply, moved
     * to the next line when a narrow window or a mail wrapped the text; so is the sentence itself broken over lines.
     */
    private static final Pattern DOTNET_EMPTY_RESPONSE = Pattern.compile(
            "the\\s+server\\s+response\\s+was:[ \\t]*(?:$|\\r?\\n(?![ \\t]*[245](?:\\d\\d|\\.\\d{1,3}\\.\\d{1,3})\\b))",
            Pattern.CASE_INSENSITIVE);

    /**
     * Failures of reaching the server or of setting up its encryption: a text that names one of them (and quotes no
     * reply) stopped before any server could judge an account, so words about accounts beside it are the program's
     * own (a message's subject, "Verify your account").
     */
    /**
     * Failures where no server answered at all: a program's own guess beside them ("Wrong host or port", "the SMTP
     * hostname may be wrong") is a guess, and what it saw is the connection that was not made.
     */
    private static final Set<FailureKind> SERVER_NOT_REACHED = Set.of(FailureKind.CONNECTION_REFUSED,
            FailureKind.CONNECT_TIMEOUT, FailureKind.NETWORK_UNREACHABLE);

    private static boolean serverNotReached(Facts f) {
        return f.pasted().isPresent() && f.kind().filter(SERVER_NOT_REACHED::contains).isPresent();
    }

    private static final Set<FailureKind> CONNECTION_FAILURES = Set.of(FailureKind.UNKNOWN_HOST,
            FailureKind.NETWORK_UNREACHABLE, FailureKind.CONNECTION_REFUSED, FailureKind.CONNECT_TIMEOUT,
            FailureKind.NO_GREETING, FailureKind.CERT_HOST_MISMATCH, FailureKind.CERT_EXPIRED,
            FailureKind.CERT_NOT_YET_VALID, FailureKind.CERT_UNTRUSTED, FailureKind.TLS_NO_COMMON_PROTOCOL,
            FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, FailureKind.STARTTLS_NOT_OFFERED);

    private static boolean connectionFailureNamed(Facts f) {
        return f.pasted().isPresent() && f.code().isEmpty() && f.kind().filter(CONNECTION_FAILURES::contains).isPresent();
    }

    private static boolean emptySocketError(Facts f) {
        return EMPTY_SOCKET_ERROR.matcher(f.lowerText()).find();
    }

    /**
     * Nodemailer's error object printed as data: {@code {"code":"ESOCKET","command":"CONN"}}. Nodemailer keeps the
     * system's own code when there is one (ECONNREFUSED, ETIMEDOUT, ENOTFOUND); ESOCKET is left for socket errors
     * without one, above all those of the encryption set up at connect (implicit TLS against a server that starts in
     * plain text, or the reverse).
     */
    private static final Pattern BARE_SOCKET_ERROR_AT_CONNECT = Pattern.compile(
            "[\"']?code[\"']?\\s{0,3}:\\s{0,3}[\"']esocket[\"'],?\\s{0,3}[\"']?command[\"']?\\s{0,3}:\\s{0,3}[\"']conn[\"']");

    private static boolean bareSocketErrorAtConnect(Facts f) {
        return f.pasted().isPresent() && f.kind().isEmpty() && BARE_SOCKET_ERROR_AT_CONNECT.matcher(f.lowerText()).find();
    }

    /**
     * A stack frame as Java and .NET print it ("at System.Net.Mail.SmtpClient.Send(", "at com.sun.mail.smtp
     * .SMTPTransport.protocolConnect("): a dotted name called with parentheses after "at" at a line's or a word's start.
     */
    private static final Pattern STACK_FRAME = Pattern.compile("(?:^|\\s)at [a-z_$][\\w$]*(?:\\.[\\w$<>`]+)+\\(");

    /** A mail server's own log lines of passing mail on (Postfix's smtp client, Exim, Sendmail, OpenSMTPD). */
    private static final List<String> MAIL_SERVER_LOG = List.of("postfix/smtp[", "postfix/relay[", "postfix/lmtp[",
            "exim[", "sendmail[", "smtpd[", "opensmtpd", "relay=");

    private static boolean mailServerOwnLog(Facts f) {
        return MAIL_SERVER_LOG.stream().anyMatch(f.lowerText()::contains);
    }

    private static boolean stackTraceQuoted(Facts f) {
        return f.pasted().isPresent() && STACK_FRAME.matcher(f.lowerText()).find();
    }

    private static boolean dotnetEmptyResponse(Facts f) {
        return f.pasted().map(p -> DOTNET_EMPTY_RESPONSE.matcher(p.text()).find()).orElse(false);
    }

    private static boolean authAnsweredPositively(Facts f) {
        String lower = f.lowerText();
        return AUTH_FAILED_WITH_POSITIVE_REPLY.matcher(lower).find()
                || AUTH_FAILED_WITHOUT_REFUSAL.matcher(lower).find();
    }

    /**
     * The server set is a large provider's own, one that runs its own sign-in (app passwords, OAuth): its replies are
     * never worded the way the mail server software web hosts run (Exim, cPanel) words them, so such words mean
     * another server answered in its place.
     */
    private static boolean providerRunsOwnSignIn(Facts f) {
        return f.host().flatMap(h -> f.provider().filter(p -> p.ownsHost(h)))
                .filter(p -> p.mayNeedAppPassword() || p.requires(Requirement.OAUTH_ONLY)).isPresent();
    }

    private static boolean hostWithTrailingSpace(Facts f) {
        return QUOTED_HOST_WITH_SPACE.matcher(f.lowerText()).find();
    }

    /** "Client host [smtp001.example.net] blocked": the listed client is named as a mail server. */
    private static boolean listedClientIsServerName(Facts f) {
        return CLIENT_HOST_NAME.matcher(f.lowerText()).find();
    }

    /**
     * The fixed sign-in name of the sending service the server set (or the text) names, when the text does not show
     * that the name was the one used: the provider catalogue's servers whose user name is one word for every customer
     * (SendGrid's {@code apikey}, Resend's {@code resend}), the word looked for plain or in base64 as a session
     * transcript carries it.
     */
    private static Optional<String> fixedSignInName(Facts f) {
        String lower = f.lowerText();
        String host = f.host().map(h -> h.toLowerCase(Locale.ROOT)).orElse("");
        return f.catalog().providers().stream()
                .flatMap(p -> p.servers().stream())
                .filter(s -> s.usernameForm().isFixed())
                .filter(s -> host.equals(s.host()) || lower.contains(s.host()))
                .map(s -> s.usernameForm().fixedName())
                .filter(name -> !lower.contains(name.toLowerCase(Locale.ROOT))
                        && !lower.contains(base64(name).toLowerCase(Locale.ROOT))
                        && f.username().map(u -> !u.equalsIgnoreCase(name)).orElse(true))
                .findFirst();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                .replace("=", "");
    }

    /** A mail connection address (URI) the program could not read: what breaks it is a character in the secret. */
    private static final List<String> MAIL_URL_UNREADABLE = List.of("urierror: uri malformed",
            "invalid smtp connection uri", "invalid smtp connection url");

    private static boolean mailAddressUrlUnreadable(Facts f) {
        String lower = f.lowerText();
        return MAIL_URL_UNREADABLE.stream().anyMatch(lower::contains)
                && (lower.contains("smtp") || lower.contains("mail"));
    }
}
