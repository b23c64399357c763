package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Setting;

/**
 * Families of pasted sign-in and connection errors read by their structure or their meaning words, each worded the
 * way several programs, libraries and servers word it: numbered library error codes (libEtPan, lettre), a code a
 * program puts in brackets, an app's sign-in failure that quotes no refusal, a sign-in refused by a server other
 * than the one set, localized system and mail-program sentences, and configuration echoes that are no failure.
 */
class WrapperAndCodeFamiliesTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    static Stream<Arguments> families() {
        return Stream.of(
                // libEtPan's numbered errors (mailsmtp_types.h) as Mailspring and MailCore print them
                Arguments.of("mailsmtp Last Error Code: 27\nmailsmtp Last Error Location: 5", Setting.SECURITY),
                Arguments.of("mailsmtp Last Error Code: 22", Setting.SECURITY),
                Arguments.of("sendOutboxEmail error: MAILSMTP_ERROR_CONNECTION_REFUSED", Setting.PORT),
                // lettre prints the reply code as its three enumerations
                Arguments.of("Error: lettre::transport::smtp::Error { kind: Permanent(Code { severity:"
                        + " PermanentNegativeCompletion, category: Unspecified3, detail: Five }) }", Setting.PASSWORD),
                Arguments.of("send failed: Transient(Code { severity: TransientNegativeCompletion, category:"
                        + " MailSystem, detail: Zero })", Setting.WAIT_AND_RETRY),
                // a reply code in brackets after the program's own words
                Arguments.of("Error: permanent error (535): sign-in refused", Setting.PASSWORD),
                // an app's "authentication failed" quoting an empty or positive code: no password was refused
                Arguments.of("SMTP-Fehler (): Authentifizierung fehlgeschlagen.", Setting.SECURITY),
                Arguments.of("Erreur SMTP (250) : Échec de l'authentification.", Setting.SECURITY),
                Arguments.of("SMTP Error (535): Authentication failed.", Setting.PASSWORD),
                // "connection refused" as the C library says it in other languages
                Arguments.of("SMTP-Fehler: connect() fehlgeschlagen: Verbindung verweigert", Setting.PORT),
                Arguments.of("Errore SMTP: impossibile aprire il socket: Connessione rifiutata", Setting.PORT),
                Arguments.of("PHP Warning: fsockopen(): unable to connect to smtp.example.pt:587 (Conexão recusada)",
                        Setting.PORT),
                // TLS broken off, as Mono, Apple's CFNetwork and mail apps say it
                Arguments.of("System.IO.IOException: The authentication or decryption has failed. --->"
                        + " Mono.Security.Protocol.Tls.TlsException", Setting.SECURITY),
                Arguments.of("CFNetwork SSLHandshake failed (-9806)", Setting.SECURITY),
                Arguments.of("Account setup failed: could not open a secure TLS connection to smtp.example.org",
                        Setting.SECURITY),
                // .NET's SslStream calls its handshake "authentication": a TLS failure, never a password
                Arguments.of("System.Security.Authentication.AuthenticationException: Authentication failed because"
                        + " the remote party has closed the transport stream.", Setting.SECURITY),
                Arguments.of("System.Net.Mail.SmtpException: Failure sending mail. ---> System.Security.Authentication"
                        + ".AuthenticationException: Authentication failed, see inner exception.", Setting.SECURITY),
                Arguments.of("The SMTP server \"smtp.example.org\" does not support SSL connections.",
                        Setting.SECURITY),
                // sign-in refused, in the words of devices and other languages
                Arguments.of("Scan to E-mail: SMTP authentication error (code 0x12)", Setting.PASSWORD),
                Arguments.of("Der Server smtp.example.de hat das Passwort abgelehnt.", Setting.PASSWORD),
                Arguments.of("O servidor smtp.example.pt recusou a palavra-passe.", Setting.PASSWORD),
                Arguments.of("Couldn't sign in to smtp.example.com. Check your user name and password.",
                        Setting.PASSWORD),
                // the certificate's name, as PHP's stream layer checks it
                Arguments.of("stream_socket_enable_crypto(): Peer certificate CN=`shared.hosting.example' did not"
                        + " match expected CN=`smtp.example.org'", Setting.SERVER_HOST),
                // a certificate without the name (or address) connected to, as Go, Python and Mono say it
                Arguments.of("x509: cannot validate certificate for 192.0.2.10 because it doesn't contain any IP SANs",
                        Setting.SERVER_HOST),
                Arguments.of("certificate verify failed: IP address mismatch, certificate is not valid for"
                        + " '192.0.2.10'. (_ssl.c:1006)", Setting.SERVER_HOST),
                Arguments.of("Invalid certificate received from server. Error code: 0xffffffff800b010f",
                        Setting.SERVER_HOST),
                // Apple Mail's certificate dialog on a large provider's server: something intercepts
                Arguments.of("Mail can’t verify the identity of the server smtp.gmail.com.", Setting.NETWORK_OR_FIREWALL),
                // Outlook's number for "none of the sign-in methods fits"
                Arguments.of("Sending reported error (0x800CCC80)", Setting.AUTH_METHOD),
                // connecting failed, in the wrappers of apps and of Thunderbird's and Outlook's translations
                Arguments.of("We could not communicate with your mail server. Check the outgoing mail settings.",
                        Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Send failed: error when connecting to the SMTP server smtp.example.net",
                        Setting.NETWORK_OR_FIREWALL),
                Arguments.of("No SMTP servers were available for example.org. Tried mx1.example.org",
                        Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Il messaggio non è stato inviato perché la connessione al server in uscita (SMTP)"
                        + " smtp.example.it non è riuscita.", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("El mensaje no se pudo enviar porque falló la conexión con el servidor de salida (SMTP)"
                        + " smtp.example.es.", Setting.NETWORK_OR_FIREWALL),
                // the name server refused to answer: the network's lookup, not a misspelt name
                Arguments.of("Error: queryA EREFUSED smtp.example.net", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("R=dnslookup defer (-1): host lookup did not complete", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Exim: host lookup for smtp.exmaple.org failed", Setting.SERVER_HOST),
                // no server name at all
                Arguments.of("stream_socket_client(): Unable to connect to tcp://:25 (Connection refused)",
                        Setting.SERVER_HOST),
                Arguments.of("Failed to connect to ssl://:465 [SMTP: Failed to connect socket]", Setting.SERVER_HOST),
                // sign-in mechanisms that do not fit
                Arguments.of("MailKit.Security.SaslException: Invalid SASL challenge from the server: UGFzc3dvcmQ6",
                        Setting.AUTH_METHOD),
                Arguments.of("smtp: server does not support SMTP AUTH type: CRAM-MD5", Setting.AUTH_METHOD),
                Arguments.of("Aucune des méthodes d'authentification prises en charge par ce client n'est prise en"
                        + " charge par votre serveur.", Setting.AUTH_METHOD),
                // the server could not decode the credentials sent: most often the user name or password as
                // encoded (round 17); a malformed OAuth token is the next reading, among the alternatives
                Arguments.of("Sending failed: 501 5.5.2 Cannot decode response", Setting.PASSWORD),
                // sign-in refused because the user is unknown: the user name, not a recipient (RFC 4954 codes)
                Arguments.of("535 5.7.8 Error: authentication failed: user unknown", Setting.USERNAME),
                Arguments.of("AUTH LOGIN failed: 535 Authentication failed: no such account", Setting.USERNAME),
                Arguments.of("Login failed: user does not exist (SMTP)", Setting.USERNAME),
                // the shortest wordings apps show: still their meaning
                Arguments.of("Sending failed: wrong password", Setting.PASSWORD),
                Arguments.of("Mail delivery error: Could not resolve smtp.exmaple.com", Setting.SERVER_HOST),
                Arguments.of("Error: socket hang up", Setting.SECURITY),
                Arguments.of("Send failed (TLS error)", Setting.SECURITY),
                // set to sign in, with nothing to sign in with: most often the password was never filled in (turning
                // sign-in off is the alternative)
                Arguments.of("Error: Missing credentials for \"LOGIN\"", Setting.PASSWORD),
                // mutt's report of the sending program's exit status (sysexits.h)
                Arguments.of("Error sending message, child exited 68 (Host unknown.).", Setting.SERVER_HOST),
                Arguments.of("Error sending message, child exited 77 (Insufficient permission.).", Setting.PASSWORD),
                // an app whose outgoing server was never set
                Arguments.of("Mail delivery is not configured: no SMTP server is configured for this site.",
                        Setting.SERVER_HOST),
                // a sending service that allows listed addresses only: sign in instead
                Arguments.of("550 5.7.1 Your IP address is not whitelisted for this account", Setting.AUTH_METHOD),
                Arguments.of("554 Sending from this IP is not allowed: IP address is not authorized to send",
                        Setting.AUTH_METHOD),
                // qmail and others on relaying
                Arguments.of("553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)",
                        Setting.AUTH_METHOD),
                Arguments.of("Server Response: '550 not local host example.net, not a gateway'", Setting.AUTH_METHOD),
                // the reply a library expected, empty: the sign-in step broke off
                Arguments.of("Expected response code \"334\" but got code \"\", with message \"\"",
                        Setting.PASSWORD));
    }

    @ParameterizedTest
    @MethodSource("families")
    void familyPointsAtItsSetting(String pasted, Setting expected) {
        Diagnosis d = DIAGNOSER.explain(pasted, ExplainContext.none());
        assertEquals(expected, d.setting(), () -> d.ruleId() + ": " + pasted);
    }

    @Test
    void signInRefusedOnPort25InTheServersOwnWordsPointsAtTheSubmissionPort() {
        for (String reply : new String[] {"503 5.5.1 Error: authentication not enabled",
            "504 5.7.4 Unrecognized authentication type"}) {
            Diagnosis d = DIAGNOSER.explain(reply, ExplainContext.of(null, null, 25, null, null));
            assertEquals(Setting.PORT, d.setting(), d.ruleId());
            assertEquals("587", d.suggestedValue().orElseThrow().neutral());
        }
    }

    @Test
    void hostingServersWordsFromALargeProvidersHostMeanAnotherServerAnswered() {
        String pasted = "SMTP ERROR: AUTH command failed: 535 Incorrect authentication data\n"
                + "SMTP Error: Could not authenticate.";
        for (String host : new String[] {"smtp.gmail.com", "smtp.mail.yahoo.com", "smtp-mail.outlook.com"}) {
            Diagnosis d = DIAGNOSER.explain(pasted, ExplainContext.of(null, host, 587, null, null));
            assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), host + ": " + d.ruleId());
        }
        Diagnosis own = DIAGNOSER.explain(pasted, ExplainContext.of(null, "mail.hosting.example", 587, null, null));
        assertEquals(Setting.PASSWORD, own.setting(), own.ruleId());
    }

