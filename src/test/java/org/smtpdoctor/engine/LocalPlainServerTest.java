package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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

/**
 * A mail server on the user's own computer or network that offers no encryption at all (msmtpd, Python's smtpd,
 * development catchers such as MailHog, Mailpit and MailDev, a container's relay), tested with STARTTLS and no
 * sign-in: it greeted and answered EHLO, so "the server name may be wrong" (what SMTP Doctor said, the usual ports
 * 587 and 465 being closed) contradicted what it did. The same port without encryption is checked, and is the advice
 * only there, without a password, for a server on the user's own computer or network.
 */
class LocalPlainServerTest {

    private static final String SENDER = "dev@example.test";

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private static CoreEngine engineWithoutOtherPorts() throws IOException {
        return new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults().withPorts(
                new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort())),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static AccountSettings typed(int port, AuthMethod auth, String user) {
        return new AccountSettings("127.0.0.1", port, Security.STARTTLS, auth, user,
                user.isEmpty() ? Secret.empty() : Secret.of("not-sent-in-clear"), SENDER, "");
    }

    @Test
    void aLocalServerWithoutEncryptionIsToldNoneCheckedAndFollowingItWorks() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("220 localhost Python SMTP proxy version 0.3")
                .start()) {
            CoreEngine engine = engineWithoutOtherPorts();
            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed(server.port(), AuthMethod.NONE, ""),
                    ProbeListener.NONE);
            Diagnosis d = checked.diagnosis();

            assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + d.title());
            assertEquals(Optional.of(SettingValue.security(Security.NONE)), d.suggestedValue(), d.ruleId());
            assertTrue(checked.verification().checks().stream()
                    .anyMatch(c -> c.port() == server.port() && c.security() == Security.NONE && c.answers()),
                    "the same port without encryption was checked: " + checked.verification().checks());

            AccountSettings followed = new AccountSettings("127.0.0.1", server.port(), Security.NONE, AuthMethod.NONE,
                    "", Secret.empty(), SENDER, "");
            assertTrue(new Prober(options()).probe(followed, ProbeListener.NONE).success(), "following it once works");
        }
    }

    @Test
    void aPasswordIsNeverAdvisedIntoAConnectionWithoutEncryption() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("220 localhost ESMTP").start()) {
            CoreEngine engine = engineWithoutOtherPorts();
            Diagnosis d = engine.check(engine.newProbeRun(false), typed(server.port(), AuthMethod.PLAIN, SENDER),
                    ProbeListener.NONE).diagnosis();

            assertNotEquals(Optional.of(SettingValue.security(Security.NONE)), d.suggestedValue(), d.ruleId());
        }
    }
}
