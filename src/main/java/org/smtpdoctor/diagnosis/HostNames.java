package org.smtpdoctor.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host-name arithmetic the rules need: typo distance, and the usable name of a certificate (matched with the probe's
 * RFC 6125 matcher, {@link org.smtpdoctor.probe.HostNames#matchesName}).
 */
final class HostNames {

    /** At most this many single-character edits count as "one typo away" (a swap of two letters is one). */
    static final int MAX_TYPO_DISTANCE = 2;

    /** This computer ("localhost", 127.x, ::1) or any IP literal: a name that says nothing about whose server it is. */
    static boolean isLocalOrIp(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.matches("[0-9.]+") || h.contains(":");
    }

    private HostNames() {
    }

    /**
     * A name part people put in place of their own when they paste an error ("mail.xxx.com", "smtp.***.de",
     * "mail.redacted.net"): it hides a name, it is no spelling of one.
     */
    private static final Pattern PLACEHOLDER_LABEL = Pattern.compile(
            "x{3,}|y{3,}|z{3,}|\\*+|_+|redacted|hidden|removed|censored|anonymi[sz]ed|masked|placeholder|example"
            + "|mydomain|yourdomain|domain|company|mycompany|yourcompany|host|myhost|hostname|server|myserver");

    /**
     * A name a server's certificate is issued for out of the box, before anyone set it up ("HOSTNAME.DOMAIN",
     * "localhost.localdomain"): no server answers to it, so connecting to it cannot help; the server needs a certificate
     * for its real name. An internal network's names ("mail.corp.local") and example names, which stand for real ones in
     * pasted text, are not among them.
     */
    private static final Pattern DEFAULT_CERTIFICATE_NAME = Pattern.compile(
            "(?i)\\.(?:domain|localdomain|localhost|invalid)$");

    /**
     * The known host {@code host} is most likely a misspelling of: the unique closest one within
     * {@link #MAX_TYPO_DISTANCE} edits (one edit for short names), and never the host itself. A name with a hidden
     * part is nobody's typo: "mail.xxx.com" is two edits from mail.gmx.com, but stands for the writer's own server.
     */
    static Optional<String> correctTypo(String host, List<String> knownHosts) {
        String h = host.toLowerCase(Locale.ROOT).strip();
        if (java.util.Arrays.stream(h.split("\\.")).anyMatch(label -> PLACEHOLDER_LABEL.matcher(label).matches())) {
            return Optional.empty();
        }
        int limit = h.length() < 10 ? 1 : MAX_TYPO_DISTANCE;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String known : knownHosts) {
            String k = known.toLowerCase(Locale.ROOT);
            if (k.equals(h)) {
                return Optional.empty();
            }
            int d = distance(h, k);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !known.equalsIgnoreCase(best)) {
                tie = true;
            }
        }
        return best != null && bestDistance <= limit && !tie ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The name to connect to instead, given the names a certificate is valid for: a documented provider server the
     * certificate covers, else the first name without a wildcard.
     */
    static Optional<String> usableCertificateName(List<String> certificateNames, List<String> knownHosts) {
        for (String known : knownHosts) {
            if (certificateNames.stream().anyMatch(n -> org.smtpdoctor.probe.HostNames.matchesName(known, n))) {
                return Optional.of(known);
            }
        }
        return certificateNames.stream()
                .map(String::strip)
                .filter(n -> !n.startsWith("*") && n.contains(".") && !n.matches("[0-9.:]+"))
                .filter(n -> !isDefaultCertificateName(n))
                .findFirst();
    }

    /** Whether {@code name} is a certificate's out-of-the-box name ({@link #DEFAULT_CERTIFICATE_NAME}). */
    static boolean isDefaultCertificateName(String name) {
        return DEFAULT_CERTIFICATE_NAME.matcher(name.strip()).find();
    }
}
