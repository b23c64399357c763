package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * "Encrypted password" (CRAM-MD5) chosen, the server offering it but unable to check it (seen on a real Exim whose
 * CRAM-MD5 authenticator has no secret): the advice was "check the password" although the password was right. The
 * engine now signs in once more with the normal method over the encrypted connection, as mail programs do, and
 * says which setting to change from what that showed.
 */
class SignInMethodRetryTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";

    private static FakeSmtpServer brokenCramMd5() {
        return FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN", "CRAM-MD5").authOnlyAfterTls()
                .on(Verb.AUTH, (command, session) -> command.argument().toUpperCase(java.util.Locale.ROOT).startsWith("CRAM-MD5")
                        ? Action.reply("535 Incorrect authentication data") : Action.proceed())
                .start();
    }

    private static Engine.Checked check(FakeSmtpServer server, String password) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
        CoreEngine engine = new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults(),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
        AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                AuthMethod.CRAM_MD5, USER, Secret.of(password), USER, "bob@example.org");
        return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);
    }

    @Test
    void theRightPasswordWithAMethodTheServerCannotCheckGetsTheOtherMethodAndApplyingItWorks() {
        try (FakeSmtpServer server = brokenCramMd5()) {
            Engine.Checked checked = check(server, PASSWORD);

            Diagnosis d = checked.diagnosis();
            assertEquals("auth_rejected.other_method_works", d.ruleId(), d.title());
            assertEquals(Setting.AUTH_METHOD, d.setting());
            assertEquals(SettingValue.auth(AuthMethod.PLAIN), d.suggestedValue().orElseThrow());
            assertTrue(d.explanation().contains("Your password is right"), d.explanation());

            AccountSettings applied = checked.result().settings().withAuthMethod(AuthMethod.PLAIN)
                    .withCredentials(USER, Secret.of(PASSWORD));
            ProbeOptions options = ProbeOptions.defaults().withTrustedCertificates(List.of(TestCertificates.ca()));
            assertTrue(new org.smtpdoctor.probe.Prober(options).probe(applied, ProbeListener.NONE).success());
        }
    }

    @Test
    void aWrongPasswordRefusedByBothMethodsIsThePassword() {
        try (FakeSmtpServer server = brokenCramMd5()) {
            Engine.Checked checked = check(server, "not-the-password");

            assertTrue(checked.verification().ran(), "the normal method was tried once more");
            assertEquals(Setting.PASSWORD, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            long authCommands = server.allLines().stream().filter(l -> l.startsWith("AUTH")).count();
            assertEquals(2, authCommands, "one try with the chosen method and one with the normal one, no more");
        }
    }
}
