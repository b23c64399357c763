package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.LOCALHOST;
import static org.smtpdoctor.probe.Probes.USER;
import static org.smtpdoctor.probe.Probes.envelope;
import static org.smtpdoctor.probe.Probes.options;
import static org.smtpdoctor.probe.Probes.plain;
import static org.smtpdoctor.probe.Probes.signingIn;
import static org.smtpdoctor.probe.Probes.startTls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.Verb;

/**
 * The password, in clear and in every encoding the SMTP exchange uses, appears in no transcript line, step note,
 * detail, result text, listener call or Jakarta Mail log record, whether sign-in works or fails.
 */
class PasswordNeverLeaksTest {

    private static final String SECRET = "S3cr3t-Pa55-\u2713";
    private static final String[] MECHANISMS = {"PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"};

    private final List<String> logged = new ArrayList<>();
    private final Logger angus = Logger.getLogger("org.eclipse.angus");
    private Level previousLevel;
    private Handler handler;

    @BeforeEach
    void captureAngusLogging() {
        previousLevel = angus.getLevel();
        SimpleFormatter formatter = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(formatter.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        angus.setLevel(Level.ALL);
        angus.addHandler(handler);
    }

    @AfterEach
    void restoreLogging() {
        angus.removeHandler(handler);
        angus.setLevel(previousLevel);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The password and every encoding of it that goes over the wire. */
    private static List<String> forbidden() {
        return List.of(SECRET, b64(SECRET), b64(USER + "\0" + USER + "\0" + SECRET), b64("\0" + USER + "\0" + SECRET),
                b64("user=" + USER + "\u0001auth=Bearer " + SECRET + "\u0001\u0001"), "S3cr3t");
    }

    private void assertNoLeak(ProbeResult r, Probes.RecordingListener listener) {
        List<String> places = new ArrayList<>();
        places.add(r.toString());
        places.add(r.detail());
        places.add(r.transcript().render());
        r.steps().forEach(s -> places.add(s.note()));
        places.addAll(listener.events);
        listener.lines.forEach(l -> places.add(l.text()));
        synchronized (logged) {
            places.addAll(logged);
        }
        for (String place : places) {
            for (String f : forbidden()) {
                assertFalse(place.contains(f), "found a form of the password in: " + place);
            }
        }
    }

    private ProbeResult probe(AccountSettings settings, ProbeOptions options, Probes.RecordingListener listener) {
        return new Prober(options).probe(settings, listener);
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PLAIN", "LOGIN", "CRAM_MD5", "XOAUTH2"})
    void successfulSignInLeaksNothing(AuthMethod method) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, SECRET, MECHANISMS)
                .start()) {
            Probes.RecordingListener listener = new Probes.RecordingListener();
            ProbeResult r = probe(envelope(signingIn(startTls(server), method, SECRET)), options(), listener);

            assertTrue(r.success(), Probes.describe(r));
            assertTrue(r.secretGiven());
            assertFalse(logged.isEmpty(), "Angus logging was captured");
            assertNoLeak(r, listener);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PLAIN", "LOGIN", "CRAM_MD5", "XOAUTH2"})
    void rejectedSignInLeaksNothing(AuthMethod method) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST)
                .auth(USER, "the-right-one", MECHANISMS).start()) {
            Probes.RecordingListener listener = new Probes.RecordingListener();
            ProbeResult r = probe(envelope(signingIn(startTls(server), method, SECRET)), options(), listener);

            assertEquals(FailureKind.AUTH_REJECTED, r.failure().orElseThrow(), Probes.describe(r));
            assertNoLeak(r, listener);
        }
    }

    @Test
    void plainTextSignInWhenAllowedLeaksNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth(USER, SECRET, MECHANISMS).start()) {
            Probes.RecordingListener listener = new Probes.RecordingListener();
            ProbeResult r = probe(envelope(signingIn(plain(server), AuthMethod.LOGIN, SECRET)),
                    options().withAllowPlaintextAuth(true), listener);

            assertTrue(r.success(), Probes.describe(r));
            assertNoLeak(r, listener);
        }
    }

    @Test
    void serverEchoingThePasswordIsRedactedToo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, SECRET, MECHANISMS)
                .reply(Verb.MAIL, "550 5.7.1 password " + SECRET + " is not a sender").start()) {
            Probes.RecordingListener listener = new Probes.RecordingListener();
            ProbeResult r = probe(envelope(signingIn(startTls(server), AuthMethod.PLAIN, SECRET)), options(), listener);

            assertEquals(FailureKind.SERVER_REJECTED, r.failure().orElseThrow(), Probes.describe(r));
            assertNoLeak(r, listener);
            assertTrue(r.transcript().render().contains("password <redacted> is not a sender"));
        }
    }
}
