package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 25's train misses for the connection settings (server name, port, connection security,
 * network), each a general meaning tested in other programs' words as well as the record's shape.
 */
class Round25ConnectionReadingsTest {

    /** A connection error dumped as JSON (Node's error object) that names the loopback address is the server name. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\n  \"error\": {\n    \"errno\": -111,\n    \"code\": \"ESOCKET\",\n    \"syscall\": \"connect\",\n"
                + "    \"address\": \"127.0.0.1\",\n    \"port\": 587,\n    \"command\": \"CONN\"\n  }\n}",
        "{\"code\":\"ESOCKET\",\"errno\":\"ECONNREFUSED\",\"syscall\":\"connect\",\"address\": \"::1\",\"port\":465}",
        "mail error: {\"errno\": -61, \"syscall\": \"connect\", \"address\": \"127.0.0.1\", \"port\": 25}",
    })
    void aConnectErrorDumpedAsJsonNamingTheLoopbackAddressIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /** A relay on one's own computer that offers no encryption wants the encryption off, not another port. */
    @ParameterizedTest
    @ValueSource(strings = {
        "err=\"'require_tls' is true (default) but \\\"localhost:25\\\" does not advertise the STARTTLS extension\"",
        "smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.",
        "Net::SMTP: STARTTLS is not supported by the server",
        "Error: Server does not support STARTTLS",
    })
    void aRelayOnOnesOwnComputerWithoutEncryptionWantsEncryptionOff(String pasted) {
        Diagnosis d = explainAt(pasted, "localhost", 25);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
        Diagnosis loopbackAddress = explainAt(pasted, "127.0.0.1", 587);
        assertEquals(Setting.SECURITY, loopbackAddress.setting(), loopbackAddress.ruleId());
    }

    @Test
    void aProvidersServerWithoutEncryptionOnPort25StillPointsAtThePort() {
        Diagnosis d = explainAt("smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server",
                "smtp.example.com", 25);
        assertNotEquals("explain.starttls.local_relay_plain", d.ruleId());
    }

