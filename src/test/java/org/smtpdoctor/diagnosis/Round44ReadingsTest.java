package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 19, each prompted by a record of blind round 44 (command-line mailers, less common languages'
 * libraries, devices) that moved to train for it, and written as other programs and servers word the same thing.
 */
class Round44ReadingsTest {

    /**
     * A reply that never came after the sign-in was sent: the connection and its security had worked, so "the
     * security does not match the port" is contradicted by the step itself (ra44-0036, Office 365 holding back its
     * answer to a wrong password, was answered "Set Connection security to STARTTLS"). Servers hold back the answer to
     * a refused sign-in on purpose, so the password comes first, then waiting and the network.
     */
    @Test
    void aSilenceAfterTheSignInIsNotTheConnectionSecurity() {
        String javaMail = "javax.mail.AuthenticationFailedException: Exception reading response;\n"
                + "  nested exception is:\n\tjava.net.SocketTimeoutException: Read timed out\n"
                + "\tat com.sun.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:947)\n"
                + "\tat com.sun.mail.smtp.SMTPTransport.authenticate(SMTPTransport.java:878)";
        Diagnosis d = Pasted.explainAt(javaMail, "smtp.example.net", 587);
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(Pasted.offers(d, Setting.WAIT_AND_RETRY), d.alternatives()::toString);
        assertTrue(Pasted.offers(d, Setting.NETWORK_OR_FIREWALL), d.alternatives()::toString);
        // a silence before any step stays the security that does not match the port
        Diagnosis early = Pasted.explainAt("javax.mail.MessagingException: Exception reading response;\n"
                + "  nested exception is:\n\tjava.net.SocketTimeoutException: Read timed out", "smtp.example.net", 587);
        assertEquals(Setting.SECURITY, early.setting(), early.ruleId());
    }

    /**
     * A server's older non-delivery report (Exchange, Outlook, hMailServer): the connection that failed is the server's
     * own to the recipient's server, not the user's to it (ra44-0040 was answered "Set Port to 587" at high
     * confidence for "Could not connect to … on port 25").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Your message did not reach some or all of the intended recipients.\n\n      Subject: Invoice\n"
                    + "      Sent: 03/02/2022 10:11\n\nThe following recipient(s) cannot be reached:\n\n"
                    + "      bob@example.net on 03/02/2022 12:11\n            Could not connect to the remote server on"
                    + " port 25: connection timed out",
            "The following recipient(s) could not be reached:\n\nbob@example.net\nError Type: SMTP\n"
                    + "Connection to recipients server failed.\nError: Could not connect to 192.0.2.25 on port 25:"
                    + " connection timed out\n\nTried 3 time(s)"})
    void aReportOfTheServersOwnConnectionIsForItsOperator(String report) {
        Diagnosis d = Pasted.explainAt(report, "mail.example.org", 25);
        assertNotEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
    }

    /**
     * Go's dialer names the address it dialled: "dial tcp :25" has no host before the port, so the program's server
     * name is empty (ra44-0046, answered "Set Port to 587").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "dial tcp :587: connect: connection refused",
            "failed to send mail: dial tcp :25: connectex: No connection could be made because the target machine"
                    + " actively refused it.",
            "dial tcp4 :465: i/o timeout"})
    void aDialWithoutAHostIsAnEmptyServerName(String pasted) {
        Pasted.explainsAs(Setting.SERVER_HOST, pasted);
        // a name that was dialled is not empty
        Diagnosis named = Pasted.explain("dial tcp 192.0.2.10:25: connect: connection refused");
        assertNotEquals(Setting.SERVER_HOST, named.setting(), named.ruleId());
    }

    /** Rust mail-send's error for a server that offers no STARTTLS (ra44-0015, "not recognised"). */
    @Test
    void missingStartTlsIsTheConnectionSecurity() {
        Pasted.explainsAs(Setting.SECURITY,
                "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: MissingStartTls'");
        Pasted.explainsAs(Setting.SECURITY, "Error: MissingStartTls");
    }

