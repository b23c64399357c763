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
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
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
 * A server that answers STARTTLS, sends its certificate and then breaks the handshake off itself (seen on a real
 * OpenSMTPD whose key could not be used, and on servers that demand a client certificate): the connection security
 * evidently matches the port, so the advice must not be "change the connection security". It names the server's
 * operator, or the other port when that one was seen to work just now.
 */
class EncryptionBrokenOffTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Tr0ub4dor-and-3";

    private static CoreEngine engine(FinderOptions.StandardPorts ports) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withGreetingWait(Duration.ofMillis(500)).withTrustedCertificates(List.of(TestCertificates.ca()));
        return new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults().withPorts(ports),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static FakeSmtpServer brokenStarttls() {
        return FakeSmtpServer.builder().starttls(TestCertificates.localhost()).demandClientCertificate()
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls().start();
    }

    private static AccountSettings typed(FakeSmtpServer server) {
        return new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS, AuthMethod.AUTO, USER,
                Secret.of(PASSWORD), USER, "bob@example.org");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void withNoOtherPortWorkingTheServersOperatorActsNotTheUser() throws IOException {
        try (FakeSmtpServer broken = brokenStarttls()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(closedPort(), broken.port(), closedPort()));

            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed(broken), ProbeListener.NONE);

            // an alert, a reset or a hang-up, whichever reaches the client first
            assertTrue(checked.result().encryptionBrokenOffByServer(), checked.result().failure().toString());
            assertTrue(checked.verification().ran(), "the other port was tried before anything was suggested");
            Diagnosis d = checked.diagnosis();
            assertEquals("tls_failed.after_certificate", d.ruleId());
            assertEquals(Verdict.SERVER_SIDE, d.verdict());
            assertEquals(Actor.PROVIDER, d.actor());
            assertTrue(d.changes().stream().noneMatch(c -> c.setting() == Setting.SECURITY
                    || c.setting() == Setting.PORT), "no port or security change: " + d.changes());
            assertTrue(d.explanation().contains("matches the port"), d.explanation());
            assertFalse(String.join(" ", d.explanation(), d.technicalDetail(), String.join(" ", d.thingsToTry()))
                    .contains(PASSWORD));
        }
    }

    private static FakeSmtpServer brokenImplicitTls() {
        return FakeSmtpServer.builder().implicitTls(TestCertificates.localhost()).demandClientCertificate()
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
    }

    /**
     * Seen on a real OpenSMTPD 6.8 with OpenSSL 3: every port's encryption breaks off after the certificate. Whatever
     * the user has set (the right settings, no encryption, or STARTTLS on the implicit-TLS port), no port or security
     * can help, and that is said at once: before, "STARTTLS on 465" was told "set SSL/TLS" (which broke off too) and
     * "None on 587" that the server name may be wrong.
     */
    @Test
    void whenEveryPortsEncryptionBreaksOffTheOperatorActsWhateverWasSet() throws IOException {
        try (FakeSmtpServer submission = brokenStarttls(); FakeSmtpServer implicit = brokenImplicitTls()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(implicit.port(), submission.port(),
                    closedPort()));
            for (AccountSettings typed : List.of(typed(submission),
                    typed(submission).withSecurity(Security.NONE),
                    typed(submission).withSecurity(Security.SSL_TLS),
                    typed(implicit).withSecurity(Security.STARTTLS),
                    typed(implicit).withSecurity(Security.SSL_TLS))) {
                Engine.Checked checked = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);

                String what = typed.port() + " " + typed.security() + ": " + checked.diagnosis().ruleId();
                assertTrue(checked.verification().ran(), what);
                Diagnosis d = checked.diagnosis();
                assertEquals("verified.encryption_broken_everywhere", d.ruleId(), what);
                assertEquals(Setting.CONTACT_PROVIDER, d.setting(), what);
                assertEquals(Actor.PROVIDER, d.actor(), what);
                assertTrue(d.changes().stream().noneMatch(c -> c.setting() == Setting.SECURITY
                        || c.setting() == Setting.PORT), what + " " + d.changes());
                assertTrue(d.explanation().contains("checked just now"), d.explanation());
                assertFalse(String.join(" ", d.explanation(), d.technicalDetail()).contains(PASSWORD));
            }
        }
    }

    /** STARTTLS on a working implicit-TLS port: SSL/TLS on that port is tried before it is suggested. */
    @Test
    void sslTlsOnAnImplicitTlsPortIsCheckedBeforeItIsSuggested() throws IOException {
        try (FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(implicit.port(), closedPort(), closedPort()));
            AccountSettings typed = typed(implicit).withSecurity(Security.STARTTLS);

            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);

            assertTrue(checked.verification().firstAnswering().filter(c -> c.port() == implicit.port()
                    && c.security() == Security.SSL_TLS).isPresent(), checked.verification().toString());
            Diagnosis d = checked.diagnosis();
            assertEquals(java.util.Optional.of(SettingValue.security(Security.SSL_TLS)), d.suggestedValue(),
                    d.ruleId());
            assertTrue(implicit.allLines().stream().noneMatch(l -> l.startsWith("AUTH")),
                    "the check sent no credential");
            Engine.Checked again = engine.check(engine.newProbeRun(false), typed.withSecurity(Security.SSL_TLS),
                    ProbeListener.NONE);
            assertTrue(again.result().success(), "applying the advice once works: " + again.result().failure());
        }
    }

    /**
     * SSL/TLS on a port that greets in plain text and offers STARTTLS: STARTTLS on that port is tried before it is
     * suggested (with a healthy server it answers, and applying the advice once sends).
     */
    @Test
    void starttlsOnAPlainStartPortIsCheckedBeforeItIsSuggested() throws IOException {
        try (FakeSmtpServer submission = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls().start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(closedPort(), submission.port(),
                    closedPort()));
            AccountSettings typed = typed(submission).withSecurity(Security.SSL_TLS);

            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE);

            assertTrue(checked.verification().firstAnswering().filter(c -> c.port() == submission.port()
                    && c.security() == Security.STARTTLS).isPresent(), checked.verification().toString());
            Diagnosis d = checked.diagnosis();
            assertEquals("verified.same_port_starttls.plain_greeting", d.ruleId());
            assertEquals(java.util.Optional.of(SettingValue.security(Security.STARTTLS)), d.suggestedValue());
            assertTrue(d.explanation().contains("Checked just now"), d.explanation());
            assertTrue(d.changes().stream().noneMatch(c -> c.setting() == Setting.PORT), d.changes().toString());
            assertTrue(submission.allLines().stream().noneMatch(l -> l.startsWith("AUTH")),
                    "the check sent no credential");
            Engine.Checked again = engine.check(engine.newProbeRun(false), typed.withSecurity(Security.STARTTLS),
                    ProbeListener.NONE);
            assertTrue(again.result().success(), "applying the advice once works: " + again.result().failure());
        }
    }

    /**
     * The same mistake where STARTTLS on the port then meets a certificate the computer does not trust: the port and
     * its STARTTLS were seen, so the advice stays STARTTLS (the certificate is the next test's finding); it is not
     * "no port answers, the server name may be wrong".
     */
    @Test
    void anUntrustedCertificateBehindTheCheckedStarttlsDoesNotMakeTheServerNameSuspect() throws IOException {
        try (FakeSmtpServer submission = FakeSmtpServer.builder().starttls(TestCertificates.selfSigned())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls().start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(closedPort(), submission.port(),
                    closedPort()));

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    typed(submission).withSecurity(Security.SSL_TLS), ProbeListener.NONE);

            assertTrue(checked.verification().ran(), "STARTTLS on the port was tried");
            Diagnosis d = checked.diagnosis();
            assertEquals(java.util.Optional.of(SettingValue.security(Security.STARTTLS)), d.suggestedValue(),
                    d.ruleId());
            assertTrue(d.changes().stream().noneMatch(c -> c.setting() == Setting.SERVER_HOST
                    || c.setting() == Setting.PORT), d.changes().toString());
        }
    }

    @Test
    void whenTheImplicitTlsPortWorksItIsSuggestedAndApplyingItOnceSends() throws IOException {
        try (FakeSmtpServer broken = brokenStarttls();
                FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls(TestCertificates.localhost())
                        .auth(USER, PASSWORD, "PLAIN", "LOGIN").start()) {
            CoreEngine engine = engine(new FinderOptions.StandardPorts(implicit.port(), broken.port(),
                    closedPort()));

            Engine.Checked checked = engine.check(engine.newProbeRun(false), typed(broken), ProbeListener.NONE);

            Diagnosis d = checked.diagnosis();
            assertEquals("tls_failed.verified_other_port", d.ruleId());
            assertTrue(d.explanation().contains("checked just now"), d.explanation());
            AccountSettings applied = typed(broken);
            for (Change c : d.changes()) {
                SettingValue v = c.to().orElseThrow();
                if (v instanceof SettingValue.PortNumber p) {
                    applied = applied.withPort(p.port());
                } else if (v instanceof SettingValue.SecurityChoice s) {
                    applied = applied.withSecurity(s.security());
                }
            }
            assertEquals(implicit.port(), applied.port());
            assertEquals(Security.SSL_TLS, applied.security());
            assertTrue(implicit.allLines().stream().noneMatch(l -> l.startsWith("AUTH")),
                    "the check of the other port sent no credential");

            Engine.Checked again = engine.check(engine.newProbeRun(false), applied, ProbeListener.NONE);
            assertTrue(again.result().success(), "applying the advice once works: " + again.result().failure());
        }
    }
}
