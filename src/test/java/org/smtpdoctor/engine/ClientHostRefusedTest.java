package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * A signed-in user whose message is refused because of the client's own address (seen on a real Postfix with
 * client restrictions: "554 5.7.1 &lt;unknown[127.0.0.1]&gt;: Client host rejected: Access denied") is told about the
 * network, not to check the recipient's address.
 */
class ClientHostRefusedTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "c0rrect-h0rse";

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied",
        "550 5.7.1 Client host rejected: cannot find your reverse hostname, [203.0.113.9]",
        "550 5.7.1 Your IP address 203.0.113.9 is not allowed to send through this server",
    })
    void theNetworkIsNamedNotTheRecipient(String refusal) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN", "LOGIN").reply(Verb.RCPT, refusal).start()) {
            ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withTrustedCertificates(List.of(TestCertificates.ca()));
            CoreEngine engine = new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults(),
                    () -> DnsJavaLookup.system(Duration.ofSeconds(1)));
            AccountSettings typed = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                    AuthMethod.AUTO, USER, Secret.of(PASSWORD), USER, "bob@example.org");

            Diagnosis d = engine.check(engine.newProbeRun(false), typed, ProbeListener.NONE).diagnosis();

            assertEquals("client_refused.signed_in", d.ruleId(), d.title());
            assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
            assertFalse(d.explanation().toLowerCase(java.util.Locale.ROOT).contains("check the recipient"),
                    d.explanation());
            assertTrue(d.explanation().contains("computer's network address"), d.explanation());
            assertTrue(String.join(" ", d.thingsToTry()).contains("network's address"), d.thingsToTry().toString());
        }
    }
}
