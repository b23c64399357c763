package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * Exim's {@code verify = sender} answers RCPT TO for a sender it cannot route, or whose mailbox a callout finds
 * missing, with lines naming the sender and "550 Sender verify failed" (Debian's configuration, checked on a real Exim
 * 4.96: "550 Sender verification failed"). Both Debian's and Exim's default configurations verify the sender before
 * they accept signed-in users, so it applies with and without sign-in. It was read as "the recipient's address does
 * not exist" after sign-in and as "sign in" without it; following either meets the same refusal. The server's words
 * are about the sender address.
 */
class EximSenderVerifyTest {

    private static final String USER = "alice@exmaple.test";
    private static final String PASSWORD = "Secr3t-pass";

    private static final String DEBIAN = "550-Verification failed for <alice@exmaple.test>\n550-Unrouteable address\n"
            + "550 Sender verification failed";

    private static Diagnosis check(String reply, String user, String recipient) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").reply(Verb.RCPT, reply).start()) {
            ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withTrustedCertificates(List.of(TestCertificates.ca()));
            CoreEngine engine = new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults(),
                    () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
            AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                    user.isEmpty() ? AuthMethod.NONE : AuthMethod.AUTO, user, Secret.of(user.isEmpty() ? "" : PASSWORD),
                    "alice@exmaple.test", recipient);
            return engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE).diagnosis();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEBIAN,
        "550-Verification failed for <alice@exmaple.test>\n550-Unrouteable address\n550 Sender verify failed",
        "550-Verification failed for <alice@exmaple.test>\n550-Called:   192.0.2.1\n"
                + "550-Sent:     RCPT TO:<alice@exmaple.test>\n550-Response: 550 5.1.1 <alice@exmaple.test>: Recipient"
                + " address rejected: User unknown in local recipient table\n550 Sender verify failed"})
    void aFailedSenderVerificationAfterSignInPointsAtTheSenderAddressNotTheRecipient(String reply) {
        Diagnosis d = check(reply, USER, "bob@example.org");

        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + d.title());
        assertEquals("sender.verify_failed", d.ruleId());
    }

    @Test
    void aFailedSenderVerificationWithoutSignInIsTheSenderAddressNotASignIn() {
        Diagnosis d = check(DEBIAN, "", "alice@example.test");

        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + d.title());
        assertTrue(d.changes().stream().noneMatch(c -> c.setting() == Setting.AUTH_METHOD), d.changes().toString());
    }
}
