package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Pasted text is read by structure before words: the command a transcript shows before the reply, what the codes
 * mean (RFC 5321, RFC 3463, RFC 4954), and a TLS failure's step from the port or the library (RFC 3207).
 */
class StructuralReadingTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final Set<Setting> CREDENTIALS = EnumSet.of(Setting.PASSWORD, Setting.APP_PASSWORD,
            Setting.USERNAME);
    private static final Set<Setting> CONNECTION = EnumSet.of(Setting.PORT, Setting.SECURITY, Setting.SERVER_HOST,
            Setting.NETWORK_OR_FIREWALL);

    static Stream<Arguments> steps() {
        return Stream.of(
                // the last command a transcript shows answers for the reply after it
                Arguments.of("Sent: AUTH LOGIN\nGot: 535 5.7.8 Error: authentication failed", Phase.AUTH),
                Arguments.of("send: 'rcpt to:<bob@example.org>\\r\\n'\nreply: b'550 5.7.1 Relaying denied'",
                        Phase.RCPT_TO),
                // capability lines name commands without sending them
                Arguments.of("250-AUTH PLAIN LOGIN\n250 8BITMIME\n552 5.3.4 Message size exceeds fixed limit",
                        Phase.END_OF_DATA),
                // RFC 3463 subjects and RFC 4954 codes
                Arguments.of("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown",
                        Phase.RCPT_TO),
                Arguments.of("553 5.1.8 <a@b.example>: Domain of sender address does not exist", Phase.MAIL_FROM),
                Arguments.of("530 5.7.0 Authentication Required", Phase.MAIL_FROM),
                Arguments.of("535 5.7.3 Authentication unsuccessful", Phase.AUTH),
                Arguments.of("550 5.7.26 Unauthenticated email is not accepted", Phase.END_OF_DATA),
                // a TLS failure belongs to STARTTLS when the port or the library shows a plain start
                Arguments.of("x509: certificate is valid for mail.example.org, not smtp.example.org", Phase.STARTTLS),
                Arguments.of("javax.net.ssl.SSLHandshakeException: PKIX path building failed: "
                        + "connect to smtp.example.org:465", Phase.TLS_HANDSHAKE),
                Arguments.of("Could not connect to SMTP host: smtp.example.org, port: 587; nested exception is: "
                        + "javax.net.ssl.SSLHandshakeException: PKIX path building failed", Phase.STARTTLS));
    }

    @ParameterizedTest
    @MethodSource("steps")
    void theStepComesFromTheStructure(String text, Phase phase) {
        assertEquals(phase, ReplyParser.parse(text).phase().orElse(null), text);
    }

    @Test
    void aLineNumberIsNoReplyCode() {
        PastedEvidence e = ReplyParser.parse("OpenSSL::SSL::SSLError: hostname \"localhost\" does not match the server"
                + " certificate\n588:  /usr/lib/ruby/2.1.0/net/smtp.rb -> tlsconnect");
        assertTrue(e.code().isEmpty(), e.code().toString());
        assertEquals(Setting.SERVER_HOST, DIAGNOSER.explain(e, ExplainContext.none()).setting());
    }

    @Test
    void aPositiveReplyBesideANamedFailureIsNotTheError() {
        PastedEvidence e = ReplyParser.parse("SMTP Last Response Code: 250\nmailsmtp Last Error Explanation: "
                + "MAILSMTP_ERROR_STARTTLS_NOT_SUPPORTED");
        assertTrue(e.code().isEmpty());
        assertEquals(Setting.SECURITY, DIAGNOSER.explain(e, ExplainContext.none()).setting());
    }

    @Test
    void whenNoRuleFitsTheStepDecidesNotTheProvider() {
        assertEquals(Setting.RECIPIENT_ADDRESS,
                DIAGNOSER.explain("smtplib.SMTPRecipientsRefused: {}", ExplainContext.none()).setting());
        assertEquals(Setting.SENDER_ADDRESS,
                DIAGNOSER.explain("smtplib.SMTPSenderRefused", ExplainContext.none()).setting());
        assertEquals(Setting.WAIT_AND_RETRY,
                DIAGNOSER.explain("451 4.3.0 Mail server temporarily rejected message.", ExplainContext.none())
                        .setting());
    }

    @Test
    void translatedOutlookRelayRefusalAsksForSignIn() {
        Diagnosis d = DIAGNOSER.explain("Die Nachricht konnte nicht gesendet werden, da einer der Empfänger vom Server"
                + " nicht akzeptiert wurde. Serverantwort: \"550 5.7.1 <jemand@beispiel.com>... Relay verweigert\","
                + " Anschluss: 25, Fehlernummer: 0x800CCC79.", ExplainContext.none());
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
    }

    @Test
    void everyExplainRuleLeavesProbesAlone() throws Exception {
        RuleCatalog explainOnly;
        try (var in = RuleCatalog.class.getResourceAsStream("explain-rules.json")) {
            explainOnly = RuleCatalog.parse(in);
        }
        assertFalse(explainOnly.rules().isEmpty());
        for (Rule r : explainOnly.rules()) {
            assertTrue(r.absent().contains("fromProbe"), r.id() + " must not apply to a probe");
            assertTrue(r.id().startsWith("explain."), r.id());
        }
    }

    @Test
    void alternativesStayInTheProblemsFamily() {
        Alternatives table = Alternatives.builtIn();
        for (Setting primary : List.of(Setting.values())) {
            Facts none = DIAGNOSER.pastedFacts(ReplyParser.parse("550 x"), ExplainContext.none());
            var messages = org.smtpdoctor.i18n.Messages.of(Diagnoser.BUNDLE);
            for (Alternative a : table.after("", primary, none, messages)) {
                assertTrue(a.setting() != primary, primary + " lists itself");
                if (CONNECTION.contains(primary)) {
                    assertFalse(CREDENTIALS.contains(a.setting()), primary + " -> " + a.setting());
                }
                if (CREDENTIALS.contains(primary)) {
                    assertFalse(CONNECTION.contains(a.setting()), primary + " -> " + a.setting());
                }
            }
        }
    }
}
