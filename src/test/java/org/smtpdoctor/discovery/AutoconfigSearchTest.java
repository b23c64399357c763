package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * The domain's own autoconfig file (HTTPS, certificate from the test CA, names from the test DNS server) and the
 * ISPDB, as sources of candidates marked as such.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AutoconfigSearchTest {

    private static final String ADDRESS = "ann@acme.test";
    private static final String OWN_PATH = "/mail/config-v1.1.xml";
    private static final String WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml";
    private static final ProviderCatalog NO_PROVIDERS = new ProviderCatalog(List.of());

    private Loopback net;
    private int closed;

    @BeforeEach
    void start() throws Exception {
        net = new Loopback();
        closed = Loopback.closedPort("127.0.0.52");
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private FakeSmtpServer smtp(String user) throws Exception {
        net.name("smtp-out.acme.test", "127.0.0.52");
        return net.keep(FakeSmtpServer.builder().bind("127.0.0.52")
                .implicitTls(TestCertificates.forNames("127.0.0.52")).auth(user, Loopback.PASSWORD).requireAuth()
                .start());
    }

    private FindResult find(AutoconfigServer https, Ispdb ispdb, FindRequest request) {
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(closed, closed, closed, https == null ? 1 : https.port()));
        return new SettingsFinder(NO_PROVIDERS, ispdb, net.dns.lookup(), options,
                ProberSessions.factory(net.dns.lookup().hostResolver())).find(request, FindListener.NONE);
    }

    private static FindRequest withPassword() {
        return FindRequest.of(ADDRESS).withCredentials("", Secret.of(Loopback.PASSWORD));
    }

    @Test
    void domainsOwnAutoconfigFileGivesAServerMarkedAutoconfigAndItsUsernameForm() throws Exception {
        FakeSmtpServer server = smtp("ann");
        net.name("autoconfig.acme.test", "127.0.0.51");
        try (AutoconfigServer https = new AutoconfigServer("127.0.0.51",
                TestCertificates.forNames("autoconfig.acme.test"))) {
            https.serve(OWN_PATH, AutoconfigServer.config("smtp-out.acme.test", server.port(), "SSL",
                    "%EMAILLOCALPART%", "password-cleartext"));

            FindResult result = find(https, Ispdb.empty(), withPassword());

            CandidateOutcome best = result.best().orElseThrow(() -> new AssertionError(result.ranked()));
            assertEquals(CandidateSource.AUTOCONFIG, best.source());
            assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, best.status());
            assertEquals("ann", best.settings().username());
            assertTrue(https.requests().contains(OWN_PATH + "?emailaddress=ann%40acme.test"), https.requests().toString());
            DnsFinding fetched = result.lookups().stream().filter(f -> f.type().equals("AUTOCONFIG")).findFirst()
                    .orElseThrow();
            assertEquals(List.of("smtp-out.acme.test:" + server.port() + " SSL/TLS"), fetched.answers());
        }
    }

    @Test
    void wellKnownFileOnTheDomainItselfIsTheFallback() throws Exception {
        FakeSmtpServer server = smtp(ADDRESS);
        net.name("acme.test", "127.0.0.53");
        try (AutoconfigServer https = new AutoconfigServer("127.0.0.53", TestCertificates.forNames("acme.test"))) {
            https.serve(WELL_KNOWN, AutoconfigServer.config("smtp-out.acme.test", server.port(), "SSL",
                    "%EMAILADDRESS%", "password-cleartext"));

            FindResult result = find(https, Ispdb.empty(), withPassword());

            CandidateOutcome best = result.best().orElseThrow(() -> new AssertionError(result.ranked()));
            assertEquals(CandidateSource.AUTOCONFIG, best.source());
            assertEquals(ADDRESS, best.settings().username());
        }
    }

    @Test
    void autoconfigServerWhoseCertificateIsNotTrustedIsIgnored() throws Exception {
        FakeSmtpServer server = smtp(ADDRESS);
        net.name("autoconfig.acme.test", "127.0.0.51");
        try (AutoconfigServer https = new AutoconfigServer("127.0.0.51", TestCertificates.selfSigned())) {
            https.serve(OWN_PATH, AutoconfigServer.config("smtp-out.acme.test", server.port(), "SSL",
                    "%EMAILADDRESS%", "password-cleartext"));

            FindResult result = find(https, Ispdb.empty(), withPassword());

            assertTrue(result.ranked().stream().noneMatch(o -> o.source() == CandidateSource.AUTOCONFIG));
            DnsFinding fetched = result.lookups().stream().filter(f -> f.type().equals("AUTOCONFIG")).findFirst()
                    .orElseThrow();
            assertTrue(fetched.failed() && fetched.error().contains("SSL"), fetched.error());
            assertTrue(server.connections().isEmpty(), "the untrusted file's server was contacted");
        }
    }

    @Test
    void oauthOnlyAutoconfigServerNeverGetsThePasswordAndTheAdviceSaysSo() throws Exception {
        FakeSmtpServer server = smtp(ADDRESS);
        net.name("autoconfig.acme.test", "127.0.0.51");
        try (AutoconfigServer https = new AutoconfigServer("127.0.0.51",
                TestCertificates.forNames("autoconfig.acme.test"))) {
            https.serve(OWN_PATH, AutoconfigServer.config("smtp-out.acme.test", server.port(), "SSL",
                    "%EMAILADDRESS%", "OAuth2"));

            FindResult result = find(https, Ispdb.empty(), withPassword());

            CandidateOutcome best = result.best().orElseThrow(() -> new AssertionError(result.ranked()));
            assertEquals(CandidateStatus.REACHABLE, best.status());
            assertFalse(best.signInTested());
            assertTrue(server.connections().stream().noneMatch(c -> c.verbs().contains("AUTH")));
            assertTrue(result.notes().stream().anyMatch(n -> n.requirement() == Requirement.OAUTH_ONLY),
                    result.notes().toString());
        }
    }

    @Test
    void encryptedPasswordListedAloneMakesTheSignInTestUseCramMd5() throws Exception {
        net.name("smtp-out.acme.test", "127.0.0.52");
        FakeSmtpServer server = net.keep(FakeSmtpServer.builder().bind("127.0.0.52")
                .implicitTls(TestCertificates.forNames("127.0.0.52"))
                .auth(ADDRESS, Loopback.PASSWORD, "PLAIN", "LOGIN", "CRAM-MD5").requireAuth().start());
        net.name("autoconfig.acme.test", "127.0.0.51");
        try (AutoconfigServer https = new AutoconfigServer("127.0.0.51",
                TestCertificates.forNames("autoconfig.acme.test"))) {
            https.serve(OWN_PATH, AutoconfigServer.config("smtp-out.acme.test", server.port(), "SSL",
                    "%EMAILADDRESS%", "password-encrypted"));

            FindResult result = find(https, Ispdb.empty(), withPassword());

            assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, result.best().orElseThrow().status());
            assertTrue(server.connections().stream().flatMap(c -> c.lines().stream())
                    .anyMatch(l -> l.contains("AUTH CRAM-MD5")), server.connections().toString());
        }
    }

    @Test
    void ispdbEntryForTheDomainGivesItsServersMarkedIspdb() throws Exception {
        Ispdb ispdb = new Ispdb(Map.of("acme.test", "gmx.net.xml"));

        FindResult result = find(null, ispdb, FindRequest.of(ADDRESS));

        List<CandidateOutcome> listed = result.ranked().stream()
                .filter(o -> o.source() == CandidateSource.ISPDB).toList();
        assertFalse(listed.isEmpty(), result.ranked().toString());
        assertTrue(listed.stream().allMatch(o -> o.candidate().host().equals("mail.gmx.net")
                && o.candidate().evidence().contains("gmx.net.xml")), listed.toString());
    }

    @Test
    void mxHostUnderAnIspdbSuffixFindsThatProviderAndItsOauthOnlyNote() throws Exception {
        net.dns.mx("acme.test", 10, "acme-test.mail.protection.outlook.com");

        FindResult result = find(null, Ispdb.builtIn(), withPassword());

        assertTrue(result.ranked().stream().anyMatch(o -> o.source() == CandidateSource.ISPDB
                && o.candidate().host().equals("smtp.office365.com")
                && o.candidate().evidence().contains("mail.protection.outlook.com")), result.ranked().toString());
        assertTrue(result.notes().stream().anyMatch(n -> n.requirement() == Requirement.OAUTH_ONLY));
    }

    @Test
    void unknownMxHostIsTriedItselfOnTheSubmissionPortsMarkedAsTheMailHost() throws Exception {
        net.dns.mx("acme.test", 10, "mx.hosting.test");

        FindResult result = find(null, Ispdb.empty(), FindRequest.of(ADDRESS));

        List<CandidateOutcome> mxHost = result.ranked().stream()
                .filter(o -> o.candidate().host().equals("mx.hosting.test")).toList();
        assertEquals(2, mxHost.size(), result.ranked().toString());
        assertTrue(mxHost.stream().allMatch(o -> o.source() == CandidateSource.MX_HOST));
    }
}
