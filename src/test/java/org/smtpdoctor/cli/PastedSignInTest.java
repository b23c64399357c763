package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Diagnoser;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.report.ReportData;
import org.smtpdoctor.report.ReportRenderer;

/** Sign-in payloads in a pasted transcript reach neither explain's output (text or JSON) nor any report format. */
class PastedSignInTest {

    /** base64 of "\0alice\0s3cret" and of "s3cret": what AUTH PLAIN and AUTH LOGIN carry. */
    static final String PLAIN_PAYLOAD = "AGFsaWNlAHMzY3JldA==";
    static final String LOGIN_PASSWORD = "czNjcmV0";

    static final String PLAIN = "S: 220 mail.example.com ESMTP\nC: EHLO me\nS: 250 AUTH PLAIN LOGIN\nC: AUTH PLAIN "
            + PLAIN_PAYLOAD + "\nS: 535 5.7.8 Authentication credentials invalid";
    static final String LOGIN = " 0.101s ~> AUTH LOGIN\n 0.102s <~ 334 VXNlcm5hbWU6\n 0.103s ~> YWxpY2U=\n"
            + " 0.104s <~ 334 UGFzc3dvcmQ6\n 0.105s ~> " + LOGIN_PASSWORD + "\r\n 0.110s <~ 535 5.7.8 Error: failed";

    /** Secrets written inside lines: a pair, a URL's password, a bearer token; none may come back out. */
    static final String[] INLINE_SECRETS = {"Pa55-Inline-1", "Url-Pa55w0rd", "ya29.a0AfH6SMBx-Inline9"};
    static final String INLINE = "Error: Invalid login: 535 Authentication failed (user=alice password="
            + INLINE_SECRETS[0] + ")\nconfig: smtps://alice%40example.com:" + INLINE_SECRETS[1]
            + "@smtp.example.com:465\nXOAUTH2 payload user=alice\u0001auth=Bearer " + INLINE_SECRETS[2];

    @ParameterizedTest
    @ValueSource(strings = {PLAIN, LOGIN})
    void explainShowsNoPayload(String pasted) {
        CliRun text = CliRun.of(pasted + "\n", Map.of(), "explain");
        CliRun json = CliRun.of(pasted + "\n", Map.of(), "explain", "--json");

        for (String out : new String[] {text.all(), json.all()}) {
            assertFalse(out.contains(PLAIN_PAYLOAD) || out.contains(LOGIN_PASSWORD) || out.contains("YWxpY2U="), out);
        }
        assertTrue(json.out().contains("<redacted>"), json.out());
        assertTrue(text.out().contains("[Change a setting]"), text.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {PLAIN, LOGIN})
    void reportsOfPastedTextShowNoPayload(String pasted) {
        var diagnosis = new Diagnoser().explain(pasted, ExplainContext.of(null, null, null, null, null));
        ReportData data = ReportData.ofPastedText(pasted, Optional.empty(), diagnosis, MailClient.OTHER, "test",
                Instant.EPOCH);
        for (ReportRenderer.Format format : ReportRenderer.Format.values()) {
            String report = new ReportRenderer().render(data, format);
            assertFalse(report.contains(PLAIN_PAYLOAD) || report.contains(LOGIN_PASSWORD), report);
        }
    }

    /**
     * The same transcripts as a web page, a word processor or an e-mail reply hand them over: no-break spaces
     * between the command and its payload once hid it from every pattern that looks for a space.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nbsp", "html", "quoted", "fenced"})
    void copiedTranscriptsShowNoPayloadEither(String copying) {
        for (String pasted : new String[] {PLAIN, LOGIN, INLINE}) {
            String copied = switch (copying) {
                case "nbsp" -> pasted.replace(' ', '\u00a0');
                case "html" -> pasted.replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
                case "quoted" -> pasted.replaceAll("(?m)^", "> ");
                default -> "```\n" + pasted + "\n```";
            };
            List<String> outputs = new ArrayList<>(List.of(CliRun.of(copied + "\n", Map.of(), "explain").all(),
                    CliRun.of(copied + "\n", Map.of(), "explain", "--json").all()));
            var diagnosis = new Diagnoser().explain(copied, ExplainContext.of(null, null, null, null, null));
            ReportData data = ReportData.ofPastedText(copied, Optional.empty(), diagnosis, MailClient.OTHER, "test",
                    Instant.EPOCH);
            for (ReportRenderer.Format format : ReportRenderer.Format.values()) {
                outputs.add(new ReportRenderer().render(data, format));
            }
            for (String out : outputs) {
                for (String secret : new String[] {PLAIN_PAYLOAD, LOGIN_PASSWORD, INLINE_SECRETS[0],
                        INLINE_SECRETS[1], INLINE_SECRETS[2]}) {
                    assertFalse(out.contains(secret), copying + ": " + out);
                }
            }
        }
    }

    @Test
    void secretsInsideLinesReachNoOutputAndNoReport() {
        CliRun text = CliRun.of(INLINE + "\n", Map.of(), "explain");
        CliRun json = CliRun.of(INLINE + "\n", Map.of(), "explain", "--json");
        var diagnosis = new Diagnoser().explain(INLINE, ExplainContext.of(null, null, null, null, null));
        ReportData data = ReportData.ofPastedText(INLINE, Optional.empty(), diagnosis, MailClient.OTHER, "test",
                Instant.EPOCH);
        List<String> outputs = new ArrayList<>(List.of(text.all(), json.all()));
        for (ReportRenderer.Format format : ReportRenderer.Format.values()) {
            outputs.add(new ReportRenderer().render(data, format));
        }
        for (String out : outputs) {
            for (String secret : INLINE_SECRETS) {
                assertFalse(out.contains(secret), out);
            }
        }
        assertTrue(json.out().contains("password=<redacted>"), json.out());
        assertTrue(text.out().contains("[Change a setting]"), text.out());
    }
}
