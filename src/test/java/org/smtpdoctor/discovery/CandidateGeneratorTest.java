package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;

class CandidateGeneratorTest {

    static final Provider MAILCO = new Provider("mailco", "MailCo", List.of("mailco.test"), List.of("mx.mailco.test"),
            List.of(new ServerPreset("smtp.mailco.test", 587, Security.STARTTLS, List.of("password-cleartext"),
                            ServerPreset.UsernameForm.EMAIL),
                    new ServerPreset("smtp.mailco.test", 465, Security.SSL_TLS, List.of("password-cleartext"),
                            ServerPreset.UsernameForm.EMAIL)),
            Set.of(Requirement.APP_PASSWORD), "", "https://help.mailco.test", "test");

    private TestDnsServer dns;
    private ExecutorService executor;
    private final List<DnsFinding> reported = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start();
        executor = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        dns.close();
    }

    private CandidateGenerator.Generated generate(FindRequest request) {
        return new CandidateGenerator(new ProviderCatalog(List.of(MAILCO)), Ispdb.empty(), null, dns.lookup(),
                FinderOptions.StandardPorts.USUAL).generate(request, executor, reported::add);
    }

    private static List<String> describe(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.source() + " " + c.endpoint() + " " + c.security())
                .collect(Collectors.toList());
    }

    @Test
    void knownDomainGivesPresetsImplicitTlsFirstAndAsksNoDns() {
        CandidateGenerator.Generated g = generate(FindRequest.of("ann@mailco.test"));

        assertEquals(List.of("PRESET smtp.mailco.test:465 SSL_TLS", "PRESET smtp.mailco.test:587 STARTTLS"),
                describe(g.candidates()));
        assertEquals("mailco", g.provider().orElseThrow().id());
        assertEquals(List.of(), dns.questions());
    }

    @Test
    void srvRecordsBecomeCandidatesWithTheirSecurity() throws Exception {
        dns.srv("_submissions._tcp.example.test", 0, 1, 4465, "out.example.test")
                .srv("_submission._tcp.example.test", 0, 1, 4587, "out.example.test");

        List<Candidate> candidates = generate(FindRequest.of("ann@example.test")).candidates();

        assertTrue(describe(candidates).contains("SRV out.example.test:4465 SSL_TLS"));
        assertTrue(describe(candidates).contains("SRV out.example.test:4587 STARTTLS"));
        assertEquals("SRV _submissions._tcp.example.test 0 1 4465 out.example.test",
                candidates.stream().filter(c -> c.port() == 4465).findFirst().orElseThrow().evidence());
        assertEquals(3, reported.size());
    }

    @Test
    void srvDotTargetGivesNoCandidate() throws Exception {
        dns.srv("_submissions._tcp.example.test", 0, 0, 0, ".");

        List<Candidate> candidates = generate(FindRequest.of("ann@example.test")).candidates();

        assertTrue(candidates.stream().noneMatch(c -> c.source() == CandidateSource.SRV));
    }

    @Test
    void mxOfAHostingProviderGivesItsPresetsAndNoGuesses() throws Exception {
        dns.mx("example.test", 10, "in1.mx.mailco.test");

        CandidateGenerator.Generated g = generate(FindRequest.of("ann@example.test"));

        assertEquals(List.of("MX smtp.mailco.test:465 SSL_TLS", "MX smtp.mailco.test:587 STARTTLS"),
                describe(g.candidates()));
        assertEquals("mailco", g.provider().orElseThrow().id());
    }

    @Test
    void unknownDomainGetsGuessesOnTheUsualNamesAndPortsWithoutPlaintext() {
        List<Candidate> candidates = generate(FindRequest.of("ann@example.test")).candidates();

        assertEquals(9, candidates.size());
        assertTrue(describe(candidates).contains("GUESS smtp.example.test:465 SSL_TLS"));
        assertTrue(describe(candidates).contains("GUESS mail.example.test:587 STARTTLS"));
        assertTrue(describe(candidates).contains("GUESS example.test:25 STARTTLS"));
        assertTrue(candidates.stream().noneMatch(c -> c.security() == Security.NONE));
    }

    @Test
    void plaintextCandidatesOnlyWhenAllowed() {
        List<Candidate> candidates = generate(FindRequest.of("ann@example.test").withAllowPlaintext(true)).candidates();

        assertTrue(describe(candidates).contains("GUESS smtp.example.test:587 NONE"));
        assertTrue(describe(candidates).contains("GUESS smtp.example.test:25 NONE"));
    }

    @Test
    void usersOwnPlaintextSettingIsNotTriedUnlessAllowed() {
        FindRequest request = FindRequest.of("ann@mailco.test")
                .withCurrent(AccountSettings.of("smtp.mailco.test", 25, Security.NONE));

        assertTrue(generate(request).candidates().stream().noneMatch(c -> c.security() == Security.NONE));
        assertTrue(generate(request.withAllowPlaintext(true)).candidates().stream()
                .anyMatch(c -> c.source() == CandidateSource.USER));
    }

    @Test
    void usersValuesComeFirstAmongEqualSecurityAndDuplicatesAreTriedOnce() {
        FindRequest request = FindRequest.of("ann@mailco.test")
                .withCurrent(AccountSettings.of("smtp.mailco.test", 587, Security.STARTTLS));

        List<String> described = describe(generate(request).candidates());

        assertEquals("PRESET smtp.mailco.test:465 SSL_TLS", described.get(0));
        assertEquals("USER smtp.mailco.test:587 STARTTLS", described.get(1));
        assertFalse(described.contains("PRESET smtp.mailco.test:587 STARTTLS"));
        assertTrue(described.contains("GUESS smtp.mailco.test:25 STARTTLS"));
    }

    @Test
    void presetsKeepTheProvidersUsernameForm() {
        Provider localpart = new Provider("lp", "LP", List.of("lp.test"), List.of(),
                List.of(new ServerPreset("smtp.lp.test", 465, Security.SSL_TLS, List.of(),
                        ServerPreset.UsernameForm.LOCALPART)), Set.of(), "", "", "");
        List<Candidate> candidates = new CandidateGenerator(new ProviderCatalog(List.of(localpart)), Ispdb.empty(), null,
                dns.lookup(),
                FinderOptions.StandardPorts.USUAL).generate(FindRequest.of("ann@lp.test"), executor, f -> { })
                .candidates();

        assertEquals("ann", candidates.get(0).usernameForm().usernameFor("ann@lp.test"));
    }

    @Test
    void dnsFailureIsRecordedAndGuessesStillCome() {
        dns.servfail("example.test");

        CandidateGenerator.Generated g = generate(FindRequest.of("ann@example.test"));

        assertTrue(g.lookups().stream().anyMatch(f -> f.type().equals("MX") && f.failed()));
        assertEquals(9, g.candidates().size());
    }
}