    /**
     * A transcript whose server is a domain's receiving server (its MX), which never offers sign-in to programs: the
     * server name is wrong, not the sign-in (ra44-0014, swaks run without --server went to Google's MX; its normal
     * goodbye "221 … closing connection" had been read as the failure). A provider's documented outgoing server on the
     * MX's domain is no receiving server (Zoho's smtp.zoho.com).
     */
    @Test
    void noSignInOnADomainsReceivingServerIsTheServerName() {
        String swaks = "=== Trying mx1.example-mail.net:25...\n=== Connected to mx1.example-mail.net.\n"
                + "<-  220 mx1.example-mail.net ESMTP Postfix\n -> EHLO laptop\n<-  250-mx1.example-mail.net\n"
                + "<-  250-PIPELINING\n<-  250-STARTTLS\n<-  250 8BITMIME\n*** Host did not advertise authentication\n"
                + " -> QUIT\n<-  221 2.0.0 Bye\n=== Connection closed with remote host.";
        Diagnosis d = Pasted.explainAt(swaks, "mx1.example-mail.net", 25);
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        // a catalogue provider's receiving server names its server for sending
        Diagnosis google = Pasted.explainAt(swaks.replace("mx1.example-mail.net", "aspmx.l.google.com"),
                "aspmx.l.google.com", 25);
        assertEquals(Setting.SERVER_HOST, google.setting(), google.ruleId());
        assertTrue(google.suggestedValue().map(Object::toString).orElse("").contains("smtp.gmail.com"),
                google.suggestedValue()::toString);
        assertTrue(Pasted.offers(d, Setting.PORT), d.alternatives()::toString);
        // the same words from an outgoing server: sign-in is not offered there
        Diagnosis relay = Pasted.explainAt(swaks.replace("mx1.example-mail.net", "relay.example.org"),
                "relay.example.org", 25);
        assertEquals(Setting.AUTH_METHOD, relay.setting(), relay.ruleId());
        Diagnosis zoho = Pasted.explainAt("Error: no form of authorisation supported", "smtp.zoho.com", 25);
        assertNotEquals(Setting.SERVER_HOST, zoho.setting(), zoho.ruleId());
    }

    /**
     * A chain quoted in the message that a public authority signed is the provider's own: nothing intercepts, the
     * computer's list of trusted authorities is missing or old (rc44-0007, openssl's "unable to get local issuer
     * certificate" under Google's own authority was "something is intercepting" at high confidence).
     */
    @Test
    void aPublicAuthoritysChainAtAProviderIsNoInterception() {
        String chain = "depth=2 C = US, O = DigiCert Inc, OU = www.digicert.com, CN = DigiCert Global Root G2\n"
                + "verify error:num=20:unable to get local issuer certificate\nverify return:1";
        Diagnosis d = Pasted.explainAt(chain, "smtp.office365.com", 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence(), d.ruleId());
        assertEquals("explain.cert.public_authority_on_provider", d.ruleId());
        // an antivirus program's own authority at the same provider stays an interception
        Diagnosis avast = Pasted.explainAt("depth=1 C = CZ, O = Avast, CN = Avast Web/Mail Shield Root\n"
                + "verify error:num=19:self signed certificate in certificate chain", "smtp.office365.com", 587);
        assertEquals(Setting.NETWORK_OR_FIREWALL, avast.setting(), avast.ruleId());
        assertEquals("explain.cert.interceptor_named", avast.ruleId());
    }

    /**
     * Perl IO::Socket::SSL's warning that a program left certificate checks off names no failure (ra44-0044, answered
     * "the server's identity cannot be confirmed"); a failure printed after it is still read.
     */
    @Test
    void ioSocketSslsVerifyModeWarningIsNoFailure() {
        String warning = "*******************************************************************\n"
                + " Using the default of SSL_verify_mode of SSL_VERIFY_NONE for client\n"
                + " is deprecated! Please set SSL_verify_mode to SSL_VERIFY_PEER\n"
                + " possibly with SSL_ca_file|SSL_ca_path for verification.\n"
                + " If you really don't want to verify the certificate and keep the\n"
                + " connection open to Man-In-The-Middle attacks please set\n"
                + " SSL_verify_mode explicitly to SSL_VERIFY_NONE in your application.\n"
                + "*******************************************************************\n"
                + "  at /usr/local/bin/notify.pl line 211.";
        Diagnosis alone = Pasted.explain(warning);
        assertEquals(Verdict.NOT_RECOGNISED, alone.verdict(), alone.ruleId());
        Diagnosis then = Pasted.explain(warning + "\nSSL connect attempt failed error:0A000086:SSL routines::certificate"
                + " verify failed at /usr/share/perl5/Net/SMTP.pm line 193.");
        assertNotEquals(Verdict.NOT_RECOGNISED, then.verdict(), then.ruleId());
        assertEquals(Setting.NETWORK_OR_FIREWALL, then.setting(), then.ruleId());
    }
}
