package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Setting;

/**
 * Mail programs' own sentences that say the server was not found, does not respond, or does not accept the
 * password, and servers' words that sign-in wants OAuth, read from their words in any language
 * ({@code reply-vocabulary.json}: {@code hostNotFound} with plain server words, {@code nameNotResolved},
 * {@code serverNotResponding}, {@code passwordNotAccepted}, {@code oauthRequired}, {@code basicAuthRetired}). Each
 * was "not recognised", "contact your provider" or a guess from the code when its wording was not listed. The
 * wordings are of several programs, servers and translations, written from what they say, not copied from the corpus.
 */
class ServerAndPasswordMeaningsTest {

    private static boolean holds(String meaning, String text) {
        return ReplyVocabulary.builtIn().meaning(meaning).orElseThrow().heldBy(text.toLowerCase(Locale.ROOT));
    }

    private static Optional<FailureKind> kind(String text) {
        return ReplyParser.parse(text).failureKind();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The outgoing mail server smtp.example.com cannot be found.",
        "Der SMTP-Server mail.example.de konnte nicht gefunden werden.",
        "Le serveur « smtp.example.fr » n'a pas été trouvé.",
        "No se pudo encontrar el servidor smtp.example.es.",
        "Outgoing server smtp.example.com is unknown. Check the server name.",
    })
    void aServerThatCannotBeFoundIsTheServerName(String pasted) {
        assertEquals(Optional.of(FailureKind.UNKNOWN_HOST), kind(pasted), pasted);
        assertEquals(Setting.SERVER_HOST, explain(pasted).setting(), pasted);
    }

    /** Windows' and .NET's name-lookup errors in their translations ({@code nameNotResolved}). */
    @ParameterizedTest
    @ValueSource(strings = {
        "Hôte inconnu.",
        "Host desconocido.",
        "Onbekende host.",
        "Host desconhecido.",
        "Der Remotename konnte nicht aufgelöst werden: 'smtp.example.de'",
        "Le nom distant n'a pas pu être résolu: 'smtp.example.fr'",
        "No se puede resolver el nombre remoto: 'smtp.example.es'",
        "Impossibile risolvere il nome remoto: 'smtp.example.it'",
    })
    void aNameThatCannotBeResolvedInAnyLanguageIsTheServerName(String pasted) {
        assertEquals(Optional.of(FailureKind.UNKNOWN_HOST), kind(pasted), pasted);
        assertEquals(Setting.SERVER_HOST, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Empfängeradresse unbekannt",
        "Nom d'utilisateur inconnu",
        "Host or domain name not found. Name service error for name=gmial.com type=MX",
        "Unknown command name",
    })
    void unknownNamesOfOtherThingsAreNotTheServerName(String pasted) {
        assertFalse(holds("nameNotResolved", pasted), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.1.1 User unknown on this server",
        "Der Empfänger wurde auf dem Server nicht gefunden.",
        "The authentication mechanism was not found on the server.",
        "The account could not be found on the server.",
        "The server certificate could not be found.",
    })
    void notFoundAboutSomethingElseOnTheServerIsNotTheServerName(String pasted) {
        assertFalse(holds("hostNotFound", pasted), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le serveur SMTP ne répond pas.",
        "Der Postausgangsserver antwortet nicht.",
        "El servidor SMTP no responde.",
        "Il server di posta in uscita non risponde.",
        "De uitgaande server reageert niet.",
        "The outgoing server is not responding.",
    })
    void aServerThatDoesNotRespondIsAConnectionThatWasNotMade(String pasted) {
        assertEquals(Optional.of(FailureKind.CONNECT_TIMEOUT), kind(pasted), pasted);
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        // the words do not say whether a firewall or the port is in the way: both are offered
        assertTrue(d.setting() == Setting.NETWORK_OR_FIREWALL || d.setting() == Setting.PORT, pasted);
        assertTrue(d.alternatives().stream().anyMatch(a -> a.setting() == Setting.PORT
                || a.setting() == Setting.NETWORK_OR_FIREWALL), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The server did not respond to the EHLO command.",
        "Server did not respond with a greeting.",
        "The server did not respond to the password.",
        "Server not responding after DATA",
    })
    void notRespondingToAStepIsNotAConnectionThatWasNotMade(String pasted) {
        assertFalse(holds("serverNotResponding", pasted), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le serveur n'accepte pas votre mot de passe.",
        "Das Passwort ist falsch.",
        "La contraseña no es válida.",
        "La password è errata.",
        "Het wachtwoord is onjuist.",
        "A senha está incorreta.",
        "Something went wrong. Your password may be incorrect.",
    })
    void aPasswordNotAcceptedInAnyLanguageIsThePassword(String pasted) {
        assertEquals(Optional.of(FailureKind.AUTH_REJECTED), kind(pasted), pasted);
        assertEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Plaintext passwords are rejected: switch on encryption first.",
        "The server does not accept encrypted passwords.",
        "Password is required.",
        "Das Passwort ist leer.",
        "The password does not meet the complexity policy.",
    })
    void passwordSentencesThatNameAnotherCauseAreNotAWrongPassword(String pasted) {
        assertFalse(holds("passwordNotAccepted", pasted), pasted);
    }

    /** The sentence that names the cause decides, even when the next one says the password was rejected. */
    @Test
    void anAppPasswordDemandedBesideARejectedPasswordIsTheAppPassword() {
        assertEquals(Setting.APP_PASSWORD,
                explain("This account needs an app password; the normal password is rejected.").setting());
    }

    /** Symfony Mailer words Swift Mailer's "got an empty response" without the article. */
    @Test
    void symfonyMailersEmptyResponseIsReadLikeSwiftMailers() {
        String greeting = "Symfony\\Component\\Mailer\\Exception\\TransportException: "
                + "Expected response code \"220\" but got empty response.";
        assertEquals(Optional.of(FailureKind.NO_GREETING), kind(greeting));
        assertEquals(Setting.SECURITY, explain(greeting).setting());
        String hello = "Expected response code \"250\" but got empty response.";
        assertNotEquals(Verdict.NOT_RECOGNISED, explain(hello).verdict());
    }

    /**
     * Words that name the admin switch beat a guess from the code alone, and the Dart mailer's exception class
     * {@code SmtpClientAuthenticationException} (a wrong password) is not the switch.
     */
    @Test
    void theSmtpAuthSwitchIsReadFromItsWordsNotFromAClassName() {
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, explain(
                "535 5.7.3 Authentication unsuccessful [SmtpClientAuthentication is disabled for the Tenant.]")
                .setting());
        assertNotEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, explain(
                "SmtpClientAuthenticationException: Incorrect username / password / credentials").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Error: authentication failed: Your account requires OAuth authentication",
        "Please use OAuth2 to sign in to this account.",
        "Basic authentication has been turned off for this tenant.",
        "Die Standardauthentifizierung ist deaktiviert.",
        "L'authentification de base n'est plus prise en charge.",
    })
    void wordsThatSignInWantsOauthAreTheSignInMethod(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "OAuth token has expired, please sign in again",
        "OAuth2 is not supported by this server",
        "The OAuth client_id is required",
    })
    void oauthWordsAboutSomethingElseAreNotTheDemandForOauth(String pasted) {
        assertFalse(holds("oauthRequired", pasted), pasted);
    }

    /** Microsoft's own code for the retired basic sign-in keeps its reading (the admin switch, sure). */
    @Test
    void microsoftsCodeForRetiredBasicSignInKeepsItsReading() {
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER,
                explain("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.").setting());
    }
}
