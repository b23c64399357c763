package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings found by running wordings of mail server software, hosting panels, sending services and mailbox
 * providers the corpus barely has (hMailServer, Sina/QQ, Yandex, IceWarp and others) and of mail programs quoting
 * them in German, French, Spanish, Italian, Dutch and Portuguese through {@code explain}: SMTP not switched on for
 * the account, a message too big, greylisting named in the local language, a server that demands an encrypted
 * connection, a server that does not relay, a sign-in mechanism switched off, a sending frequency or message count
 * limit, a sender not verified at a sending service, a recipient's mailbox full, the sender's IP address blocked and
 * a count of messages per hour or day exceeded, the last three worded in the server's own language, and the port field
 * of Outlook's Italian, Spanish and Dutch wrapper, which is no reply code. None of these
 * texts is taken from the corpus or catalogue; each family also has wordings that must keep their other reading.
 */
class ServerSoftwareWordingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Authentication failed, please open smtp flag first!",
        "SMTP-Dienst ist für dieses Konto nicht aktiviert. Aktivieren Sie POP3/IMAP/SMTP in den Einstellungen.",
        "Le service SMTP n'est pas activé pour ce compte. Activez-le dans les paramètres du webmail.",
        "El servicio SMTP no está habilitado para esta cuenta.",
        "Il servizio SMTP non è abilitato per questo account.",
        "SMTP is niet ingeschakeld voor dit account.",
        "O serviço SMTP não está ativado para esta conta.",
    })
    void smtpNotSwitchedOnForTheAccountIsTheProviderSwitch(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
        "535 5.7.8 Authentication failed: SMTP access is disabled for this account",
    })
    void smtpAuthSwitchedOffKeepsItsReading(String pasted) {
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Il messaggio è troppo grande per il server. Dimensione massima: 20 MB.",
        "Die E-Mail ist zu groß für den Postausgangsserver.",
        "El correo es demasiado grande para enviarlo.",
        "Der Anhang ist zu groß. Maximal 25 MB sind erlaubt.",
        "La pièce jointe est trop volumineuse.",
        "L'allegato è troppo grande.",
        "De bijlage is te groot.",
        "O anexo é muito grande.",
    })
    void aMessageTooBigInAnyLanguageIsTheMessageSize(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sorry, this message could not be sent. Please try again, and make sure your message is not too large.",
        "552 5.2.2 Mailbox too large, the recipient has no space left",
    })
    void aSizeTheTextDeniesOrAMailboxSizeIsNoMessageTooBig(String pasted) {
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "El servidor rechazó temporalmente el mensaje (lista gris). Se reintentará más tarde.",
        "O servidor recusou temporariamente a mensagem (lista cinza). Tente novamente mais tarde.",
        "Messaggio rinviato: mittente in lista grigia, riprovare fra qualche minuto.",
    })
    void greylistingNamedInTheLocalLanguageIsWaitAndRetry(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "530 A SSL/TLS-connection is required for authentication.",
        "Der Server verlangt eine verschlüsselte Verbindung (STARTTLS), bevor Sie sich anmelden.",
        "Le serveur exige une connexion chiffrée avant l'authentification.",
        "El servidor exige una conexión cifrada antes de autenticarse.",
        "Il server richiede una connessione crittografata prima dell'autenticazione.",
        "O servidor exige uma conexão criptografada antes da autenticação.",
        "530 Verbindung muss verschlüsselt sein",
        "530 La connexion doit être chiffrée",
    })
    void aServerThatDemandsEncryptionIsTheConnectionSecurity(String pasted) {
        assertEquals(Setting.SECURITY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Der Server verlangt ein gültiges Zertifikat für die verschlüsselte Verbindung: Zertifikat abgelaufen",
        "Le serveur exige un mot de passe chiffré",
    })
    void encryptionWordsBesideACertificateOrPasswordKeepTheirReading(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals("explain.meaning.encryption_demanded", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 This server does not relay. Sign in with your account before sending.",
        "550 Sorry, we don't relay mail for unknown hosts",
    })
    void aServerThatDoesNotRelayAsksToSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Authentication mechanism CRAM-MD5 is disabled",
        "535 Authentication method DIGEST-MD5 not allowed",
    })
    void aSignInMechanismSwitchedOffIsTheAuthenticationMethod(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Connection frequency limited",
        "550 Ip frequency limited",
        "550 5.7.1 Numero massimo di messaggi inviati superato, riprova più tardi",
        "554 Nombre maximal de messages envoyés atteint pour aujourd'hui",
    })
    void aFrequencyOrMessageCountLimitIsWaitAndRetry(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "452 4.5.3 Maximum number of recipients exceeded",
    })
    void aRecipientCountIsNoSendingLimit(String pasted) {
        assertNotEquals("explain.meaning.message_count_exceeded", explain(pasted).ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Absender nicht verifiziert: bitte bestätigen Sie die Adresse im Dashboard",
        "Expéditeur non vérifié : confirmez l'adresse dans votre compte",
    })
    void aSenderNotVerifiedAtTheSendingServiceIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "552 Speicherplatz des Empfängers ist erschöpft",
        "552 La boîte de réception du destinataire est pleine",
        "552 El buzón del destinatario está lleno",
        "552 La casella del destinatario è piena",
        "552 A caixa postal do destinatário está cheia",
    })
    void aRecipientsMailboxFullInTheServersLanguageIsTheRecipient(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 Ihre IP-Adresse ist gesperrt (dynamische IP). Bitte nutzen Sie den Server Ihres Providers.",
        "554 Votre adresse IP est bloquée (adresse dynamique). Utilisez le serveur de votre fournisseur.",
        "554 Su dirección IP está bloqueada (IP dinámica).",
        "554 Il tuo indirizzo IP è bloccato (IP dinamico).",
        "554 Uw IP-adres is geblokkeerd (dynamisch IP-adres).",
        "554 Seu endereço IP está bloqueado (IP dinâmico).",
    })
    void theSendersIpAddressBlockedInTheServersLanguageIsTheNetwork(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "421 Ihre IP-Adresse wurde wegen zu vieler fehlgeschlagener Anmeldungen gesperrt",
        "554 Votre adresse IP est bloquée : trop de tentatives de connexion avec un mot de passe incorrect",
    })
    void anIpBlockedForFailedSignInsIsNotTheNetwork(String pasted) {
        assertNotEquals("explain.meaning.ip_address_blocked_translated", explain(pasted).ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Ha superado el número de envíos permitidos por hora.",
        "550 Anzahl der gesendeten Nachrichten pro Stunde überschritten",
        "550 Nombre de messages envoyés par jour dépassé",
    })
    void aCountOfMessagesPerHourOrDayExceededIsWaitAndRetry(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Impossibile inviare il messaggio. Risposta del server: '552 Message size exceeds maximum permitted', Porta: 465,"
                + " Protetta (SSL): Sì, Errore del server: 552, Numero errore: 0x800CCC6F",
        "Error al enviar. Respuesta del servidor: '552 Message size exceeds maximum permitted', Puerto: 465, Seguro (SSL):"
                + " Sí, Error del servidor: 552, Número de error: 0x800CCC6F",
        "Fout bij verzenden. Serverantwoord: '552 Message size exceeds maximum permitted', Poort: 465, Secure (SSL): Ja,"
                + " Serverfout: 552, Foutnummer: 0x800CCC6F",
    })
    void theTranslatedPortFieldOfAnOutlookWrapperIsNoReplyCode(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting(), pasted);
    }
}
