package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

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
        explainsAs(Setting.USERNAME, pasted);
    }

    @Test
    void anEmptyUserNameIsTheUserName() {
        explainsAs(Setting.USERNAME, "postfix/smtp[512]: warning: SASL authentication failure: All-whitespace username.");
    }

    @Test
    void aChallengeResponseMethodThatFailsIsTheSignInMethod() {
        explainsAs(Setting.AUTH_METHOD, "postfix/smtpd[90]: warning: SASL DIGEST-MD5 authentication failed: bad protocol /"
                + " cancel, sasl_username=(unavailable)");
    }

    @Test
    void aOneLabelNextHopThatCannotBeLookedUpIsAServerName() {
        explainsAs(Setting.SERVER_HOST, "postfix/lmtp[216]: 1E428A: to=<bob@example.test>, relay=none, dsn=4.4.3, status=deferred"
                + " (Host or domain name not found. Name service error for name=dovecot type=AAAA: Host not found, try"
                + " again)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sendmail: Cannot open mailhub:25", "sSMTP[886]: Unable to locate mailhub"})
    void ssmtpsUnconfiguredMailhubIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550-5.7.1 Our system has detected that this message is not RFC 5322 compliant: 'From' header has non"
                + " compliant domain name.",
        "MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Sending from this domain is blocked",
    })
    void aSenderDomainTheReceiverRefusesIsTheSenderAddress(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
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
        explainsAs(Setting.PASSWORD, "ERROR mailer Error while configuring sender {\"error\": \"cannot configure mailer: missing"
                + " compulsory password\"}");
    }

    @Test
    void aRubyStackFrameNamesTheStep() {
        explainsAs(Setting.RECIPIENT_ADDRESS, "Net::SMTPSyntaxError: 501 Syntax error\n"
                + "/usr/lib/ruby/3.1.0/net/smtp.rb:954:in `check_response'\n/usr/lib/ruby/3.1.0/net/smtp.rb:866:in"
                + " `rcptto'");
        explainsAs(Setting.SENDER_ADDRESS, "Net::SMTPSyntaxError: 501 Syntax error\n"
                + "/usr/lib/ruby/3.1.0/net/smtp.rb:954:in `check_response'\n/usr/lib/ruby/3.1.0/net/smtp.rb:859:in"
                + " `mailfrom'");
    }

    @Test
    void eximsRefusedRecipientLineNamesTheRecipientStep() {
        explainsAs(Setting.RECIPIENT_ADDRESS,
                "2019-08-08 20:00:06 H=mail.example.com [192.0.2.53] F=<alice@example.com> rejected RCPT"
                + " <nobody@example.org>: Unrouteable addres");
    }

    @Test
    void binaryBytesQuotedAsTheLastCommandAreATlsHandshakeOnAPlainPort() {
        String pasted = "SMTP call from client.example.com [192.0.2.9]:39166 dropped: too many syntax or protocol"
                + " errors (last command was \"\\026\\003\\001\\002\\000\\001\\000\\001\\374\\003\\003\", NULL)";
        assertEquals(Optional.of(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED), ReplyParser.parse(pasted).failureKind());
        explainsAs(Setting.SECURITY, pasted);
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
        explainsAs(Setting.SENDER_ADDRESS, Confidence.LOW, pasted);
    }
}
