package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Replies a real Courier 1.0 sent on loopback, where the advice was wrong (docs/REAL-SERVERS.md): Courier answers a
 * MAIL FROM without sign-in with "535 Authentication required." (read as "your password is wrong" although none was
 * sent) and a sender domain that does not resolve with a bare "517-Domain does not exist" (read as "the provider
 * refused the message").
 */
class CourierRepliesTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";

    private static Diagnosis check(FakeSmtpServer server, Security security, String user) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
        CoreEngine engine = new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults(),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
        AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), security,
                user.isEmpty() ? AuthMethod.NONE : AuthMethod.AUTO, user, Secret.of(user.isEmpty() ? "" : PASSWORD),
                USER, "bob@example.org");
        return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE).diagnosis();
    }

    private static FakeSmtpServer courierSubmission() {
        return FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls()
                .on(Verb.MAIL, (command, session) -> session.isAuthenticated() ? Action.proceed()
                        : Action.reply("535 Authentication required."))
                .start();
    }

    @Test
    void authenticationRequiredWithoutASignInAsksToSignInNotForThePassword() {
        try (FakeSmtpServer server = courierSubmission()) {
            Diagnosis encrypted = check(server, Security.STARTTLS, "");
            assertEquals("mail_from.sign_in_required", encrypted.ruleId(), encrypted.title());
            assertEquals(Setting.AUTH_METHOD, encrypted.setting());

            Diagnosis plain = check(server, Security.NONE, "");
            assertEquals("mail_from.sign_in_required.starttls", plain.ruleId(), plain.title());
            Map<Setting, Optional<SettingValue>> changes = plain.changes().stream()
                    .collect(Collectors.toMap(Change::setting, Change::to));
            assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), changes.get(Setting.SECURITY));
            assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), changes.get(Setting.AUTH_METHOD));
        }
    }

    @Test
    void aSenderDomainThatDoesNotExistIsTheSenderAddress() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls()
                .on(Verb.MAIL, Action.reply("517-Domain does not exist: example.test.\n"
                        + "517 Invalid domain, see <URL:https://www.ietf.org/rfc/rfc1035.txt>"))
                .start()) {
            Diagnosis d = check(server, Security.STARTTLS, USER);
            assertEquals("mail_from.sender_domain_unknown", d.ruleId(), d.title());
            assertEquals(Setting.SENDER_ADDRESS, d.setting());
        }
    }
}
