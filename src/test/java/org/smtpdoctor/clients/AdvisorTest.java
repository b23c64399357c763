package org.smtpdoctor.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Alternative;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/** The advice is composed once: every change and alternative, in the chosen program's words, secrets hidden. */
class AdvisorTest {

    private final ClientGuide guide = new ClientGuide(Locale.ENGLISH);
    private final Advisor advisor = new Advisor(guide);
    private final AccountSettings tested = new AccountSettings("smtp.example.com", 465, Security.SSL_TLS,
            AuthMethod.PLAIN, "alice@example.com", Secret.of("not-shown".toCharArray()), "alice@example.com", "");

    private static Diagnosis diagnosis(Verdict verdict, List<Change> changes, List<Alternative> alternatives) {
        return new Diagnosis(verdict, changes, Actor.YOU, "title", "explanation", "detail", Confidence.HIGH,
                List.of(), List.of(), "test.rule", alternatives);
    }

    /**
     * A reading about this computer's own setup (its name, its list of trusted authorities) is a network answer, but
     * its place is this computer, and "try another network" would not help; every other network answer keeps the usual
     * place.
     */
    @Test
    void aReadingAboutThisComputerNamesThisComputerAsThePlace() {
        Diagnosis ownName = new org.smtpdoctor.diagnosis.Diagnoser().explain("sendmail[411]: My unqualified host name"
                + " (build-3) unknown; sleeping for retry", org.smtpdoctor.diagnosis.ExplainContext.none());
        Advice.ChangeAdvice c = advisor.advise(ownName, MailClient.THUNDERBIRD, Optional.empty()).changes().get(0);
        assertEquals(Setting.NETWORK_OR_FIREWALL, c.setting());
        assertTrue(c.menuPath().contains("hosts file"), c.menuPath());
        assertFalse(c.note().orElse("").contains("phone hotspot"), c.note()::toString);

        Diagnosis refused = new org.smtpdoctor.diagnosis.Diagnoser().explain("connect to smtp.example.com:587:"
                + " Connection timed out", org.smtpdoctor.diagnosis.ExplainContext.none());
        Advice.ChangeAdvice usual = advisor.advise(refused, MailClient.THUNDERBIRD, Optional.empty()).changes().get(0);
        assertEquals(Setting.NETWORK_OR_FIREWALL, usual.setting());
        assertEquals(guide.locate(MailClient.THUNDERBIRD, Setting.NETWORK_OR_FIREWALL).menuPath(), usual.menuPath());
    }

    @Test
    void everyChangeIsListedInTheProgramsWords() {
        Diagnosis d = diagnosis(Verdict.FIX_SETTING, List.of(
                Change.set(Setting.PORT, SettingValue.port(587)),
                Change.set(Setting.SECURITY, SettingValue.security(Security.STARTTLS))), List.of());

        Advice advice = advisor.advise(d, MailClient.IOS_MAIL, Optional.of(tested));

        assertEquals(2, advice.changes().size());
        Advice.ChangeAdvice security = advice.changes().get(1);
        assertEquals(guide.locate(MailClient.IOS_MAIL, Setting.SECURITY).fieldName(), security.fieldName());
        assertEquals(Optional.of(guide.valueLabel(MailClient.IOS_MAIL, Security.SSL_TLS)), security.current());
        assertEquals(Optional.of(guide.valueLabel(MailClient.IOS_MAIL, Security.STARTTLS)), security.suggested());
        assertEquals(Optional.of("465"), advice.changes().get(0).current());
    }

    @Test
    void currentAndSuggestedSignInMethodUseTheSameWords() {
        Diagnosis d = diagnosis(Verdict.FIX_SETTING,
                List.of(Change.set(Setting.AUTH_METHOD, SettingValue.auth(AuthMethod.XOAUTH2))), List.of());

        Advice.ChangeAdvice c = advisor.advise(d, MailClient.THUNDERBIRD, Optional.of(tested)).changes().get(0);

        assertEquals(Optional.of(guide.authLabel(MailClient.THUNDERBIRD, AuthMethod.PLAIN)), c.current());
        assertEquals(Optional.of(guide.authLabel(MailClient.THUNDERBIRD, AuthMethod.XOAUTH2)), c.suggested());
    }

