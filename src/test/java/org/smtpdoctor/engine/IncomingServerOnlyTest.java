package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.OtherService;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.FakeSmtpServer;

/**
 * The server name of an incoming-mail server typed as the outgoing one (imap.example.com, whose 143 answers IMAP
 * and which has no 587 or 465): what was seen is named — an IMAP server, no port for sending — and the server name is
 * the setting, not "the server name may be wrong, or a firewall".
 */
class IncomingServerOnlyTest {

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anImapServerWithNoPortForSendingNamesTheServer() {
        try (FakeSmtpServer imap = FakeSmtpServer.builder().impersonate(OtherService.IMAP).start()) {
            ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withGreetingWait(Duration.ofMillis(500));
            CoreEngine engine = new CoreEngine(options, Clock.systemDefaultZone(), FinderOptions.defaults()
                    .withPorts(new FinderOptions.StandardPorts(closedPort(), closedPort(), closedPort())),
                    () -> DnsJavaLookup.system(Duration.ofSeconds(1)));

            Engine.Checked checked = engine.check(engine.newProbeRun(false),
                    AccountSettings.of("127.0.0.1", imap.port(), Security.STARTTLS), ProbeListener.NONE);

            assertTrue(checked.verification().ran());
            assertEquals(Setting.SERVER_HOST, checked.diagnosis().setting(), checked.diagnosis().ruleId());
            assertEquals(Confidence.MEDIUM, checked.diagnosis().confidence());
            assertTrue(checked.diagnosis().explanation().contains("gives out received mail"),
                    checked.diagnosis().explanation());
            assertTrue(checked.result().detail().contains("IMAP"), checked.result().detail());
        }
    }
}
