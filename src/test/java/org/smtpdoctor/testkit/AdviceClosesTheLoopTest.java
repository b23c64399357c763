package org.smtpdoctor.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.diagnosis.Diagnoser;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.AlternativesVerifier;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.testkit.StagedMailServer.Mta;

/**
 * Issue 10's promise as a table: for each everyday misconfiguration, staged against a server that words its replies
 * like Postfix, Exim, OpenSMTPD or Haraka, the advice is what the evidence shows, and applying the diagnosis'
 * changes once makes the next probe succeed, or, where the fix lies outside the mail program, the advice names that
 * fix and proposes no client setting.
 *
 * <p>The user's sign-in name and password are known to the test as they are to the user: when the advice is to turn
 * sign-in on, applying it means choosing the method and typing them, as a user would.
 */
class AdviceClosesTheLoopTest {

    private static final Set<Setting> CLIENT_SETTINGS = Set.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY,
            Setting.AUTH_METHOD, Setting.USERNAME, Setting.SENDER_ADDRESS);
    private static final String OTHER_SENDER = "info@example.test";

    /** What the advice must be. */
    record Expect(Map<Setting, String> changes, Setting outsideFix) {

        static Expect change(Object... settingAndValue) {
            Map<Setting, String> map = new LinkedHashMap<>();
            for (int i = 0; i < settingAndValue.length; i += 2) {
                map.put((Setting) settingAndValue[i], String.valueOf(settingAndValue[i + 1]));
            }
            return new Expect(map, null);
        }

        static Expect outside(Setting fix) {
            return new Expect(Map.of(), fix);
        }
    }

    /** One staged case. {@code typed} is what the user has in the mail program; {@code expect} sees the staged server. */
    record Row(String name, Mta mta, Consumer<StagedMailServer.Builder> stage,
            Function<StagedMailServer, AccountSettings> typed, Function<StagedMailServer, Expect> expect) {

        @Override
        public String toString() {
            return name + " (" + mta.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // 1: SSL/TLS chosen on a STARTTLS port: keep the port, switch to STARTTLS
                new Row("1 SSL/TLS on a STARTTLS port", Mta.POSTFIX, b -> { },
                        s -> signedIn(s.submission().port(), Security.SSL_TLS),
                        s -> Expect.change(Setting.SECURITY, "STARTTLS")),
                new Row("1 SSL/TLS on a STARTTLS port", Mta.EXIM, b -> { },
                        s -> signedIn(s.submission().port(), Security.SSL_TLS),
                        s -> Expect.change(Setting.SECURITY, "STARTTLS")),
                // 2: STARTTLS or None on a relay port: the submission port, verified
                new Row("2 STARTTLS on a relay port", Mta.OPENSMTPD, b -> { },
                        s -> signedIn(s.relay().port(), Security.STARTTLS),
                        s -> Expect.change(Setting.PORT, s.submission().port())),
                new Row("2 None with sign-in on a relay port", Mta.EXIM, b -> { },
                        s -> signedIn(s.relay().port(), Security.NONE),
                        s -> Expect.change(Setting.PORT, s.submission().port(), Setting.SECURITY, "STARTTLS")),
                // 3: nothing listens on the chosen port
                new Row("3 nothing listens on the port", Mta.HARAKA, b -> { },
                        s -> signedIn(closedPort(), Security.STARTTLS),
                        s -> Expect.change(Setting.PORT, s.submission().port())),
                // 5: a server on 127.0.0.1 is no Proton Mail Bridge: a wrong password is a password
                new Row("5 loopback server, wrong password", Mta.POSTFIX, b -> { },
                        s -> signedIn(s.submission().port(), Security.STARTTLS).withCredentials(
                                StagedMailServer.USER, Secret.of("wrong")),
                        s -> Expect.outside(Setting.PASSWORD)),
                // 7: the sender refused at RCPT TO (Postfix delays its rejections) or at MAIL FROM (OpenSMTPD)
                new Row("7 sender not owned, refused at RCPT TO", Mta.POSTFIX, b -> { },
                        s -> signedIn(s.submission().port(), Security.STARTTLS).withSender(OTHER_SENDER),
                        s -> Expect.change(Setting.SENDER_ADDRESS, StagedMailServer.USER)),
                new Row("7 sender not owned, refused at MAIL FROM", Mta.OPENSMTPD, b -> { },
                        s -> signedIn(s.submission().port(), Security.STARTTLS).withSender(OTHER_SENDER),
                        s -> Expect.change(Setting.SENDER_ADDRESS, StagedMailServer.USER)),
                // 8: a server offering only CRAM-MD5, the program set to "Normal password"
                new Row("8 CRAM-MD5 only, normal password chosen", Mta.POSTFIX, b -> b.mechanisms("CRAM-MD5"),
                        s -> signedIn(s.submission().port(), Security.STARTTLS).withAuthMethod(AuthMethod.PLAIN),
                        s -> Expect.change(Setting.AUTH_METHOD, "cram-md5")),
                // 9: relay refused without sign-in, in each MTA's words, on a port that offers sign-in
                new Row("9 relay refused, not signed in", Mta.POSTFIX, b -> { },
                        s -> notSignedIn(s.submission().port(), Security.STARTTLS),
                        s -> Expect.change(Setting.AUTH_METHOD, "plain")),
                new Row("9 relay refused, not signed in", Mta.EXIM, b -> { },
                        s -> notSignedIn(s.submission().port(), Security.STARTTLS),
                        s -> Expect.change(Setting.AUTH_METHOD, "plain")),
                new Row("9 relay refused, not signed in", Mta.OPENSMTPD, b -> { },
                        s -> notSignedIn(s.submission().port(), Security.STARTTLS),
                        s -> Expect.change(Setting.AUTH_METHOD, "plain")),
                new Row("9 relay refused, not signed in", Mta.HARAKA, b -> { },
                        s -> notSignedIn(s.submission().port(), Security.STARTTLS),
                        s -> Expect.change(Setting.AUTH_METHOD, "plain")),
                new Row("9 relay refused, no encryption and no sign-in on the submission port", Mta.HARAKA,
                        b -> { }, s -> notSignedIn(s.submission().port(), Security.NONE),
                        s -> Expect.change(Setting.SECURITY, "STARTTLS", Setting.AUTH_METHOD, "plain")),
                new Row("9 relay refused on a relay port without sign-in", Mta.POSTFIX, b -> { },
                        s -> notSignedIn(s.relay().port(), Security.NONE),
                        s -> Expect.change(Setting.PORT, s.submission().port(), Setting.SECURITY, "STARTTLS",
                                Setting.AUTH_METHOD, "plain")),
                // seen on a real Postfix: port 25 offers STARTTLS but no sign-in even once encrypted, so "STARTTLS and
                // sign-in on this port" would fail again; what the same port offers inside TLS is checked, not assumed
                new Row("9 relay refused on a relay port with STARTTLS but no sign-in", Mta.POSTFIX,
                        b -> b.relayPort(StagedMailServer.RelayPort.STARTTLS_NO_SIGN_IN),
                        s -> notSignedIn(s.relay().port(), Security.NONE),
                        s -> Expect.change(Setting.PORT, s.submission().port(), Setting.SECURITY, "STARTTLS",
                                Setting.AUTH_METHOD, "plain")),
                new Row("9 relay refused on a relay port that offers sign-in after STARTTLS", Mta.EXIM,
                        b -> b.relayPort(StagedMailServer.RelayPort.STARTTLS_THEN_SIGN_IN),
                        s -> notSignedIn(s.relay().port(), Security.NONE),
                        s -> Expect.change(Setting.SECURITY, "STARTTLS", Setting.AUTH_METHOD, "plain")),
                // other everyday mismatches the test kit can stage
                new Row("STARTTLS on the implicit-TLS port", Mta.OPENSMTPD, b -> { },
                        s -> signedIn(s.implicitTls().port(), Security.STARTTLS),
                        s -> Expect.change(Setting.SECURITY, "SSL/TLS")),
                new Row("None with sign-in on a STARTTLS port", Mta.HARAKA, b -> { },
                        s -> signedIn(s.submission().port(), Security.NONE),
                        s -> Expect.change(Setting.SECURITY, "STARTTLS")),
                new Row("wrong password", Mta.EXIM, b -> { },
                        s -> signedIn(s.implicitTls().port(), Security.SSL_TLS).withCredentials(
                                StagedMailServer.USER, Secret.of("wrong")),
                        s -> Expect.outside(Setting.PASSWORD)),
                // 10: a success reply before any credential was sent
                new Row("10 sign-in accepted before credentials", Mta.HARAKA,
                        b -> b.mechanisms("LOGIN").acceptsBeforeCredentials(),
                        s -> signedIn(s.submission().port(), Security.STARTTLS),
                        s -> Expect.outside(Setting.CONTACT_PROVIDER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void followingTheAdviceOnceFixesIt(Row row) {
        StagedMailServer.Builder builder = StagedMailServer.builder(row.mta());
        row.stage().accept(builder);
        try (StagedMailServer server = builder.start()) {
            AccountSettings typed = row.typed().apply(server);
            ProbeResult first = probe(typed);
            assertFalse(first.success(), "the staged misconfiguration fails: " + first.transcript().render());
            Verification verification = AlternativesVerifier.worthChecking(first)
                    ? verifier(server).verify(first) : Verification.NONE;
            Diagnosis d = new Diagnoser().diagnose(first, verification);
            Expect expect = row.expect().apply(server);
            Map<Setting, String> changes = changesOf(d);
            assertNoPassword(d);
            if (expect.outsideFix() != null) {
                assertEquals(expect.outsideFix(), d.setting(), d.ruleId() + ": " + d.title());
                assertTrue(d.verdict() == Verdict.SERVER_SIDE || !CLIENT_SETTINGS.contains(d.setting()),
                        "no client setting proposed: " + d.ruleId());
                return;
            }
            assertEquals(expect.changes(), changes, "advice true to the evidence: " + d.ruleId() + " — "
                    + d.title());
            ProbeResult after = probe(apply(typed, d));
            assertTrue(after.success(), "applying " + changes + " once works: " + after.failure() + " "
                    + after.detail() + "\n" + after.transcript().render());
        }
    }

    /** Case 6: a server with its own (self-signed) certificate: the advice shows the fingerprint to compare. */
    @Test
    void aServersOwnCertificateIsNamedWithItsFingerprintNotAsInterception() {
        ServerIdentity own = TestCertificates.selfSigned();
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(own)
                .auth(StagedMailServer.USER, StagedMailServer.PASSWORD, "PLAIN").start()) {
            ProbeResult r = probe(signedIn(server.port(), Security.SSL_TLS));
            assertEquals(FailureKind.CERT_UNTRUSTED, r.failure().orElseThrow(), r.transcript().render());

            Diagnosis d = new Diagnoser().diagnose(r);

            assertEquals("cert.untrusted.own_certificate", d.ruleId());
            String fingerprint = r.tls().orElseThrow().chain().get(0).sha256();
            assertTrue(d.explanation().contains(fingerprint), d.explanation());
            assertTrue(changesOf(d).isEmpty(), "no client setting proposed");
            assertTrue(server.allLines().stream().noneMatch(l -> l.startsWith("AUTH")), "no password sent");
        }
    }

    /** Case 8 the other way round: "works" with Automatic says which method worked, as a change for the program. */
    @Test
    void worksSaysWithWhichSignInMethod() {
        try (StagedMailServer server = StagedMailServer.builder(Mta.POSTFIX).mechanisms("CRAM-MD5").start()) {
            AccountSettings typed = signedIn(server.submission().port(), Security.STARTTLS);
            ProbeResult works = probe(typed);
            assertTrue(works.success(), works.transcript().render());

            Diagnosis d = new Diagnoser().diagnose(works);

            assertEquals(Verdict.WORKS, d.verdict());
            assertEquals(Map.of(Setting.AUTH_METHOD, "cram-md5"), changesOf(d), d.ruleId());
            assertTrue(d.explanation().contains("Encrypted password"), d.explanation());
            assertFalse(probe(typed.withAuthMethod(AuthMethod.PLAIN)).success(), "Normal password cannot work");
            assertTrue(probe(apply(typed, d)).success());
        }
    }

    @Test
    void worksSaysWhatWorked() {
        try (StagedMailServer server = StagedMailServer.builder(Mta.EXIM).start()) {
            ProbeResult works = probe(signedIn(server.implicitTls().port(), Security.SSL_TLS));
            assertTrue(works.success(), works.transcript().render());

            Diagnosis d = new Diagnoser().diagnose(works);

            assertEquals(Verdict.WORKS, d.verdict());
            assertTrue(d.explanation().contains("SSL/TLS on port " + server.implicitTls().port()), d.explanation());
            assertTrue(d.explanation().contains("Normal password"), d.explanation());
        }
    }

    /** The diagnosis' client changes, setting to the new value's neutral text ("587", "STARTTLS", "plain"). */
    private static Map<Setting, String> changesOf(Diagnosis d) {
        Map<Setting, String> map = new LinkedHashMap<>();
        for (Change c : d.changes()) {
            if (CLIENT_SETTINGS.contains(c.setting())) {
                map.put(c.setting(), c.to().map(SettingValue::neutral).orElse(""));
            }
        }
        return map;
    }

    /** Every change at once, as Apply and test again does it. */
    private static AccountSettings apply(AccountSettings s, Diagnosis d) {
        AccountSettings result = s;
        for (Change c : d.changes()) {
            SettingValue v = c.to().orElseThrow(() -> new AssertionError("a change without a value: " + c));
            if (v instanceof SettingValue.PortNumber p) {
                result = result.withPort(p.port());
            } else if (v instanceof SettingValue.SecurityChoice sc) {
                result = result.withSecurity(sc.security());
            } else if (v instanceof SettingValue.AuthChoice a) {
                result = result.withAuthMethod(a.method());
                if (result.username().isEmpty()) {
                    result = result.withCredentials(StagedMailServer.USER, Secret.of(StagedMailServer.PASSWORD));
                }
            } else if (v instanceof SettingValue.EmailAddress e && c.setting() == Setting.SENDER_ADDRESS) {
                result = result.withSender(e.address());
            } else if (v instanceof SettingValue.HostName h) {
                result = result.withHost(h.host());
            } else if (v instanceof SettingValue.UserName u) {
                result = result.withCredentials(u.name(), result.secret());
            } else {
                throw new AssertionError("not a client setting: " + c);
            }
        }
        return result;
    }

    private static void assertNoPassword(Diagnosis d) {
        for (String text : List.of(d.title(), d.explanation(), d.technicalDetail(), String.join(" ", d.evidence()),
                String.join(" ", d.thingsToTry()))) {
            assertFalse(text.contains(StagedMailServer.PASSWORD), text);
            assertFalse(text.toLowerCase(Locale.ROOT).contains("proton"), "no provider named without evidence: "
                    + text);
        }
    }

    private static AccountSettings signedIn(int port, Security security) {
        return new AccountSettings("127.0.0.1", port, security, AuthMethod.AUTO, StagedMailServer.USER,
                Secret.of(StagedMailServer.PASSWORD), StagedMailServer.USER, StagedMailServer.EXTERNAL_RECIPIENT);
    }

    private static AccountSettings notSignedIn(int port, Security security) {
        return new AccountSettings("127.0.0.1", port, security, AuthMethod.NONE, "", Secret.empty(),
                StagedMailServer.USER, StagedMailServer.EXTERNAL_RECIPIENT);
    }

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withGreetingWait(Duration.ofMillis(500))
                .withTrustedCertificates(List.of(TestCertificates.ca()));
    }

    private static ProbeResult probe(AccountSettings settings) {
        return new Prober(options()).probe(settings, ProbeListener.NONE);
    }

    private static AlternativesVerifier verifier(StagedMailServer server) {
        return new AlternativesVerifier(options(), new FinderOptions.StandardPorts(server.implicitTls().port(),
                server.submission().port(), server.relay().port()), Duration.ofSeconds(3));
    }

    private static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
