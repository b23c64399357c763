package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 20's misses (identity services and headless CMS, self-hosted apps, a machine's own mail senders
 * and relays), each a general meaning rather than one product's sentence: a user name that is still a template's
 * placeholder, or empty, is the user name; a challenge-response method that fails is the sign-in method; a one-label
 * next hop that cannot be looked up is a server name, as is ssmtp's unconfigured mailhub; a From header the receiver
 * calls non-compliant, or a sending domain it blocks, is the sender address; Postfix's "Untrusted TLS connection
 * established" is a warning after which delivery went on; a password the program says is missing is the password; a
 * Ruby stack frame names the step; binary bytes quoted as the last command are a TLS handshake sent to a plain port;
 * a missing local sendmail is not an unknown server at high confidence. Mostly other programs' words than the records.
 */
class Round20ReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Failed to authenticate on SMTP server with username \"${MAIL_USERNAME}\" using 3 possible authenticators."
                + " Authenticator LOGIN returned Expected response code 235 but got code \"535\", with message \"535-5.7.8"
                + " Username and Password not accepted.\"",
        "javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful; user=%SMTP_USER%",
        "smtp: 535 authentication failed for username \"{{ smtp_user }}\"",
    })
    void aUserNameStillAPlaceholderIsTheUserName(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.USERNAME, d.setting(), d.ruleId() + ": " + pasted);
    }

    @Test
    void anEmptyUserNameIsTheUserName() {
        Diagnosis d = explain("postfix/smtp[512]: warning: SASL authentication failure: All-whitespace username.");
        assertEquals(Setting.USERNAME, d.setting(), d.ruleId());
    }

    @Test
    void aChallengeResponseMethodThatFailsIsTheSignInMethod() {
        Diagnosis d = explain("postfix/smtpd[90]: warning: SASL DIGEST-MD5 authentication failed: bad protocol /"
                + " cancel, sasl_username=(unavailable)");
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
    }

    @Test
    void aOneLabelNextHopThatCannotBeLookedUpIsAServerName() {
        Diagnosis d = explain("postfix/lmtp[216]: 1E428A: to=<bob@example.test>, relay=none, dsn=4.4.3, status=deferred"
                + " (Host or domain name not found. Name service error for name=dovecot type=AAAA: Host not found, try"
                + " again)");
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sendmail: Cannot open mailhub:25", "sSMTP[886]: Unable to locate mailhub"})
    void ssmtpsUnconfiguredMailhubIsTheServerName(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId() + ": " + pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550-5.7.1 Our system has detected that this message is not RFC 5322 compliant: 'From' header has non"
                + " compliant domain name.",
        "MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Sending from this domain is blocked",
    })
    void aSenderDomainTheReceiverRefusesIsTheSenderAddress(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + pasted);
    }

    @Test
    void anUntrustedButEstablishedTlsConnectionIsAWarningOnly() {
        Diagnosis d = explain("postfix/smtp[138]: certificate verification failed for mx.example.net[192.0.2.26]:25:"
                + " untrusted issuer /CN=Example Root\npostfix/smtp[138]: Untrusted TLS connection established to"
                + " mx.example.net[192.0.2.26]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384");
        assertEquals(Verdict.WORKS, d.verdict(), d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
    }

    @Test
    void aPasswordTheProgramSaysIsMissingIsThePassword() {
        Diagnosis d = explain("ERROR mailer Error while configuring sender {\"error\": \"cannot configure mailer: missing"
                + " compulsory password\"}");
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
    }

    @Test
    void aRubyStackFrameNamesTheStep() {
        Diagnosis recipient = explain("Net::SMTPSyntaxError: 501 Syntax error\n"
                + "/usr/lib/ruby/3.1.0/net/smtp.rb:954:in `check_response'\n/usr/lib/ruby/3.1.0/net/smtp.rb:866:in"
                + " `rcptto'");
        assertEquals(Setting.RECIPIENT_ADDRESS, recipient.setting(), recipient.ruleId());
        Diagnosis sender = explain("Net::SMTPSyntaxError: 501 Syntax error\n"
                + "/usr/lib/ruby/3.1.0/net/smtp.rb:954:in `check_response'\n/usr/lib/ruby/3.1.0/net/smtp.rb:859:in"
                + " `mailfrom'");
        assertEquals(Setting.SENDER_ADDRESS, sender.setting(), sender.ruleId());
    }

    @Test
    void eximsRefusedRecipientLineNamesTheRecipientStep() {
        Diagnosis d = explain("2019-08-08 20:00:06 H=mail.example.com [192.0.2.53] F=<alice@example.com> rejected RCPT"
                + " <nobody@example.org>: Unrouteable addres");
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), d.ruleId());
    }

    @Test
    void binaryBytesQuotedAsTheLastCommandAreATlsHandshakeOnAPlainPort() {
        String pasted = "SMTP call from client.example.com [192.0.2.9]:39166 dropped: too many syntax or protocol"
                + " errors (last command was \"\\026\\003\\001\\002\\000\\001\\000\\001\\374\\003\\003\", NULL)";
        assertEquals(Optional.of(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED), ReplyParser.parse(pasted).failureKind());
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    @Test
    void aMissingLocalSendmailIsNotAnUnknownServerAtHighConfidence() {
        Diagnosis d = explain("smartd[232081]: s-nail: Cannot start /usr/sbin/sendmail: executable not found (adjust"
                + " *mta* variable)");
        assertNotEquals(Confidence.HIGH, d.confidence(), d.ruleId());
        assertEquals("explain.host.local_mailer_missing", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR notification_service: Failed to send notification email: AddressError(InvalidInput)",
        "org.keycloak.email.EmailException: Please provide a valid address",
    })
    void anAddressTheProgramCannotUseIsReadAsAnAddress(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), d.ruleId() + ": " + pasted);
        assertEquals(Confidence.LOW, d.confidence());
    }
}
