package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * A right password refused because the user name has the wrong form (seen against a real aiosmtpd and usual on
 * servers with system accounts): the advice was "check the password". The engine now signs in once more with the
 * other usual form of the user name (the full address, or the part before the @ on a server that is no known
 * provider's) and says which setting to change from what that showed.
 */
class SignInNameRetryTest {

    private static final String ADDRESS = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";

    private static FakeSmtpServer serverFor(String user) {
        return FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(user, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls().start();
    }

    private static Engine.Checked check(FakeSmtpServer server, String user, String password, String sender) {
        AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                AuthMethod.AUTO, user, Secret.of(password), sender, "bob@example.org");
        return check(typed);
    }

    private static Engine.Checked check(AccountSettings typed) {
        CoreEngine engine = new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults(),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
        return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);
    }

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static long authCommands(FakeSmtpServer server) {
        return server.allLines().stream().filter(l -> l.startsWith("AUTH")).count();
    }

    private static void assertApplyingWorks(Engine.Checked checked, String name) {
        AccountSettings applied = checked.result().settings().withCredentials(name, Secret.of(PASSWORD));
        assertTrue(new Prober(options()).probe(applied, ProbeListener.NONE).success(), "the advised user name works");
    }

    @Test
    void aFullAddressOnAServerWithSystemAccountsGetsThePartBeforeTheAt() {
        try (FakeSmtpServer server = serverFor("alice")) {
            Engine.Checked checked = check(server, ADDRESS, PASSWORD, ADDRESS);

            Diagnosis d = checked.diagnosis();
            assertEquals("auth_rejected.other_name_works", d.ruleId(), d.title());
            assertEquals(Setting.USERNAME, d.setting());
            assertEquals(SettingValue.username("alice"), d.suggestedValue().orElseThrow());
            assertTrue(d.explanation().contains("Your password is right"), d.explanation());
            assertEquals(2, authCommands(server), "one sign-in as typed and one with the other form, no more");
            assertApplyingWorks(checked, "alice");
        }
    }

    @Test
    void aNameWithoutDomainGetsTheFullAddressWhenTheServerWantsIt() {
        try (FakeSmtpServer server = serverFor(ADDRESS)) {
            Engine.Checked checked = check(server, "alice", PASSWORD, ADDRESS);

            Diagnosis d = checked.diagnosis();
            assertEquals("auth_rejected.other_name_works", d.ruleId(), d.title());
            assertEquals(SettingValue.username(ADDRESS), d.suggestedValue().orElseThrow());
            assertApplyingWorks(checked, ADDRESS);
        }
    }

    @Test
    void aWrongPasswordRefusedWithBothFormsIsThePasswordAndNotTheName() {
        try (FakeSmtpServer server = serverFor(ADDRESS)) {
            Engine.Checked checked = check(server, "alice", "not-the-password", ADDRESS);

            Diagnosis d = checked.diagnosis();
            assertEquals("auth_rejected.other_name_refused", d.ruleId(), d.title());
            assertEquals(Setting.PASSWORD, d.setting());
            assertTrue(d.evidence().stream().anyMatch(e -> e.contains(ADDRESS) && e.contains("refused")),
                    d.evidence().toString());
            assertEquals(2, authCommands(server));
        }
    }

    @Test
    void aKnownProvidersAddressIsNeverCutToItsLocalPart() {
        try (FakeSmtpServer server = serverFor("someone-else")) {
            Engine.Checked checked = check(server, "alice@gmail.com", PASSWORD, "alice@gmail.com");

            assertFalse(checked.verification().ran(), "big providers want the full address: no second sign-in");
            assertEquals(1, authCommands(server));
        }
    }

    @Test
    void noSecondSignInAfterATemporaryRefusalOrWithoutTheAddress() {
        try (FakeSmtpServer throttled = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(ADDRESS, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls()
                .authFailure("454 4.7.0 Too many login attempts, please try again later").start()) {
            Engine.Checked checked = check(throttled, "alice", "not-the-password", ADDRESS);
            assertFalse(checked.verification().ran(), "a lock-out is not made worse");
            assertEquals(1, authCommands(throttled));
        }
        try (FakeSmtpServer server = serverFor(ADDRESS)) {
            Engine.Checked checked = check(server, "alice", PASSWORD, "");
            assertFalse(checked.verification().ran(), "no address known: nothing to try instead");
            assertEquals(1, authCommands(server));
        }
    }

    @Test
    void theSecondSignInNeverRunsOverAnUnencryptedConnection() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", PASSWORD, "PLAIN", "LOGIN").start()) {
            AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.NONE, AuthMethod.AUTO,
                    ADDRESS, Secret.of(PASSWORD), ADDRESS, "bob@example.org");
            CoreEngine engine = new CoreEngine(options().withAllowPlaintextAuth(true), Clock.systemDefaultZone(),
                    FinderOptions.defaults(), () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);

            assertEquals(1, authCommands(server), checked.diagnosis().ruleId());
        }
    }
}
