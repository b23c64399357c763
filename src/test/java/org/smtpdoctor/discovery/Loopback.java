package org.smtpdoctor.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * A small loopback "internet" for search tests: fake SMTP servers on 127.0.0.x addresses, a test DNS server that
 * maps names to them, and options that probe the mapped addresses with short timeouts and trust the test CA.
 */
final class Loopback implements AutoCloseable {

    static final String USER = "ann@example.test";
    static final String PASSWORD = "s3cret";

    final TestDnsServer dns;
    private final List<FakeSmtpServer> servers = new ArrayList<>();

    Loopback() throws IOException {
        dns = TestDnsServer.start();
    }

    /** Fast options: connect 2 s, read 4 s, greeting 500 ms, names resolved through the test DNS, test CA trusted. */
    static FinderOptions options() {
        return FinderOptions.defaults()
                .withProbe(ProbeOptions.defaults()
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4))
                        .withGreetingWait(Duration.ofMillis(300))
                        .withTrustedCertificates(List.of(TestCertificates.ca())))
                .withGreetingTimeout(Duration.ofMillis(500))
                .withStagger(Duration.ofMillis(5))
                .withOverallTimeout(Duration.ofSeconds(20))
                .withProbeResolvedAddresses(true);
    }

    /** Maps {@code host} to {@code ip} in the test DNS. */
    Loopback name(String host, String ip) throws IOException {
        dns.a(host, ip);
        return this;
    }

    /** An implicit-TLS server on {@code ip} with sign-in {@link #USER}/{@link #PASSWORD}. */
    FakeSmtpServer implicitTls(String ip) {
        return keep(FakeSmtpServer.builder().bind(ip).implicitTls(TestCertificates.forNames(ip))
                .auth(USER, PASSWORD).requireAuth().start());
    }

    /** A STARTTLS server on {@code ip} with sign-in after TLS. */
    FakeSmtpServer starttls(String ip) {
        return keep(FakeSmtpServer.builder().bind(ip).starttls(TestCertificates.forNames(ip))
                .auth(USER, PASSWORD).authOnlyAfterTls().requireAuth().start());
    }

    /** Accepts connections and never says a word. */
    FakeSmtpServer blackHole(String ip) {
        return keep(FakeSmtpServer.builder().bind(ip).blackHole().start());
    }

    FakeSmtpServer keep(FakeSmtpServer server) {
        servers.add(server);
        return server;
    }

    /** A port nothing listens on at {@code ip} (connections are refused). */
    static int closedPort(String ip) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SettingsFinder finder(ProviderCatalog catalog, FinderOptions options) {
        return new SettingsFinder(catalog, dns.lookup(), options);
    }

    @Override
    public void close() throws Exception {
        for (FakeSmtpServer s : servers) {
            s.close();
        }
        dns.close();
    }
}
