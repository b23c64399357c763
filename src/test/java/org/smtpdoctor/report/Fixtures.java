package org.smtpdoctor.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.CertificateInfo;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.probe.TlsInfo;
import org.smtpdoctor.probe.Transcript;
import org.smtpdoctor.probe.TranscriptLine;
import org.smtpdoctor.probe.TranscriptLine.Direction;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/** Probe results, diagnoses and report data for report tests, built straight from the records. */
final class Fixtures {

    static final String PASSWORD = "Pw-Zebra-4711-unique";
    static final String USER = "alice@example.com";
    static final String RECIPIENT = "bob@example.org";
    static final Instant WHEN = Instant.parse("2026-11-29T10:15:30Z");
    static final String SCRIPT = "<script>alert('x')</script>";

    private Fixtures() {
    }

    static AccountSettings settings(String username) {
        return new AccountSettings("smtp.example.com", 587, Security.STARTTLS, AuthMethod.AUTO, username,
                Secret.of(PASSWORD), USER, RECIPIENT);
    }

    static Reply reply(String... lines) {
        return Reply.parse(String.join("\n", lines)).orElseThrow();
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** STARTTLS and AUTH on 587; the password is rejected with 535 5.7.8. */
    static ProbeResult authRejected(String username) {
        Reply greeting = reply("220 smtp.example.com ESMTP ready " + SCRIPT);
        Reply ehlo = reply("250-smtp.example.com", "250-SIZE 35882577", "250-STARTTLS", "250 8BITMIME");
        Reply ehloTls = reply("250-smtp.example.com", "250-AUTH LOGIN PLAIN", "250 SIZE 35882577");
        Reply rejected = reply("535 5.7.8 Authentication credentials invalid for " + username);
        List<Step> steps = List.of(
                new Step(Phase.DNS, StepOutcome.OK, 12, Optional.empty(), "203.0.113.7"),
                new Step(Phase.CONNECT, StepOutcome.OK, 30, Optional.empty(), ""),
                new Step(Phase.GREETING, StepOutcome.OK, 42, Optional.of(greeting), ""),
                new Step(Phase.EHLO, StepOutcome.OK, 8, Optional.of(ehlo), ""),
                new Step(Phase.STARTTLS, StepOutcome.OK, 9, Optional.of(reply("220 2.0.0 Ready to start TLS")), ""),
                new Step(Phase.TLS_HANDSHAKE, StepOutcome.OK, 61, Optional.empty(), "TLSv1.3"),
                new Step(Phase.AUTH, StepOutcome.FAILED, 1234, Optional.of(rejected), ""),
                new Step(Phase.MAIL_FROM, StepOutcome.SKIPPED, 0, Optional.empty(), ""));
        CertificateInfo leaf = new CertificateInfo("CN=smtp.example.com", "CN=Example Test CA",
                List.of("smtp.example.com"), List.of(), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), false, "AB:CD:EF");
        TlsInfo tls = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(leaf), true, true,
                List.of("smtp.example.com"));
        List<TranscriptLine> lines = new ArrayList<>();
        lines.add(line(0, Direction.INFO, false, "Trying smtp.example.com:587 as " + username));
        lines.add(line(42, Direction.RECEIVED, false, greeting.lines().get(0)));
        lines.add(line(43, Direction.SENT, false, "EHLO smtp-doctor.localhost"));
        lines.add(line(50, Direction.SENT, false, "STARTTLS"));
        // an unredacted AUTH PLAIN and an AUTH LOGIN exchange: the report must redact them again
        lines.add(line(120, Direction.SENT, true, "AUTH PLAIN " + base64("\0" + username + "\0" + PASSWORD)));
        lines.add(line(121, Direction.SENT, true, "AUTH LOGIN"));
        lines.add(line(122, Direction.RECEIVED, true, "334 VXNlcm5hbWU6"));
        lines.add(line(123, Direction.SENT, true, base64(username)));
        lines.add(line(124, Direction.RECEIVED, true, "334 UGFzc3dvcmQ6"));
        lines.add(line(125, Direction.SENT, true, base64(PASSWORD)));
        lines.add(line(1300, Direction.RECEIVED, true, rejected.lines().get(0)));
        lines.add(line(1301, Direction.SENT, true, "MAIL FROM:<" + USER + ">"));
        lines.add(line(1302, Direction.RECEIVED, true, "250 2.1.0 Sender <" + USER + "> OK"));
        lines.add(line(1303, Direction.ERROR, true, "server said \u001b[31mred\u001b[0m"));
        return new ProbeResult(settings(username).withoutSecret(), true, false,
                Optional.of(FailureKind.AUTH_REJECTED), Optional.of(Phase.AUTH), Optional.of(rejected), steps,
                List.of("203.0.113.7"), Capabilities.fromEhloReply(ehlo),
                Optional.of(Capabilities.fromEhloReply(ehloTls)), Optional.of(tls), Optional.empty(),
                "AuthenticationFailedException: 535", new Transcript(lines), 1396);
    }

    static TranscriptLine line(long ms, Direction direction, boolean tls, String text) {
        return new TranscriptLine(ms, direction, tls, text);
    }

    static Diagnosis securityDiagnosis() {
        return new Diagnosis(Verdict.FIX_SETTING, Setting.SECURITY, Optional.of(SettingValue.security(Security.SSL_TLS)),
                Actor.YOU,
                "This port expects an encrypted connection from the start.",
                "The server on this port speaks SSL/TLS right away. Choose SSL/TLS as connection security.",
                "TLS handshake answered on a silent port " + SCRIPT, Confidence.HIGH,
                List.of("greeting: none within 1 s", "TLS handshake: TLSv1.3 on a second connection"),
                List.of("Choose SSL/TLS.", "Send a test message to " + RECIPIENT + "."), "security.implicit_tls");
    }

    static Diagnosis passwordDiagnosis() {
        return new Diagnosis(Verdict.FIX_SETTING, Setting.PASSWORD, Optional.empty(), Actor.YOU,
                "The server did not accept your password.",
                "Your username was recognised but the password was not.",
                "535 5.7.8 Authentication credentials invalid", Confidence.HIGH,
                List.of("AUTH: 535 5.7.8"), List.of("Type the password again."), "auth.rejected");
    }

    static Diagnosis works() {
        return new Diagnosis(Verdict.WORKS, Setting.NONE, Optional.empty(), Actor.NOBODY,
                "Your settings work.", "The server accepted the sign-in, the sender and the recipient.",
                "", Confidence.HIGH, List.of(), List.of(), "works");
    }

    static ReportData probeReport(Diagnosis diagnosis, MailClient client) {
        return ReportData.ofProbe(authRejected(USER), diagnosis, client, "0.1.0", WHEN);
    }
}
