package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DnsJavaLookupTest {

    private TestDnsServer dns;

    @BeforeEach
    void startDns() throws Exception {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stopDns() throws Exception {
        dns.close();
    }

    @Test
    void srvRecordsComeBestFirst() throws Exception {
        dns.srv("_submissions._tcp.example.test", 20, 0, 465, "backup.example.test")
                .srv("_submissions._tcp.example.test", 10, 5, 465, "light.example.test")
                .srv("_submissions._tcp.example.test", 10, 50, 4650, "heavy.example.test");

        List<DnsLookup.SrvTarget> targets = dns.lookup().srv("_submissions._tcp.example.test");

        assertEquals(List.of(new DnsLookup.SrvTarget(10, 50, 4650, "heavy.example.test"),
                new DnsLookup.SrvTarget(10, 5, 465, "light.example.test"),
                new DnsLookup.SrvTarget(20, 0, 465, "backup.example.test")), targets);
    }

    @Test
    void srvDotTargetMeansNotOffered() throws Exception {
        dns.srv("_submission._tcp.example.test", 0, 0, 0, ".");

        List<DnsLookup.SrvTarget> targets = dns.lookup().srv("_submission._tcp.example.test");

        assertEquals(1, targets.size());
        assertTrue(targets.get(0).notOffered());
    }

    @Test
    void mxHostsComeByPreference() throws Exception {
        dns.mx("example.test", 20, "alt1.aspmx.l.google.com").mx("example.test", 10, "aspmx.l.google.com");

        assertEquals(List.of("aspmx.l.google.com", "alt1.aspmx.l.google.com"), dns.lookup().mx("example.test"));
    }

    @Test
    void unknownNameIsAnEmptyAnswer() throws Exception {
        assertEquals(List.of(), dns.lookup().srv("_submissions._tcp.nowhere.test"));
        assertEquals(List.of(), dns.lookup().mx("nowhere.test"));
        assertEquals(List.of(), dns.lookup().addresses("smtp.nowhere.test"));
    }

    @Test
    void serverFailureIsAnError() {
        dns.servfail("broken.test");

        assertThrows(IOException.class, () -> dns.lookup().mx("broken.test"));
    }

    @Test
    void addressRecordsResolveNamesToLoopback() throws Exception {
        dns.a("smtp.example.test", "127.0.0.5");

        assertEquals(List.of(InetAddress.getByName("127.0.0.5")), dns.lookup().addresses("smtp.example.test"));
    }

    @Test
    void ipLiteralIsNotLookedUp() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.9")), dns.lookup().addresses("127.0.0.9"));
        assertEquals(List.of(), dns.questions());
    }

    @Test
    void serverTextTakesHostPortAndBracketedIpv6() {
        assertEquals(new InetSocketAddress("127.0.0.1", 5353), DnsJavaLookup.parseServer("127.0.0.1:5353"));
        assertEquals(new InetSocketAddress("127.0.0.1", 53), DnsJavaLookup.parseServer("127.0.0.1"));
        assertEquals(new InetSocketAddress("::1", 5353), DnsJavaLookup.parseServer("[::1]:5353"));
        assertEquals(new InetSocketAddress("::1", 53), DnsJavaLookup.parseServer("::1"));
    }

    @Test
    void badServerTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DnsJavaLookup.parseServer("127.0.0.1:99999"));
        assertThrows(IllegalArgumentException.class, () -> DnsJavaLookup.parseServer("127.0.0.1:x"));
        assertThrows(IllegalArgumentException.class, () -> DnsJavaLookup.parseServer(""));
    }

    @Test
    void aNameTheSystemCannotFindIsUnknownWhenTheDnsSaysNoSuchName() {
        DnsJavaLookup lookup = new DnsJavaLookup(dnsjavaResolver(dns.address()), host -> {
            throw new java.net.UnknownHostException(host);
        });

        assertThrows(java.net.UnknownHostException.class, () -> lookup.hostResolver().resolve("smtp.nowhere.test"));
    }

    @Test
    void aNameTheSystemCannotFindIsNotUnknownWhenTheDnsFailsToAnswer() {
        dns.servfail("smtp.example.test");
        DnsJavaLookup lookup = new DnsJavaLookup(dnsjavaResolver(dns.address()), host -> {
            throw new java.net.UnknownHostException(host);
        });

        IOException e = assertThrows(IOException.class, () -> lookup.hostResolver().resolve("smtp.example.test"));
        assertTrue(!(e instanceof java.net.UnknownHostException), "SERVFAIL says nothing about the name: " + e);
    }

    private static org.xbill.DNS.SimpleResolver dnsjavaResolver(String hostAndPort) {
        org.xbill.DNS.SimpleResolver r = new org.xbill.DNS.SimpleResolver(DnsJavaLookup.parseServer(hostAndPort));
        r.setTimeout(java.time.Duration.ofSeconds(1));
        return r;
    }
}
