package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of the seventh pass over the train split's tail, each written as the general meaning an expert reads in
 * the words rather than as one program's sentence: a timeout while reading (the connection was made, then silence)
 * is the connection security, not a blocked port; a certificate error that names an antivirus shield or inspecting
 * proxy is interception; and the sign-in, password, server-not-found, closed-connection and no-secure-connection
 * sentences of scanners and mail programs in six languages. The wordings below are of other libraries, devices and
 * languages than the corpus records that prompted them.
 */
class TrainTailReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "socket.timeout: The read operation timed out",
        "read tcp 10.0.0.2:51234->198.51.100.7:465: i/o timeout",
        "Zeitüberschreitung beim Lesen der Serverantwort",
        "Délai de lecture dépassé pour la réponse du serveur SMTP",
        "Timeout while reading the SMTP greeting",
        "org.apache.commons.mail.EmailException: Sending the email failed; java.net.SocketTimeoutException: Read timed out",
    })
    void silenceAfterTheConnectionWasMadeIsTheConnectionSecurity(String pasted) {
        assertEquals(FailureKind.READ_TIMEOUT, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        // the words do not say which side waited: unsure, with the port and the network next
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.PORT), pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dial tcp 198.51.100.7:587: i/o timeout",
        "connect ETIMEDOUT 198.51.100.7:587",
        "Connection timed out",
    })
    void aTimeoutBeforeTheConnectionWasMadeStaysTheNetwork(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertNotEquals("explain.timeout.silent_after_connect", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\" while"
                + " trying to verify candidate authority certificate \"Kaspersky Anti-Virus Personal Root Certificate\")",
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain"
                + " (issuer: ESET SSL Filter CA)",
        "javax.net.ssl.SSLHandshakeException: PKIX path building failed: issuer CN=FortiGate CA, O=Fortinet",
        "The certificate for smtp.example.com is not trusted: it was issued by Avast Web/Mail Shield Root",
        "Zertifikat nicht vertrauenswürdig: ausgestellt von Bitdefender Personal CA",
    })
    void aCertificateErrorNamingAnInspectingProductIsInterceptionOnTheUsersSide(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals("explain.cert.interceptor_named", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // "eset" inside another word is not the product
        "javax.net.ssl.SSLHandshakeException: PKIX path building failed; the peer sent a reset",
        "certificate verify failed: unable to get local issuer certificate (preset trust store)",
    })
    void aProductNameInsideAnotherWordIsNoInterception(String pasted) {
        assertNotEquals("explain.cert.interceptor_named", explain(pasted).ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Die Verbindung zum Server wurde unerwartet beendet.",
        "La connexion au serveur a été fermée de manière inattendue.",
        "La conexión con el servidor se ha cerrado inesperadamente.",
        "La connessione al server è stata chiusa inaspettatamente.",
        "De verbinding met de server is onverwacht gesloten.",
        "A ligação ao servidor foi encerrada inesperadamente.",
    })
    void aConnectionClosedOrTerminatedInAnyLanguageIsAClosedConnection(String pasted) {
        assertEquals(FailureKind.CONNECTION_CLOSED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, explain(pasted).verdict(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Anmeldung beim Postausgangsserver (SMTP) fehlgeschlagen",
        "Inicio de sesión en el servidor saliente (SMTP) fallido",
        "Accesso al server in uscita (SMTP) non riuscito",
        "Aanmelden bij de uitgaande server (SMTP) is mislukt",
        "Falha no login no servidor de envio (SMTP)",
        "L'identification auprès du serveur SMTP a échoué.",
        "Le mot de passe est incorrect.",
        "La contraseña no es válida.",
        "La password non è corretta.",
        "El nombre de usuario o la contraseña de \"smtp.example.es\" no son correctos.",
        "Il nome utente o la password per \"smtp.example.it\" non sono corretti.",
        "Het wachtwoord is onjuist.",
        "A senha está incorreta.",
    })
    void aRefusedSignInOrAWrongPasswordInAnyLanguageIsThePassword(String pasted) {
        assertEquals(FailureKind.AUTH_REJECTED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a sign-in that is asked for, or refused for trying too often, is not a wrong password
        "Anmeldung erforderlich, bevor Nachrichten gesendet werden können",
        "Zu viele fehlgeschlagene Anmeldungen, bitte später erneut versuchen",
        "Demasiados intentos de inicio de sesión fallidos, inténtelo más tarde",
    })
    void aSignInThatIsRequiredOrThrottledIsNoRefusedPassword(String pasted) {
        assertNotEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP server not found. Check the SMTP server address.",
        "SMTP-Server nicht gefunden. Prüfen Sie die Serveradresse.",
        "Serveur SMTP introuvable.",
        "Servidor SMTP no encontrado.",
        "Server SMTP non trovato.",
    })
    void aMailServerThatWasNotFoundIsTheServerName(String pasted) {
        assertEquals(FailureKind.UNKNOWN_HOST, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertEquals(Setting.SERVER_HOST, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Recipient not found on the SMTP server",
        "User not found on mail server",
    })
    void aRecipientOrUserNotFoundIsNoUnknownServer(String pasted) {
        assertNotEquals(FailureKind.UNKNOWN_HOST, ReplyParser.parse(pasted).failureKind().orElse(null), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Server does not support SSL/TLS",
        "Der Server unterstützt keine verschlüsselte Verbindung (SSL/TLS).",
        "Le serveur ne prend pas en charge les connexions sécurisées.",
        "El servidor no admite conexiones seguras (SSL).",
        "Il server non supporta connessioni sicure.",
        "De server ondersteunt geen beveiligde verbinding.",
        "O servidor não suporta conexão segura.",
    })
    void aServerWithoutSecureConnectionsIsTheConnectionSecurity(String pasted) {
        assertEquals(FailureKind.STARTTLS_NOT_OFFERED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertTrue(offers(d, Setting.PORT), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le serveur ne prend pas en charge cette version du protocole TLS",
        "The server does not support the SSL certificate of the client",
        "Der Server unterstützt keine Authentifizierung über TLS-Methode PLAIN",
        "The server does not support SSL v3",
    })
    void aServerWithoutAVersionCertificateOrMethodIsNotWithoutEncryption(String pasted) {
        assertNotEquals(FailureKind.STARTTLS_NOT_OFFERED, ReplyParser.parse(pasted).failureKind().orElse(null),
                pasted);
    }
    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP 服务器身份验证失败，请检查用户名和密码。",
        "서버 인증에 실패했습니다. 사용자 이름과 암호를 확인하십시오.",
        "Не удалось выполнить вход на сервер исходящей почты (SMTP). Проверьте пароль.",
        "Uwierzytelnianie nie powiodło się. Sprawdź nazwę użytkownika i hasło.",
        "Kimlik doğrulama başarısız oldu",
    })
    void aFailedSignInInChineseKoreanRussianPolishOrTurkishIsThePassword(String pasted) {
        assertEquals(FailureKind.AUTH_REJECTED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a sign-in that is asked for, or the method, is not a refused password in these languages either
        "Для отправки почты требуется аутентификация",
        "Wymagane uwierzytelnianie: metoda nie jest obsługiwana, błąd",
    })
    void aRequiredSignInOrMethodInOtherLanguagesIsNoRefusedPassword(String pasted) {
        assertNotEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Не удалось найти сервер smtp.example.ru",
        "Nie można znaleźć serwera smtp.example.pl",
        "Sunucu bulunamadı: smtp.example.com.tr",
    })
    void aServerNotFoundInRussianPolishOrTurkishIsTheServerName(String pasted) {
        assertEquals(FailureKind.UNKNOWN_HOST, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertEquals(Setting.SERVER_HOST, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Превышено время ожидания соединения",
        "Przekroczono czas oczekiwania na połączenie",
        "Bağlantı zaman aşımına uğradı",
        "연결 시간이 초과되었습니다",
    })
    void aConnectionTimeoutInOtherLanguagesIsAConnectionThatWasNeverMade(String pasted) {
        assertEquals(FailureKind.CONNECT_TIMEOUT, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "サーバーとの接続が予期せず切断されました",
        "与服务器的连接已断开",
        "Соединение с сервером было разорвано",
        "Połączenie z serwerem zostało przerwane",
        "Sunucu ile bağlantı kesildi",
        "서버와의 연결이 끊어졌습니다",
    })
    void aConnectionCutInOtherLanguagesIsAClosedConnection(String pasted) {
        assertEquals(FailureKind.CONNECTION_CLOSED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sh: 1: /usr/sbin/sendmail: not found",
        "/usr/sbin/sendmail: No such file or directory",
        "mail(): Failed to connect to mailserver at \"localhost\" port 25, verify your \"SMTP\" and \"smtp_port\""
                + " setting in php.ini or use ini_set()",
        "java.io.IOException: Cannot run program \"sendmail\": error=2, No such file or directory",
    })
    void aMissingLocalMailProgramIsTheServerSettingNotThePort(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Error: 550-Requested action not taken: mailbox unavailable",
        "Net::SMTPFatalError: 550-Requested action not taken: mailbox unavailable",
        "Mailer error: 550-Requested action not taken -- mailbox unavailable",
    })
    void theLoneFirstLineOfASubmissionServersMailboxRefusalIsTheSenderUnsure(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.RECIPIENT_ADDRESS), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "RCPT TO:<bob@example.de> failed: 550-Requested action not taken: mailbox unavailable",
        "SMTP Error: The following recipients failed: bob@example.de: 550-Requested action not taken: mailbox"
                + " unavailable",
        "<bob@example.de>: host mx00.ionos.de[212.227.15.41] said: 550-Requested action not taken: mailbox"
                + " unavailable (in reply to RCPT TO command)",
        "550 Requested action not taken: mailbox unavailable",
    })
    void aMailboxRefusalForANamedRecipientOrWithItsFullLineIsTheRecipient(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }
    @ParameterizedTest
    @ValueSource(strings = {
        "curl: (90) SSL: public key does not match pinned public key",
        "javax.net.ssl.SSLPeerUnverifiedException: Certificate pinning failure!",
        "fetchmail: mail.example.com fingerprints do not match!",
    })
    void aPinnedCertificateThatNoLongerMatchesIsAnOutOfDatePin(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
        assertTrue(offers(d, Setting.CONTACT_PROVIDER), pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "org.apache.commons.mail.EmailException: Sending the email to the following server failed : smtp.example.com:25;"
                + " Can't send command to SMTP host",
        "com.sun.mail.smtp.SMTPSendFailedException: Cannot send command to SMTP host",
    })
    void aCommandThatCouldNotBeSentMeetsAConnectionAlreadyClosed(String pasted) {
        assertEquals(FailureKind.CONNECTION_CLOSED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Zu viele Anmeldeversuche. Bitte versuchen Sie es später erneut.",
        "Trop de tentatives de connexion. Veuillez réessayer plus tard.",
        "Demasiados intentos de inicio de sesión. Inténtelo de nuevo más tarde.",
        "Troppi tentativi di accesso. Riprova più tardi.",
        "Te veel inlogpogingen. Probeer het later opnieuw.",
        "Muitas tentativas de login. Tente novamente mais tarde.",
    })
    void tooManySignInAttemptsInAnyLanguageIsWaiting(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Limite giornaliero di invio superato",
        "554 Tageslimit für den Versand erreicht",
        "550 Se ha superado el límite diario de envío",
    })
    void aSendingLimitInTheProvidersLanguageIsWaiting(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "553 Para enviar mensajes es necesario autenticarse",
        "550 Per inviare posta è necessaria l'autenticazione SMTP",
        "530 Authentifizierung erforderlich",
        "550 Authentification requise pour envoyer des messages",
    })
    void aSignInRequiredInTheProvidersLanguageIsTheSignInSetting(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }
    @ParameterizedTest
    @ValueSource(strings = {
        "553 relay check fail",
        "554 5.7.1 Relay check error for <bob@example.org>",
    })
    void aFailedRelayCheckIsARefusedRelay(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "relay failed: could not resolve smtp.example.com",
        "postfix/smtp: connect to relay host smtp.example.com failed",
    })
    void aRelayServerThatFailedIsNoRefusedRelay(String pasted) {
        assertNotEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }
    @ParameterizedTest
    @ValueSource(strings = {
        "521 5.2.1 : (CON:B1) https://postmaster.aol.com/error-codes#554conb1",
        "521 5.3.2 mail.example.com does not accept mail",
        "521 Connection rejected",
    })
    void aHostThatAcceptsNoMailFromYouIsTheNetworkNotTheMailbox(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence(), pasted);
    }
    @ParameterizedTest
    @ValueSource(strings = {
        "Net::SMTPFatalError (555 5.5.2 Syntax error. x12sm345678pgj.35 - gsmtp)",
        "smtplib.SMTPRecipientsRefused: {'': (555, b'5.5.2 Syntax error, cannot decode response.')}",
    })
    void anUnreadableAddressOffersTheSenderWhenTheTextDoesNotSayWhose(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(d.setting() == Setting.SENDER_ADDRESS || offers(d, Setting.SENDER_ADDRESS), d.ruleId());
    }
    @ParameterizedTest
    @ValueSource(strings = {
        "550 Ihr Konto wurde gesperrt",
        "554 Votre compte a été suspendu",
        "550 Su cuenta ha sido suspendida",
        "550 Il tuo account è stato sospeso",
        "550 Uw account is geblokkeerd",
        "550 Sua conta foi suspensa",
    })
    void aSuspendedAccountInTheProvidersLanguageIsTheProviders(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // access by mail program switched off is a switch the user can turn on, not a suspended account
        "Der SMTP-Zugriff für Ihr Konto ist deaktiviert",
        "Zu viele Anmeldeversuche, Ihr Konto wurde vorübergehend gesperrt",
    })
    void aSwitchedOffAccessOrAThrottleIsNoSuspendedAccount(String pasted) {
        assertNotEquals("explain.meaning.account_suspended", explain(pasted).ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Verschlüsselung erforderlich",
        "Chiffrement requis : utilisez STARTTLS",
        "Se requiere cifrado (STARTTLS)",
        "È richiesta una connessione sicura",
        "Versleuteling vereist",
        "Criptografia obrigatória",
    })
    void encryptionRequiredInAnyLanguageIsTheConnectionSecurity(String pasted) {
        assertEquals(FailureKind.TLS_REQUIRED_BY_SERVER, ReplyParser.parse(pasted).failureKind().orElseThrow(),
                pasted);
        assertEquals(Setting.SECURITY, explain(pasted).setting(), pasted);
    }
}
