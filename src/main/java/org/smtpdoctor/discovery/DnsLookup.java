package org.smtpdoctor.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.smtpdoctor.probe.HostResolver;

/**
 * The DNS questions the search asks, behind an interface so the resolver is a setting: the system's resolver in
 * normal use, a chosen server with {@code --dns}, a test server on loopback in tests.
 *
 * <p>"No such name" and "no records" are answers (an empty list); only a resolver that cannot answer (timeout,
 * SERVFAIL, refused) throws.
 */
public interface DnsLookup {

    /** The SRV records of {@code name}, best first (lowest priority, then highest weight). */
    List<SrvTarget> srv(String name) throws IOException;

    /** The MX host names of {@code domain}, most preferred first, without the trailing dot. */
    List<String> mx(String domain) throws IOException;

    /** The IPv4 then IPv6 addresses of {@code host}; an IP literal is returned as it is, without a query. */
    List<InetAddress> addresses(String host) throws IOException;

    /**
     * This lookup as the probe's resolver, so that the servers found are also connected to through it: with a
     * chosen DNS server, a name only that server knows is found <em>and</em> probed.
     */
    default HostResolver hostResolver() {
        return host -> {
            List<InetAddress> found = addresses(host);
            if (found.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return found.toArray(new InetAddress[0]);
        };
    }

    /**
     * One SRV record (RFC 2782).
     *
     * @param target host name without the trailing dot; empty for the RFC 2782 / RFC 6186 "." target, which says
     *               the service is decidedly not offered
     */
    record SrvTarget(int priority, int weight, int port, String target) {

        public boolean notOffered() {
            return target.isEmpty();
        }
    }
}
