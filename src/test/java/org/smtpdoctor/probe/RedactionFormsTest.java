package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.LOCALHOST;
import static org.smtpdoctor.probe.Probes.USER;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.probe;
import static org.smtpdoctor.probe.Probes.signingIn;
import static org.smtpdoctor.probe.Probes.startTls;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.testkit.FakeSmtpServer;

/** A server that echoes the password in any encoding gets it back redacted, in every part of the result. */
class RedactionFormsTest {

    static final String SECRET = "p@ss word+%ü1";

    /** The encodings a server (or a log) may echo a password in. */
    enum Form {
        CLEAR(SECRET),
        URL_ENCODED_PLUS(URLEncoder.encode(SECRET, StandardCharsets.UTF_8)),
        URL_ENCODED_PERCENT_20(URLEncoder.encode(SECRET, StandardCharsets.UTF_8).replace("+", "%20")),
        URL_ENCODED_LOWER_HEX(URLEncoder.encode(SECRET, StandardCharsets.UTF_8).replace("%C3%BC", "%c3%bc")),
        PLUS_FOR_SPACE(SECRET.replace(' ', '+')),
        BASE64(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))),
        BASE64_UNPADDED(Base64.getEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))),
        BASE64_URL(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));

        final String text;

        Form(String text) {
            this.text = text;
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void echoedPasswordIsRedactedEverywhere(Form form) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, "not-" + SECRET, "PLAIN")
                .authFailure("535-5.7.8 you sent [" + form.text + "]\n535 5.7.8 Authentication failed").start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, SECRET));

            String all = everything(r);
            assertTrue(r.failure().isPresent(), describe(r));
            assertFalse(all.contains(form.text), all);
            assertTrue(all.contains(Redactor.MASK), all);
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void passwordSplitAcrossReplyLinesIsRedacted(Form form) {
        String half1 = form.text.substring(0, form.text.length() / 2);
        String half2 = form.text.substring(form.text.length() / 2);
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth(USER, "not-" + SECRET, "PLAIN")
                .authFailure("535-5.7.8 you sent " + half1 + "\n535 5.7.8 " + half2 + " and that failed").start()) {
            ProbeResult r = probe(signingIn(startTls(server), AuthMethod.PLAIN, SECRET));

            String joined = r.transcript().lines().stream().map(TranscriptLine::text)
                    .map(t -> t.length() > 4 && t.matches("\\d{3}[- ].*") ? t.substring(4) : t)
                    .collect(Collectors.joining());
            assertFalse(joined.contains(form.text), joined);
            assertFalse(everything(r).contains(half1 + "\n"), everything(r));
        }
    }

    private static String everything(ProbeResult r) {
        return r.transcript().render() + "\n" + r.detail() + "\n" + r.lastReply().map(Reply::lines).orElseThrow()
                + "\n" + r.steps();
    }
}
