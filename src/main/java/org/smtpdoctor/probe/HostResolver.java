package org.smtpdoctor.probe;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Turns a server name into addresses for the probe. A setting rather than a fixed call so that "use this DNS
 * server" ({@code --dns}) means every lookup a command makes, the probe's A/AAAA lookup included; the name itself
 * stays what TLS checks the certificate against.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * The addresses of {@code host}, preferred first.
     *
     * @throws java.net.UnknownHostException when the name has no address
     * @throws IOException                   when the resolver cannot answer
     */
    InetAddress[] resolve(String host) throws IOException;

    /** The operating system's resolver (hosts file, the configured DNS servers). */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
