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
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * A small loopback "internet" for search tests: fake SMTP servers on 127.0.0.x addresses, a test DNS server that
 * maps names to them, and options that probe the mapped addresses with short timeouts and trust the test CA.
 */
public final class Loopback implements AutoCloseable {

    public static final String USER = "ann@example.test";
    public static final String PASSWORD = "s3cret";

    public final TestDnsServer dns;
    private final List<FakeSmtpServer> servers = new ArrayList<>();

    public Loopback() throws IOException {
        dns = TestDnsServer.start();
    }

    /**
     * Fast options: connect 2 s, read 4 s, greeting 2 s (a cold JVM's first TLS handshake takes a while), names
     * resolved through the test DNS, test CA trusted.
     */
    public static FinderOptions options() {
        return FinderOptions.defaults()
                .withProbe(ProbeOptions.defaults()
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4))
                        .withGreetingWait(Duration.ofMillis(300))
                        .withTrustedCertificates(List.of(TestCertificates.ca())))
                .withGreetingTimeout(Duration.ofSeconds(2))
                .withStagger(Duration.ofMillis(5))
                .withOverallTimeout(Duration.ofSeconds(20))
                .withProbeResolvedAddresses(true);
    }

    /** Maps {@code host} to {@code ip} in the test DNS. */
    public Loopback name(String host, String ip) throws IOException {
        dns.a(host, ip);
        return this;
    }

    /** An implicit-TLS server on {@code ip} with sign-in {@link #USER}/{@link #PASSWORD}. */
    public FakeSmtpServer implicitTls(String ip) {
        return keep(FakeSmtpServer.builder().bind(ip).implicitTls(TestCertificates.forNames(ip))
                .auth(USER, PASSWORD).requireAuth().start());
    }

    /** A STARTTLS server on {@code ip} with sign-in after TLS. */
    public FakeSmtpServer starttls(String ip) {
        return keep(FakeSmtpServer.builder().bind(ip).starttls(TestCertificates.forNames(ip))
                .auth(USER, PASSWORD).authOnlyAfterTls().requireAuth().start());
    }

    /**
     * A submission port as a firewall's mail inspection leaves it (Cisco's ESMTP inspection): the STARTTLS offer
     * masked as {@code XXXXXXXA}, so the sign-in behind it is not seen either.
     */
    public FakeSmtpServer maskedStarttls(String ip) {
        return keep(FakeSmtpServer.builder().bind(ip).serverName("mail.example.test")
                .extensions("PIPELINING", "SIZE 10240000", "XXXXXXXA", "8BITMIME")
                .auth(USER, PASSWORD).authOnlyAfterTls().start());
    }

    /** Accepts connections and never says a word. */
    public FakeSmtpServer blackHole(String ip) {
        return keep(FakeSmtpServer.builder().bind(ip).blackHole().start());
    }

    public FakeSmtpServer keep(FakeSmtpServer server) {
        servers.add(server);
        return server;
    }

    /** A port nothing listens on at {@code ip} (connections are refused). */
    public static int closedPort(String ip) {
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
