package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/** Pasted errors with and without what the user knows besides. */
class DiagnoserExplainTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    @Test
    void misspelledHostInAPastedErrorIsCorrected() {
        Diagnosis d = DIAGNOSER.explain("Error: getaddrinfo ENOTFOUND smtp.gmial.com", ExplainContext.none());
        assertEquals(Setting.SERVER_HOST, d.setting());
        assertEquals(Optional.of(SettingValue.host("smtp.gmail.com")), d.suggestedValue());
    }

    @Test
    void certificateNamesInAPastedErrorGiveTheServerName() {
        Diagnosis d = DIAGNOSER.explain("Hostname/IP does not match certificate's altnames: Host: mail.shop.example. "
                + "is not in the cert's altnames: DNS:*.hostinger.com, DNS:hostinger.com", ExplainContext.none());
        assertEquals(Setting.SERVER_HOST, d.setting());
        assertEquals(Optional.of(SettingValue.host("smtp.hostinger.com")), d.suggestedValue());
    }

    @Test
    void bareUsernameAtAFullAddressProviderPointsAtTheUsername() {
        Diagnosis d = DIAGNOSER.explain("535 5.7.8 Username and Password not accepted.",
                ExplainContext.none().withHost("smtp.gmail.com").withUsername("jane"));
        assertEquals(Setting.USERNAME, d.setting());
        assertEquals(Optional.empty(), d.suggestedValue());
        assertTrue(d.explanation().contains("full email address"), d.explanation());
    }

    @Test
    void outlookComPasswordIsExplainedAsOAuthOnly() {
        Diagnosis d = DIAGNOSER.explain("535 5.7.3 Authentication unsuccessful",
                ExplainContext.none().withHost("smtp-mail.outlook.com"));
        assertEquals(Setting.AUTH_METHOD, d.setting());
        assertEquals(Optional.of(SettingValue.auth(AuthMethod.XOAUTH2)), d.suggestedValue());
        assertTrue(d.explanation().contains("OAuth2"), d.explanation());
    }

    @Test
    void signInValueIsNeutralSoEachMailProgramCanNameIt() {
        Diagnosis d = DIAGNOSER.explain("530 5.7.57 Client not authenticated to send mail. [MAIL FROM]",
                ExplainContext.none());
        assertEquals(Setting.AUTH_METHOD, d.setting());
        assertEquals(Optional.of(SettingValue.auth(AuthMethod.PLAIN)), d.suggestedValue());
        assertTrue(d.explanation().contains("Normal password"), d.explanation());
    }

    @Test
    void connectTimeoutOnPort25InPastedTextWantsPort587() {
        Diagnosis d = DIAGNOSER.explain("java.net.ConnectException: Connection timed out: connect",
                ExplainContext.none().withPort(25));
        assertEquals(Setting.PORT, d.setting());
        assertEquals(Optional.of(SettingValue.port(587)), d.suggestedValue());
    }

    @Test
    void statedPhaseWinsOverTheWords() {
        Diagnosis d = DIAGNOSER.explain("550 Access denied", ExplainContext.none().withPhase(Phase.MAIL_FROM));
        assertEquals(Setting.SENDER_ADDRESS, d.setting());
    }

    @Test
    void textWithNothingToGoOnIsNotRecognisedRatherThanJudged() {
        Diagnosis d = DIAGNOSER.explain("it does not work", ExplainContext.none());
        assertEquals("not_recognised", d.ruleId());
        assertEquals(Verdict.NOT_RECOGNISED, d.verdict());
        assertEquals(Setting.NONE, d.setting());
        assertFalse(d.thingsToTry().isEmpty(), "a hint on what to paste");
    }

    @Test
    void technicalDetailNamesTheReplyTheProgramAndTheRule() {
        Diagnosis d = DIAGNOSER.explain("javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication "
                + "unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", ExplainContext.none());
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting());
        assertEquals(Actor.ADMIN, d.actor());
        assertTrue(d.technicalDetail().contains("535 5.7.139"), d.technicalDetail());
        assertTrue(d.technicalDetail().contains("java_mail"), d.technicalDetail());
        assertTrue(d.technicalDetail().contains(d.ruleId()), d.technicalDetail());
        assertTrue(d.evidence().stream().anyMatch(e -> e.contains("5.7.139")), d.evidence().toString());
    }

    @Test
    void thingsToTryAreFilledFromTheTexts() {
        Diagnosis d = DIAGNOSER.explain("Connection timed out", ExplainContext.none().withPort(587));
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting());
        assertTrue(d.thingsToTry().size() >= 2, d.thingsToTry().toString());
    }
}
