package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Readings from round 16's connection misses (home-lab apps, DevOps tools, CRM), each written as the general reading
 * and tested with the wordings of other libraries, languages and programs than the round's texts: a time-out the
 * program names as its connection step (Go's dialer, curl) against one after connecting (Go's {@code read tcp}, Swift
 * Mailer's and Symfony's "Connection to ... timed out", both thrown while reading the greeting); an application's own
 * retry policy or HTTP 500 wrapper beside a named connection failure; encryption failing at a mail server on the
 * same computer (port 25); a server whose encryption current programs refuse as too weak; and a connection scheme
 * that contradicts its port.
 */
class Round16ConnectionReadingsTest {


    private static Optional<FailureKind> kind(String text) {
        return ReplyParser.parse(text).failureKind();
    }

    // ---- a time-out in the connection step, not after it ----

    @ParameterizedTest
    @ValueSource(strings = {
        "level=error msg=\"Failure running the notification provider startup check: dial tcp 192.0.2.10:465: i/o timeout\"",
        "gomail: could not send email 1: dial tcp 192.0.2.10:465: i/o timeout",
        "failed to send mail: dial tcp4 192.0.2.10:587: i/o timeout",
        "send mail: dial tcp [2001:db8::25]:465: i/o timeout",
        "smtp: dial tcp 192.0.2.10:587: context deadline exceeded",
        "curl: (28) Failed to connect to smtp.example.com port 465 after 130001 ms: Timed out",
        "curl: (28) Failed to connect to smtp.example.com port 587 after 21045 ms: Operation timed out",
    })
    void aTimeOutTheProgramNamesAsItsConnectionStepIsAConnectTimeOut(String text) {
        assertEquals(Optional.of(FailureKind.CONNECT_TIMEOUT), kind(text), text);
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
        assertTrue(Pasted.offers(d, Setting.PORT), d.ruleId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "smtp.gmail.com    | 465 | dial tcp 142.250.1.108:465: i/o timeout",
        "smtp.example.com  | 465 | Failed to connect to smtp.example.com port 465 after 21003 ms: Timed out",
        "smtp.office365.com| 587 | dial tcp 52.97.1.1:587: i/o timeout",
    })
    void aConnectTimeOutAtTheImplicitTlsPortIsNoMissingGreeting(String host, int port, String text) {
        Diagnosis d = explainAt(text, host, port);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dial tcp: lookup smtp.gmail.com on 127.0.0.11:53: read udp 127.0.0.1:57302->127.0.0.11:53: i/o timeout",
        "failed to send: dial tcp: lookup smtp.example.com on 8.8.8.8:53: dial udp 8.8.8.8:53: i/o timeout",
        "dial tcp: lookup smtp.example.com: i/o timeout",
    })
    void goResolverTimingOutIsTheNameServiceNotTheServerOrItsEncryption(String text) {
        assertEquals(Optional.of(FailureKind.DNS_UNAVAILABLE), kind(text), text);
        Diagnosis d = explainAt(text, null, 465);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    @Test
    void aDialTimeOutAtPort25IsStillThePortNetworksBlock() {
        Diagnosis d = Pasted.explain("dial tcp 192.0.2.10:25: i/o timeout");
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
    }

    /**
     * Go's {@code read tcp} and Swift Mailer's and Symfony's "Connection to ... timed out" come from reading after the
     * connection was made (Swift's {@code StreamBuffer::readLine}, Symfony's {@code SocketStream::readLine}): on port
     * 465 that is a plain connection waiting for a greeting the server keeps until encryption starts.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "read tcp 10.0.0.5:43210->192.0.2.10:465: i/o timeout",
        "Swift_TransportException: Connection to tcp://smtp.example.com:465 Timed Out",
        "Symfony\\Component\\Mailer\\Exception\\TransportException: Connection to \"smtp.example.com:465\" timed out.",
    })
    void aTimeOutAfterConnectingAtPort465StaysTheEncryptionMismatch(String text) {
        assertEquals(Optional.of(FailureKind.READ_TIMEOUT), kind(text), text);
        Diagnosis d = explainAt(text, "smtp.example.com", 465);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    @Test
    void anAddressInBracketsBeforeItsPortIsNoReplyCode() {
        assertTrue(ReplyParser.parse("dial tcp [2a00:1450:400c:c07::6c]:465: i/o timeout").code().isEmpty());
        assertTrue(ReplyParser.parse("connect to [192.0.2.10]:421 failed: Connection timed out").code().isEmpty());
    }

    // ---- a program's own retry policy or web wrapper does not outrank the failure it names ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "msg=\"Notify attempt failed, will retry later\" attempts=1 err=\"establish connection to server: dial tcp"
            + " 192.0.2.10:587: connect: connection timed out\"|NETWORK_OR_FIREWALL",
        "Failed to send email, will retry later: connect ETIMEDOUT 192.0.2.10:587|NETWORK_OR_FIREWALL",
        "Mail queue: delivery failed, try again later: java.net.ConnectException: Connection timed out: connect"
            + "|NETWORK_OR_FIREWALL",
        "Sending failed, will retry later: getaddrinfo ENOTFOUND smtp.exmaple.com|SERVER_HOST",
        "Could not initiate password reset[500 Internal Server Error]: Internal server error: `Could not send email:"
            + " Connection error: failed to lookup address information: Name or service not known`|SERVER_HOST",
        "HTTP 500 Internal Server Error - Error: getaddrinfo ENOTFOUND smtp.example.com|SERVER_HOST",
        "Internal server error: Connection error: failed to lookup address information: nodename nor servname"
            + " provided, or not known|SERVER_HOST",
        "{\"status\":500,\"error\":\"Internal Server Error\",\"message\":\"Mail server connection failed; nested"
            + " exception is com.sun.mail.util.MailConnectException: Couldn't connect to host, port:"
            + " smtp.example.com, 587; timeout -1\"}|NETWORK_OR_FIREWALL",
    })
    void aNamedConnectionFailureOutranksTheProgramsRetryOrWrapperWords(String text, Setting expected) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(expected, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: Connection error: failed to lookup address information: No such host is known. (os error 11001)",
        "Connection error: failed to lookup address information: Name does not resolve",
        "socket.gaierror: [Errno -2] Name does not resolve",
    })
    void rustAndMuslWordsForAnUnknownNameAreAnUnknownHost(String text) {
        assertEquals(Optional.of(FailureKind.UNKNOWN_HOST), kind(text), text);
        assertEquals(Setting.SERVER_HOST, Pasted.explain(text).setting());
    }

    @Test
    void theServersOwnTemporaryRefusalStillMeansWaiting() {
        assertEquals(Setting.WAIT_AND_RETRY, Pasted.explain("Delivery failed, will retry later: 451 4.7.1 Greylisted,"
                + " please try again later").setting());
        Diagnosis internal = Pasted.explain("451 4.3.0 Internal server error");
        assertTrue(Set.of(Setting.WAIT_AND_RETRY, Setting.CONTACT_PROVIDER).contains(internal.setting()),
                internal.ruleId());
    }

    // ---- encryption failing at a mail server on the same computer ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "127.0.0.1 | System.Net.Mail.SmtpException: Failure sending mail. ---> System.Security.Authentication"
            + ".AuthenticationException: A call to SSPI failed, see inner exception. ---> System.ComponentModel"
            + ".Win32Exception: The message received was unexpected or badly formatted",
        "localhost | System.InvalidOperationException: A call to SSPI failed, see inner exception.",
        "127.0.0.1 | System.Security.Authentication.AuthenticationException: The remote certificate is invalid according"
            + " to the validation procedure: RemoteCertificateChainErrors",
        "localhost | MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or"
            + " TLS connection.",
        "localhost | javax.mail.MessagingException: Could not convert socket to TLS; nested exception is:"
            + " javax.net.ssl.SSLHandshakeException: PKIX path building failed",
        "127.0.0.1 | ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self"
            + " signed certificate (_ssl.c:1129)",
        "127.0.0.1 | stream_socket_enable_crypto(): Peer certificate CN=`mail.example.com' did not match expected"
            + " CN=`127.0.0.1'",
        "::1       | Error: self signed certificate",
    })
    void encryptionFailingAtAMailServerOnThisComputerOnPort25IsSwitchedOff(String host, String text) {
        Diagnosis d = explainAt(text, host, 25);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.security(Security.NONE)), d.suggestedValue());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertTrue(Pasted.offers(d, Setting.SERVER_HOST), d.ruleId());
    }

    @Test
    void sspiFailureIsDotnetsHandshakeFailure() {
        assertEquals(Optional.of(FailureKind.TLS_FAILED),
                kind("System.Security.Authentication.AuthenticationException: A call to SSPI failed, see inner exception."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "smtp.example.com | 25",
        "localhost        | 587",
    })
    void encryptionIsKeptForAnotherServerOrTheSubmissionPort(String host, int port) {
        Diagnosis d = explainAt("System.Security.Authentication.AuthenticationException: The remote certificate is invalid"
                + " according to the validation procedure.", host, port);
        assertNotEquals(Optional.of(SettingValue.security(Security.NONE)), d.suggestedValue(), d.ruleId());
    }

    // ---- a server whose encryption current programs refuse as too weak ----

    @ParameterizedTest
    @ValueSource(strings = {
        "140334706751424:error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small:ssl/statem/statem_clnt.c:2166:",
        "ssl.SSLError: [SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1131)",
        "error:0A00018A:SSL routines::dh key too small",
        "javax.net.ssl.SSLHandshakeException: DH ServerKeyExchange does not comply to algorithm constraints",
        "stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:0A00018F:SSL"
            + " routines::ee key too small",
        "An error occurred during a connection to mail.example.com:465. Server has a weak ephemeral Diffie-Hellman"
            + " public key. Error code: SSL_ERROR_WEAK_SERVER_EPHEMERAL_DH_KEY",
        "msmtp: TLS handshake failed: The Diffie-Hellman prime sent by the server is not acceptable (not long enough).",
        "Error: C0D7E1A1:error:0A000152:SSL routines:final_renegotiate:unsafe legacy renegotiation disabled",
    })
    void aServerWhoseEncryptionIsTooWeakIsForItsOperator(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertTrue(Pasted.offers(d, Setting.PORT), d.ruleId());
    }

    // ---- a connection scheme that contradicts its port ----

    @ParameterizedTest
    @ValueSource(strings = {
        "Échec de l'envoi de l'email\nError [0]: Failed to connect with fsockopen host=ssl://smtp.office365.com port=587",
        "SMTP connect() failed. Host: ssl://smtp.gmail.com Port: 587",
        "Error: connect to smtps://smtp.example.com:587 failed",
        "Connection could not be established with host \"ssl://smtp.example.com:25\"",
        "Connected to smtps://smtp.office365.com:587/\nMailKit.Security.SslHandshakeException: An error occurred while"
            + " attempting to establish an SSL or TLS connection.",
    })
    void anImplicitTlsSchemeOnAPlainStartPortIsStartTls(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.security(Security.STARTTLS)), d.suggestedValue(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Connected to smtp://smtp.gmail.com:465/?starttls=always\nMailKit.Net.Smtp.SmtpProtocolException: The SMTP"
            + " server has unexpectedly disconnected.",
        "notifier: smtp+starttls://mail.example.com:465 send failed: EOF",
    })
    void aStartTlsSchemeOnPort465IsSslTls(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.security(Security.SSL_TLS)), d.suggestedValue(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Connection could not be established with host \"ssl://smtp.example.com:587\": stream_socket_client(): Unable"
            + " to connect to ssl://smtp.example.com:587 (Connection refused)",
        "Connection could not be established with host ssl://smtp.exmaple.com :stream_socket_client():"
            + " php_network_getaddresses: getaddrinfo failed: Name or service not known port 587",
        "SMTP ERROR: Password command failed: 535 Incorrect authentication data (ssl://mail.example.com:587)",
        "Failed to connect with fsockopen host=ssl://smtp.example.com port=465",
    })
    void aSchemeIsNotReadWhenTheConnectionFailedBeforeEncryptionOrGotPastIt(String text) {
        Diagnosis d = Pasted.explain(text);
        assertNotEquals(Optional.of(SettingValue.security(Security.STARTTLS)), d.suggestedValue(), d.ruleId());
    }
}
