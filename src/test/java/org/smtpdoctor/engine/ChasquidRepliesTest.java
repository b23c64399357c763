package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Diagnosis;
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
 * Replies a real chasquid 1.11 sent on loopback, where the advice was wrong (docs/REAL-SERVERS.md). chasquid offers
 * sign-in only after STARTTLS, and refuses a client that has not signed in in its own words: "550 5.7.9 Mail to
 * submission port must be authenticated" at MAIL FROM on its submission port, "503 5.7.1 Relay not allowed" at RCPT TO
 * on port 25. Without encryption the advice was "turn on sign-in" alone, and following it met "sign-in is offered
 * only after STARTTLS": the rules that name both changes together were keyed to other servers' reply codes.
 */
class ChasquidRepliesTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";
    private static final String EXTERNAL = "bob@remote.invalid";

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static Diagnosis check(FakeSmtpServer server, Security security) {
        CoreEngine engine = new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults(),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
        AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), security, AuthMethod.NONE, "",
                Secret.empty(), USER, EXTERNAL);
        return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE).diagnosis();
    }

    private static Map<Setting, Optional<SettingValue>> changes(Diagnosis d) {
        return d.changes().stream().collect(Collectors.toMap(Change::setting, Change::to));
    }

    /** The settings tested, after every change of the diagnosis is applied, with the account's name and password. */
    private static AccountSettings followed(Diagnosis d, FakeSmtpServer server, Security tested) {
        Map<Setting, Optional<SettingValue>> changes = changes(d);
        Security security = changes.getOrDefault(Setting.SECURITY, Optional.empty())
                .map(v -> ((SettingValue.SecurityChoice) v).security()).orElse(tested);
        AuthMethod method = changes.getOrDefault(Setting.AUTH_METHOD, Optional.empty())
                .map(v -> ((SettingValue.AuthChoice) v).method()).orElse(AuthMethod.NONE);
        return new AccountSettings("127.0.0.1", server.port(), security, method, USER, Secret.of(PASSWORD), USER,
                EXTERNAL);
    }

    /** chasquid's submission port: STARTTLS, sign-in only inside it, MAIL FROM refused until signed in. */
    private static FakeSmtpServer submission() {
        return FakeSmtpServer.builder().greeting("220 chasquid.test ESMTP chasquid")
                .starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN").authOnlyAfterTls()
                .on(Verb.MAIL, (command, session) -> session.isAuthenticated() ? Action.proceed()
                        : Action.reply("550 5.7.9 Mail to submission port must be authenticated"))
                .start();
    }

    /** chasquid's port 25: the same, but MAIL FROM passes and a recipient in another domain is refused. */
    private static FakeSmtpServer relayPort() {
        return FakeSmtpServer.builder().greeting("220 chasquid.test ESMTP chasquid")
                .starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN").authOnlyAfterTls()
                .on(Verb.RCPT, (command, session) -> session.isAuthenticated() ? Action.proceed()
                        : Action.reply("503 5.7.1 Relay not allowed"))
                .start();
    }

    @Test
    void submissionRefusedWithoutSignInOnAPlainConnectionNamesEncryptionAndSignInTogether() {
        try (FakeSmtpServer server = submission()) {
            Diagnosis d = check(server, Security.NONE);

            Map<Setting, Optional<SettingValue>> changes = changes(d);
            assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), changes.get(Setting.SECURITY),
                    d.ruleId() + ": " + d.changes());
            assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), changes.get(Setting.AUTH_METHOD));
            assertTrue(d.explanation().contains("STARTTLS"), d.explanation());
            assertTrue(new Prober(options()).probe(followed(d, server, Security.NONE), ProbeListener.NONE).success(),
                    "following it once works");
        }
    }

    @Test
    void relayRefusedWithoutSignInOnAPlainConnectionNamesEncryptionAndSignInTogether() {
        try (FakeSmtpServer server = relayPort()) {
            Diagnosis d = check(server, Security.NONE);

            Map<Setting, Optional<SettingValue>> changes = changes(d);
            assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), changes.get(Setting.SECURITY),
                    d.ruleId() + ": " + d.changes());
            assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), changes.get(Setting.AUTH_METHOD));
            assertFalse(changes.containsKey(Setting.PORT), d.changes().toString());
            assertTrue(new Prober(options()).probe(followed(d, server, Security.NONE), ProbeListener.NONE).success(),
                    "following it once works");
        }
    }

    /** Over STARTTLS the sign-in is on offer: turning it on is the whole change. */
    @Test
    void theSameRefusalOverStartTlsAsksOnlyForTheSignIn() {
        try (FakeSmtpServer server = submission()) {
            Diagnosis d = check(server, Security.STARTTLS);

            assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
            assertFalse(changes(d).containsKey(Setting.SECURITY), d.changes().toString());
            AccountSettings applied = followed(d, server, Security.STARTTLS);
            assertTrue(new Prober(options()).probe(applied, ProbeListener.NONE).success(), "following it once works");
        }
    }
}
