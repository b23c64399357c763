package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 31's train misses (the quarter of fresh moved to train) for the connection settings (server
 * name, port, connection security, network), each a general meaning tested in other programs' words as well as the
 * record's shape.
 */
class Round31ConnectionReadingsTest {

    /**
     * OpenSSL's packed error codes printed without their words (PHP's stream functions often cut the line after
     * them): 14090086 (1.0), 1416F086 (1.1), 0A000086 (3.x) and LibreSSL's 14007086 are "certificate verify failed",
     * read as the certificate words are.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "SocketExeption stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:"
                + " error:14090086",
        "stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:1416F086",
        "Connection could not be established with host smtp.example.com: error:0A000086",
        "smtp: SSL connect failed: error:14007086",
    })
    void openSslCertificateVerifyCodesAreAnUntrustedCertificate(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** OpenSSL's codes for a plain answer where encryption was expected: wrong version number, unknown protocol. */
    @ParameterizedTest
    @ValueSource(strings = {
        "stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:1408F10B",
        "stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A00010B",
        "SSL connect error: error:140770FC",
    })
    void openSslPlainAnswerCodesAreTheConnectionSecurity(String pasted) {
        explainsAs(Setting.SECURITY, pasted);
    }

    /** A name lookup that failed, in Twisted's words (Matrix Synapse and other Python servers) and others'. */
    @ParameterizedTest
    @ValueSource(strings = {
        "DNSLookupError: DNS lookup failed: postfix.mail.svc.cluster.local.",
        "twisted.internet.error.DNSLookupError: DNS lookup failed: address 'smtp.exmaple.com' not found",
        "Mail error: DNS lookup failed for host smtp.exmaple.com",
    })
    void aFailedNameLookupIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /** A program saying no outgoing server was given at all (SQL Server's Send Mail task and others). */
    @ParameterizedTest
    @ValueSource(strings = {
        "The Simple Mail Transfer Protocol (SMTP) server is not specified. Provide a valid name or IP address of the"
                + " SMTP server.",
        "Error: SMTP server not specified",
        "Cannot send: the outgoing mail server has not been specified in the settings.",
        "Fehler: SMTP-Server nicht angegeben",
    })
    void aServerNotSpecifiedIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /** A port or user name not specified is not the server name. */
    @Test
    void otherFieldsNotSpecifiedAreNotTheServerName() {
        assertNotEquals(Setting.SERVER_HOST, explain("SMTP server port not specified").setting());
        assertNotEquals(Setting.SERVER_HOST, explain("SMTP server user name not specified").setting());
    }

