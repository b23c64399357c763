package org.smtpdoctor.settings;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pragmatic RFC 5322 addr-spec check for the envelope sender and recipient, without the mail library (the
 * settings layer must not depend on it): dot-atom or quoted local part, internationalised local parts (RFC 6531 /
 * RFC 6532), a host name or address literal as domain. It also accepts what people paste ({@code mailto:x},
 * {@code Name <x>}) and says what it removed.
 */
final class AddressChecker {

    /** RFC 5321 4.5.3.1.1 and the de-facto 254 limit of a path's address (RFC 3696 erratum 1690). */
    static final int MAX_LOCAL_PART_OCTETS = 64;
    static final int MAX_ADDRESS_LENGTH = 254;

    /** RFC 5322 3.2.3 atext (ASCII part). */
    private static final String ATEXT_ASCII = "!#$%&'*+-/=?^_`{|}~";
    private static final Pattern QUOTED = Pattern.compile("^\"(?:[^\"\\\\\\r\\n]|\\\\[^\\r\\n])*\"$");
    private static final Pattern NAME_ADDR = Pattern.compile("^(.*)<([^<>]*)>$", Pattern.DOTALL);

    private AddressChecker() {
    }

    /**
     * @param keyPrefix {@code settings.sender.} or {@code settings.recipient.}
     * @return the address to use ({@code ""} for an empty field), or empty after an error was reported
     */
    static Optional<String> check(String raw, Setting field, String keyPrefix, List<Finding> findings) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return Optional.of("");
        }
        if (text.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            text = text.substring("mailto:".length()).strip();
            findings.add(Finding.note(field, keyPrefix + "mailtoRemoved", text));
        }
        Matcher nameAddr = NAME_ADDR.matcher(text);
        if (nameAddr.matches()) {
            text = nameAddr.group(2).strip();
            findings.add(Finding.note(field, keyPrefix + "displayNameRemoved", text));
        }
        if (text.length() > MAX_ADDRESS_LENGTH) {
            // before any pattern: a long quoted local part would make the regex recurse once per character
            findings.add(Finding.error(field, keyPrefix + "tooLong", text));
            return Optional.empty();
        }
        int at = text.lastIndexOf('@');
        if (at < 0) {
            findings.add(Finding.error(field, keyPrefix + "noAt", text));
            return Optional.empty();
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.isEmpty() || domain.isEmpty()) {
            findings.add(Finding.error(field, keyPrefix + "incomplete", text));
            return Optional.empty();
        }
        if (!QUOTED.matcher(local).matches() && text.chars().anyMatch(Character::isWhitespace)) {
            findings.add(Finding.error(field, keyPrefix + "spaces", text));
            return Optional.empty();
        }
        if (!isValidLocalPart(local)) {
            findings.add(Finding.error(field, keyPrefix + "badLocalPart", text));
            return Optional.empty();
        }
        if (!isValidDomain(domain)) {
            findings.add(Finding.error(field, keyPrefix + "badDomain", text, domain));
            return Optional.empty();
        }
        if (text.length() > MAX_ADDRESS_LENGTH) {
            findings.add(Finding.error(field, keyPrefix + "tooLong", text));
            return Optional.empty();
        }
        if (local.chars().anyMatch(c -> c >= 0x80)) {
            findings.add(Finding.note(field, keyPrefix + "internationalised", text));
        }
        return Optional.of(text);
    }

    static boolean isValidLocalPart(String local) {
        if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_PART_OCTETS) {
            return false;
        }
        if (QUOTED.matcher(local).matches()) {
            return true;
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty() || !atom.codePoints().allMatch(AddressChecker::isAtext)) {
                return false;
            }
        }
        return true;
    }

    /** atext, extended by RFC 6532 3.2 with any non-ASCII character (but no controls or spaces). */
    private static boolean isAtext(int c) {
        if (c >= 0x80) {
            return !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
        }
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ATEXT_ASCII.indexOf(c) >= 0;
    }

    static boolean isValidDomain(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) {
            String literal = domain.substring(1, domain.length() - 1);
            return IpLiterals.isIpv4(literal)
                    || (literal.regionMatches(true, 0, "IPv6:", 0, 5) && IpLiterals.isIpv6(literal.substring(5)));
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > HostParser.MAX_HOST_LENGTH || ascii.endsWith(".")) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > HostParser.MAX_LABEL_LENGTH
                    || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
        }
        return true;
    }
}
