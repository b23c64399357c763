package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * Replies a real Sendmail 8.17 sent on loopback, where the advice was wrong (docs/REAL-SERVERS.md).
 */
class SendmailRepliesTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static CoreEngine engine() {
        return new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults(),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    /**
     * "530 5.7.0 Authentication required" on an unencrypted connection without sign-in, as the submission port
     * (M=a, plain-text sign-in only after STARTTLS) answers MAIL FROM: the advice was "set STARTTLS" alone, and
     * following it met the same refusal again. Both changes are now named together, and applying them works.
     */
    @Test
    void authenticationRequiredBeforeStartTlsNamesEncryptionAndSignInTogether() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls().requireAuth().start()) {
            CoreEngine engine = engine();
            AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.NONE, AuthMethod.NONE,
                    "", Secret.empty(), USER, "bob@example.org");

            Diagnosis d = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE).diagnosis();

            assertTrue(d.ruleId().equals("tls_required.sign_in_too")
                    || d.ruleId().equals("mail_from.sign_in_required.starttls"), d.ruleId());
            Map<Setting, Optional<SettingValue>> changes = d.changes().stream()
                    .collect(Collectors.toMap(Change::setting, Change::to));
            assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), changes.get(Setting.SECURITY));
            assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), changes.get(Setting.AUTH_METHOD));

            AccountSettings applied = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                    AuthMethod.PLAIN, USER, Secret.of(PASSWORD), USER, "bob@example.org");
            assertTrue(new Prober(options()).probe(applied, ProbeListener.NONE).success(), "following it once works");
        }
    }

    /**
     * "553 5.1.8 … Domain of sender address … does not exist" after a successful sign-in with the same address: the
     * advice was "use the address you sign in with", which it already was. RFC 3463's X.1.8 (the sender's domain)
     * now decides over the generic MAIL FROM refusal.
     */
    @Test
    void anUnknownSenderDomainIsSaidAsSuchNotAsAnAddressTheAccountMayNotUse() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls()
                .on(org.smtpdoctor.testkit.Verb.MAIL, org.smtpdoctor.testkit.Action.reply("553 5.1.8 <" + USER
                        + ">... Domain of sender address " + USER + " does not exist"))
                .start()) {
            CoreEngine engine = engine();
            AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                    AuthMethod.AUTO, USER, Secret.of(PASSWORD), USER, "bob@example.org");

            Diagnosis d = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE).diagnosis();

            assertEquals("enhanced.5.1.8", d.ruleId(), d.title());
            assertEquals(Setting.SENDER_ADDRESS, d.setting());
            assertTrue(d.title().contains("domain"), d.title());
        }
    }
}
