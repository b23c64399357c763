package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.ProbeResults.probe;
import static org.smtpdoctor.probe.FailureKind.AUTH_REJECTED;
import static org.smtpdoctor.probe.Phase.AUTH;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;

/**
 * Virgin Media Mail (virginmedia.com and its older ntlworld.com, blueyonder.co.uk and virgin.net addresses) lets mail
 * programs sign in only with an email app password made under My Virgin Media, not the account's own password. Its
 * refusals ("535 Authentication failed", "Authentication Required (VM401)") do not say so; the provider catalogue
 * does.
 */
class VirginMediaTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private final ProviderCatalog catalog = ProviderCatalog.builtIn();

    @ParameterizedTest
    @ValueSource(strings = {"jo@virginmedia.com", "jo@ntlworld.com", "jo@blueyonder.co.uk", "jo@virgin.net"})
    void everyAddressDomainIsVirginMediaWithItsSslServer(String address) {
        Provider p = catalog.forAddress(address).orElseThrow();
        assertEquals("virgin-media", p.id());
        assertTrue(p.requires(Requirement.APP_PASSWORD));
        assertTrue(p.servers().stream().allMatch(s -> s.port() == 465 && s.security() == Security.SSL_TLS),
                p.servers()::toString);
        assertEquals(address, p.servers().get(0).usernameFor(address));
    }

    @ParameterizedTest
    @CsvSource({"smtp.virginmedia.com, jo@virginmedia.com", "smtp.ntlworld.com, jo@ntlworld.com",
            "smtp.blueyonder.co.uk, jo@blueyonder.co.uk"})
    void aRefusedPasswordAtItsServerAsksForTheEmailAppPassword(String host, String user) {
        Diagnosis d = DIAGNOSER.diagnose(probe(host, 465, Security.SSL_TLS).signIn(user)
                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.0 Authentication failed").build());
        assertEquals(Setting.APP_PASSWORD, d.setting(), () -> d.ruleId() + ": " + d.title());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Login to server smtp.virginmedia.com with username jo@virginmedia.com failed.",
            "Sending of the message failed. An error occurred while sending mail. The mail server responded:"
                    + " 535 5.7.0 Authentication failed. Please verify that your email address is correct"})
    void aPastedSignInFailureAtItsServerAsksForTheEmailAppPassword(String pasted) {
        Diagnosis d = Pasted.explainAt(pasted, "smtp.virginmedia.com", 465);
        assertEquals(Setting.APP_PASSWORD, d.setting(), () -> d.ruleId() + ": " + d.title());
    }

    @Test
    void beingAskedToSignInThereStillTurnsSignInOnFirstWithTheAppPasswordNext() {
        // VM401 comes when the program did not sign in at all (a Thunderbird user whose outgoing server was set to
        // "No authentication" was helped by turning it on); a refused app password reads as a failed sign-in
        Diagnosis d = Pasted.explainAt("An error occurred while sending mail. The mail server responded:"
                + " Authentication Required (VM401). Please verify that your email address is correct in your account"
                + " settings and try again.", "smtp.virginmedia.com", 465);
        assertEquals(Setting.AUTH_METHOD, d.setting(), () -> d.ruleId() + ": " + d.title());
        assertEquals(Setting.APP_PASSWORD, d.alternatives().get(0).setting(), d.alternatives()::toString);
        Diagnosis elsewhere = Pasted.explainAt("530 5.7.0 Authentication required", "mail.example.org", 587);
        assertTrue(elsewhere.alternatives().stream().noneMatch(a -> a.setting() == Setting.APP_PASSWORD),
                elsewhere.alternatives()::toString);
    }
}
