package org.smtpdoctor.ui.attempts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

class AttemptsTest {

    private static final String ADDRESS = "alice@example.test";
    private static final AccountSettings TYPED = new AccountSettings("smtp.example.test", 465, Security.STARTTLS,
            AuthMethod.AUTO, ADDRESS, Secret.of("pw-1"), ADDRESS, "");

    private static Diagnosis verdict(Verdict v, List<Change> changes) {
        return new Diagnosis(v, changes, Actor.YOU, "t", "e", "", Confidence.HIGH, List.of(), List.of(), "r",
                List.of());
    }

    @Test
    void theFirstTestIsWhatTheMailProgramHolds() {
        Attempts attempts = new Attempts();
        attempts.record(ADDRESS, TYPED, verdict(Verdict.FIX_SETTING, List.of()));
        assertEquals(Optional.of(TYPED.withoutSecret()), attempts.inProgram());
        assertEquals(List.of(), attempts.changesForProgram());
    }

    @Test
    void afterAWorkingChangeTheDifferenceIsStillToMakeInTheProgram() {
        Attempts attempts = new Attempts();
        attempts.record(ADDRESS, TYPED, verdict(Verdict.FIX_SETTING, List.of()));
        attempts.record(ADDRESS, TYPED.withSecurity(Security.SSL_TLS), verdict(Verdict.WORKS, List.of()));
        assertEquals(List.of(Change.of(Setting.SECURITY, SettingValue.security(Security.STARTTLS),
                SettingValue.security(Security.SSL_TLS))), attempts.changesForProgram());
        assertEquals(1, attempts.earlier().size());
    }

    @Test
    void aSuggestionLeadingBackToTestedSettingsIsRecognised() {
        Attempts attempts = new Attempts();
        attempts.record(ADDRESS, TYPED, verdict(Verdict.FIX_SETTING, List.of()));
        AccountSettings second = TYPED.withPort(587);
        attempts.record(ADDRESS, second, verdict(Verdict.FIX_SETTING, List.of()));
        List<Change> back = List.of(Change.set(Setting.PORT, SettingValue.port(465)));
        assertTrue(Attempts.applied(second, back).map(attempts::triedAlready).orElseThrow());
        List<Change> elsewhere = List.of(Change.set(Setting.SECURITY, SettingValue.security(Security.SSL_TLS)));
        assertFalse(Attempts.applied(second, elsewhere).map(attempts::triedAlready).orElseThrow());
    }

    @Test
    void anAlternativeAlreadyTriedIsNotProposedAgain() {
        Attempts attempts = new Attempts();
        attempts.record(ADDRESS, TYPED, verdict(Verdict.FIX_SETTING, List.of()));
        AccountSettings second = TYPED.withPort(587);
        Diagnosis d = new Diagnosis(Verdict.FIX_SETTING, List.of(), Actor.YOU, "t", "e", "", Confidence.HIGH,
                List.of(), List.of(), "r", List.of(
                        new Alternative(Setting.PORT, Optional.of(SettingValue.port(465)), "tried"),
                        new Alternative(Setting.PORT, Optional.of(SettingValue.port(2525)), "new")));
        attempts.record(ADDRESS, second, d);
        assertEquals(List.of("new"), attempts.withoutTriedAlternatives(d, second).alternatives().stream()
                .map(Alternative::why).toList());
    }

    @Test
    void anotherAddressStartsAFreshHistory() {
        Attempts attempts = new Attempts();
        attempts.record(ADDRESS, TYPED, verdict(Verdict.FIX_SETTING, List.of()));
        attempts.record("bob@example.test", TYPED.withPort(587), verdict(Verdict.WORKS, List.of()));
        assertEquals(List.of(), attempts.changesForProgram());
        assertEquals(List.of(), attempts.earlier());
    }

    @Test
    void settingsFoundBeforeAnyTestAreAllToEnterWhenTheProgramHeldNone() {
        Attempts attempts = new Attempts();
        attempts.knowInProgram(ADDRESS, Optional.empty());
        attempts.record(ADDRESS, TYPED, verdict(Verdict.WORKS, List.of()));
        assertEquals(List.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY),
                attempts.changesForProgram().stream().map(Change::setting).toList());
    }

    @Test
    void theSignInMethodAWorkingDiagnosisNamesIsAddedForTheProgram() {
        Attempts attempts = new Attempts();
        attempts.record(ADDRESS, TYPED, verdict(Verdict.FIX_SETTING, List.of()));
        Diagnosis works = verdict(Verdict.WORKS, List.of(Change.set(Setting.AUTH_METHOD,
                SettingValue.auth(AuthMethod.CRAM_MD5))));
        attempts.record(ADDRESS, TYPED, works);
        assertEquals(List.of(Setting.AUTH_METHOD),
                attempts.changesForProgram(works).stream().map(Change::setting).toList());
    }

    @Test
    void noSecretIsKept() {
        Attempts attempts = new Attempts();
        attempts.record(ADDRESS, TYPED, verdict(Verdict.FIX_SETTING, List.of()));
        assertTrue(attempts.all().get(0).settings().secret().isEmpty());
    }
}