    @Test
    void withoutTestedSettingsTheDiagnosisKnowsTheCurrentValue() {
        Diagnosis d = diagnosis(Verdict.FIX_SETTING, List.of(Change.of(Setting.SERVER_HOST,
                SettingValue.host("smtp.gmial.com"), SettingValue.host("smtp.gmail.com"))), List.of());

        Advice.ChangeAdvice c = advisor.advise(d, MailClient.OTHER, Optional.empty()).changes().get(0);

        assertEquals(Optional.of("smtp.gmial.com"), c.current());
        assertEquals(Optional.of("smtp.gmail.com"), c.suggested());
    }

    @Test
    void aPasswordIsNeverShown() {
        Diagnosis d = diagnosis(Verdict.FIX_SETTING, List.of(new Change(Setting.PASSWORD, Optional.empty(),
                Optional.empty())), List.of());

        Advice.ChangeAdvice c = advisor.advise(d, MailClient.THUNDERBIRD, Optional.of(tested)).changes().get(0);

        assertTrue(c.secret());
        assertEquals(Optional.empty(), c.current());
        assertFalse(c.toString().contains("not-shown"));
    }

    @Test
    void whatTheOrganisationsAdministratorChangesIsNotTheProvidersSupport() {
        List<Change> serverSide = List.of(new Change(Setting.CONTACT_PROVIDER, Optional.empty(), Optional.empty()));
        Diagnosis byAdmin = new Diagnosis(Verdict.SERVER_SIDE, serverSide, Actor.ADMIN, "title", "explanation", "",
                Confidence.MEDIUM, List.of(), List.of(), "test.rule", List.of());
        Diagnosis byProvider = new Diagnosis(Verdict.SERVER_SIDE, serverSide, Actor.PROVIDER, "title", "explanation",
                "", Confidence.MEDIUM, List.of(), List.of(), "test.rule", List.of());

        Advice.ChangeAdvice admin = advisor.advise(byAdmin, MailClient.OUTLOOK_CLASSIC, Optional.empty()).changes()
                .get(0);
        Advice.ChangeAdvice provider = advisor.advise(byProvider, MailClient.OUTLOOK_CLASSIC, Optional.empty())
                .changes().get(0);

        assertTrue(admin.menuPath().contains("administrator"), admin.menuPath());
        assertFalse(admin.menuPath().contains("provider"), admin.menuPath());
        assertTrue(provider.menuPath().contains("provider"), provider.menuPath());
        assertEquals(provider.fieldName(), admin.fieldName(), "nothing to change in the program either way");
    }

    @Test
    void settingsThatWorkNeedNoChange() {
        Diagnosis d = diagnosis(Verdict.WORKS, List.of(), List.of());

        assertEquals(List.of(), advisor.advise(d, MailClient.THUNDERBIRD, Optional.of(tested)).changes());
    }

    @Test
    void alternativesCarryTheirReasonInTheProgramsWords() {
        Diagnosis d = diagnosis(Verdict.FIX_SETTING,
                List.of(Change.set(Setting.PORT, SettingValue.port(587))),
                List.of(new Alternative(Setting.SECURITY, Optional.of(SettingValue.security(Security.SSL_TLS)),
                        "Some networks block port 587.")));

        Advice advice = advisor.advise(d, MailClient.THUNDERBIRD, Optional.of(tested));

        assertEquals(1, advice.alternatives().size());
        Advice.AlternativeAdvice a = advice.alternatives().get(0);
        assertEquals(Optional.of(guide.valueLabel(MailClient.THUNDERBIRD, Security.SSL_TLS)), a.suggested());
        assertEquals("Some networks block port 587.", a.why());
        assertEquals(guide.locate(MailClient.THUNDERBIRD, Setting.SECURITY).menuPath(), a.menuPath());
    }
}