    /** A proxy (HTTP or SOCKS) refusing to carry the mail connection: the network in between, not the server. */
    @ParameterizedTest
    @ValueSource(strings = {
        "action execution failure: .email:38a8d08a: gcmail: error sending email: Invalid response from proxy: 403",
        "Error: Invalid response from proxy: 407",
        "SocksError: general SOCKS server failure while connecting to smtp.example.com:587",
        "mail: proxy refused the connection to smtp.example.com:465",
        "ProxyError: Tunnel connection failed: 403 Forbidden (proxy error)",
    })
    void aProxyRefusingTheConnectionIsTheNetwork(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** Words of a web server's proxy module or Postfix's proxymap are not a proxy refusing mail. */
    @Test
    void serverSideProxyWordsAreNotTheNetwork() {
        assertNotEquals(Setting.NETWORK_OR_FIREWALL, explain("[proxy_fcgi:error] AH01071: Got error 'PHP message:"
                + " PHP Fatal error: Field width is too long in LoginAuthenticator.php on line 41'").setting());
    }

    /** A server saying the connection must not be encrypted: the connection security, not the address quoted. */
    @ParameterizedTest
    @ValueSource(strings = {
        "status=deferred (host 192.168.37.109[192.168.37.109] said: 421 4.7.0 <a@example.com>: Sender address"
                + " rejected: Must not use TLS (in reply to MAIL FROM command))",
        "554 5.7.0 TLS not allowed for this connection",
        "454 4.7.0 STARTTLS not permitted from your network",
    })
    void aServerRefusingEncryptionIsTheConnectionSecurity(String pasted) {
        explainsAs(Setting.SECURITY, Confidence.MEDIUM, pasted);
    }

    /** A program's own advice to check the security type (MotaData ServiceOps' MAILCONTLS and others' wording). */
    @ParameterizedTest
    @ValueSource(strings = {
        "Secure connection to the mail server failed. Please check the security type and security certificate.",
        "Could not send the test mail. Check the connection security and the port.",
        "Sending failed: please check the encryption setting of the outgoing server.",
    })
    void aProgramAskingToCheckTheSecurityTypeIsTheConnectionSecurity(String pasted) {
        explainsAs(Setting.SECURITY, pasted);
    }

    /** A connection dialled to port 0: the port field was empty or not read. */
    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR: dial tcp 203.0.113.7:0: connectex: The requested address is not valid in its context.",
        "dial tcp 203.0.113.7:0: connect: connection refused",
        "Could not connect to smtp.example.com on port 0",
        "smtp connect() failed: host=smtp.example.com port=0",
    })
    void aConnectionToPortZeroIsThePort(String pasted) {
        explainsAs(Setting.PORT, pasted);
    }

    /**
     * A mail server's own log deferring mail because it cannot open port 25 of the next server (timed out or no
     * route): its network blocks outgoing port 25, not a passing fault to wait out.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "postfix/smtp[371]: 69FDD3F0FD: to=<bob@example.net>, relay=none, delay=1422, delays=1356/0.49/65/0,"
                + " dsn=4.4.1, status=deferred (connect to mx.example.net[203.0.113.9]:25: Connection timed out)",
        "postfix/smtp[369]: 69FDD3F0FD: to=<bob@example.net>, relay=none, delay=1420, dsn=4.4.1, status=deferred"
                + " (connect to mx.example.net[2001:db8::25]:25: Network is unreachable)",
        "sm-mta[1517]: oBMH9mVv001357: to=bob@example.net, relay=mx.example.net. [203.0.113.9], dsn=4.0.0,"
                + " stat=Deferred: Connection timed out with mx.example.net.",
    })
    void aMailServerDeferringOnPort25IsTheNetwork(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, Confidence.MEDIUM, pasted);
    }

    /** The reading needs the mail server's own log: a program's temporary reply keeps its reading. */
    @Test
    void aProgramsTemporaryTimeoutIsNotTheMailServersPort25() {
        assertEquals(Setting.WAIT_AND_RETRY,
                explain("451 4.4.1 Connection timed out while talking to the next server").setting());
    }

    /** Go's bare EOF: the server closed the connection without a word, read like other closed connections. */
    @Test
    void goBareEofOnTheEncryptedPortIsTheConnectionSecurity() {
        assertEquals(Setting.SECURITY, Pasted.explainAt("v1.0.13-b83fdf4d - EOF", null, 465).setting());
        assertEquals(Setting.SECURITY, Pasted.explainAt("send mail failed: EOF", "smtp.example.com", 465).setting());
        assertEquals(Setting.SECURITY, Pasted.explainAt("error sending email: smtp: EOF", null, 465).setting());
    }

    /** PHPMailer's debug of an empty read after connecting: on port 465 the server waits for encryption first. */
    @Test
    void anEmptyReadOnTheEncryptedPortIsTheConnectionSecurity() {
        String pasted = "Connection: opening to mail.example.com:465, timeout=20, options=array()\n"
                + "Connection: opened\nSMTP INBOUND: \"\"\nSERVER -> CLIENT: \nConnection: closed";
        assertEquals(Setting.SECURITY, Pasted.explainAt(pasted, null, 465).setting());
    }

    /** The sending computer's address on a block list, as the receiving server says it: the network, not an address. */
    @ParameterizedTest
    @ValueSource(strings = {
        "OSError: Failed to send mail: SMTPRecipientsRefused({'bob@example.net': (550, b'5.7.1 IP address"
                + " blacklisted by recipient')})",
        "550 5.7.1 Your IP address is blacklisted, contact the postmaster",
        "554 Rejected: sending IP blocklisted at our gateway",
    })
    void theSendingAddressListedIsTheNetwork(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** A recipient's address on a suppression list keeps its reading. */
    @Test
    void aSuppressedRecipientAddressIsStillTheRecipient() {
        explainsAs(Setting.RECIPIENT_ADDRESS, "550 Address blacklisted: the recipient is on the suppression list");
    }

    /** A server requiring a domain in the greeting name: the computer's name, as the other greeting-name words. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Expected response code \"250\" but got code \"501\", with message \"501 HELO requires domain/address"
                + " - see RFC-2821 4.1.1.1\".",
        "501 5.5.2 EHLO requires domain address",
        "501 HELO requires a domain name",
        "501 Syntactically invalid: HELO requires valid address",
    })
    void aGreetingNameRequiredIsTheComputersName(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** A program that does not know the smtps:// scheme (Shoutrrr and others): encryption is chosen elsewhere. */
    @ParameterizedTest
    @ValueSource(strings = {
        "error > Failed to send notification: error invoking send: error initializing router services: unknown"
                + " service: \"smtps\"",
        "notify: unsupported scheme \"smtps\"",
        "Error: unknown scheme: smtps",
    })
    void anUnknownSmtpsSchemeIsTheConnectionSecurity(String pasted) {
        explainsAs(Setting.SECURITY, pasted);
    }

    /** An smtps:// address with a user and password before the name, on the port that starts unencrypted. */
    @Test
    void anSmtpsUrlWithCredentialsOnPort587IsTheConnectionSecurity() {
        explainsAs(Setting.SECURITY, "Testing notification with Shoutrrr URL: smtps://me:secret@smtp.example.com:587/"
                + "?from=a@example.com&to=b@example.com\nFailed to send notification");
    }
}