    /**
     * A port written after the server's name in a connection's address ({@code ssl://host:456}) is a port, never a
     * line number; one keystroke from a standard port it is a typo.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "An error occurred during sending the message. (Can't connect to host \"ssl://smtp.gmail.com:456\")",
        "Can't connect to SMTP host ssl://smtp.gmail.com:456",
        "Connection failed: cannot connect to host tls://smtp.gmail.com:456 (Connection timed out)",
    })
    void aPortAfterTheServerNameInAConnectionsAddressOneKeystrokeFromAStandardOneIsATypo(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.gmail.com", 456);
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals("explain.port.typo", d.ruleId());
    }

    @Test
    void aLineNumberAfterAFileNameIsNoPort() {
        Diagnosis d = Pasted.explain("Can't connect to host in /var/www/vendor/Mailer.php:456");
        assertNotEquals("explain.port.typo", d.ruleId());
    }

    /** A port of the wrong type (getaddrinfo's second argument is the port) is the port. */
    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR - getaddrinfo() argument 2 must be integer or string\n    s = smtplib.SMTP(SMTP_HOST, SMTP_PORT)",
        "TypeError: getaddrinfo() argument 2 must be integer or string",
        "SMTP settings: the port must be an integer",
        "Invalid mail configuration: port is not a number",
    })
    void aPortOfTheWrongTypeIsThePort(String pasted) {
        Diagnosis d = explainsAs(Setting.PORT, pasted);
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    /** A number setting the mail program could not read is most likely the port: low confidence. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Email Notification[http://pipeline:8090/sec]    For input string: \"\"",
        "java.lang.NumberFormatException: For input string: \"587 \" while sending mail",
        "Sending mail failed: invalid literal for int() with base 10: ''",
        "smtp: strconv.Atoi: parsing \"\": invalid syntax",
    })
    void aNumberSettingTheMailProgramCouldNotReadIsThePortAtLowConfidence(String pasted) {
        explainsAs(Setting.PORT, Confidence.LOW, pasted);
    }

    @Test
    void anUnreadableTimeOutIsNotThePort() {
        Diagnosis d = Pasted.explain("Mail settings: bad value for the connection timeout, for input string \"30s\"");
        assertNotEquals("explain.meaning.number_setting_unreadable", d.ruleId());
    }

    /** A relay on one's own computer that refuses the connection (sendmail's and others' logs): the server name. */
    @ParameterizedTest
    @ValueSource(strings = {
        "sendmail[726843]: 5BA001Zr726843: to=root, ctladdr=root (0/0), delay=00:04:16, mailer=relay, pri=138891,"
                + " relay=[127.0.0.1] [127.0.0.1], dsn=4.0.0, stat=Deferred: Connection refused by [127.0.0.1]",
        "stat=Deferred: Connection refused by localhost",
        "mail queued: delivery deferred (Connection refused by [::1])",
    })
    void aLocalRelayRefusingTheConnectionIsTheServerName(String pasted) {
        Diagnosis d = explainsAs(Setting.SERVER_HOST, pasted);
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
    }

    /**
     * Jakarta Mail's "Could not connect to SMTP host" on port 587 with no cause after it: most often SSL switched on
     * for a port that starts unencrypted; low confidence, the port and the network next.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "2016-11-23 18:43:17  WARN: Could not connect to SMTP host: smtp.gmail.com, port: 587 - MessagingException",
        "jakarta.mail.MessagingException: Could not connect to SMTP host: smtp.office365.com, port: 587\n"
                + "    at org.eclipse.angus.mail.smtp.SMTPTransport.openServer(SMTPTransport.java:2260)",
        "org.springframework.mail.MailSendException: Mail server connection failed; nested exception is"
                + " javax.mail.MessagingException: Could not connect to SMTP host: mail.example.org, port: 587",
    })
    void aJavaMailConnectFailureOnTheStarttlsPortWithoutACauseIsTheSecurityAtLowConfidence(String pasted) {
        Diagnosis d = explainAt(pasted, null, 587);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(Pasted.offers(d, Setting.PORT) || Pasted.offers(d, Setting.NETWORK_OR_FIREWALL),
                d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javax.mail.MessagingException: Could not connect to SMTP host: smtp.gmail.com, port: 587;\n  nested"
                + " exception is:\n\tjava.net.ConnectException: Connection timed out: connect",
        "javax.mail.MessagingException: Could not connect to SMTP host: smtp.gmail.com, port: 587;\n  nested"
                + " exception is:\n\tjava.net.ConnectException: Connection refused",
    })
    void aJavaMailConnectFailureOnTheStarttlsPortWithACauseIsNotTheSecurity(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.gmail.com", 587);
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    /** A server name the library holds as an empty string is the server name. */
    @ParameterizedTest
    @ValueSource(strings = {
        "  File \"/usr/lib/python3.7/ssl.py\", line 846, in _create\n    owner=self, session=self._session,\n"
                + "ValueError: server_hostname cannot be an empty string or start with a leading dot.",
        "Mailer error: the SMTP host cannot be an empty string",
        "ArgumentException: The host name must not be an empty string. Parameter name: host",
    })
    void aServerNameHeldAsAnEmptyStringIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /**
     * A server on port 25 that offers no encryption, not a known provider's: most often a relay inside one's own
     * network, where the fix is the connection security; low confidence, port 587 next.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server",
        "err=\"'require_tls' is true (default) but \\\"mailrelay:25\\\" does not advertise the STARTTLS extension\"",
        "Net::SMTP: STARTTLS is not supported by the server",
    })
    void aServerOnPort25WithoutEncryptionIsTheSecurityAtLowConfidence(String pasted) {
        for (String host : new String[] {null, "mailrelay", "relay.corp.example"}) {
            Diagnosis d = explainAt(pasted, host, 25);
            assertEquals(Setting.SECURITY, d.setting(), host + ": " + d.ruleId());
            assertEquals(Confidence.LOW, d.confidence());
            assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
        }
    }

    @Test
    void aKnownProvidersServerOnPort25WithoutEncryptionIsNotReadAsARelay() {
        Diagnosis d = explainAt("smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server",
                "smtp.gmail.com", 25);
        assertNotEquals("explain.starttls.plain_relay_port25", d.ruleId());
    }

    /**
     * A connection the system would not even try, "Address not available" (EADDRNOTAVAIL as musl and BSD word it) or
     * a connect failing with "Invalid argument": the server address the program was given cannot be used, most
     * often an empty or unapplied server name.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Address not available Email 59875196-8a7c-4cf7-a746-00b6ac130008 was not sent",
        "Connection could not be established with host localhost :stream_socket_client(): Unable to connect to"
                + " localhost:1025 (Address not available)",
        "Error: connect EADDRNOTAVAIL ... Sending mail failed: Address not available",
    })
    void aServerAddressTheSystemWillNotTryIsTheServerName(String pasted) {
        Diagnosis d = explainsAs(Setting.SERVER_HOST, pasted);
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Failed to connect to mail server: Invalid argument  at /usr/lib/perl5/Mojolicious/Plugin/Mail.pm line 55.",
        "Failed to connect to SMTP server: Invalid argument",
    })
    void aConnectFailingWithInvalidArgumentIsTheServerNameAtLowConfidence(String pasted) {
        explainsAs(Setting.SERVER_HOST, Confidence.LOW, pasted);
    }

    @Test
    void anAddressFamilyThatCannotBeAssignedBesideATimeOutStaysTheNetwork() {
        explainsAs(Setting.NETWORK_OR_FIREWALL,
                "postfix/smtp[3288]: connect to gmail-smtp-in.l.google.com[74.125.193.27]:25: Connection timed out\n"
                + "postfix/smtp[3288]: connect to gmail-smtp-in.l.google.com[2a00:1450:400b:c01::1b]:25:"
                + " Cannot assign requested address");
    }
}
