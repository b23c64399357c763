package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings found by running the sending errors of mail programs other than Thunderbird and classic Outlook (Apple
 * Mail on macOS, iPhone/iPad Mail, new Outlook, Windows Mail, eM Client, Mailbird, Spark, BlueMail, the Gmail app and
 * Samsung Email with other providers' accounts, Geary, Outlook Express) through {@code explain}, in English, German,
 * French, Spanish, Italian, Dutch and Portuguese: a server identity the program cannot verify, a recipient the server
 * refused with no reply quoted, a connection the program could not open or that the server refused on a port, a
 * server that does not respond, a user name the program calls wrong, a sign-in the program could not make, a secure
 * connection the program could not make, settings the program could not find (Windows Mail 0x8000000b), the Mail
 * app's sync process ending (0x8007042b), a request to sign in again, a sender
 * address the server refused. A program that says only that it could not send keeps the "sending failed, but not
 * why" page. None of these texts is taken from the corpus or catalogue; each family also has wordings that must keep
 * their other reading.
 */
class MailProgramWordingsTest {

    private static final Set<Setting> CERTIFICATE = EnumSet.of(Setting.CONTACT_PROVIDER,
            Setting.NETWORK_OR_FIREWALL, Setting.SERVER_HOST);
    private static final Set<Setting> CONNECTION = EnumSet.of(Setting.NETWORK_OR_FIREWALL, Setting.PORT,
            Setting.SERVER_HOST, Setting.SECURITY);
    private static final Set<Setting> CREDENTIALS = EnumSet.of(Setting.PASSWORD, Setting.APP_PASSWORD,
            Setting.USERNAME);

    @ParameterizedTest
    @ValueSource(strings = {
        // Apple Mail (macOS)
        "Mail ne peut pas vérifier l’identité de « mail.example.com ». Le certificat de ce serveur n’est pas valide.",
        "Mail no puede verificar la identidad de “mail.example.com”. El certificado de este servidor no es válido.",
        "Mail non riesce a verificare l’identità di “mail.example.com”. Il certificato per questo server non è valido.",
        // iPhone / iPad Mail
        "Serveridentität kann nicht überprüft werden. Die Identität von „mail.example.com“ kann von Mail nicht "
                + "überprüft werden.",
        "Impossible de vérifier l’identité du serveur. L’identité de « mail.example.com » ne peut pas être vérifiée "
                + "par Mail.",
        "No se puede verificar la identidad del servidor. Mail no puede verificar la identidad de “mail.example.com”.",
        "Impossibile verificare l’identità del server. Mail non può verificare l’identità di “mail.example.com”.",
        "Kan identiteit van server niet verifiëren. De identiteit van 'mail.example.com' kan niet worden "
                + "geverifieerd door Mail.",
        "Não é possível verificar a identidade do servidor. A identidade de “mail.example.com” não pode ser "
                + "verificada pelo Mail.",
    })
    void aServerIdentityTheProgramCannotVerifyIsTheCertificate(String pasted) {
        Diagnosis d = explain(pasted);
        assertTrue(CERTIFICATE.contains(d.setting()), pasted + " -> " + d.setting());
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
        assertTrue(offers(d, Setting.NETWORK_OR_FIREWALL) || d.setting() == Setting.NETWORK_OR_FIREWALL, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Please verify your identity to continue. We couldn't verify it's you.",
        "Unable to verify the identity of the sender: DKIM signature missing.",
    })
    void anIdentityThatIsNotTheServersIsNoCertificate(String pasted) {
        assertFalse(CERTIFICATE.contains(explain(pasted).setting()), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Cannot Send Mail. A copy has been placed in your Outbox. The recipient “bob@other.net” was rejected by the "
                + "server.",
        "E-Mail kann nicht gesendet werden. Eine Kopie wurde in deinen Postausgang gelegt. Der Empfänger "
                + "„bob@other.net“ wurde vom Server abgelehnt.",
        "Impossible d’envoyer le courrier. Une copie a été placée dans votre boîte d’envoi. Le destinataire "
                + "« bob@other.net » a été refusé par le serveur.",
        "No se puede enviar el correo. Se ha guardado una copia en la bandeja de salida. El servidor ha rechazado al "
                + "destinatario “bob@other.net”.",
        "Impossibile inviare la posta. Una copia è stata messa nella casella d’uscita. Il destinatario "
                + "“bob@other.net” è stato rifiutato dal server.",
        "Kan e-mail niet versturen. Er is een kopie in je outbox geplaatst. De ontvanger 'bob@other.net' is door de "
                + "server geweigerd.",
        "Não é possível enviar e-mail. Uma cópia foi colocada na sua Caixa de Saída. O destinatário "
                + "“bob@other.net” foi rejeitado pelo servidor.",
    })
    void aRecipientRefusedWithNoReplyIsTheRecipientThenSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.AUTH_METHOD), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Der Empfänger „bob@other.net“ wurde vom Server abgelehnt: 550 5.1.1 User unknown",
        "The recipient “bob@other.net” was rejected by the server because the mailbox is unknown.",
    })
    void aRecipientTheServerDoesNotKnowKeepsTheRecipientReading(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // new Outlook
        "Wir konnten keine Verbindung mit dem ausgehenden SMTP-Server herstellen. Überprüfen Sie Ihre "
                + "SMTP-Servereinstellungen.",
        "Nous n’avons pas pu nous connecter au serveur SMTP sortant. Vérifiez les paramètres de votre serveur SMTP.",
        "No pudimos conectarnos al servidor SMTP saliente. Compruebe la configuración del servidor SMTP.",
        "Non è stato possibile connettersi al server SMTP in uscita. Controlla le impostazioni del server SMTP.",
        "We're having trouble connecting to smtp.example.com. Please check your server name and port.",
        "Unable to reach the SMTP server.",
        // Gmail app and Samsung Email
        "Couldn't open connection to server.",
        "No se pudo abrir la conexión con el servidor.",
        "Impossibile aprire la connessione al server.",
        "Kan geen verbinding met de server maken.",
        "Kan verbinding met server niet openen.",
        "Não foi possível conectar ao servidor.",
        "Verbindung zum Server nicht möglich. Überprüfen Sie Ihre Servereinstellungen.",
        // iPhone / iPad Mail: a server that does not answer
        "Não é possível enviar e-mail. O servidor de e-mail “smtp.example.com” não está respondendo. Verifique se "
                + "você digitou as informações corretas da conta nos ajustes do Mail.",
        // Apple Mail: a connection refused on a port
        "No se puede enviar el mensaje usando el servidor smtp.example.com. El servidor “smtp.example.com” no ha "
                + "permitido la conexión en el puerto 587.",
        "Não é possível enviar a mensagem usando o servidor smtp.example.com. O servidor “smtp.example.com” "
                + "recusou-se a permitir uma conexão na porta 587.",
    })
    void aConnectionTheProgramCouldNotMakeIsTheConnection(String pasted) {
        Diagnosis d = explain(pasted);
        assertTrue(CONNECTION.contains(d.setting()), pasted + " -> " + d.setting());
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Não foi possível entrar. O servidor não está respondendo.",
        "Kan niet inloggen: de server reageert niet.",
        "Anmeldung nicht möglich. Der Server antwortet nicht.",
    })
    void aSignInBesideAServerThatDoesNotAnswerIsTheConnection(String pasted) {
        Diagnosis d = explain(pasted);
        assertTrue(CONNECTION.contains(d.setting()), pasted + " -> " + d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Impossibile connettersi al server: autenticazione non riuscita.",
        "O servidor de e-mail não está respondendo porque o nome do servidor DNS não foi encontrado.",
    })
    void aConnectionSentenceWithAnotherReasonKeepsThatReason(String pasted) {
        Diagnosis d = explain(pasted);
        assertTrue(d.setting() == Setting.PASSWORD || d.setting() == Setting.SERVER_HOST, pasted);
        assertNotEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Apple Mail
        "Enter the password for the SMTP server “smtp.example.com”. Mail couldn’t log in with the password you "
                + "entered.",
        // new Outlook
        "Non è stato possibile eseguire l'accesso. Controlla il nome utente e la password.",
        "Não foi possível entrar. Verifique seu nome de usuário e senha.",
        // Gmail app
        "Outgoing server settings error. Username or authentication type is incorrect.",
        "Connexion impossible. Le nom d'utilisateur ou le type d'authentification est incorrect.",
        "No se pudo acceder. El nombre de usuario o el tipo de autenticación son incorrectos.",
        "Impossibile accedere. Il nome utente o il tipo di autenticazione non è corretto.",
        "Kan niet inloggen. Gebruikersnaam of verificatietype is onjuist.",
        "Verificatie mislukt.",
        // Outlook Express 0x800CCC91
        "Your user name was rejected. Error Number: 0x800CCC91",
        // Postbox (Thunderbird's words) in French: "connexion" here is the login
        "Échec de la connexion au serveur smtp.example.com avec le nom d’utilisateur jane.",
        // new Outlook
        "Your account needs attention. Sign in again to keep syncing.",
        // Outlook for Mac
        "Outlook konnte sich nicht am SMTP-Server anmelden. Überprüfen Sie Benutzername und Kennwort.",
        "Outlook no pudo iniciar sesión en el servidor SMTP. Compruebe el nombre de usuario y la contraseña.",
        // Outlook for iOS and Android
        "Credenziali non valide. Controlla nome utente e password.",
        "Credenciales no válidas. Compruebe el nombre de usuario y la contraseña.",
        "Credenciais inválidas. Verifique seu nome de usuário e senha.",
    })
    void aSignInTheProgramCouldNotMakeIsTheCredentials(String pasted) {
        Diagnosis d = explain(pasted);
        assertTrue(CREDENTIALS.contains(d.setting()), pasted + " -> " + d.setting());
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Verificatie van het certificaat mislukt.",
        "Kan niet inloggen via de webbrowser. Gebruik een app-wachtwoord.",
    })
    void aCertificateOrBrowserSentenceIsNoRefusedPassword(String pasted) {
        assertNotEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Couldn't safely connect to server.",
        "Es kann keine sichere Verbindung zum Server hergestellt werden.",
        "The server doesn't support the security type you selected.",
        "Impossible de se connecter au serveur de manière sécurisée.",
        "No se ha podido establecer una conexión segura con el servidor.",
        "Não foi possível conectar-se com segurança ao servidor.",
        "No se puede conectar mediante SSL. ¿Quieres configurar la cuenta sin SSL?",
        "Unable to connect securely to the server. Check the security type.",
        "Cannot send message using the server smtp.example.com. The server “smtp.example.com” doesn’t support SSL "
                + "connections on port 587.",
    })
    void aSecureConnectionTheProgramCouldNotMakeIsTheSecurity(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SECURITY, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Es kann keine sichere Verbindung zum Server hergestellt werden: Das Zertifikat ist abgelaufen.",
        "No se puede conectar con el servidor: el certificado del servidor ha caducado.",
    })
    void anExpiredCertificateKeepsItsReading(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertTrue(d.title().toLowerCase(java.util.Locale.ROOT).contains("expired"), d.title());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Something went wrong. We couldn't find your settings. Error code: 0x8000000b",
        "Ein Fehler ist aufgetreten. Wir konnten Ihre Einstellungen nicht finden. Fehlercode: 0x8000000b",
        "Un problème est survenu. Nous n’avons pas trouvé vos paramètres. Code d’erreur : 0x8000000b",
        "Algo salió mal. No pudimos encontrar la configuración. Código de error: 0x8000000b",
        "Si è verificato un problema. Non è stato possibile trovare le impostazioni. Codice di errore: 0x8000000b",
        "Er is iets misgegaan. We kunnen uw instellingen niet vinden. Foutcode: 0x8000000b",
        "Algo deu errado. Não foi possível encontrar suas configurações. Código de erro: 0x8000000b",
    })
    void windowsMailFindingNoSettingsIsTheServerEnteredByHand(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SERVER_HOST, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.PASSWORD), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Something went wrong. Error code: 0x8007042b. The process terminated unexpectedly.",
        "Ein Fehler ist aufgetreten. Fehlercode: 0x8007042b",
    })
    void windowsMailsSyncProcessEndingIsTheFirewallFirst(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.SERVER_HOST), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sending reported error (0x800CCC79) : An unknown error has occurred.",
        "Error Number: 0x800CCC79",
    })
    void outlookRecipientsRefusedWithNoReplyIsSignInThenTheRecipient(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.RECIPIENT_ADDRESS), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sending reported error (0x800CCC91) : An unknown error has occurred.",
        "Error Number: 0x800CCC91",
    })
    void outlookUserNameRefusedIsTheUserName(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.USERNAME, d.setting(), pasted);
        assertTrue(offers(d, Setting.PASSWORD), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The message could not be sent because one of the recipients was rejected by the server. The rejected e-mail "
                + "address was 'bob@other.net'. Server Response: '550 5.1.1 User unknown', Error Number: 0x800CCC79",
    })
    void outlookRecipientsRefusedWithAReplyKeepsTheReply(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Something went wrong. Error code: 0x80072746",
    })
    void aConnectionClosedByTheServerKeepsItsReading(String pasted) {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Het adres van de afzender 'jane@example.org' is door de server 'smtp.example.com' geweigerd.",
    })
    void aSenderAddressTheServerRefusedIsTheSender(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Something went wrong. We couldn't send your message.",
        "Wir konnten Ihre Nachricht nicht senden. Versuchen Sie es später erneut.",
        "Nous n’avons pas pu envoyer votre message. Réessayez plus tard.",
        "No pudimos enviar el mensaje. Vuelva a intentarlo más tarde.",
        "Non è stato possibile inviare il messaggio. Riprova più tardi.",
        "We konden uw bericht niet verzenden. Probeer het later opnieuw.",
        "Não foi possível enviar sua mensagem. Tente novamente mais tarde.",
        "Couldn't send email. The message will remain in your outbox.",
        "Email sending failed.",
        "Unable to send message.",
    })
    void aProgramSayingOnlyThatItCouldNotSendKeepsTheNoCausePage(String pasted) {
        Diagnosis d = explain(pasted);
        assertFalse(d.recognised(), pasted + " -> " + d.ruleId());
        assertEquals(Setting.NONE, d.setting(), pasted);
        assertEquals("This message says that sending failed, but not why.", d.title(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Outgoing server settings error.",
        "Select a different outgoing mail server from the list below or click Try Later to leave the message in "
                + "your Outbox until it can be sent.",
        "The account “Work” is offline. Mail will try to send the message later.",
        "An email could not be sent. Geary encountered a problem sending email for jane@example.com.",
    })
    void aProgramsBareDialogJudgesNoSetting(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NONE, d.setting(), pasted + " -> " + d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Could not send the message: 535 5.7.8 Authentication credentials invalid",
        "Couldn't send the message because the connection to the server timed out.",
        "Impossible d'envoyer le message : le message est trop volumineux.",
        "Outgoing server settings error: the password is incorrect.",
    })
    void aCouldNotSendSentenceWithAReasonKeepsTheReason(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Setting.SERVER_HOST, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Could not send the message. Reason: the sendmail program exited with status 127.",
        "hello world",
    })
    void aCouldNotSendSentenceBesideAnotherProgramsDetailOrNoMailAtAllIsNotRead(String pasted) {
        assertFalse(explain(pasted).recognised(), pasted);
    }
}
