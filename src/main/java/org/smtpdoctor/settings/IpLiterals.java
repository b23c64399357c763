package org.smtpdoctor.settings;

import java.util.regex.Pattern;

/**
 * Recognises IPv4 and IPv6 address literals from text alone, without {@code InetAddress} (which may start a DNS
 * lookup for text that is not a literal).
 */
final class IpLiterals {

    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,3}");

    private IpLiterals() {
    }

    /** Dotted-quad IPv4, each part 0-255. */
    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!DECIMAL.matcher(p).matches() || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 2.2 text forms: eight groups, {@code ::} compression, an IPv4 tail; no zone id. */
    static boolean isIpv6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0) {
            return false;
        }
        int compressed = s.indexOf("::");
        if (compressed < 0) {
            return countGroups(s, true) == 8;
        }
        if (s.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        int left = countGroups(s.substring(0, compressed), false);
        int right = countGroups(s.substring(compressed + 2), true);
        return left >= 0 && right >= 0 && left + right <= 7;
    }

    /** Number of 16-bit groups in a colon-separated run, or -1 when a group is malformed. */
    private static int countGroups(String run, boolean ipv4TailAllowed) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] groups = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (ipv4TailAllowed && i == groups.length - 1 && g.indexOf('.') >= 0) {
                if (!isIpv4(g)) {
                    return -1;
                }
                count += 2;
            } else if (HEX_GROUP.matcher(g).matches()) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }
}