    @Test
    void aCertificateWithoutNamesOnALargeProvidersHostIsInterception() {
        Diagnosis d = DIAGNOSER.explain("x509: certificate relies on legacy Common Name field, use SANs instead",
                ExplainContext.of(null, "smtp.office365.com", 587, null, null));
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    @Test
    void aTimeoutEchoedFromTheSettingsIsNoTimeout() {
        String phpMailer = "2025-03-01 10:00:00 Connection: opening to smtp.example.com:587, timeout=300,"
                + " options=array()\n2025-03-01 10:00:01 SERVER -> CLIENT: 535 5.7.8 Error: authentication failed:"
                + " authentication failure\n2025-03-01 10:00:01 SMTP ERROR: Password command failed";
        assertNotEquals(FailureKind.READ_TIMEOUT, ReplyParser.parse(phpMailer).failureKind().orElse(null));
        assertEquals(Setting.PASSWORD, DIAGNOSER.explain(phpMailer, ExplainContext.none()).setting());
        String config = "{ \"host\": \"smtp.example.com\", \"port\": 465, \"timeout\": 10000 }\nError: Invalid login:"
                + " 535 Authentication credentials invalid";
        assertNotEquals(FailureKind.READ_TIMEOUT, ReplyParser.parse(config).failureKind().orElse(null));
    }

    @Test
    void theReplyALibraryExpectedNamesTheStep() {
        assertEquals(org.smtpdoctor.probe.Phase.AUTH, ReplyParser.parse("Expected response code \"334\" but got"
                + " code \"\", with message \"\"").phase().orElseThrow());
        assertEquals(org.smtpdoctor.probe.Phase.DATA, ReplyParser.parse("Expected response code 354 but got code"
                + " \"\", with message \"\"").phase().orElseThrow());
        assertEquals(Setting.PASSWORD, DIAGNOSER.explain("Expected response code 235 but got an empty response.",
                ExplainContext.none()).setting());
    }

    @Test
    void aRealTimeoutIsStillATimeout() {
        assertEquals(FailureKind.READ_TIMEOUT, ReplyParser.parse("SMTP -> ERROR: Timeout waiting for data from"
                + " smtp.example.com").failureKind().orElseThrow());
        assertEquals(FailureKind.READ_TIMEOUT, ReplyParser.parse("net/smtp: read tcp 10.0.0.2:51514->"
                + "203.0.113.7:587: i/o timeout").failureKind().orElseThrow());
    }
}
