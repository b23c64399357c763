package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.testkit.TestCertificates;

/** RFC 6125 server identity: wildcards, IP SANs, the CN only without dNSName SANs. */
class HostNamesTest {

    @ParameterizedTest
    @CsvSource({
        "mail.example.test, *.example.test, true",
        "MAIL.Example.TEST., *.example.test, true",
        "example.test, *.example.test, false",
        "a.mail.example.test, *.example.test, false",
        "mail.example.test, mail.example.test, true",
        "smtp.example.test, mail.example.test, false",
        "mail.com, *.com, false",
        "mail.example.test, m*.example.test, false",
        "bücher.example.test, xn--bcher-kva.example.test, true",
        "smtp.bücher.example, *.xn--bcher-kva.example, true"
    })
    void wildcardOnlyAsTheWholeLeftMostLabel(String host, String pattern, boolean matches) {
        assertEquals(matches, HostNames.matchesName(host, pattern));
    }

    @Test
    void wildcardCertificateMatchesOneLabelBelowItsDomain() {
        var cert = TestCertificates.wildcard().certificate();

        assertTrue(HostNames.matches("smtp.example.test", cert));
        assertFalse(HostNames.matches("example.test", cert));
        assertEquals(List.of(TestCertificates.WILDCARD), HostNames.validNames(cert));
    }

    @Test
    void ipLiteralMatchesOnlyAnIpSan() {
        var cert = TestCertificates.forNames("mail.example.test", "127.0.0.2").certificate();

        assertTrue(HostNames.matches("127.0.0.2", cert));
        assertFalse(HostNames.matches("127.0.0.1", cert));
        assertEquals(List.of("mail.example.test", "127.0.0.2"), HostNames.validNames(cert));
    }

    @Test
    void ipv6LiteralMatchesItsSanInAnySpelling() {
        var cert = TestCertificates.localhost().certificate();

        assertTrue(HostNames.matches("::1", cert));
        assertTrue(HostNames.matches("0:0:0:0:0:0:0:1", cert));
    }

    @Test
    void commonNameCountsOnlyWithoutDnsNames() {
        var selfSigned = TestCertificates.selfSigned().certificate(); // CN=localhost plus SANs

        assertTrue(HostNames.matches("localhost", selfSigned));
        assertEquals(List.of("localhost"), HostNames.commonNames(selfSigned));
    }
}
