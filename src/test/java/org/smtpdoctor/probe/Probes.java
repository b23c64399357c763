package org.smtpdoctor.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;

/** Small helpers for probe tests: settings for a fake server, options trusting the test CA, a recording listener. */
final class Probes {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret";
    static final ServerIdentity LOCALHOST = TestCertificates.localhost();

    private Probes() {
    }

    /** Test CA trusted, short timeouts so a failing test fails fast. */
    static ProbeOptions options() {
        return ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(4))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    static AccountSettings plain(FakeSmtpServer server) {
        return AccountSettings.of(server.host(), server.port(), Security.NONE);
    }

    static AccountSettings startTls(FakeSmtpServer server) {
        return AccountSettings.of(server.host(), server.port(), Security.STARTTLS);
    }

    static AccountSettings ssl(FakeSmtpServer server) {
        return AccountSettings.of(server.host(), server.port(), Security.SSL_TLS);
    }

    static AccountSettings signingIn(AccountSettings s, AuthMethod method, String password) {
        return s.withAuthMethod(method).withCredentials(USER, Secret.of(password));
    }

    static AccountSettings envelope(AccountSettings s) {
        return s.withSender("alice@example.test").withRecipient("bob@example.test");
    }

    static ProbeResult probe(AccountSettings settings) {
        return new Prober(options()).probe(settings, ProbeListener.NONE);
    }

    static ProbeResult probe(AccountSettings settings, ProbeOptions options) {
        return new Prober(options).probe(settings, ProbeListener.NONE);
    }

    /** Everything a listener was told, in order. */
    static final class RecordingListener implements ProbeListener {
        final List<String> events = new ArrayList<>();
        final List<TranscriptLine> lines = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();

        @Override
        public synchronized void phaseStarted(Phase phase, String description) {
            events.add("start " + phase + " " + description);
        }

        @Override
        public synchronized void phaseFinished(Step step) {
            steps.add(step);
            events.add("finish " + step.phase() + " " + step.outcome() + " " + step.note());
        }

        @Override
        public synchronized void transcriptLine(TranscriptLine line) {
            lines.add(line);
        }
    }

    static String describe(ProbeResult r) {
        return r.failure() + " in " + r.failedPhase() + ": " + r.detail() + "\n" + r.transcript().render();
    }

    static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }
}
