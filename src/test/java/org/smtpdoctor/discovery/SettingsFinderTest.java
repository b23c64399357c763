package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.FakeSmtpServer;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SettingsFinderTest {

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

    private static FindRequest withPassword(String address) {
        return FindRequest.of(address).withCredentials("", Secret.of(Loopback.PASSWORD));
    }

    private static Provider provider(String id, String domain, List<ServerPreset> servers, Set<Requirement> requires) {
        return new Provider(id, id, List.of(domain), List.of(), servers, requires, "", "https://help." + domain, "test");
    }

    private static ServerPreset preset(String host, int port, Security security) {
        return new ServerPreset(host, port, security, List.of("password-cleartext"), ServerPreset.UsernameForm.EMAIL);
    }

    private static CandidateOutcome outcome(FindResult result, String host, int port, Security security) {
        return result.ranked().stream()
                .filter(o -> o.candidate().host().equals(host) && o.candidate().port() == port
                        && o.candidate().security() == security)
                .findFirst().orElseThrow(() -> new AssertionError("no candidate " + host + ":" + port + " " + security));
    }

    @Test
    void presetThatWorksWinsOverTheUsersBrokenSettingsAndAnotherWorkingGuess() throws Exception {
        FakeSmtpServer preset = net.implicitTls("127.0.0.2");
        FakeSmtpServer guess = net.implicitTls("127.0.0.3");
        net.name("smtp.mailco.test", "127.0.0.2").name("mail.mailco.test", "127.0.0.3");
        int closed = Loopback.closedPort("127.0.0.3");
        ProviderCatalog catalog = new ProviderCatalog(List.of(provider("mailco", "example.test",
                List.of(preset("smtp.mailco.test", preset.port(), Security.SSL_TLS)), Set.of())));
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(guess.port(), closed, closed));
        FindRequest request = withPassword(Loopback.USER)
                .withCurrent(AccountSettings.of("mail.mailco.test", closed, Security.STARTTLS));

        FindResult result = net.finder(catalog, options).find(request, FindListener.NONE);

        CandidateOutcome best = result.best().orElseThrow();
        assertEquals(CandidateSource.PRESET, best.source());
        assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, best.status());
        assertTrue(result.found());
        assertEquals("smtp.mailco.test", best.settings().host());
        assertEquals(Loopback.USER, preset.connections().stream()
                .map(c -> c.authenticatedUser()).filter(u -> u != null).findFirst().orElseThrow());
        assertEquals(CandidateStatus.FAILED, outcome(result, "mail.mailco.test", closed, Security.STARTTLS).status());
    }

    @Test
    void srvRecordsAreFollowed() throws Exception {
        FakeSmtpServer server = net.implicitTls("127.0.0.4");
        net.dns.srv("_submissions._tcp.example.test", 0, 1, server.port(), "out.example.test");
        net.name("out.example.test", "127.0.0.4");

        FindResult result = net.finder(NO_PROVIDERS, Loopback.options())
                .find(FindRequest.of(Loopback.USER), FindListener.NONE);

        CandidateOutcome best = result.best().orElseThrow();
        assertEquals(CandidateSource.SRV, best.source());
        assertEquals("out.example.test", best.candidate().host());
        assertEquals(server.port(), best.candidate().port());
        assertEquals(CandidateStatus.REACHABLE, best.status());
        assertFalse(best.signInTested());
        assertTrue(result.found());
    }

    @Test
    void blackHoledPortDoesNotDelayTheAnswerBeyondTheGreetingTimeout() throws Exception {
        FakeSmtpServer hole = net.blackHole("127.0.0.5");
        FakeSmtpServer working = net.starttls("127.0.0.6");
        net.dns.srv("_submissions._tcp.example.test", 0, 1, hole.port(), "hole.example.test")
                .srv("_submission._tcp.example.test", 0, 1, working.port(), "out.example.test");
        net.name("hole.example.test", "127.0.0.5").name("out.example.test", "127.0.0.6");
        FinderOptions options = Loopback.options().withGreetingTimeout(Duration.ofMillis(500))
                .withProbe(Loopback.options().probe().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10))
                        .withGreetingWait(Duration.ofSeconds(5)));

        FindResult result = net.finder(NO_PROVIDERS, options).find(withPassword(Loopback.USER), FindListener.NONE);

        assertEquals("out.example.test", result.best().orElseThrow().candidate().host());
        assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, result.best().orElseThrow().status());
        CandidateOutcome holeOutcome = outcome(result, "hole.example.test", hole.port(), Security.SSL_TLS);
        assertEquals(CandidateStatus.FAILED, holeOutcome.status());
        assertEquals(Optional.of(FailureKind.NO_GREETING), holeOutcome.reason());
        assertTrue(result.elapsedMs() < 3000, "took " + result.elapsedMs() + " ms with a 500 ms greeting timeout");
    }

    @Test
    void implicitTlsServerIsFoundWhenTheUserHadStarttlsOnTheSubmissionPort() throws Exception {
        FakeSmtpServer server = net.implicitTls("127.0.0.7");
        net.name("smtp.example.test", "127.0.0.7");
        int submission = Loopback.closedPort("127.0.0.7");
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(server.port(), submission, submission));
        FindRequest request = withPassword(Loopback.USER)
                .withCurrent(AccountSettings.of("smtp.example.test", submission, Security.STARTTLS)
                        .withAuthMethod(AuthMethod.AUTO));

        FindResult result = net.finder(NO_PROVIDERS, options).find(request, FindListener.NONE);

        CandidateOutcome best = result.best().orElseThrow();
        assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, best.status());
        assertEquals(List.of(
                        Change.of(Setting.PORT, SettingValue.port(submission), SettingValue.port(server.port())),
                        Change.of(Setting.SECURITY, SettingValue.security(Security.STARTTLS),
                                SettingValue.security(Security.SSL_TLS))),
                result.changes());
    }

    @Test
    void credentialsAreNeverSentOverPlainTextUnlessAllowed() throws Exception {
        FakeSmtpServer plain = net.keep(FakeSmtpServer.builder().bind("127.0.0.8").auth(Loopback.USER, Loopback.PASSWORD)
                .start());
        net.name("smtp.example.test", "127.0.0.8");
        FindRequest request = withPassword(Loopback.USER)
                .withCurrent(AccountSettings.of("smtp.example.test", plain.port(), Security.NONE));

        FindResult result = net.finder(NO_PROVIDERS, Loopback.options()).find(request, FindListener.NONE);

        assertFalse(result.found());
        assertTrue(plain.connectionCount() > 0, "the server was tried");
        assertTrue(plain.connections().stream().noneMatch(c -> c.verbs().contains("AUTH")));
        String encoded = Base64.getEncoder()
                .encodeToString(Loopback.PASSWORD.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(plain.allLines().stream().noneMatch(l -> l.contains(Loopback.PASSWORD) || l.contains(encoded)));
    }

    @Test
    void plaintextSignInIsTriedWhenTheUserAllowsIt() throws Exception {
        FakeSmtpServer plain = net.keep(FakeSmtpServer.builder().bind("127.0.0.9").auth(Loopback.USER, Loopback.PASSWORD)
                .start());
        net.name("smtp.example.test", "127.0.0.9");
        FindRequest request = withPassword(Loopback.USER).withAllowPlaintext(true)
                .withCurrent(AccountSettings.of("smtp.example.test", plain.port(), Security.NONE));

        FindResult result = net.finder(NO_PROVIDERS, Loopback.options()).find(request, FindListener.NONE);

        CandidateOutcome best = result.best().orElseThrow();
        assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, best.status());
        assertEquals(Security.NONE, best.candidate().security());
        assertTrue(plain.connections().stream().anyMatch(c -> Loopback.USER.equals(c.authenticatedUser())));
    }

    @Test
    void wrongPasswordIsReportedAsSignInFailedWithTheProvidersNote() throws Exception {
        FakeSmtpServer server = net.implicitTls("127.0.0.10");
        net.name("smtp.mailco.test", "127.0.0.10");
        ProviderCatalog catalog = new ProviderCatalog(List.of(provider("mailco", "example.test",
                List.of(preset("smtp.mailco.test", server.port(), Security.SSL_TLS)), Set.of(Requirement.APP_PASSWORD))));
        FindRequest request = FindRequest.of(Loopback.USER).withCredentials("", Secret.of("wrong"));

        FindResult result = net.finder(catalog, Loopback.options()).find(request, FindListener.NONE);

        CandidateOutcome best = result.best().orElseThrow();
        assertEquals(CandidateStatus.SIGN_IN_FAILED, best.status());
        assertEquals(Optional.of(FailureKind.AUTH_REJECTED), best.reason());
        assertFalse(result.found());
        assertEquals(List.of(Setting.APP_PASSWORD), result.notes().stream().map(ProviderNote::setting).toList());
    }

    @Test
    void oauthOnlyProviderNeverReceivesThePasswordAndIsExplained() throws Exception {
        FakeSmtpServer server = net.implicitTls("127.0.0.11");
        net.name("smtp.oauth.test", "127.0.0.11");
        ProviderCatalog catalog = new ProviderCatalog(List.of(provider("oauthco", "example.test",
                List.of(preset("smtp.oauth.test", server.port(), Security.SSL_TLS)), Set.of(Requirement.OAUTH_ONLY))));

        FindResult result = net.finder(catalog, Loopback.options()).find(withPassword(Loopback.USER), FindListener.NONE);

        assertEquals(CandidateStatus.REACHABLE, result.best().orElseThrow().status());
        assertFalse(result.best().orElseThrow().signInTested());
        assertTrue(server.connections().stream().noneMatch(c -> c.verbs().contains("AUTH")));
        assertEquals(List.of(Requirement.OAUTH_ONLY),
                result.notes().stream().map(ProviderNote::requirement).toList());
    }

    @Test
    void successCancelsLowerRankedProbesWithoutWaitingForThem() throws Exception {
        FakeSmtpServer working = net.implicitTls("127.0.0.12");
        FakeSmtpServer hole = net.blackHole("127.0.0.13");
        net.dns.srv("_submissions._tcp.example.test", 0, 1, working.port(), "out.example.test")
                .srv("_submission._tcp.example.test", 0, 1, hole.port(), "hole.example.test");
        net.name("out.example.test", "127.0.0.12").name("hole.example.test", "127.0.0.13");
        FinderOptions options = Loopback.options().withGreetingTimeout(Duration.ofSeconds(8))
                .withProbe(Loopback.options().probe().withGreetingWait(Duration.ofSeconds(8)));

        FindResult result = net.finder(NO_PROVIDERS, options).find(FindRequest.of(Loopback.USER), FindListener.NONE);

        assertEquals("out.example.test", result.best().orElseThrow().candidate().host());
        assertEquals(CandidateStatus.CANCELLED, outcome(result, "hole.example.test", hole.port(), Security.STARTTLS)
                .status());
        assertTrue(result.elapsedMs() < 3000, "took " + result.elapsedMs() + " ms");
    }

    @Test
    void cancelFromAnotherThreadEndsTheSearchPromptly() throws Exception {
        FakeSmtpServer hole = net.blackHole("127.0.0.14");
        net.dns.srv("_submissions._tcp.example.test", 0, 1, hole.port(), "hole.example.test");
        net.name("hole.example.test", "127.0.0.14");
        FinderOptions options = Loopback.options().withGreetingTimeout(Duration.ofSeconds(15))
                .withProbe(Loopback.options().probe().withGreetingWait(Duration.ofSeconds(15)));
        SettingsFinder finder = net.finder(NO_PROVIDERS, options);
        CompletableFuture<Void> started = new CompletableFuture<>();

        CompletableFuture<FindResult> running = CompletableFuture.supplyAsync(() -> finder.find(
                FindRequest.of(Loopback.USER), new FindListener() {
                    @Override
                    public void candidateStarted(Candidate candidate, Stage stage) {
                        if (candidate.host().equals("hole.example.test")) {
                            started.complete(null);
                        }
                    }
                }));
        started.get(5, TimeUnit.SECONDS);
        hole.awaitConnections(1, Duration.ofSeconds(5));
        long cancelledAt = System.nanoTime();
        finder.cancel();
        FindResult result = running.get(5, TimeUnit.SECONDS);

        assertTrue(result.cancelled());
        assertTrue((System.nanoTime() - cancelledAt) / 1_000_000 < 2000);
        assertEquals(CandidateStatus.CANCELLED, outcome(result, "hole.example.test", hole.port(), Security.SSL_TLS)
                .status());
    }

    @Test
    void listenerHearsEveryCandidateFinishOnce() throws Exception {
        FakeSmtpServer server = net.implicitTls("127.0.0.15");
        net.dns.srv("_submissions._tcp.example.test", 0, 1, server.port(), "out.example.test");
        net.name("out.example.test", "127.0.0.15");
        List<Candidate> ready = new ArrayList<>();
        List<CandidateOutcome> finished = new ArrayList<>();

        FindResult result = net.finder(NO_PROVIDERS, Loopback.options()).find(FindRequest.of(Loopback.USER),
                new FindListener() {
                    @Override
                    public void candidatesReady(List<Candidate> candidates) {
                        ready.addAll(candidates);
                    }

                    @Override
                    public void candidateFinished(CandidateOutcome outcome) {
                        finished.add(outcome);
                    }
                });

        assertEquals(ready.size(), finished.size());
        assertEquals(Set.copyOf(ready), Set.copyOf(finished.stream().map(CandidateOutcome::candidate).toList()));
        assertEquals(result.ranked().size(), finished.size());
    }

    @Test
    void whenTheUsersSettingsWorkTheirFixNeedsNoChangeAndComesFirst() throws Exception {
        FakeSmtpServer tls = net.implicitTls("127.0.0.16");
        FakeSmtpServer starttls = net.starttls("127.0.0.16");
        net.name("smtp.example.test", "127.0.0.16");
        int closed = Loopback.closedPort("127.0.0.16");
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(tls.port(), starttls.port(), closed));
        FindRequest request = withPassword(Loopback.USER).withCurrent(
                AccountSettings.of("smtp.example.test", starttls.port(), Security.STARTTLS)
                        .withAuthMethod(AuthMethod.AUTO));

        FindResult result = net.finder(NO_PROVIDERS, options).find(request, FindListener.NONE);

        assertTrue(result.currentWorks());
        assertEquals(Security.SSL_TLS, result.best().orElseThrow().candidate().security());
        FindResult.Fix easiest = result.fixes().get(0);
        assertEquals(CandidateSource.USER, easiest.outcome().source());
        assertEquals(List.of(), easiest.changes());
    }

    @Test
    void serverWithoutSignInGetsOnlyTheSenderCheckAndNeverThePassword() throws Exception {
        FakeSmtpServer relay = net.keep(FakeSmtpServer.builder().bind("127.0.0.17")
                .implicitTls(org.smtpdoctor.testkit.TestCertificates.forNames("127.0.0.17")).start());
        net.dns.srv("_submissions._tcp.example.test", 0, 1, relay.port(), "relay.example.test");
        net.name("relay.example.test", "127.0.0.17");

        FindResult result = net.finder(NO_PROVIDERS, Loopback.options()).find(withPassword(Loopback.USER),
                FindListener.NONE);

        assertEquals(CandidateStatus.WORKS_WITHOUT_SIGN_IN, result.best().orElseThrow().status());
        assertFalse(result.best().orElseThrow().signInTested());
        assertTrue(relay.connections().stream().anyMatch(c -> c.verbs().contains("MAIL")));
        assertTrue(relay.connections().stream().noneMatch(c -> c.verbs().contains("AUTH")));
    }

    @Test
    void signInIsTriedOnAtMostTheConfiguredNumberOfServers() throws Exception {
        List<ServerPreset> presets = new ArrayList<>();
        List<FakeSmtpServer> servers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String ip = "127.0.0." + (22 + i);
            FakeSmtpServer server = net.implicitTls(ip);
            servers.add(server);
            net.name("smtp" + i + ".mailco.test", ip);
            presets.add(preset("smtp" + i + ".mailco.test", server.port(), Security.SSL_TLS));
        }
        ProviderCatalog catalog = new ProviderCatalog(List.of(provider("mailco", "example.test", presets, Set.of())));
        FindRequest request = FindRequest.of(Loopback.USER).withCredentials("", Secret.of("wrong"));

        FindResult result = net.finder(catalog, Loopback.options().withMaxSignInAttempts(2))
                .find(request, FindListener.NONE);

        long authAttempts = servers.stream().flatMap(s -> s.connections().stream())
                .filter(c -> c.verbs().contains("AUTH")).count();
        assertEquals(2, authAttempts);
        assertEquals(2, result.ranked().stream().filter(CandidateOutcome::signInTested).count());
        assertFalse(result.found());
    }

    @Test
    void unknownNamesFailAsUnknownHostWithoutProbing() throws Exception {
        FindResult result = net.finder(NO_PROVIDERS, Loopback.options())
                .find(FindRequest.of(Loopback.USER), FindListener.NONE);

        assertFalse(result.found());
        assertTrue(result.best().isEmpty());
        assertTrue(result.ranked().stream().allMatch(o -> o.reason().equals(Optional.of(FailureKind.UNKNOWN_HOST))));
    }
}
