package org.smtpdoctor.probe;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Server identity check of RFC 6125: subjectAltName dNSName entries (a wildcard only as the whole left-most label),
 * iPAddress entries for IP literals, and the subject CN only when the certificate has no dNSName at all. The one
 * host-name matcher of the program: the probe decides with it and the diagnosis reasons with it.
 */
public final class HostNames {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNames() {
    }

    /** Whether {@code host} names this computer itself: localhost, 127.x.x.x or ::1. */
    public static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    /** Whether {@code host} is an IPv4 or IPv6 address rather than a name. */
    public static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    static List<String> dnsNames(X509Certificate cert) {
        return sans(cert, SAN_DNS);
    }

    static List<String> ipAddresses(X509Certificate cert) {
        return sans(cert, SAN_IP);
    }

    private static List<String> sans(X509Certificate cert, int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all == null) {
                return out;
            }
            for (List<?> entry : all) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer && (Integer) entry.get(0) == type
                        && entry.get(1) instanceof String) {
                    out.add((String) entry.get(1));
                }
            }
        } catch (CertificateParsingException e) {
            return out;
        }
        return out;
    }

    /** The subject's common name(s), most specific last. */
    static List<String> commonNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            LdapName name = new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
            for (Rdn rdn : name.getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    out.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return out;
        }
        return out;
    }

    /** The names the certificate is valid for: DNS and IP SANs, or the CN when there is no dNSName SAN. */
    static List<String> validNames(X509Certificate cert) {
        List<String> names = new ArrayList<>(dnsNames(cert));
        if (names.isEmpty()) {
            List<String> cns = commonNames(cert);
            if (!cns.isEmpty()) {
                names.add(cns.get(cns.size() - 1));
            }
        }
        names.addAll(ipAddresses(cert));
        return names;
    }

    static boolean matches(String host, X509Certificate cert) {
        if (isIpLiteral(host)) {
            for (String ip : ipAddresses(cert)) {
                if (sameAddress(host, ip)) {
                    return true;
                }
            }
            return false;
        }
        List<String> dns = dnsNames(cert);
        if (dns.isEmpty()) {
            List<String> cns = commonNames(cert);
            return !cns.isEmpty() && matchesName(host, cns.get(cns.size() - 1));
        }
        for (String pattern : dns) {
            if (matchesName(host, pattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        if (!isIpLiteral(a) || !isIpLiteral(b)) {
            return false;
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Whether certificate name {@code pattern} covers {@code host} (RFC 6125 6.4): {@code *.example.com} matches
     * {@code mail.example.com}, not {@code example.com} nor {@code a.b.example.com}; never {@code *.com} or a partial
     * wildcard. Case, a final dot and the Unicode or ASCII form of an international name make no difference.
     */
    public static boolean matchesName(String host, String pattern) {
        String h = normalise(host);
        String p = normalise(pattern);
        if (h.isEmpty() || p.isEmpty()) {
            return false;
        }
        if (!p.startsWith("*.")) {
            return p.equals(h);
        }
        String suffix = p.substring(1); // ".example.com"
        if (suffix.indexOf('.', 1) < 0 || suffix.contains("*")) {
            return false; // "*.com" or a second wildcard: never
        }
        if (!h.endsWith(suffix)) {
            return false;
        }
        String label = h.substring(0, h.length() - suffix.length());
        return !label.isEmpty() && label.indexOf('.') < 0;
    }

    private static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        try {
            return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return n; // not a valid international name: compared as written
        }
    }
}
