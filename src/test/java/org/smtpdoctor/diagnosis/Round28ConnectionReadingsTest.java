package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 28's train misses for the connection settings (server name, port, connection security,
 * network), each a general meaning tested in other programs' words as well as the record's shape.
 */
class Round28ConnectionReadingsTest {

    /**
     * MailCore's sign-in error (MCOErrorDomain code 5, MCOErrorAuthentication) in a program built on it: the library's
     * connection is unencrypted unless the program sets it, and servers offer no sign-in there, so the connection
     * security is the likely fix, at low confidence, with the password as the other cause.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Error sending email: Error Domain=MCOErrorDomain Code=5 \"Unable to authenticate with the current session's"
                + " credentials.\" UserInfo=0x1308c500 {NSLocalizedDescription=Unable to authenticate with the"
                + " current session's credentials.}",
        "Error Domain=MCOErrorDomain Code=5 \"Unable to authenticate with the current session's credentials.\"",
        "sendOperation failed: Optional(Error Domain=MCOErrorDomain Code=5 \"Unable to authenticate with the current"
                + " session's credentials.\" UserInfo={NSLocalizedDescription=Unable to authenticate})",
        "smtp send error MCOErrorAuthentication: Unable to authenticate with the current session's credentials.",
    })
    void mailCoresSignInErrorPointsAtTheUnencryptedDefaultConnection(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.example.org", 587);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(Pasted.offers(d, Setting.PASSWORD), d.alternatives().toString());
        Diagnosis noPort = explain(pasted);
        assertEquals(Setting.SECURITY, noPort.setting(), noPort.ruleId());
    }

    /**
     * At a known provider the same error is more likely the provider's own sign-in requirement (a switch of the
     * account, an app password, OAuth), which its presets and rules read.
     */
    @Test
    void atAKnownProviderTheLibrarysErrorIsNotReadAsTheConnection() {
        Diagnosis d = explainAt("Error Domain=MCOErrorDomain Code=5 \"Unable to authenticate with the current"
                + " session's credentials.\"", "smtp.office365.com", 587);
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    /** A mail program's own wording of a refused sign-in, without the library's error domain, stays a sign-in. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Unable to authenticate with the current session's credentials.",
        "Cannot send mail error contact Unable to authenticate with the current session's credentials.",
    })
    void theSameWordsFromAMailProgramStayASignInProblem(String pasted) {
        Diagnosis d = explain(pasted);
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    /**
     * .NET's "The remote certificate is invalid according to the validation procedure" in the languages Windows shows
     * it in is the same untrusted certificate, read as the English one is.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "System.Security.Authentication.AuthenticationException: 根据验证过程，远程证书无效。",
        "System.Security.Authentication.AuthenticationException: 根據驗證程序，遠端憑證是無效的。",
        "System.Security.Authentication.AuthenticationException: 検証プロシージャによると、リモート証明書は無効です。",
        "System.Security.Authentication.AuthenticationException: Das Remotezertifikat ist laut Validierungsverfahren"
                + " ungültig.",
        "System.Security.Authentication.AuthenticationException: Le certificat distant n'est pas valide selon la"
                + " procédure de validation.",
        "System.Security.Authentication.AuthenticationException: El certificado remoto no es válido según el"
                + " procedimiento de validación.",
        "System.Security.Authentication.AuthenticationException: Il certificato remoto non è valido in base alla"
                + " procedura di convalida.",
        "System.Security.Authentication.AuthenticationException: O certificado remoto é inválido de acordo com o"
                + " procedimento de validação.",
        "System.Security.Authentication.AuthenticationException: Удаленный сертификат недействителен согласно"
                + " результатам проверки подлинности.",
        "System.Security.Authentication.AuthenticationException: Het externe certificaat is ongeldig volgens de"
                + " validatieprocedure.",
    })
    void dotnetsUntrustedCertificateInOtherLanguagesIsAnUntrustedCertificate(String pasted) {
        assertEquals(Optional.of(FailureKind.CERT_UNTRUSTED), ReplyParser.parse(pasted).failureKind());
        Diagnosis english = explain("System.Security.Authentication.AuthenticationException: The remote certificate"
                + " is invalid according to the validation procedure.");
        Diagnosis translated = explain(pasted);
        assertEquals(english.setting(), translated.setting(), translated.ruleId());
    }

    /**
     * .NET's nested "Unable to read data from the transport connection" says the connection closed, not when: the
     * arrow is how .NET prints an inner exception. Without a stack it reads as the same words without the arrow;
     * only a stack showing a later command makes it a drop in the middle of the conversation.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "System.Net.Mail.SmtpException: Failure sending mail. ---> System.IO.IOException: Unable to read data from the"
                + " transport connection: net_io_connectionclosed.",
        "System.Net.Mail.SmtpException: Failure sending mail.  ---> System.IO.IOException: Unable to read data from"
                + " the transport connection: The connection was closed.",
        "Send failed: System.Net.Mail.SmtpException: Failure sending mail. ---> System.IO.IOException: Unable to read"
                + " data from the transport connection: net_io_connectionclosed. --- End of inner exception ---",
    })
    void aNestedClosedConnectionWithoutAStackReadsAsTheSameWordsWithoutTheArrow(String pasted) {
        Diagnosis d = explain(pasted);
        Diagnosis plain = explain("Failure sending mail. Unable to read data from the transport connection:"
                + " net_io_connectionclosed.");
        assertEquals(plain.setting(), d.setting(), d.ruleId());
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    @Test
    void aStackShowingALaterCommandIsADropMidConversation() {
        Diagnosis d = explain("System.Net.Mail.SmtpException: Failure sending mail. ---> System.IO.IOException:"
                + " Unable to read data from the transport connection: net_io_connectionclosed. at"
                + " System.Net.Mail.SmtpReplyReaderFactory.ProcessRead(Byte[] buffer, Int32 offset, Int32 read, Boolean"
                + " readLine) at System.Net.Mail.CheckCommand.Send(SmtpConnection conn, String& response) at"
                + " System.Net.Mail.MailCommand.Send(SmtpConnection conn, Byte[] command, MailAddress from)");
        assertEquals(Setting.WAIT_AND_RETRY, d.setting(), d.ruleId());
    }

    /**
     * "No route to host" on port 25 of a sending server: a firewall that rejects a blocked port answers with "host
     * unreachable" (iptables' icmp-host-prohibited, clouds that close port 25), so it is the port meant for mail
     * programs, not a network with no way out.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Failed to send notification email:  dial tcp 108.177.126.109:25: getsockopt: no route to host",
        "Error: connect EHOSTUNREACH 203.0.113.5:25 - Local (0.0.0.0:0)",
        "java.net.NoRouteToHostException: No route to host (Host unreachable)",
        "OSError: [Errno 113] No route to host",
    })
    void noRouteToASendingServersPort25IsTheBlockedPort(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.example.com", 25);
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertTrue(Pasted.offers(d, Setting.NETWORK_OR_FIREWALL), d.alternatives().toString());
    }

    @Test
    void noRouteOnAnotherPortOrToAReceivingServerStaysTheNetwork() {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explainAt("dial tcp 203.0.113.5:587: getsockopt: no route to host",
                "smtp.example.com", 587).setting());
        Diagnosis mx = explain("postfix/smtp[123]: connect to aspmx.l.google.com[142.250.1.27]:25: No route to host");
        assertEquals(Setting.NETWORK_OR_FIREWALL, mx.setting(), mx.ruleId());
        Diagnosis local = explainAt("OSError: [Errno 113] No route to host", "192.168.1.20", 25);
        assertNotEquals(Setting.PORT, local.setting(), local.ruleId());
    }

    /**
     * .NET's System.Net.Mail ("Failure sending mail.", SmtpException) cannot encrypt from the first moment, so on
     * port 465 it fails whatever it says: port 587 with STARTTLS.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Failed: Failure sending mail.",
        "System.Net.Mail.SmtpException: Failure sending mail. ---> System.IO.IOException: Unable to read data from the"
                + " transport connection: net_io_connectionclosed.",
        "Failure sending mail.\n   at System.Net.Mail.SmtpClient.Send(MailMessage message)\n   at"
                + " Shop.Mail.Sender.SendAsync(String to)",
        "Exception calling \"Send\" with \"1\" argument(s): \"Failure sending mail.\"",
    })
    void systemNetMailOnPort465IsThePort(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.example.com", 465);
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
        assertTrue(d.changes().stream().anyMatch(c -> c.setting() == Setting.SECURITY), d.changes().toString());
    }

    @Test
    void systemNetMailOnAnotherPortIsNotReadAsThePort() {
        Diagnosis d = explainAt("Failed: Failure sending mail.", "smtp.example.com", 587);
        assertNotEquals("explain.dotnet.system_net_mail_port465", d.ruleId());
    }

    /** A server name that is itself wrong comes first: the port matters once the name is right. */
    @Test
    void aWrongServerNameComesBeforeThePort() {
        Diagnosis d = explainAt("Failed: Failure sending mail.", "gmail.com", 465);
        assertNotEquals(Setting.PORT, d.setting(), d.ruleId());
        Diagnosis unresolved = explainAt("System.Net.Mail.SmtpException: Failure sending mail. --->"
                + " System.Net.WebException: The remote name could not be resolved: 'smtp.exmaple.com'",
                "smtp.exmaple.com", 465);
        assertEquals(Setting.SERVER_HOST, unresolved.setting(), unresolved.ruleId());
    }
}
