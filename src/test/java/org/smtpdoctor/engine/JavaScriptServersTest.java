package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Diagnoser;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * Replies and offers of two servers written in JavaScript, run for real on loopback where the advice was wrong
 * (docs/REAL-SERVERS.md): Haraka 3.3.4 and Nodemailer's smtp-server 3.21 (the library behind WildDuck, ZoneMTA and
 * many development mail servers). Both list sign-in on a connection that is not encrypted (Haraka to clients from
 * private and loopback addresses, smtp-server always, refusing it later with "538 Error: Must issue a STARTTLS
 * command first"), which SMTP Doctor never uses for a password; Haraka can leave STARTTLS out for some clients
 * ({@code no_tls_hosts}), and its {@code mail_from.is_resolvable} plugin says "550 No MX for your FROM address".
 */
class JavaScriptServersTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";
    private static final String EXTERNAL = "bob@remote.invalid";
    private static final String HARAKA = "220 haraka.test ESMTP Haraka/3.3.4 ready";

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static CoreEngine engine(FinderOptions.StandardPorts ports) {
        return new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults().withPorts(ports),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static Diagnosis check(CoreEngine engine, AccountSettings typed) {
        return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE).diagnosis();
    }

    private static AccountSettings withoutSignIn(int port, Security security) {
        return new AccountSettings("127.0.0.1", port, security, AuthMethod.NONE, "", Secret.empty(), USER, EXTERNAL);
    }

    private static AccountSettings signingIn(int port, Security security) {
        return new AccountSettings("127.0.0.1", port, security, AuthMethod.AUTO, USER, Secret.of(PASSWORD), USER,
                EXTERNAL);
    }

    private static Map<Setting, Optional<SettingValue>> changes(Diagnosis d) {
        return d.changes().stream().collect(Collectors.toMap(Change::setting, Change::to));
    }

    /** The settings after every change of the diagnosis, with the account's name and password. */
    private static AccountSettings followed(Diagnosis d, AccountSettings tested) {
        AccountSettings applied = tested;
        for (Change c : d.changes()) {
            SettingValue v = c.to().orElseThrow(() -> new AssertionError("a change without a value: " + c));
            if (v instanceof SettingValue.PortNumber p) {
                applied = applied.withPort(p.port());
            } else if (v instanceof SettingValue.SecurityChoice s) {
                applied = applied.withSecurity(s.security());
            } else if (v instanceof SettingValue.AuthChoice a) {
                applied = new AccountSettings(applied.host(), applied.port(), applied.security(), a.method(), USER,
                        Secret.of(PASSWORD), USER, EXTERNAL);
            }
        }
        return applied;
    }

    private static boolean works(AccountSettings settings) {
        return new Prober(options()).probe(settings, ProbeListener.NONE).success();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Sign-in and STARTTLS both listed before encryption; mail for another domain refused until signed in. */
    private static FakeSmtpServer listsSignInInPlainText(String greeting, String relayRefusal) {
        return RelayRefusingServer.start(greeting, relayRefusal, USER, PASSWORD);
    }

    private static void assertSignInComesWithStartTls(FakeSmtpServer server) throws IOException {
        AccountSettings typed = withoutSignIn(server.port(), Security.NONE);
        Diagnosis d = check(engine(new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort())), typed);

        Map<Setting, Optional<SettingValue>> changes = changes(d);
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), changes.get(Setting.SECURITY),
                d.ruleId() + ": " + d.changes());
        assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), changes.get(Setting.AUTH_METHOD));
        assertFalse(changes.containsKey(Setting.PORT), d.changes().toString());
        assertTrue(d.explanation().contains("STARTTLS"), d.explanation());
        assertTrue(works(followed(d, typed)), "following it once works");
    }

    @Test
    void harakaRelayRefusalOnAPlainConnectionThatListsSignInNamesEncryptionWithTheSignIn() throws IOException {
        try (FakeSmtpServer server = listsSignInInPlainText(HARAKA,
                "550 I cannot deliver mail for <" + EXTERNAL + ">")) {
            assertSignInComesWithStartTls(server);
        }
    }

    @Test
    void smtpServerRelayRefusalOnAPlainConnectionThatListsSignInNamesEncryptionWithTheSignIn() throws IOException {
        try (FakeSmtpServer server = listsSignInInPlainText("220 mail.example.test ESMTP",
                "554 Relay access denied")) {
            assertSignInComesWithStartTls(server);
        }
    }

    /** Haraka with the client in no_tls_hosts: no STARTTLS, sign-in listed; its SMTPS listener beside it. */
    private static FakeSmtpServer withoutStartTls() {
        return FakeSmtpServer.builder().greeting(HARAKA).auth(USER, PASSWORD, "PLAIN", "LOGIN", "CRAM-MD5").start();
    }

    @Test
    void signInOnAPortWithoutEncryptionGetsTheCheckedImplicitTlsPortNotSslTlsOnTheSamePort() throws IOException {
        try (FakeSmtpServer plain = withoutStartTls();
                FakeSmtpServer implicit = FakeSmtpServer.builder().greeting(HARAKA)
                        .implicitTls(TestCertificates.localhost()).auth(USER, PASSWORD, "PLAIN", "LOGIN").start()) {
            AccountSettings typed = signingIn(plain.port(), Security.NONE);
            Diagnosis d = check(engine(new FinderOptions.StandardPorts(implicit.port(), closedPort(), closedPort())),
                    typed);

            assertMovesToTheCheckedImplicitTlsPort(d, implicit.port(), typed);
        }
    }

    @Test
    void signInOnAPortWithoutEncryptionAndNoOtherPortIsNotToldAnEncryptionThePortLacks() throws IOException {
        try (FakeSmtpServer plain = withoutStartTls()) {
            AccountSettings typed = signingIn(plain.port(), Security.NONE);
            Diagnosis d = check(engine(new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort())),
                    typed);

            assertNoSecurityThePortLacks(d);
            assertNotEquals("kind.plaintext_auth_blocked", d.ruleId());
            assertEquals(Verdict.SERVER_SIDE, d.verdict(), d.ruleId() + ": " + d.title());
            assertTrue(d.explanation().contains(Integer.toString(plain.port())), d.explanation());
        }
    }

    /** The advice is the implicit-TLS port that was checked, with SSL/TLS, and following it once works. */
    private static void assertMovesToTheCheckedImplicitTlsPort(Diagnosis d, int port, AccountSettings typed) {
        Map<Setting, Optional<SettingValue>> changes = changes(d);
        assertEquals(Optional.of(SettingValue.port(port)), changes.get(Setting.PORT), d.ruleId() + ": " + d.changes());
        assertEquals(Optional.of(SettingValue.security(Security.SSL_TLS)), changes.get(Setting.SECURITY));
        assertTrue(works(followed(d, typed)), "following it once works");
    }

    /** The advice changes no connection security on the same port: the port offers none. */
    private static void assertNoSecurityThePortLacks(Diagnosis d) {
        assertFalse(changes(d).containsKey(Setting.SECURITY) && !changes(d).containsKey(Setting.PORT),
                "no connection security the port does not offer: " + d.ruleId() + ": " + d.changes());
    }

    /**
     * MailDev 3.0 with {@code --incoming-user} and no certificate, and smtp-server with STARTTLS disabled and
     * {@code allowInsecureAuth}: sign-in listed without encryption, no STARTTLS, and "530 Error: authentication
     * Required" at MAIL FROM to a client that did not sign in (smtp-server's own words).
     */
    private static FakeSmtpServer signInWithoutEncryption() {
        return FakeSmtpServer.builder().greeting("220 vm ESMTP").auth(USER, PASSWORD, "LOGIN", "PLAIN")
                .on(Verb.MAIL, (command, session) -> session.isAuthenticated() ? Action.proceed()
                        : Action.reply("530 Error: authentication Required"))
                .start();
    }

    @Test
    void signInDemandedOnAPortWithoutEncryptionGetsTheCheckedImplicitTlsPortWithSignIn() throws IOException {
        try (FakeSmtpServer plain = signInWithoutEncryption();
                FakeSmtpServer implicit = FakeSmtpServer.builder().greeting("220 vm ESMTP")
                        .implicitTls(TestCertificates.localhost()).auth(USER, PASSWORD, "LOGIN", "PLAIN").start()) {
            AccountSettings typed = withoutSignIn(plain.port(), Security.NONE);
            Diagnosis d = check(engine(new FinderOptions.StandardPorts(implicit.port(), closedPort(), closedPort())),
                    typed);

            assertTrue(changes(d).containsKey(Setting.AUTH_METHOD), d.changes().toString());
            assertMovesToTheCheckedImplicitTlsPort(d, implicit.port(), typed);
        }
    }

    @Test
    void signInDemandedOnAPortWithoutEncryptionAndNoOtherPortIsNotToldSslTlsOnThatPort() throws IOException {
        try (FakeSmtpServer plain = signInWithoutEncryption()) {
            AccountSettings typed = withoutSignIn(plain.port(), Security.NONE);
            Diagnosis d = check(engine(new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort())),
                    typed);

            assertNoSecurityThePortLacks(d);
            assertEquals(Verdict.SERVER_SIDE, d.verdict(), d.ruleId() + ": " + d.title());
        }
    }

    @Test
    void harakaNoMxForTheSenderNamesTheSendersDomainNotTheAddressAlreadySet() {
        for (String refusal : List.of("550 No MX for your FROM address", "550 No valid MX for your FROM address")) {
            try (FakeSmtpServer server = FakeSmtpServer.builder().greeting(HARAKA).starttls(TestCertificates.localhost())
                    .auth(USER, PASSWORD, "PLAIN", "LOGIN").reply(Verb.MAIL, refusal).start()) {
                Diagnosis d = check(engine(FinderOptions.StandardPorts.USUAL), signingIn(server.port(),
                        Security.STARTTLS));

                assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId());
                assertEquals("mail_from.sender_domain_unknown", d.ruleId(), d.title());
                assertFalse(d.changes().stream().anyMatch(c -> c.to().equals(Optional.of(SettingValue.address(USER)))),
                        "the address already set is no advice: " + d.changes());
            }
        }
    }

    /** STARTTLS chosen where the server lists sign-in and no encryption: the server's set-up, not its name. */
    @Test
    void startTlsChosenWhereSignInIsOfferedOnlyWithoutEncryptionSaysSoRatherThanBlamingTheName() throws IOException {
        try (FakeSmtpServer plain = signInWithoutEncryption()) {
            AccountSettings typed = signingIn(plain.port(), Security.STARTTLS);
            Diagnosis d = check(engine(new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort())),
                    typed);

            assertEquals(Verdict.SERVER_SIDE, d.verdict(), d.ruleId() + ": " + d.title());
            assertFalse(changes(d).containsKey(Setting.SERVER_HOST), d.changes().toString());
        }
    }

    /** Pasted, the same words were read as a refused recipient ("To"). */
    @Test
    void harakaNoMxPastedNamesTheSendersDomain() {
        for (String pasted : List.of("550 No MX for your FROM address", "550 No valid MX for your FROM address")) {
            Diagnosis d = new Diagnoser().explain(pasted, ExplainContext.none());

            assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted + ": " + d.ruleId());
        }
    }
}
