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
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * What servers answer as providers deploy them (docs/REAL-SERVERS.md, eighth session): fail2ban banning the client
 * after failed sign-ins, Postfix's own limit on sign-in attempts (anvil), amavisd-new in front of delivery. Where the
 * advice named a setting the server had not shown to be wrong ("the server name may be wrong" for a server that had
 * answered the previous test; "your settings are fine" for a limit on failed sign-ins), following it could not help.
 */
class DeployedServersTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static CoreEngine engine(int closedPort) {
        return new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults()
                .withPorts(new FinderOptions.StandardPorts(closedPort, closedPort, closedPort)),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
    }

    private static AccountSettings settings(int port, String password) {
        return new AccountSettings("127.0.0.1", port, Security.STARTTLS, AuthMethod.PLAIN, USER, Secret.of(password),
                USER, USER);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A Postfix submission port (STARTTLS, then PLAIN/LOGIN) signing in against Dovecot. */
    private static FakeSmtpServer.Builder submission() {
        return FakeSmtpServer.builder().greeting("220 mail.example.test ESMTP Postfix")
                .starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls();
    }

    private static Diagnosis check(CoreEngine engine, AccountSettings settings) {
        return engine.check(engine.newProbeRun(false), settings, ProbeListener.NONE).diagnosis();
    }

    /**
     * fail2ban's postfix-sasl jail: a test with a wrong password reached the server (and, with the one extra sign-in,
     * counted twice against the jail's maxretry); the user fixes the password and tests again, and every mail port
     * now refuses the connection. "No port works; the server name may be wrong" sent the user to change a name that
     * had answered minutes earlier. What was seen leads now: the same server answered a moment ago.
     */
    @Test
    void aServerThatAnsweredTheLastTestAndNowRefusesEveryPortHasBlockedTheAddressNotChangedItsName()
            throws IOException {
        int closed = closedPort();
        CoreEngine engine = engine(closed);
        int port;
        try (FakeSmtpServer server = submission().start()) {
            port = server.port();
            Diagnosis first = check(engine, settings(port, "wrong-Pw9"));
            assertEquals(Setting.PASSWORD, first.setting(), first.ruleId() + ": " + first.title());
        }
        // the ban: the same port (and every other) now refuses the connection
        Diagnosis banned = check(engine, settings(port, PASSWORD));

        assertEquals(Verdict.TEMPORARY, banned.verdict(), banned.ruleId() + ": " + banned.title());
        assertEquals(Setting.WAIT_AND_RETRY, banned.setting(), banned.ruleId());
        // the user waits and checks the password: not "nobody has to do anything"
        assertEquals(Actor.YOU, banned.actor(), banned.ruleId());
        assertTrue(banned.changes().stream().noneMatch(c -> c.setting() == Setting.SERVER_HOST),
                banned.changes().toString());
        assertTrue(banned.explanation().contains("failed sign-ins"), banned.explanation());
        assertFalse(banned.explanation().contains(PASSWORD), banned.explanation());
    }

    /** Without an earlier answer in this session there is nothing to tell a ban from a wrong name: that stays low. */
    @Test
    void aServerNeverSeenToAnswerStaysTheLowConfidenceNothingWorks() throws IOException {
        int closed = closedPort();
        Diagnosis d = check(engine(closed), settings(closed, PASSWORD));

        assertEquals("verified.nothing", d.ruleId(), d.title());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(d.thingsToTry().stream().anyMatch(t -> t.contains("wrong password")), d.thingsToTry().toString());
    }

    /**
     * Postfix's {@code smtpd_client_auth_rate_limit} (anvil): after too many AUTH commands in a minute it answers
     * {@code 450 4.7.1 Error: too many AUTH commands from …}. It was read as a policy delay with "your settings are
     * fine", while it follows failed sign-ins and the password was never checked.
     */
    @Test
    void postfixsLimitOnAuthCommandsIsTooManyFailedSignInsNotSettingsFine() {
        try (FakeSmtpServer server = submission()
                .reply(Verb.AUTH, "450 4.7.1 Error: too many AUTH commands from 127.0.0.1").start()) {
            Diagnosis d = check(engine(server.port()), settings(server.port(), PASSWORD));

            assertEquals("auth.too_many_attempts", d.ruleId(), d.title());
            assertEquals(Setting.WAIT_AND_RETRY, d.setting());
            assertFalse(d.explanation().contains("settings are fine"), d.explanation());
        }
    }

    /**
     * amavisd-new as Postfix's before-queue filter ({@code smtpd_proxy_filter}), stopped: Postfix answers the end of
     * the data with {@code 451 4.3.0 Error: queue file write error}. The server's own problem, nothing to change.
     */
    @Test
    void aStoppedBeforeQueueContentFilterIsTheServersTemporaryProblem() {
        try (FakeSmtpServer server = submission()
                .reply(Verb.END_OF_DATA, "451 4.3.0 Error: queue file write error").start()) {
            CoreEngine engine = engine(server.port());
            Diagnosis d = engine.check(engine.newProbeRun(true), settings(server.port(), PASSWORD),
                    ProbeListener.NONE).diagnosis();

            assertEquals(Verdict.TEMPORARY, d.verdict(), d.ruleId() + ": " + d.title());
            assertTrue(d.changes().stream().allMatch(c -> c.setting() == Setting.WAIT_AND_RETRY
                    || c.setting() == Setting.NONE), d.changes().toString());
        }
    }

    /** amavisd-new's refusal of spam at the end of the data ({@code D_REJECT}), for SMTP Doctor's own test message. */
    @Test
    void amavisRefusingTheOwnTestMessageAsSpamIsForTheProvider() {
        try (FakeSmtpServer server = submission()
                .reply(Verb.END_OF_DATA, "554 5.7.0 Reject, id=19502-01 - spam").start()) {
            CoreEngine engine = engine(server.port());
            Diagnosis d = engine.check(engine.newProbeRun(true), settings(server.port(), PASSWORD),
                    ProbeListener.NONE).diagnosis();

            assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId() + ": " + d.title());
        }
    }

    /**
     * A hosting panel's hourly limit (cPanel's wording, from Exim's {@code ratelimit} ACL) refusing the recipient of a
     * signed-in account: {@code 550 Domain … has exceeded the max emails per hour … allowed. Message discarded.} It was
     * read as "the recipient's address does not exist", a reason the server did not give.
     */
    @Test
    void aHostingPanelsHourlyLimitAfterSignInIsTheAccountsLimitNotTheRecipient() {
        try (FakeSmtpServer server = submission().reply(Verb.RCPT, "550-Domain example.test has exceeded the max emails"
                + " per hour (6.9/3 (100%))\r\n550 allowed.  Message discarded.").start()) {
            Diagnosis d = check(engine(server.port()), settings(server.port(), PASSWORD));

            assertEquals(Verdict.TEMPORARY, d.verdict(), d.ruleId() + ": " + d.title());
            assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
        }
    }

    /**
     * A server that holds back its answer to a failed sign-in (Dovecot's {@code auth_failure_delay}, Exchange's
     * tarpit) for longer than the reply timeout. The connection and its encryption had worked, yet the advice was "the
     * most common cause is a connection security that does not match the port", which cannot help.
     */
    @Test
    void aSignInAnswerHeldBackPastTheTimeoutDoesNotBlameThePortOrSecurity() {
        try (FakeSmtpServer server = submission().on(Verb.AUTH, Action.delay(
                Duration.ofSeconds(6), Action.reply("535 5.7.8 Error: authentication failed:")))
                .start()) {
            Diagnosis d = check(engine(server.port()), settings(server.port(), "wrong-Pw9"));

            assertEquals(Setting.PASSWORD, d.setting(), d.ruleId() + ": " + d.title());
            assertTrue(d.changes().stream().noneMatch(c -> c.setting() == Setting.PORT || c.setting() == Setting.SECURITY
                    || c.setting() == Setting.NETWORK_OR_FIREWALL), d.changes().toString());
            assertFalse(d.explanation().contains("does not match the port"), d.explanation());
        }
    }

    /**
     * Exim's words for an ACL {@code deny} without a message of its own, as hosting panels leave many of them:
     * {@code 550 Administrative prohibition} at RCPT TO after sign-in. It was read as "the recipient's address does not
     * exist"; the server names a rule of its own, as the pasted-text reading already said.
     */
    @Test
    void eximsAdministrativeProhibitionAfterSignInIsARuleOfTheServerNotTheRecipient() {
        try (FakeSmtpServer server = submission().reply(Verb.RCPT, "550 Administrative prohibition").start()) {
            Diagnosis d = check(engine(server.port()), settings(server.port(), PASSWORD));

            assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId() + ": " + d.title());
        }
    }

    /**
     * Dovecot's submission service whose relay (the MTA behind it) is down answers MAIL FROM with
     * {@code 421 4.4.0 <host> Failed to connect to relay server (connect)}. It read as "busy or limiting how much you
     * send"; a network status (X.4.x) before any recipient is the server's own path onwards, for the provider if it lasts.
     */
    @Test
    void aSubmissionServiceWhoseRelayIsDownIsTheServersSideNotYourSending() {
        try (FakeSmtpServer server = submission()
                .reply(Verb.MAIL, "421 4.4.0 mail.example.test Failed to connect to relay server (connect)").start()) {
            Diagnosis d = check(engine(server.port()), settings(server.port(), PASSWORD));

            assertEquals(Verdict.TEMPORARY, d.verdict(), d.ruleId() + ": " + d.title());
            assertTrue(d.title().contains("on its side"), d.ruleId() + ": " + d.title());
        }
    }

    /** A greeting longer ago than the usual bans last is no evidence of a ban: the answer is the one for a first test. */
    @Test
    void aGreetingMoreThanAnHourAgoDoesNotMakeARefusalABan() throws IOException {
        int closed = closedPort();
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic
                .AtomicReference<>(java.time.Instant.parse("2026-12-06T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        CoreEngine engine = new CoreEngine(options(), clock, FinderOptions.defaults()
                .withPorts(new FinderOptions.StandardPorts(closed, closed, closed)),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
        int port;
        try (FakeSmtpServer server = submission().start()) {
            port = server.port();
            assertTrue(engine.check(engine.newProbeRun(false), settings(port, PASSWORD), ProbeListener.NONE)
                    .result().success());
        }
        now.set(now.get().plus(Duration.ofHours(2)));

        assertEquals("verified.nothing", check(engine, settings(port, PASSWORD)).ruleId());
    }
}
