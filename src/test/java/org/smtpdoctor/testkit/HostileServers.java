package org.smtpdoctor.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.TranscriptLine;
import org.smtpdoctor.settings.Security;

/**
 * The hostile-server table: one row per misbehaviour a review found or a mail program must survive, each with the
 * outcome the probe must reach. A row names the server (a {@link FakeSmtpServer} script), the connection security
 * and sender the probe uses, the expected failure kind (empty: the settings work), and whether the password may
 * reach the server at all. {@code HostileServersTest} runs every row.
 */
public final class HostileServers {

    public static final String USER = "alice";
    public static final String PASSWORD = "Hostile S3cret+%";
    private static final ServerIdentity LOCALHOST = TestCertificates.localhost();

    /**
     * One misbehaviour and what must come of it.
     *
     * @param misbehaviour   what the server does, in words
     * @param server         the scripted server
     * @param security       the connection security the probe uses
     * @param sender         the sender address (MAIL FROM)
     * @param expected       the failure kind, or empty when the probe must succeed
     * @param alternatives   other failure kinds that are as good an outcome (timing decides between them)
     * @param passwordMaySend whether the credentials may be sent at all
     * @param also           a further condition on the result
     */
    public record Row(String misbehaviour, Supplier<FakeSmtpServer.Builder> server, Security security, String sender,
            Optional<FailureKind> expected, Set<FailureKind> alternatives, boolean passwordMaySend,
            Predicate<ProbeResult> also) {

        @Override
        public String toString() {
            return misbehaviour;
        }
    }

    private HostileServers() {
    }

    private static Row row(String misbehaviour, Supplier<FakeSmtpServer.Builder> server, FailureKind expected) {
        return new Row(misbehaviour, server, Security.STARTTLS, "alice@example.test", Optional.ofNullable(expected),
                Set.of(), expected == null || expected == FailureKind.AUTH_REJECTED || expected == FailureKind.ENDLESS_REPLY,
                r -> true);
    }

    private static FakeSmtpServer.Builder tls(ServerIdentity id) {
        return FakeSmtpServer.builder().starttls(id).auth(USER, PASSWORD, "PLAIN", "LOGIN");
    }

    private static boolean noTlsLineSays(ProbeResult r, String text) {
        return r.transcript().lines().stream().noneMatch(l -> l.tls() && l.text().contains(text)
                && l.direction() == TranscriptLine.Direction.RECEIVED);
    }

    /** Every row; each row's server is new for each run. */
    public static List<Row> rows() {
        String endlessLine = "250-" + "z".repeat(70);
        return List.of(
                row("answers EHLO with an endless reply", () -> tls(LOCALHOST).on(Verb.EHLO, (cmd, s) -> {
                    while (true) {
                        s.send(endlessLine, endlessLine, endlessLine, endlessLine);
                    }
                }), FailureKind.ENDLESS_REPLY),
                row("answers EHLO with thousands of lines", () -> tls(LOCALHOST).reply(Verb.EHLO,
                        "250-x\n".repeat(2000) + "250 OK"), FailureKind.ENDLESS_REPLY),
                row("greets with a line of 100 kB", () -> tls(LOCALHOST).greeting("220 " + "g".repeat(100_000)),
                        FailureKind.ENDLESS_REPLY),
                row("answers every CRAM-MD5 response with another challenge", () -> FakeSmtpServer.builder()
                        .starttls(LOCALHOST).auth(USER, PASSWORD, "CRAM-MD5").on(Verb.AUTH, (cmd, s) -> {
                            String answer = "";
                            while (answer != null) {
                                s.send("334 PDEyMzQ1QGV4YW1wbGU+");
                                answer = s.readLine();
                            }
                            return Action.close();
                        }), FailureKind.ENDLESS_REPLY),
                new Row("greets with terminal escape sequences (title, clear screen, clipboard)",
                        () -> tls(LOCALHOST).greeting("220 \u001b]0;owned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007 ok"),
                        Security.STARTTLS, "alice@example.test", Optional.empty(), Set.of(), true, r -> true),
                row("presents a certificate for client authentication only", () -> tls(
                        TestCertificates.clientAuthOnly()), FailureKind.CERT_UNTRUSTED),
                new Row("echoes the password URL-encoded in its refusal", () -> FakeSmtpServer.builder()
                        .starttls(LOCALHOST).auth(USER, "other", "PLAIN").authFailure("535 5.7.8 bad password "
                                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)),
                        Security.STARTTLS, "alice@example.test", Optional.of(FailureKind.AUTH_REJECTED), Set.of(), true,
                        r -> !r.transcript().render().contains(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))),
                new Row("does not offer SMTPUTF8 to a non-ASCII sender", () -> tls(LOCALHOST)
                        .extensions("8BITMIME"), Security.STARTTLS, "jörg@example.test",
                        Optional.of(FailureKind.SMTPUTF8_NOT_OFFERED), Set.of(), true, r -> true),
                row("presents an expired certificate", () -> tls(TestCertificates.expired()),
                        FailureKind.CERT_EXPIRED),
                row("presents a self-signed certificate", () -> tls(TestCertificates.selfSigned()),
                        FailureKind.CERT_UNTRUSTED),
                row("presents a certificate for another name", () -> tls(TestCertificates.otherHost()),
                        FailureKind.CERT_HOST_MISMATCH),
                row("hides STARTTLS (a downgrade)", () -> FakeSmtpServer.builder().auth(USER, PASSWORD, "PLAIN"),
                        FailureKind.STARTTLS_NOT_OFFERED),
                row("refuses STARTTLS", () -> tls(LOCALHOST).refuseStarttls("454 4.7.0 TLS not available"),
                        FailureKind.STARTTLS_REFUSED),
                new Row("offers sign-in only in clear text", () -> FakeSmtpServer.builder()
                        .auth(USER, PASSWORD, "PLAIN"), Security.NONE, "alice@example.test",
                        Optional.of(FailureKind.PLAINTEXT_AUTH_BLOCKED), Set.of(), false, r -> true),
                new Row("injects a line in clear text after its STARTTLS answer", () -> tls(LOCALHOST)
                        .on(Verb.TLS_HANDSHAKE, (cmd, s) -> {
                            s.send("250 INJECTED");
                            return Action.proceed();
                        }), Security.STARTTLS, "alice@example.test", Optional.empty(),
                        Set.of(FailureKind.TLS_FAILED, FailureKind.CONNECTION_RESET, FailureKind.CONNECTION_CLOSED), true,
                        r -> noTlsLineSays(r, "INJECTED")),
                row("stays silent", () -> tls(LOCALHOST).blackHole(), FailureKind.NO_GREETING),
                row("hangs up after the greeting", () -> tls(LOCALHOST).on(Verb.EHLO, Action.close()),
                        FailureKind.CONNECTION_CLOSED),
                row("answers slowly but in time", () -> tls(LOCALHOST).replyDelay(Duration.ofMillis(150)), null),
                row("is an IMAP server", () -> FakeSmtpServer.builder().impersonate(
                        org.smtpdoctor.probe.OtherService.IMAP), FailureKind.NOT_SMTP));
    }
}
