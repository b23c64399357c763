package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * What a real qpsmtpd 0.94 did on loopback where the advice was wrong (docs/REAL-SERVERS.md). Its earlytalker plugin
 * greets only after a second and answers a client that talks first with "550 Connecting host started transmitting
 * before SMTP greeting"; Sendmail's greet_pause and Exim's connect-ACL delays punish the same.
 */
class QpsmtpdRepliesTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Secr3t-pass";
    private static final String EARLY_TALKER = "550 Connecting host started transmitting before SMTP greeting";

    private static CoreEngine engine(FinderOptions.StandardPorts ports) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4))
                .withGreetingWait(Duration.ofMillis(400)).withTrustedCertificates(List.of(TestCertificates.ca()));
        return new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults().withPorts(ports),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    /** STARTTLS, sign-in only inside TLS, and a greeting after a pause that refuses clients talking first. */
    private static FakeSmtpServer slowGreeter() {
        return FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "CRAM-MD5", "PLAIN", "LOGIN").authOnlyAfterTls()
                .greetAfter(Duration.ofMillis(1000), EARLY_TALKER).start();
    }

    private static AccountSettings typed(int port, Security security) {
        return new AccountSettings("127.0.0.1", port, security, AuthMethod.AUTO, USER, Secret.of(PASSWORD), USER,
                "bob@example.org");
    }

    private static AccountSettings apply(AccountSettings settings, List<Change> changes) {
        AccountSettings applied = settings;
        for (Change c : changes) {
            SettingValue v = c.to().orElseThrow();
            if (v instanceof SettingValue.PortNumber p) {
                applied = applied.withPort(p.port());
            } else if (v instanceof SettingValue.SecurityChoice s) {
                applied = applied.withSecurity(s.security());
            }
        }
        return applied;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void sslTlsOnASlowGreetingStartTlsPortIsToldStartTlsWithoutTalkingFirst() throws IOException {
        try (FakeSmtpServer submission = slowGreeter();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                        .auth(USER, PASSWORD, "PLAIN", "LOGIN").start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(implicit.port(), submission.port(),
                    closedPort()));
            AccountSettings typed = typed(submission.port(), Security.SSL_TLS);

            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);

            Diagnosis d = checked.diagnosis();
            assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + d.title() + " " + d.explanation());
            assertEquals(List.of(Setting.SECURITY), d.changes().stream().map(Change::setting).toList());
            assertFalse(d.explanation().contains("between servers"), d.explanation());
            assertTrue(checked.result().capabilities().startTls(), "the port's own offer was read, after its greeting");
            Engine.Checked again = engine.check(engine.newProbeRun(false), apply(typed, d.changes()),
                    ProbeListener.NONE);
            assertTrue(again.result().success(), "applying the advice once works: " + again.result().failure());
        }
    }
}
