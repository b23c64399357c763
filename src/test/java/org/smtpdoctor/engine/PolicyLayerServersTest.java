package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
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
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * Replies of the policy layers real providers put in front of or inside Postfix 3.7, sent on loopback
 * (docs/REAL-SERVERS.md, seventh session): postgrey as a policy service, rspamd as a milter, postfwd's rate limits.
 * The account's settings were right in every row; the layers answered the test message or its recipient. Where the
 * advice named a setting or a reason the server had not shown (the spam filter's refusal of SMTP Doctor's own plain
 * test message as "change the message, remove attachments or links"; a sending quota at RCPT TO as "check the
 * recipient's address"), following it could not help.
 */
class PolicyLayerServersTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";
    private static final String GREYLISTED = "450 4.2.0 <alice@example.test>: Recipient address rejected: Greylisted,"
            + " see http://postgrey.schweikert.ch/help/example.test.html";

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static AccountSettings rightSettings(FakeSmtpServer server) {
        return new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS, AuthMethod.PLAIN, USER,
                Secret.of(PASSWORD), USER, USER);
    }

    private static Diagnosis check(FakeSmtpServer server) {
        CoreEngine engine = new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults(),
                () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
        return engine.check(engine.newProbeRun(true), rightSettings(server), ProbeListener.NONE).diagnosis();
    }

    /** A Postfix submission port (STARTTLS, then PLAIN/LOGIN) with one verb answered by the policy layer. */
    private static FakeSmtpServer.Builder submission() {
        return FakeSmtpServer.builder().greeting("220 mail.example.test ESMTP Postfix")
                .starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").authOnlyAfterTls();
    }

    /**
     * A policy refusal of the test message with no words at all ({@code 554 5.7.1 Rejected}): SMTP Doctor's own test
     * message is plain text, so "change the message" cannot help; the provider has to say why, and a sender address in
     * a domain the server may not send for is named as the common reason.
     */
    @Test
    void aWordlessPolicyRefusalOfTheOwnTestMessageIsForTheProvider() {
        try (FakeSmtpServer server = submission().reply(Verb.END_OF_DATA, "554 5.7.1 Rejected").start()) {
            Diagnosis d = check(server);

            assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId() + ": " + d.title());
            assertEquals(Actor.PROVIDER, d.actor(), d.ruleId());
            assertTrue(d.explanation().contains("sender address"), d.explanation());
            assertFalse(d.explanation().contains(PASSWORD), d.explanation());
        }
        try (FakeSmtpServer server = submission().reply(Verb.END_OF_DATA, "552 5.3.4 Message size exceeds fixed limit")
                .start()) {
            assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, check(server).setting(), "a size limit still names the message");
        }
    }

    /** rspamd's milter refuses the message at its end with its default reject_message. */
    @Test
    void spamFilterRefusingTheOwnTestMessageIsForTheProviderNotAChangeOfTheMessage() {
        try (FakeSmtpServer server = submission().reply(Verb.END_OF_DATA, "554 5.7.1 Spam message rejected")
                .start()) {
            Diagnosis d = check(server);

            assertEquals(Verdict.SERVER_SIDE, d.verdict(), d.ruleId() + ": " + d.title());
            assertEquals(Actor.PROVIDER, d.actor(), d.ruleId());
            assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
            assertFalse(d.explanation().contains("remove attachments"), d.explanation());
            assertTrue(d.explanation().contains("test message"), d.explanation());
        }
    }

    /**
     * Debian's submission template in front of postfwd: {@code smtpd_client_restrictions=permit_sasl_authenticated,
     * reject}. A client that did not sign in, on a connection that offered sign-in, gets "Client host rejected: Access
     * denied" at RCPT TO. It was read as a blocked network ("try another network"), which cannot help.
     */
    @Test
    void accessDeniedWithoutSignInWhereSignInIsOfferedAsksForTheSignIn() {
        try (FakeSmtpServer server = submission().on(Verb.RCPT, (command, session) -> session.isAuthenticated()
                ? Action.proceed() : Action.reply("554 5.7.1 <localhost[127.0.0.1]>: Client host rejected: Access denied"))
                .start()) {
            CoreEngine engine = new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults(),
                    () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
            AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS, AuthMethod.NONE,
                    "", Secret.empty(), USER, USER);
            Diagnosis d = engine.check(engine.newProbeRun(true), typed, ProbeListener.NONE).diagnosis();

            assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + d.title());
            assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), d.suggestedValue(), d.ruleId());
            assertEquals(1, d.changes().size(), d.changes().toString());
            assertTrue(new Prober(options()).probe(rightSettings(server), ProbeListener.NONE).success(),
                    "following it once works");
        }
    }

    /**
     * opendmarc's refusal at the end of the data ({@code 550 5.7.1 rejected by DMARC policy for <domain>}, its source's
     * wording; not run here): the sender address's domain does not let this server send for it. The rule for any 5.7.1
     * at the end of the data ("the message's content") outweighed the one for DMARC words by one point.
     */
    @Test
    void aDmarcRefusalAtTheEndOfTheDataNamesTheSenderAddress() {
        try (FakeSmtpServer server = submission()
                .reply(Verb.END_OF_DATA, "550 5.7.1 rejected by DMARC policy for example.test").start()) {
            Diagnosis d = check(server);

            assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + d.title());
        }
    }

    /** policyd-weight's default refusal, as it answered a mail program on a port-25-style port. */
    private static final String POLICYD_WEIGHT = "550 5.7.1 <alice@example.test>: Recipient address rejected: Mail"
            + " appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to"
            + " get removed from DNSBLs; MTA helo: smtp-doctor.localhost, MTA hostname: localhost[127.0.0.1]"
            + " (helo/hostname mismatch)";

    /**
     * policyd-weight after {@code permit_sasl_authenticated}: a client that did not sign in is judged by its name and
     * network and refused at RCPT TO. The advice was "try another network"; the server offers sign-in (here only after
     * STARTTLS), and signed-in clients pass.
     */
    @Test
    void aReputationRefusalOfAClientThatDidNotSignInAsksForTheSignIn() {
        for (Security security : List.of(Security.STARTTLS, Security.NONE)) {
            try (FakeSmtpServer server = submission().on(Verb.RCPT, (command, session) -> session.isAuthenticated()
                    ? Action.proceed() : Action.reply(POLICYD_WEIGHT)).start()) {
                CoreEngine engine = new CoreEngine(options(), Clock.systemDefaultZone(), FinderOptions.defaults(),
                        () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
                AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), security, AuthMethod.NONE, "",
                        Secret.empty(), USER, USER);
                Diagnosis d = engine.check(engine.newProbeRun(true), typed, ProbeListener.NONE).diagnosis();

                java.util.Map<Setting, Optional<SettingValue>> changes = new java.util.EnumMap<>(Setting.class);
                d.changes().forEach(c -> changes.put(c.setting(), c.to()));
                assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), changes.get(Setting.AUTH_METHOD),
                        security + " -> " + d.ruleId() + ": " + d.changes());
                assertFalse(changes.containsKey(Setting.NETWORK_OR_FIREWALL), d.changes().toString());
                Security followed = changes.getOrDefault(Setting.SECURITY, Optional.empty())
                        .map(v -> ((SettingValue.SecurityChoice) v).security()).orElse(security);
                assertEquals(Security.STARTTLS, followed, d.changes().toString());
                assertTrue(new Prober(options()).probe(rightSettings(server), ProbeListener.NONE).success(),
                        "following it once works");
            }
        }
    }

    /** A size limit at the end of the data stays a matter of the message: that is what the server said. */
    @Test
    void aSizeLimitAtTheEndOfTheTestMessageStillNamesTheMessage() {
        try (FakeSmtpServer server = submission()
                .reply(Verb.END_OF_DATA, "552 5.3.4 Message size exceeds fixed limit").start()) {
            Diagnosis d = check(server);

            assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting(), d.ruleId());
        }
    }

    /** postfwd's rate action with a permanent code: the account's quota, not the recipient. */
    @Test
    void sendingQuotaAtTheRecipientAfterSignInIsTheAccountsLimitNotTheRecipient() {
        try (FakeSmtpServer server = submission().reply(Verb.RCPT, "554 5.7.1 <alice@example.test>: Recipient address"
                + " rejected: daily message quota exceeded for this account").start()) {
            Diagnosis d = check(server);

            assertEquals(Verdict.TEMPORARY, d.verdict(), d.ruleId() + ": " + d.title());
            assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
            assertFalse(d.explanation().contains("recipient"), d.explanation());
            assertTrue(d.explanation().contains("limit"), d.explanation());
        }
    }

    /** postgrey in front of the recipient check: nothing to change, and the same settings pass a little later. */
    @Test
    void greylistingSaysTryAgainAndTheSameSettingsPassOnTheNextAttempt() {
        AtomicInteger recipients = new AtomicInteger();
        try (FakeSmtpServer server = submission().on(Verb.RCPT, (command, session) ->
                recipients.getAndIncrement() == 0 ? Action.reply(GREYLISTED) : Action.proceed()).start()) {
            Diagnosis d = check(server);

            assertEquals(Verdict.TEMPORARY, d.verdict(), d.ruleId() + ": " + d.title());
            assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
            assertTrue(new Prober(options()).probe(rightSettings(server), ProbeListener.NONE).success(),
                    "trying again with the same settings works");
        }
    }

    /**
     * rspamd's milter not answering, with Postfix's {@code milter_default_action = tempfail}: Postfix refuses STARTTLS
     * with "454 4.3.0 Try again later" (and MAIL FROM, without encryption, with "451 4.7.1 Service unavailable - try
     * again later"). That is the server's own trouble, before any recipient, so never greylisting ("it will go through
     * shortly"), which the words "try again later" alone were read as.
     */
    @Test
    void tryAgainLaterBeforeAnyRecipientIsTheServersOwnTroubleNotGreylisting() {
        for (Verb verb : List.of(Verb.STARTTLS, Verb.MAIL)) {
            String reply = verb == Verb.STARTTLS ? "454 4.3.0 Try again later"
                    : "451 4.7.1 Service unavailable - try again later";
            try (FakeSmtpServer server = submission().reply(verb, reply).start()) {
                Diagnosis d = check(server);

                assertEquals(Verdict.TEMPORARY, d.verdict(), reply + " -> " + d.ruleId());
                assertEquals(Setting.WAIT_AND_RETRY, d.setting(), reply + " -> " + d.ruleId());
                assertFalse(d.title().contains("new senders"), reply + " -> " + d.title());
                assertTrue(d.explanation().contains("your mail provider"), d.explanation());
            }
        }
    }

    /** A reply that names greylisting is read as greylisting at any step, also where the server's trouble is read. */
    @Test
    void aReplyNamingGreylistingBeforeTheRecipientIsStillGreylisting() {
        try (FakeSmtpServer server = submission()
                .reply(Verb.MAIL, "451 4.7.1 Greylisting in action, please try again later").start()) {
            Diagnosis d = check(server);

            assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
            assertTrue(d.title().contains("new senders"), d.ruleId() + ": " + d.title());
        }
    }

    /**
     * Postfix's postscreen with its after-greeting tests: a new client that passes them is still turned away at RCPT TO
     * with "450 4.3.2 Service currently unavailable", and its next connection goes through. The explanation said only
     * that the administrator had paused incoming mail.
     */
    @Test
    void postscreensFirstConnectionRefusalSaysTheNextAttemptMayPass() {
        AtomicInteger recipients = new AtomicInteger();
        try (FakeSmtpServer server = submission().on(Verb.RCPT, (command, session) -> recipients.getAndIncrement() == 0
                ? Action.reply("450 4.3.2 Service currently unavailable") : Action.proceed()).start()) {
            Diagnosis d = check(server);

            assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
            assertTrue(d.explanation().contains("first connection"), d.explanation());
            assertTrue(new Prober(options()).probe(rightSettings(server), ProbeListener.NONE).success(),
                    "trying again with the same settings works");
        }
    }

    /** postfwd's rate action with a temporary code, and rspamd's ratelimit answer at the end of the data. */
    @Test
    void temporaryRateLimitsSayWaitWithNothingToChange() {
        for (String reply : List.of("450 4.7.1 <alice@example.test>: Recipient address rejected: sorry, max 2 requests"
                + " per 5 minutes", "451 4.7.1 Ratelimit exceeded")) {
            Verb verb = reply.startsWith("450") ? Verb.RCPT : Verb.END_OF_DATA;
            try (FakeSmtpServer server = submission().reply(verb, reply).start()) {
                Diagnosis d = check(server);

                assertEquals(Verdict.TEMPORARY, d.verdict(), reply + " -> " + d.ruleId());
                assertEquals(Setting.WAIT_AND_RETRY, d.setting(), reply + " -> " + d.ruleId());
            }
        }
    }
}
