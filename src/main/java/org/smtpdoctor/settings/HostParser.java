package org.smtpdoctor.settings;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever was pasted into the server field into a plain ASCII host name or IP literal: strips
 * {@code smtp://} URLs, splits off a {@code :port}, converts international names, and explains each change as a
 * {@link Finding}. People copy these values from web pages, e-mails and other programs, so the field often holds
 * more (or something else) than a host name.
 */
final class HostParser {

    /** RFC 1035 2.3.4 and RFC 1123 2.1. */
    static final int MAX_HOST_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$", Pattern.DOTALL);
    private static final Pattern INCOMING_PREFIX =
            Pattern.compile("^(imap|imaps|imap4|pop|pops|pop3|pop3s)(?=[.-])");
    private static final Pattern USER_AND_PASSWORD = Pattern.compile("^[^@:/]*:[^@]*@");
    private static final Setting FIELD = Setting.SERVER_HOST;

    /**
     * @param host           the normalised host (ASCII, lower case, no brackets), empty when the field is unusable
     * @param port           a port found inside the field, when there was one and it is valid
     * @param schemeSecurity the security an {@code smtps://} URL implies
     */
    record Parsed(Optional<String> host, Optional<Integer> port, Optional<Security> schemeSecurity) {

        static Parsed failed() {
            return new Parsed(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private HostParser() {
    }

    static Parsed parse(String raw, List<Finding> findings) {
        String typed = raw == null ? "" : raw.strip();
        String original = withoutUserInfo(typed);
        if (original.isEmpty()) {
            findings.add(Finding.error(FIELD, "settings.host.empty"));
            return Parsed.failed();
        }
        if (original.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            findings.add(Finding.error(FIELD, "settings.host.emailAddress", original));
            return Parsed.failed();
        }
        String text = typed;
        Optional<Security> schemeSecurity = Optional.empty();
        boolean wasUrl = false;
        Matcher url = URL.matcher(text);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "smtp", "submission" -> {
                    // the usual: the port and the security come from the rest of the form
                }
                case "smtps", "submissions" -> schemeSecurity = Optional.of(Security.SSL_TLS);
                case "http", "https" -> {
                    findings.add(Finding.error(FIELD, "settings.host.webAddress", original));
                    return Parsed.failed();
                }
                case "imap", "imaps", "pop", "pops", "pop3", "pop3s" -> {
                    findings.add(Finding.error(FIELD, "settings.host.incomingUrl", original));
                    return Parsed.failed();
                }
                default -> {
                    findings.add(Finding.error(FIELD, "settings.host.unknownScheme", original, scheme));
                    return Parsed.failed();
                }
            }
            wasUrl = true;
            text = cutAtAny(url.group(2), "/?#");
            int at = text.lastIndexOf('@');
            if (at >= 0) {
                // user (and maybe password) inside the URL: dropped, and never repeated in a message
                text = text.substring(at + 1);
                findings.add(Finding.note(FIELD, "settings.host.credentialsRemoved"));
            }
        } else if (text.indexOf('@') >= 0) {
            findings.add(Finding.error(FIELD, "settings.host.emailAddress", original));
            return Parsed.failed();
        }

        HostAndPort split = splitPort(text, original, findings);
        if (split == null) {
            return Parsed.failed();
        }
        Optional<Integer> port = Ports.parse(split.port);
        if (!split.port.isEmpty() && port.isEmpty()) {
            findings.add(Finding.error(FIELD, "settings.host.badPort", original, split.port));
            return Parsed.failed();
        }
        Optional<String> host = split.ipv6
                ? Optional.of(split.host.toLowerCase(Locale.ROOT))
                : checkName(split.host, original, findings);
        if (host.isPresent() && wasUrl) {
            findings.add(Finding.note(FIELD, "settings.host.urlNormalised", original, host.get()));
        }
        return new Parsed(host, host.isPresent() ? port : Optional.empty(), schemeSecurity);
    }

    private record HostAndPort(String host, String port, boolean ipv6) {
    }

    /** Splits {@code host:port}, {@code [v6]:port}, {@code [v6]} and bare IPv6; null after reporting an error. */
    private static HostAndPort splitPort(String text, String original, List<Finding> findings) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            String inner = close < 0 ? "" : text.substring(1, close);
            String rest = close < 0 ? "" : text.substring(close + 1);
            if (close < 0 || !(rest.isEmpty() || rest.startsWith(":")) || !IpLiterals.isIpv6(inner)) {
                findings.add(Finding.error(FIELD, "settings.host.badIpv6", original));
                return null;
            }
            return new HostAndPort(inner, rest.isEmpty() ? "" : rest.substring(1), true);
        }
        int colons = (int) text.chars().filter(c -> c == ':').count();
        if (colons >= 2) {
            if (!IpLiterals.isIpv6(text)) {
                findings.add(Finding.error(FIELD, "settings.host.badIpv6", original));
                return null;
            }
            return new HostAndPort(text, "", true);
        }
        if (colons == 1) {
            int colon = text.indexOf(':');
            return new HostAndPort(text.substring(0, colon), text.substring(colon + 1).strip(), false);
        }
        return new HostAndPort(text, "", false);
    }

    /** Checks and normalises a host name or IPv4 literal. */
    private static Optional<String> checkName(String name, String original, List<Finding> findings) {
        String host = name.strip();
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            findings.add(Finding.error(FIELD, "settings.host.empty"));
            return Optional.empty();
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            findings.add(Finding.error(FIELD, "settings.host.spaces", original));
            return Optional.empty();
        }
        String bad = illegalCharacters(host);
        if (!bad.isEmpty()) {
            findings.add(Finding.error(FIELD, "settings.host.illegalCharacters", original, bad));
            return Optional.empty();
        }
        String ascii = host;
        if (!isAscii(host)) {
            try {
                ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                findings.add(Finding.error(FIELD, "settings.host.idnInvalid", original));
                return Optional.empty();
            }
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (!checkLengths(ascii, findings)) {
            return Optional.empty();
        }
        if (!isAscii(host)) {
            findings.add(Finding.note(FIELD, "settings.host.idnConverted", host, ascii));
        }
        if (ascii.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            if (!IpLiterals.isIpv4(ascii)) {
                findings.add(Finding.error(FIELD, "settings.host.badIpv4", original));
                return Optional.empty();
            }
            return Optional.of(ascii);
        }
        warnAboutLikelyMistakes(ascii, findings);
        return Optional.of(ascii);
    }

    private static boolean checkLengths(String ascii, List<Finding> findings) {
        if (ascii.length() > MAX_HOST_LENGTH) {
            findings.add(Finding.error(FIELD, "settings.host.tooLong",
                    String.valueOf(ascii.length()), String.valueOf(MAX_HOST_LENGTH)));
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty()) {
                findings.add(Finding.error(FIELD, "settings.host.emptyLabel", ascii));
                return false;
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                findings.add(Finding.error(FIELD, "settings.host.labelTooLong",
                        String.valueOf(label.length()), String.valueOf(MAX_LABEL_LENGTH)));
                return false;
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                findings.add(Finding.error(FIELD, "settings.host.hyphenAtEdge", label));
                return false;
            }
        }
        return true;
    }

    private static void warnAboutLikelyMistakes(String ascii, List<Finding> findings) {
        if (ascii.indexOf('_') >= 0) {
            findings.add(Finding.warning(FIELD, "settings.host.underscore", ascii));
        }
        Matcher incoming = INCOMING_PREFIX.matcher(ascii);
        if (incoming.find()) {
            findings.add(Finding.warning(FIELD, "settings.host.incomingServer", ascii,
                    "smtp" + ascii.substring(incoming.end())));
        } else if (ascii.startsWith("www.")) {
            findings.add(Finding.warning(FIELD, "settings.host.webHost", ascii));
        }
    }

    /**
     * The characters no host name may hold, each once, space separated; empty when there are none. The
     * ideographic full stops count as dots: IDNA (RFC 3490 3.1) maps them to ".".
     */
    private static String illegalCharacters(String host) {
        Set<String> bad = new LinkedHashSet<>();
        host.codePoints()
                .filter(c -> !(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_'
                        || c == '\u3002' || c == '\uFF0E' || c == '\uFF61'
                        || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK))
                .forEach(c -> bad.add(new String(Character.toChars(c))));
        return String.join(" ", new ArrayList<>(bad));
    }

    /**
     * The field's text as it may be repeated in a message: a {@code user:password@} part (of a URL or not) is
     * left out, because it may hold a password.
     */
    private static String withoutUserInfo(String text) {
        Matcher url = URL.matcher(text);
        if (url.matches()) {
            String rest = url.group(2);
            int end = cutAtAny(rest, "/?#").length();
            int at = rest.lastIndexOf('@', end - 1);
            return at < 0 ? text : url.group(1) + "://" + rest.substring(at + 1);
        }
        return USER_AND_PASSWORD.matcher(text).replaceFirst("");
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static String cutAtAny(String s, String stops) {
        for (int i = 0; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
