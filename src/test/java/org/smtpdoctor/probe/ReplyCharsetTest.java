package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/** Replies in UTF-8 read as the server wrote them, not as ISO-8859-1 mojibake ("ungÃ¼ltig"). */
class ReplyCharsetTest {

    @Test
    void aGermanSignInRefusalInUtf8ReadsAsWritten() {
        String refusal = "535 5.7.8 Authentifizierung fehlgeschlagen: Benutzername oder Passwort ungültig";
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(TestCertificates.localhost())
                .auth("anna@example.test", "Richtig-123", "PLAIN").authFailure(refusal).start()) {
            ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                    .withTrustedCertificates(List.of(TestCertificates.ca()));
            ProbeResult r = new Prober(options).probe(new AccountSettings("127.0.0.1", server.port(),
                    Security.STARTTLS, AuthMethod.PLAIN, "anna@example.test", Secret.of("falsch"), "", ""),
                    ProbeListener.NONE);

            assertEquals(FailureKind.AUTH_REJECTED, r.failure().orElseThrow());
            assertTrue(r.lastReply().orElseThrow().text().contains("ungültig"), r.lastReply().toString());
            assertTrue(r.transcript().render().contains("ungültig"), r.transcript().render());
            assertFalse(r.transcript().render().contains("Ã"), r.transcript().render());
        }
    }

    @Test
    void onlyValidUtf8IsDecodedEverythingElseStaysAsRead() {
        String utf8AsLatin1 = new String("Größe überschritten".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        assertEquals("Größe überschritten", ReplyCharset.repair(utf8AsLatin1));
        assertEquals("550 5.1.1 user unknown", ReplyCharset.repair("550 5.1.1 user unknown"));
        // a server really writing Latin-1: "é" alone is no valid UTF-8, so it is kept
        assertEquals("550 adresse refusée", ReplyCharset.repair("550 adresse refusée"));
        assertEquals("\u00C3(", ReplyCharset.repair("\u00C3("), "a broken sequence stays as read");
    }
}
