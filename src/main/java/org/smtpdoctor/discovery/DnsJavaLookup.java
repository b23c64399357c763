package org.smtpdoctor.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smtpdoctor.probe.HostResolver;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsLookup} over dnsjava, asking one resolver directly (no dnsjava cache or search path, so no global
 * state and every answer is fresh).
 */
public final class DnsJavaLookup implements DnsLookup {

    /** How long one DNS question may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final Resolver resolver;
    private final HostResolver systemAddresses;

    /** @param systemAddresses the operating system's lookup, or null to ask {@code resolver} for A and AAAA */
    DnsJavaLookup(Resolver resolver, HostResolver systemAddresses) {
        this.resolver = resolver;
        this.systemAddresses = systemAddresses;
    }

    /**
     * The resolvers the operating system is configured with; addresses come from the operating system itself
     * (hosts file included), as every other program on the machine would get them.
     */
    public static DnsJavaLookup system(Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver();
        resolver.setTimeout(timeout);
        return new DnsJavaLookup(resolver, HostResolver.system());
    }

    /**
     * The probe's resolver in normal use: the operating system's lookup, as mail programs get addresses, and when
     * that finds nothing, one question to the system's DNS servers to tell "no such name" from "the DNS did not
     * answer" (the operating system's lookup reports both alike). The DNS part is set up only then.
     */
    public static HostResolver systemResolver(Duration timeout) {
        return host -> {
            try {
                return HostResolver.system().resolve(host);
            } catch (UnknownHostException e) {
                return system(timeout).hostResolver().resolve(host);
            }
        };
    }

    /**
     * One DNS server given as {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal (port 53
     * when none is given).
     *
     * @throws IllegalArgumentException when the text is not of that form or the host cannot be resolved
     */
    public static DnsJavaLookup server(String hostAndPort, Duration timeout) {
        SimpleResolver resolver = new SimpleResolver(parseServer(hostAndPort));
        resolver.setTimeout(timeout);
        return new DnsJavaLookup(resolver, null);
    }

    static InetSocketAddress parseServer(String text) {
        String t = text == null ? "" : text.strip();
        String host = t;
        int port = SimpleResolver.DEFAULT_PORT;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Missing ']' in DNS server '" + text + "'");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (rest.startsWith(":")) {
                port = parsePort(rest.substring(1), text);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("Unexpected text after ']' in DNS server '" + text + "'");
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = parsePort(t.substring(t.indexOf(':') + 1), text);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("No host in DNS server '" + text + "'");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown DNS server host '" + host + "'", e);
        }
    }

    private static int parsePort(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("DNS server port out of range in '" + whole + "'");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad DNS server port in '" + whole + "'", e);
        }
    }

    @Override
    public List<SrvTarget> srv(String name) throws IOException {
        List<SrvTarget> targets = new ArrayList<>();
        for (Record r : query(name, Type.SRV)) {
            if (r instanceof SRVRecord) {
                SRVRecord s = (SRVRecord) r;
                targets.add(new SrvTarget(s.getPriority(), s.getWeight(), s.getPort(), hostOf(s.getTarget())));
            }
        }
        targets.sort(Comparator.comparingInt(SrvTarget::priority)
                .thenComparing(Comparator.comparingInt(SrvTarget::weight).reversed()));
        return targets;
    }

    @Override
    public List<String> mx(String domain) throws IOException {
        List<MXRecord> records = new ArrayList<>();
        for (Record r : query(domain, Type.MX)) {
            if (r instanceof MXRecord) {
                records.add((MXRecord) r);
            }
        }
        records.sort(Comparator.comparingInt(MXRecord::getPriority));
        return records.stream().map(r -> hostOf(r.getTarget())).filter(h -> !h.isEmpty()).toList();
    }

    @Override
    public List<InetAddress> addresses(String host) throws IOException {
        byte[] literal = Address.toByteArray(host, Address.IPv4);
        if (literal == null) {
            literal = Address.toByteArray(host, Address.IPv6);
        }
        if (literal != null) {
            return List.of(InetAddress.getByAddress(literal));
        }
        if (systemAddresses != null) {
            try {
                return List.of(systemAddresses.resolve(host));
            } catch (UnknownHostException e) {
                query(host, Type.A); // throws when the DNS cannot answer; no such name or no record is an answer
                return List.of();
            }
        }
        List<InetAddress> result = new ArrayList<>();
        for (Record r : query(host, Type.A)) {
            if (r instanceof ARecord) {
                result.add(((ARecord) r).getAddress());
            }
        }
        for (Record r : query(host, Type.AAAA)) {
            if (r instanceof AAAARecord) {
                result.add(((AAAARecord) r).getAddress());
            }
        }
        return result;
    }

    private List<Record> query(String name, int type) throws IOException {
        Name qname;
        try {
            qname = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IOException("Not a DNS name: " + name, e);
        }
        Message response = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw new IOException("DNS server answered " + Rcode.string(rcode) + " for " + name + " "
                    + Type.string(type));
        }
        return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }

    private static String hostOf(Name name) {
        String text = name.toString(true);
        return ".".equals(text) || text.isEmpty() ? "" : text;
    }
}
