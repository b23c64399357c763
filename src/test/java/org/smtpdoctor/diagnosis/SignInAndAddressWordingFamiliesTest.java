package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Meanings about sign-in, credentials, addresses and content that servers, services and programs word in many ways:
 * sending without sign-in refused, a sign-in method the server cannot use, error constants instead of sentences,
 * app passwords demanded by two-factor sign-in, a sender domain or From address that is not set up, a sender domain
 * that fails the receiver's authentication checks, recipient refusals in the programs' own languages, headers with
 * characters the server refuses, suspicious content and recipient-side restrictions. Each family is proven with the
 * wording of several servers and programs, not with the corpus texts the rules were written from.
 */
class SignInAndAddressWordingFamiliesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Relaying prohibited",
        "554 relaying is forbidden for this client",
        "550 You may not relay through this server without authentication",
        "553 sorry, sending without SMTP authentication is not allowed here",
        "503 Users of this domain may not send email without authorization",
        "530 Authorisation required: sign in with your account before sending",
    })
    void sendingWithoutSignInRefusedAsksToSignIn(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: unable to use this auth type",
        "Login failed: unsupported authentication method CRAM-MD5",
        "SMTP Error: SASL mechanism not supported by server",
        "535 5.7.8 Authentication method is not supported",
        "E_SMTP_AUTH: Authentication type is not supported by the mail server",
    })
    void aSignInMethodTheServerCannotUseIsTheSignInMethod(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals("explain.auth.mechanism", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP_ERROR: AUTHENTICATION_FAILED",
        "send failed, status=AUTH_FAILURE",
        "mailer returned INVALID_CREDENTIALS",
    })
    void aSignInErrorConstantIsARefusedSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Login refused: MFA is enabled for this user, create an application password",
        "535 Authentication failed: 2FA is enabled on this account",
        "Your account uses two-step verification. Sign in with a password generated for this device.",
    })
    void twoFactorSignInAsksForAnAppPassword(String pasted) {
        assertEquals(Setting.APP_PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 The domain example.org is not authorized to send through this account",
        "Forbidden: domain not allowed to send",
        "550 5.7.1 Invalid From address <news@example.org>",
        "553 From address is not valid for this mailbox",
        "Sender address is invalid",
        "550 5.7.1 Sender address is not authorized to send through this account",
        "550 5.7.1 Your domain is not configured to send mail through this server",
        "553 Relaying disallowed. Invalid Domain - example.org",
    })
    void aSenderDomainOrFromAddressThatIsNotSetUpIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.515 Access denied, sending domain example.org does not meet the required authentication level.",
        "host mx.example.net said: 550 5.7.1 This message fails to pass authentication checks (in reply to end of"
                + " DATA command)",
        "554 5.7.1 Message rejected: it does not have authentication information for its From domain",
    })
    void aSenderDomainThatFailsAuthenticationChecksIsTheSenderAddress(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Invio non riuscito: destinatario sconosciuto",
        "Échec de l'envoi : destinataire inconnu",
        "Error al enviar: usuario desconocido",
        "Senden fehlgeschlagen: Empfänger unbekannt",
        "Verzenden mislukt: ontvanger onbekend",
        "Falha no envio: destinatário desconhecido",
    })
    void anUnknownRecipientInTheProgramsLanguageIsTheRecipient(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Header contains illegal characters",
        "554 Message rejected: invalid characters in subject",
        "550 Message has unencoded 8-bit data in a header line",
        "553 Subject contains non-ASCII characters that are not encoded",
    })
    void headerCharactersTheServerRefusesAreTheMessage(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "451 4.7.1 This message contains suspicious links and was deferred",
        "421 4.7.0 Message deferred: suspicious content",
    })
    void suspiciousContentIsTheMessageEvenWhenDeferred(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized; You do not have permission to send to this recipient.",
        "554 You don't have permission to send to that group",
    })
    void aRecipientSideRestrictionIsNoSignInProblem(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals("explain.recipient.restricted", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Sender is not permitted to relay through this server",
        "553 sender not allowed to relay: use your own address",
        "501 5.5.4 Syntax error in MAIL FROM parameters",
    })
    void aSenderTheServerWillNotSendForIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Authentication failed: unknown user",
        "SMTP AUTH failed: no such account",
    })
    void anUnknownUserAtSignInIsTheUserName(String pasted) {
        assertEquals(Setting.USERNAME, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 SMTP authentication is disabled for this account",
        "535 5.7.3 SMTP client authentication is disabled for this mailbox",
        "Please enable IMAP/SMTP access in your account settings",
        "535 5.7.3 Authentication unsuccessful: third-party access is not allowed for this account",
        "Access for less secure apps has been turned off",
    })
    void signInSwitchedOffForTheAccountIsSwitchedOnAtTheProvider(String pasted) {
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Message rejected due to content restrictions",
        "554 5.7.1 Message blocked by content filtering",
    })
    void contentRulesOfTheServerAreTheMessage(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "reply: b'250-mail.corp.example Hello [192.0.2.7]\\r\\n'\nreply: b'250-AUTH GSSAPI NTLM\\r\\n'\n"
                + "reply: b'250 8BITMIME\\r\\n'\nsmtplib.SMTPException: No suitable authentication method found.",
        "<- 250-exchange.corp.example Hello\n<- 250-AUTH NTLM\n<- 250 CHUNKING\nError: Invalid login: 535 5.7.3"
                + " Authentication unsuccessful",
        "S: 250-AUTH=NTLM\nS: 250 OK\nAuthenticationException: authentication failed",
    })
    void anOfferOfWindowsSignInOnlyIsTheSignInMethod(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals("explain.auth.windows_sign_in_only", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SERVER -> CLIENT: 250-AUTH LOGIN PLAIN\nSMTP Error: Could not authenticate.",
        "<- 250-AUTH GSSAPI NTLM LOGIN\nError: Invalid login: 535 5.7.8 Authentication credentials invalid",
    })
    void anOfferWithAPasswordMethodLeavesTheRefusalToThePassword(String pasted) {
        assertEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Anmeldung nicht möglich: Benutzername oder Kennwort falsch",
        "Échec de l'envoi : nom d'utilisateur ou mot de passe incorrect",
        "No se pudo enviar: nombre de usuario o contraseña incorrectos",
        "Invio non riuscito: nome utente o password errati",
        "Falha ao enviar: usuário ou senha inválidos",
        "Verzenden mislukt: gebruikersnaam of wachtwoord onjuist",
    })
    void aRefusedSignInInTheProgramsLanguageIsThePassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Autenticazione richiesta prima dell'invio",
        "530 Authentifizierung erforderlich",
        "530 Authentification requise pour envoyer",
        "550 Se requiere autenticación para enviar correo",
    })
    void signInRequiredInOtherLanguagesAsksToSignIn(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Absenderadresse ungültig",
        "553 Mittente non autorizzato per questo account",
        "550 Remitente no autorizado",
        "553 Expéditeur non autorisé",
    })
    void aRefusedSenderInOtherLanguagesIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 Error: 请使用客户端授权密码登录",
        "535 Login failed: 请使用应用专用密码",
    })
    void aChineseProvidersDemandForAnAuthorisationCodeIsAnAppPassword(String pasted) {
        assertEquals(Setting.APP_PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Error: authentication failed: This user does not have access rights to this service",
    })
    void noAccessRightsToTheServiceIsSwitchedOnAtTheProvider(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Scan to E-mail: authentication with the server has failed",
        "Send error: SMTP authentication was unsuccessful",
    })
    void aScanToMailDevicesRefusedSignInIsThePassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "421-4.7.0 This message is suspicious due to the very low reputation of the sending domain.",
    })
    void aSuspiciousReputationIsNotTheMessageContent(String pasted) {
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Authentication failed: user name must be the full email address",
        "Login refused. Please use your full e-mail address as the user name.",
    })
    void aDemandForTheFullAddressIsTheUserName(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.USERNAME, d.setting(), pasted);
        assertEquals("explain.auth.full_address_as_username", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 Message rejected: URL in message is blocklisted",
        "550 5.7.1 Message rejected because it contains a URL listed in SURBL",
        "552 Blacklisted link found in message body",
    })
    void aListedLinkInTheMessageIsTheContentNotTheNetwork(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using multi.uribl.com",
    })
    void aClientHostBlockedByAnyListStaysANetworkListing(String pasted) {
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bob@example.con\n    all relevant MX records point to non-existent hosts",
        "553 5.3.0 <bob@example.org>... Addressee unknown, relay=[192.0.2.1]",
    })
    void aRecipientOrItsDomainThatCannotBeFoundIsTheRecipient(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.0 Reject, id=04321-07 - BANNED: invoice.exe",
        "554 5.7.0 Reject, id=04321-07 - INFECTED: Eicar-Signature",
    })
    void aContentFiltersBannedOrInfectedVerdictIsTheMessage(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Rejected by header based Anti-Spoofing policy: bob@example.org",
        "554 5.7.1 Message rejected: spoofed sender domain",
    })
    void aSenderTheReceiverTakesForSpoofedIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "501 5.1.3 Recipient address contains invalid characters",
        "553 Error: illegal characters in address <bob smith@example.org>",
    })
    void badCharactersInAnAddressPointAtTheRecipientThenTheSender(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.alternatives().get(0).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "host mx.example.org said: 553 5.1.7 Sender address contains illegal characters (in reply to MAIL FROM"
                + " command)",
    })
    void badCharactersAtTheSenderStepAreTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }
}
