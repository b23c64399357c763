package org.smtpdoctor.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;

/** Runs every row of {@link HostileServers}: the probe reaches the expected outcome and never leaks the password. */
class HostileServersTest {

    static List<HostileServers.Row> rows() {
        return HostileServers.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void hostileServerGetsTheExpectedOutcome(HostileServers.Row row) {
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3))
                .withGreetingWait(Duration.ofMillis(300)).withTrustedCertificates(List.of(TestCertificates.ca()));
        try (FakeSmtpServer server = row.server().get().start()) {
            AccountSettings settings = AccountSettings.of(server.host(), server.port(), row.security())
                    .withAuthMethod(AuthMethod.AUTO)
                    .withCredentials(HostileServers.USER, Secret.of(HostileServers.PASSWORD))
                    .withSender(row.sender()).withRecipient("bob@example.test");
            ProbeResult r = new Prober(options.withAllowPlaintextAuth(false)).probe(settings, ProbeListener.NONE);
            String seen = r.failure().map(Enum::name).orElse("works") + " in " + r.failedPhase() + ": " + r.detail();

            assertTrue(r.failure().equals(row.expected()) || r.failure().map(row.alternatives()::contains).orElse(false),
                    "expected " + row.expected().map(Enum::name).orElse("works") + ", got " + seen);
            assertTrue(row.also().test(r), seen + "\n" + r.transcript().render());
            assertFalse(r.transcript().render().contains(HostileServers.PASSWORD), r.transcript().render());
            if (!row.passwordMaySend()) {
                assertTrue(server.connections().stream().flatMap(c -> c.lines().stream())
                        .noneMatch(l -> l.startsWith("AUTH")), "credentials were sent: " + seen);
            }
        }
    }
}
