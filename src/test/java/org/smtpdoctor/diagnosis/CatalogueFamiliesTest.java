package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Setting;

/**
 * The meanings of mail programs' and libraries' own sentences, read from words typical of each language rather than
 * from one exact sentence ({@code reply-vocabulary.json}, "meanings"): a word of every group in one sentence of what
 * the program said around the server's reply. Each family is proven with wordings of other programs, versions and
 * languages than the catalogue entries the meanings were written from.
 */
class CatalogueFamiliesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "O servidor de saída (SMTP) smtp.example.com parece não suportar senhas criptografadas.|AUTH_METHOD",
        "Der Server unterstützt keine verschlüsselten Kennwörter.|AUTH_METHOD",
        "El servidor no acepta contraseñas sin cifrar. Cambie el método de identificación.|AUTH_METHOD",
        "Le serveur n'accepte pas les mots de passe en clair.|AUTH_METHOD",
        "Il server non supporta il metodo di autenticazione scelto.|AUTH_METHOD",
        "De server ondersteunt geen wachtwoordverificatie.|AUTH_METHOD",
        "Keine passende Authentifizierungsmethode gefunden.|AUTH_METHOD",
    })
    void passwordMethodWordsInAnyLanguagePointAtTheSignInMethod(String pasted, Setting expected) {
        assertEquals(expected, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "O servidor não anuncia STARTTLS nesta porta.",
        "STARTTLS is niet beschikbaar op deze server.",
        "Le serveur SMTP ne propose pas STARTTLS sur ce port.",
        "STARTTLS non è disponibile (SMTP)",
    })
    void starttlsNotOfferedInAnyWordingIsTheConnectionSecurity(String pasted) {
        assertEquals(FailureKind.STARTTLS_NOT_OFFERED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertEquals(Setting.SECURITY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "La connexion au serveur SMTP a été perdue pendant l'envoi.|CONNECTION_CLOSED",
        "A ligação ao servidor foi interrompida durante o envio.|CONNECTION_CLOSED",
        "No se pudo establecer la conexión con el servidor smtp.example.com.|CONNECT_TIMEOUT",
        "De verbinding met de server kon niet tot stand worden gebracht.|CONNECT_TIMEOUT",
        "Authenticatie bij de SMTP-server is mislukt.|AUTH_REJECTED",
        "Verifique a sua senha e tente novamente.|AUTH_REJECTED",
    })
    void programSentencesNameTheFailureWhenNoExactWordingDoes(String pasted, FailureKind kind) {
        assertEquals(kind, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
    }

    @Test
    void aSecureConnectionThatCouldNotBeMadeIsNotAnUnreachableServer() {
        String pasted = "Eine sichere Verbindung zum Server konnte nicht hergestellt werden.";
        assertNotEquals(FailureKind.CONNECT_TIMEOUT, ReplyParser.parse(pasted).failureKind().orElse(null));
    }

    @Test
    void signInRequiredIsNotASignInThatFailed() {
        String pasted = "Fehler beim Senden der Nachricht, SMTP-Authentifizierung erforderlich.";
        assertNotEquals(FailureKind.AUTH_REJECTED, ReplyParser.parse(pasted).failureKind().orElse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Das Passwort für smtp.example.com konnte nicht ermittelt werden.|PASSWORD",
        "No se pudo obtener la contraseña para smtp.example.com.|PASSWORD",
        "Un mot de passe d'application est requis pour ce compte.|APP_PASSWORD",
        "È richiesta una password per l'app per questo account Gmail.|APP_PASSWORD",
        "Le serveur refuse de relayer ce message ; vous devez vous authentifier.|AUTH_METHOD",
        "Para enviar, debe autenticarse con el servidor.|AUTH_METHOD",
        "No se ha configurado ningún remitente.|SENDER_ADDRESS",
        "Aucun expéditeur n'est configuré pour ce compte.|SENDER_ADDRESS",
        "Het adres van de afzender is ongeldig.|SENDER_ADDRESS",
        "Die Empfängeradresse enthält Nicht-ASCII-Zeichen, der Server unterstützt kein SMTPUTF8.|RECIPIENT_ADDRESS",
        "max.example.org ist keine gültige E-Mail-Adresse.|RECIPIENT_ADDRESS",
        "Error: no recipient specified for this message|RECIPIENT_ADDRESS",
        "Vous avez dépassé votre limite d'envoi quotidienne.|WAIT_AND_RETRY",
        "El envío no está habilitado para esta cuenta.|CONTACT_PROVIDER",
        "Il messaggio contiene un allegato non consentito.|MESSAGE_CONTENT_OR_SIZE",
        "Configuration error: SMTP host name is not set|SERVER_HOST",
        "The SMTP server name was not found|SERVER_HOST",
        "Invalid port: the port must be between 1 and 65535|PORT",
    })
    void wrapperMeaningsInOtherWordingsPointAtTheSettingTheyName(String pasted, Setting expected) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, d.verdict(), pasted);
        assertEquals(expected, d.setting(), () -> pasted + " -> " + d.ruleId());
    }

    @Test
    void sendingNotEnabledOffersTheProviderSwitch() {
        Diagnosis d = explain("L'invio non è abilitato per questo account.");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
        assertTrue(Pasted.offers(d, Setting.ENABLE_SMTP_AUTH_AT_PROVIDER), d.alternatives().toString());
    }

    @Test
    void signingInThroughTheBrowserFirstIsNotTheSignInSwitch() {
        assertNotEquals("explain.meaning.sign_in_needed",
                explain("You must log in with your web browser first, then try again.").ruleId());
    }

    @Test
    void aMailboxQuotaIsNotTheSendersDailyLimit() {
        Diagnosis d = explain("Sending failed: the recipient's mailbox storage limit was exceeded.");
        assertNotEquals("explain.meaning.sending_limit_reached", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "msmtp: TLS certificate verification failed: the certificate is not trusted",
        "Certificate Error (SMTP): the certificate is not trusted",
        "System.Security.Authentication.AuthenticationException: The remote certificate is invalid: UntrustedRoot",
    })
    void aCertificateNobodyTrustsOnTheUsersDeviceIsInterceptionFirst(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(Pasted.offers(d, Setting.CONTACT_PROVIDER), d.alternatives().toString());
    }

    @Test
    void aServerApplicationsSelfSignedCertificateStaysTheOperators() {
        assertEquals(Setting.CONTACT_PROVIDER,
                explain("Error: self signed certificate at TLSSocket.onConnectSecure (_tls_wrap.js:1055:34)").setting());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Une connexion existante a dû être fermée par l’hôte distant.|CONNECTION_RESET",
        "socket.gaierror: [Errno 11004] getaddrinfo failed|UNKNOWN_HOST",
        "OSError: [WinError 10013] access forbidden by its access permissions|NETWORK_UNREACHABLE",
        "SEC_E_ILLEGAL_MESSAGE (0x80090326)|TLS_FAILED",
        "SEC_E_INVALID_TOKEN (0x80090308)|PLAINTEXT_WHERE_TLS_EXPECTED",
        "schannel: SEC_E_WRONG_PRINCIPAL (0x80090322) - The target principal name is incorrect.|CERT_HOST_MISMATCH",
        "tls: protocol version not supported|TLS_NO_COMMON_PROTOCOL",
        "smtp: network read error: the operation timed out|READ_TIMEOUT",
    })
    void errorKeysOfSocketAndTlsLibrariesNameTheFailure(String pasted, FailureKind kind) {
        assertEquals(kind, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
    }

    @Test
    void aSizeRefusalAtTheSenderStepIsTheMessageSize() {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE,
                explain("com.sun.mail.smtp.SMTPSenderFailedException: 552 5.3.4 Message size exceeds fixed limit")
                        .setting());
    }

    @Test
    void aReadTimeoutOffersTheConnectionSecurity() {
        Diagnosis d = explain("Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>");
        // since the read-timeout reading (TrainTailReadingsTest) the connection security is the answer itself
        assertTrue(d.setting() == Setting.SECURITY || Pasted.offers(d, Setting.SECURITY), d.alternatives().toString());
    }

    @Test
    void aDisconnectWithoutAnyReplyIsTheConnectionSecurityButOneWithAReasonIsNot() {
        assertEquals(Setting.SECURITY,
                explain("MailKit.Net.Smtp.SmtpProtocolException: The SMTP server has unexpectedly disconnected.").setting());
        assertEquals(Setting.PASSWORD, explain("The SMTP server has unexpectedly disconnected: Authentication failed:"
                + " bad username / password").setting());
    }

    @Test
    void aMeaningIsReadInOneSentenceOnly() {
        ReplyVocabulary.Meaning m = ReplyVocabulary.builtIn().meaning("encryptedPasswordsUnsupported").orElseThrow();
        assertTrue(m.heldBy("the server does not seem to support encrypted passwords."));
        assertFalse(m.heldBy("your password was saved. encrypted connections are supported."));
    }

    @Test
    void theServersReplyIsNotReadAsTheProgramsWords() {
        String pasted = "Sending failed. The server responded: 550 5.7.1 no sender configured for relay";
        assertEquals("sending failed. the server responded: \n", ReplyParser.outsideReply(
                ReplyParser.wordsOf(pasted).toLowerCase(Locale.ROOT), "550 5.7.1 no sender configured for relay"));
        assertNotEquals("explain.meaning.sender_missing", explain(pasted).ruleId());
    }

    @Test
    void plainTextIsStillNotRecognised() {
        assertEquals(Verdict.NOT_RECOGNISED, explain("hello world, how are you today").verdict());
    }
}
