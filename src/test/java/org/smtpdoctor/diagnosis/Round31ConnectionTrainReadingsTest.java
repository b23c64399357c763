package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 31's train misses of the connection settings (server name, port, connection security,
 * network), each a general meaning tested in other programs' words as well as the record's shape.
 */
class Round31ConnectionTrainReadingsTest {

    /**
     * A mail server's own address lookup (A or AAAA) of a next hop whose name ends in a private-network suffix, or a
     * misspelling of one: no recipient's domain publishes such a name, so it is this server's relay setting.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "postfix/smtp[4676]: 3xkMQZ2lqtz55kZ: to=<quintin@dictation.example.ca>, relay=none, delay=20, dsn=5.4.4,"
                + " status=bounced (Host or domain name not found. Name service error for name=viper.corp.llocal"
                + " type=AAAA: Host not found)",
        "postfix/smtp[201]: ABC123: to=<bob@example.org>, relay=none, delay=1, dsn=5.4.4, status=bounced (Host or"
                + " domain name not found. Name service error for name=mailgw.office.local type=A: Host not found)",
        "status=bounced (Host or domain name not found. Name service error for name=relay.example.internal type=A:"
                + " Host not found)",
        "dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=exchange.acme.lan"
                + " type=AAAA: Host not found)",
    })
    void aPrivateNextHopNotFoundIsTheRelayServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /** A recipient's domain or its mail exchanger on the public network stays the recipient's address. */
    @Test
    void aPublicOrRecipientsOwnNameStaysTheRecipient() {
        explainsAs(Setting.RECIPIENT_ADDRESS, "postfix/smtp[1]: X: to=<a@example.org>, relay=none, dsn=5.4.4,"
                + " status=bounced (Host or domain name not found. Name service error for name=mx.example.org"
                + " type=AAAA: Host not found)");
        explainsAs(Setting.RECIPIENT_ADDRESS, "postfix/smtp[1]: X: to=<a@branch.local>, relay=none, dsn=5.4.4,"
                + " status=bounced (Host or domain name not found. Name service error for name=branch.local"
                + " type=A: Host not found)");
        explainsAs(Setting.RECIPIENT_ADDRESS, "postfix/smtp[1]: X: to=<a@example.org>, relay=none, dsn=5.4.4,"
                + " status=bounced (Host or domain name not found. Name service error for name=example.org"
                + " type=MX: Host not found)");
    }

    /** A server name beginning with "smtp" with two neighbouring letters swapped, whatever the failure named. */
    @ParameterizedTest
    @ValueSource(strings = {
        "org.apache.commons.mail.EmailException: Sending the email to the following server failed : smpt.163.com:465",
        "Error: connect ETIMEDOUT stmp.example.com:587",
        "Connection could not be established with host mstp.example.org :stream_socket_client(): unable to connect",
        "SMTP Error: Could not connect to SMTP host. (smpt.gmail.com)",
        "Failed to send mail: smtps://smpt.example.net:465 connection failed",
    })
    void aSwappedSmtpLabelIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /** The right spelling, and a name that merely contains the letters, are not read as a typo. */
    @Test
    void theRightSpellingIsNoTypo() {
        assertNotEquals(Setting.SERVER_HOST, explain("org.apache.commons.mail.EmailException: Sending the email to"
                + " the following server failed : smtp.163.com:465").setting());
        assertNotEquals(Setting.SERVER_HOST, explain("535 5.7.8 Authentication failed for user@stmp.example.com")
                .setting());
    }

    /** A server refusing to carry mail for the sender's network address and sending it to the hosting's server. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Error: The following recipients failed: a@example.no: sender IP address 192.0.2.93 may not use this"
                + " server as a smarthost.\nPlease contact your hosting/cloud/RDP service provider for SMTP service",
        "550 Your IP 198.51.100.4 may not use this server as a smarthost",
        "554 5.7.1 Client 203.0.113.9 is not allowed to use this server as a smarthost",
        "Recipient rejected: please contact your hosting provider for SMTP service",
    })
    void aServerNotForThisNetworkIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /**
     * PHPMailer's EHLO answered with nothing and the next command sent without a connection: the server closed the
     * session at hello; the name (and port) are the likely cause, with the port and encryption offered next.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP ERROR: EHLO command failed: \nCalled MAIL FROM without being connected Message could not be sent."
                + "Mailer Error: The following From address failed: someone@example.org :",
        "2020-01-01 10:00:00 SMTP ERROR: EHLO command failed: \n2020-01-01 10:00:00 SMTP ERROR: HELO command failed: "
                + "\nCalled MAIL FROM without being connected",
        "SMTP ERROR: HELO command failed:\nCalled AUTH without being connected",
    })
    void aSessionClosedAtHelloIsTheServerName(String pasted) {
        Diagnosis d = explainsAs(Setting.SERVER_HOST, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.PORT), d.toString());
    }

    /** An EHLO refused with words, or after STARTTLS, is not this reading. */
    @Test
    void anEhloRefusedWithWordsIsNotTheEmptyReading() {
        assertNotEquals("explain.connect.closed_at_hello", explain("SMTP ERROR: EHLO command failed: 421 EHLO"
                + " Your HELO/EHLO hostname is not matching your DNS configuration\nCalled MAIL FROM without being"
                + " connected").ruleId());
        assertNotEquals(Setting.SERVER_HOST, explain("CLIENT -> SERVER: STARTTLS\nSERVER -> CLIENT: 220 Begin TLS"
                + "\nSMTP ERROR: EHLO command failed: \nCalled MAIL FROM without being connected").setting());
    }

