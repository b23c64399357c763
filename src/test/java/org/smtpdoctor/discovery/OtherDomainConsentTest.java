package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;

/**
 * RFC 6186 section 6: a server outside the address's domain that only the domain's DNS (or autoconfig file) names
 * gets the password only after the user confirms; until then its connection alone is tested.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OtherDomainConsentTest {

    private static final ProviderCatalog NO_PROVIDERS = new ProviderCatalog(List.of());
    private static final String OTHER = "mail.hoster.test";

    private Loopback net;
    private FakeSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        net = new Loopback();
        server = net.implicitTls("127.0.0.61");
        net.dns.srv("_submissions._tcp.example.test", 0, 1, server.port(), OTHER);
        net.name(OTHER, "127.0.0.61");
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private FindResult find(FindRequest request) {
        return net.finder(NO_PROVIDERS, Loopback.options()).find(request, FindListener.NONE);
    }

    private static FindRequest withPassword() {
        return FindRequest.of(Loopback.USER).withCredentials("", Secret.of(Loopback.PASSWORD));
    }

    private boolean authSent() {
        return server.connections().stream().anyMatch(c -> c.verbs().contains("AUTH"));
    }

    @Test
    void srvTargetInAnotherDomainGetsNoPasswordAndNeedsConfirmation() {
        FindResult result = find(withPassword());

        CandidateOutcome srv = result.ranked().stream().filter(o -> o.candidate().host().equals(OTHER)
                && o.candidate().security() == Security.SSL_TLS).findFirst().orElseThrow();
        assertEquals(CandidateStatus.NEEDS_CONFIRMATION, srv.status());
        assertFalse(srv.signInTested());
        assertFalse(authSent(), "the password went to " + OTHER + " without consent");
        assertEquals(List.of(OTHER), result.awaitingConfirmation());
        assertFalse(result.found());
    }

    @Test
    void confirmedServerGetsTheSignInTest() {
        FindResult result = find(withPassword().withConfirmedHosts(Set.of("MAIL.hoster.test")));

        assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, result.best().orElseThrow().status());
        assertEquals(OTHER, result.best().orElseThrow().candidate().host());
        assertTrue(authSent());
    }

    @Test
    void consentGivenInAdvanceCoversEveryOtherDomain() {
        FindResult result = find(withPassword().withAllowOtherDomains(true));

        assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, result.best().orElseThrow().status());
        assertTrue(result.awaitingConfirmation().isEmpty());
    }

    @Test
    void serverInsideTheAddressesDomainNeedsNoConfirmation() {
        assertFalse(withPassword().needsConsent(
                Candidate.of("smtp.example.test", 465, Security.SSL_TLS, CandidateSource.SRV, "")));
        assertFalse(withPassword().needsConsent(
                Candidate.of("example.test", 465, Security.SSL_TLS, CandidateSource.MX_HOST, "")));
        assertTrue(withPassword().needsConsent(
                Candidate.of("notexample.test", 465, Security.SSL_TLS, CandidateSource.SRV, "")));
    }

    @Test
    void presetsIspdbAndTheUsersOwnServerAreTrustedWherever() {
        for (CandidateSource trusted : List.of(CandidateSource.PRESET, CandidateSource.ISPDB, CandidateSource.MX,
                CandidateSource.USER, CandidateSource.GUESS)) {
            assertFalse(withPassword().needsConsent(Candidate.of(OTHER, 465, Security.SSL_TLS, trusted, "")),
                    trusted.name());
        }
        assertTrue(withPassword().needsConsent(
                Candidate.of(OTHER, 465, Security.SSL_TLS, CandidateSource.AUTOCONFIG, "")));
    }
}
