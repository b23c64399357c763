package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.LOCALHOST;
import static org.smtpdoctor.probe.Probes.PASSWORD;
import static org.smtpdoctor.probe.Probes.USER;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.plain;
import static org.smtpdoctor.probe.Probes.probe;
import static org.smtpdoctor.probe.Probes.signingIn;
import static org.smtpdoctor.probe.Probes.startTls;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.Verb;

/** A server that never stops talking is stopped by the probe's named {@link Limits}, quickly and in bounded memory. */
class ProberLimitsTest {

    private static final long QUICK_MS = 8_000;

    @Test
    void endlessEhloReplyIsAnEndlessReplyNotAWorkingServer() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.EHLO, (cmd, session) -> {
            while (true) {
                session.send("250-more and more capabilities that never end");
            }
        }).start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.ENDLESS_REPLY, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.EHLO, r.failedPhase().orElseThrow());
            assertTrue(r.totalMs() < QUICK_MS, r.totalMs() + " ms");
        }
    }

    @Test
    void tooManyLinesInOneReplyIsAnEndlessReply() {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < Limits.LINES_PER_REPLY + 5; i++) {
            reply.append("250-X").append(i).append('\n');
        }
        reply.append("250 OK");
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.EHLO, reply.toString()).start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.ENDLESS_REPLY, r.failure().orElseThrow(), describe(r));
        }
    }

    @Test
    void overlongReplyLineIsAnEndlessReply() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .greeting("220 " + "x".repeat(Limits.BYTES_PER_REPLY_LINE + 10)).start()) {
            ProbeResult r = probe(plain(server));

            assertEquals(FailureKind.ENDLESS_REPLY, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.GREETING, r.failedPhase().orElseThrow());
        }
    }

    @Test
    void endlessSaslChallengesStopAfterTheRoundTripLimit() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, PASSWORD, "CRAM-MD5")
                .on(Verb.AUTH, (cmd, session) -> {
                    while (true) {
                        session.send("334 PDEyMzQ1QGV4YW1wbGU+");
                        if (session.readLine() == null) {
                            return Action.close();
                        }
                    }
                }).idleTimeout(Duration.ofSeconds(20)).start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.CRAM_MD5, PASSWORD));

            assertEquals(FailureKind.ENDLESS_REPLY, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.AUTH, r.failedPhase().orElseThrow());
            long answers = r.transcript().lines().stream()
                    .filter(l -> l.direction() == TranscriptLine.Direction.SENT && l.text().equals(Redactor.MASK))
                    .count();
            assertTrue(answers <= Limits.SASL_ROUND_TRIPS, answers + " answers sent");
            assertTrue(r.totalMs() < QUICK_MS, r.totalMs() + " ms");
        }
    }

    @Test
    void transcriptStopsGrowingAtItsLimitAndSaysSo() {
        Recorder rec = new Recorder(ProbeListener.NONE, new Redactor("", ""), System.nanoTime(), p -> { });
        for (int i = 0; i < Limits.TRANSCRIPT_LINES * 2; i++) {
            rec.received("250-line " + i);
        }
        var lines = rec.transcript().lines();

        assertEquals(Limits.TRANSCRIPT_LINES + 1, lines.size());
        assertEquals(TranscriptLine.Direction.ERROR, lines.get(lines.size() - 1).direction());
    }

    @Test
    void transcriptStopsAtItsCharacterLimit() {
        Recorder rec = new Recorder(ProbeListener.NONE, new Redactor("", ""), System.nanoTime(), p -> { });
        String line = "y".repeat(Limits.BYTES_PER_REPLY_LINE);
        for (int i = 0; i < Limits.TRANSCRIPT_CHARS / line.length() * 2; i++) {
            rec.received(line);
        }
        int chars = rec.transcript().lines().stream().mapToInt(l -> l.text().length()).sum();

        assertTrue(chars <= Limits.TRANSCRIPT_CHARS + 200, chars + " characters");
    }
}