    /** PHPMailer's "SMTP connect() failed" in its translations is the same failure as in English. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Falha na função SMTP connect(). https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting",
        "Erreur : La fonction SMTP connect() a échouée.",
        "Hata: SMTP bağlantı() başarısız.",
    })
    void phpMailerConnectFailedTranslationsAreTheConnection(String pasted) {
        assertEquals(explain("SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting")
                .setting(), explain(pasted).setting());
    }

    /** Go's refusal to send the password unencrypted, as users retype it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "email_send:failed to send: unencrypted connected",
        "smtp: unencrypted connected",
    })
    void anUnencryptedConnectionRefusalIsTheSecurity(String pasted) {
        explainsAs(Setting.SECURITY, pasted);
    }

    /** Spamhaus's Policy Block List: the sending network address may not deliver straight to receiving servers. */
    @ParameterizedTest
    @ValueSource(strings = {
        "The IP address\n192.0.2.101 has been identified as not meeting PBL's\npolicy for IP addresses permitted to"
                + " deliver\nunauthenticated 'direct-to-mx' email",
        "554 Connection refused. This IP address is listed on the Policy Block List (PBL).",
        "550 5.7.1 Service unavailable; client [198.51.100.7] blocked using Spamhaus PBL",
    })
    void thePolicyBlockListIsTheNetwork(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** A program saying the outgoing port on the sending machine must be open: the network in between. */
    @ParameterizedTest
    @ValueSource(strings = {
        "smtp.gmail.com is not available on 465 port. Make sure that smtp.gmail.com address is correct and that"
                + " outgoing port 465 on YOUR server is open.",
        "Cannot send mail: make sure outgoing port 587 is not blocked by your firewall",
        "Connection failed. Your hosting provider: outgoing SMTP ports are blocked on this plan.",
    })
    void aProgramSayingTheOutgoingPortIsClosedIsTheNetwork(String pasted) {
        Diagnosis d = explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
        assertTrue(offers(d, Setting.PORT), d.toString());
    }

    /** On port 25 the same words keep the port's own reading (use the port for mail programs). */
    @Test
    void onPort25TheOutgoingPortWordsAreNotThisReading() {
        assertNotEquals("explain.network.program_says_port_closed", Pasted.explainAt("Make sure that outgoing port"
                + " is open: connection to smtp.example.com timed out", "smtp.example.com", 25).ruleId());
    }

    /** A program or service that accepts only the sending servers it names. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Mail: Only elasticemail is supported as an SMTP host. To open an account please visit",
        "Error: smtp.example.com is not a supported SMTP host for this plan",
        "Unsupported SMTP host: only SendGrid and Mailgun can be used",
    })
    void aProgramAcceptingOnlyNamedServersIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /**
     * curl's words for a certificate it could not verify (CURLE_PEER_FAILED_VERIFICATION, the older CURLE_SSL_CACERT),
     * read as "certificate verify failed" is, with an interception on the network offered.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR: LoadError: curl_easy_perform() failed: SSL peer certificate or SSH remote key was not OK",
        "curl: (60) Peer certificate cannot be authenticated with given CA certificates",
        "smtp: send failed: SSL peer certificate or SSH remote key was not OK",
    })
    void curlsUnverifiedCertificateIsACertificateProblem(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(explain("smtp: send failed: certificate verify failed").setting(), d.setting(), d.toString());
        assertTrue(d.setting() == Setting.NETWORK_OR_FIREWALL || offers(d, Setting.NETWORK_OR_FIREWALL), d.toString());
    }

    /** An SMTP connection to a port for reading mail (IMAP, POP3) is the port. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP connection to: mail.example.eu:143 as someone@example.eu",
        "SMTP connection to mail.example.org:993 failed",
    })
    void anSmtpConnectionToAReadingPortIsThePort(String pasted) {
        explainsAs(Setting.PORT, pasted);
        assertEquals(Setting.PORT, Pasted.explainAt(pasted, "mail.example.eu", 587).setting());
    }
}
