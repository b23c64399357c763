package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/** When every candidate fails for one reason, that reason is named. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SharedFailureTest {

    private static final ProviderCatalog NO_PROVIDERS = new ProviderCatalog(List.of());

    private Loopback net;

    @BeforeEach
    void start() throws Exception {
        net = new Loopback();
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private FindResult find(ProviderCatalog catalog, FindRequest request) {
        int closed = Loopback.closedPort("127.0.0.71");
        FinderOptions options = Loopback.options().withPorts(new FinderOptions.StandardPorts(closed, closed, closed));
        return net.finder(catalog, options).find(request, FindListener.NONE);
    }

    @Test
    void namesThatDoNotResolveAreADnsProblem() {
        FindResult result = find(NO_PROVIDERS, FindRequest.of(Loopback.USER));

        assertEquals(Optional.of(SharedFailure.DNS), SharedFailure.of(result));
    }

    @Test
    void everyConnectionRefusedIsTheNetworkBlockingMailPorts() throws Exception {
        net.name("smtp.example.test", "127.0.0.71");

        FindResult result = find(NO_PROVIDERS, FindRequest.of(Loopback.USER));

        assertEquals(Optional.of(SharedFailure.NETWORK), SharedFailure.of(result));
    }

    @Test
    void everySignInRefusedIsThePassword() throws Exception {
        FakeSmtpServer server = net.implicitTls("127.0.0.72");
        net.name("smtp.mailco.test", "127.0.0.72");
        ProviderCatalog catalog = new ProviderCatalog(List.of(new Provider("mailco", "MailCo",
                List.of("example.test"), List.of(), List.of(new ServerPreset("smtp.mailco.test", server.port(),
                        Security.SSL_TLS, List.of(), ServerPreset.UsernameForm.EMAIL)), Set.of(), "", "", "")));

        FindResult result = find(catalog, FindRequest.of(Loopback.USER).withCredentials("", Secret.of("wrong")));

        assertEquals(Optional.of(SharedFailure.PASSWORD), SharedFailure.of(result));
    }

    @Test
    void workingSettingsHaveNoSharedFailure() throws Exception {
        FakeSmtpServer server = net.implicitTls("127.0.0.73");
        net.name("smtp.example.test", "127.0.0.73");
        int closed = Loopback.closedPort("127.0.0.73");
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(server.port(), closed, closed));

        FindResult result = net.finder(NO_PROVIDERS, options).find(FindRequest.of(Loopback.USER), FindListener.NONE);

        assertEquals(Optional.empty(), SharedFailure.of(result));
    }

    @Test
    void aMaskedEncryptionOfferWhereNothingElseAnswersIsTheFirewall() throws Exception {
        FakeSmtpServer masked = net.maskedStarttls("127.0.0.74");
        net.name("smtp.example.test", "127.0.0.74");
        int closed = Loopback.closedPort("127.0.0.74");
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(closed, masked.port(), closed));

        FindResult result = net.finder(NO_PROVIDERS, options).find(FindRequest.of(Loopback.USER), FindListener.NONE);

        assertEquals(Optional.of(SharedFailure.ENCRYPTION_HIDDEN), SharedFailure.of(result));
        assertTrue(result.ranked().stream().anyMatch(CandidateOutcome::encryptionHiddenOnTheWay), result.toString());
    }

    @Test
    void aServerThatSimplyOffersNoStarttlsIsNotAFirewall() throws Exception {
        FakeSmtpServer plain = net.keep(FakeSmtpServer.builder().bind("127.0.0.75").serverName("mail.example.test")
                .extensions("PIPELINING", "SIZE 10240000", "8BITMIME").start());
        net.name("smtp.example.test", "127.0.0.75");
        int closed = Loopback.closedPort("127.0.0.75");
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(closed, plain.port(), closed));

        FindResult result = net.finder(NO_PROVIDERS, options).find(FindRequest.of(Loopback.USER), FindListener.NONE);

        assertTrue(SharedFailure.of(result).filter(f -> f == SharedFailure.ENCRYPTION_HIDDEN).isEmpty(),
                result.toString());
        assertTrue(result.ranked().stream().noneMatch(CandidateOutcome::encryptionHiddenOnTheWay), result.toString());
    }

    @Test
    void everyEncryptedConnectionStallingIsANetworkThatLosesLargePackets() throws Exception {
        String ip = "127.0.0.76";
        Duration stall = Duration.ofSeconds(20);
        FakeSmtpServer submission = net.keep(FakeSmtpServer.builder().bind(ip).starttls(TestCertificates.forNames(ip))
                .tlsHandshakeDelay(stall).auth(Loopback.USER, Loopback.PASSWORD).authOnlyAfterTls().start());
        FakeSmtpServer relay = net.keep(FakeSmtpServer.builder().bind(ip).starttls(TestCertificates.forNames(ip))
                .tlsHandshakeDelay(stall).start());
        FakeSmtpServer implicit = net.keep(FakeSmtpServer.builder().bind(ip)
                .implicitTls(TestCertificates.forNames(ip)).tlsHandshakeDelay(stall).start());
        net.name("smtp.example.test", ip);
        FinderOptions options = Loopback.options().withPorts(new FinderOptions.StandardPorts(implicit.port(),
                submission.port(), relay.port()));

        FindResult result = net.finder(NO_PROVIDERS, options).find(FindRequest.of(Loopback.USER), FindListener.NONE);

        assertEquals(Optional.of(SharedFailure.STALLED), SharedFailure.of(result), result.ranked().toString());
    }
}
