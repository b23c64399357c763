package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Readings from round 19's misses (non-English threads, webmail and groupware, helpdesk and newsletter tools), each a
 * general meaning rather than one product's sentence: a 235 quoted as an error is a sign-in that worked; a server
 * that names the submission service wants port 587; a sender that must match the login is the sender address; an
 * address the server says may not exist is the recipient's; a next server's demand for sign-in in a relayed report
 * is not the user's; a 5.3 status at a recipient is the mail system's, not a relay refusal; an unknown command where
 * 220 was expected is STARTTLS the server lacks; a log's received-line mark makes its refusal outrank the greeting.
 * The wordings are mostly other programs' than the records'.
 */
class Round19ReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Failed to authenticate on SMTP server with username \"info@example.com\" using 2 possible authenticators."
                + " Authenticator LOGIN returned Swift_TransportException: Expected response code 250 but got code"
                + " \"235\", with message \"235 Authentication succeeded\"",
        "Kernel::System::MailQueue | Temporary problem returned from server, requeuing message for sending."
                + " Message: SMTPCode: 235, ErrorMessage:",
        "smtp.SendMail: unexpected reply: 235 2.7.0 Authentication successful",
    })
    void aSignInTheServerAcceptedIsNeverThePassword(String pasted) {
        Diagnosis d = explainsAs(Setting.CONTACT_PROVIDER, pasted);
        assertEquals("explain.auth.success_misread", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP[ERROR]: Failed to add recipient \"someone@example.net\": 501 5.1.8 Use Submission for outgoing SMTP",
        "smtp command result err=\"authentication only allowed on submission ports\" code=503 ecode=5.5.1",
        "530 5.7.0 Please use a submission port for sending mail",
    })
    void aServerThatNamesTheSubmissionServiceWantsPort587(String pasted) {
        Diagnosis d = explainsAs(Setting.PORT, pasted);
        assertEquals(Optional.of(SettingValue.port(587)), d.suggestedValue(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rsp: 550 From domain must match authenticated domain",
        "5.7.1 <test@example.org>: Recipient address rejected: Sender is not same as SMTP authenticate username",
        "553 5.7.1 Sender address must match the authenticated user",
    })
    void aSenderThatMustMatchTheLoginIsTheSenderAddress(String pasted) {
        explainsAs(Setting.SENDER_ADDRESS, pasted);
    }

    @Test
    void anAddressWithoutADomainAtTheSenderIsTheSenderAddress() {
        explainsAs(Setting.SENDER_ADDRESS, "501 5.5.2 Domain name required");
    }

    @Test
    void aRecipientCommandsSyntaxErrorIsTheRecipientsAddress() {
        assertEquals(Optional.of(Phase.RCPT_TO), ReplyParser.parse("501 5.5.2 RCPT TO syntax error").phase());
        explainsAs(Setting.RECIPIENT_ADDRESS, "{\"error_code\": \"501\", \"reason\": \"501 5.5.2 RCPT TO syntax error\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Error: The following recipients failed: someone@example.it: The mail server could not deliver mail to"
                + " someone@example.it.  The account or domain may not exist, they may be blacklisted, or missing the"
                + " proper dns entries.",
        "550 Delivery failed: the account or domain may not exist",
    })
    void anAddressTheServerSaysMayNotExistIsTheRecipients(String pasted) {
        explainsAs(Setting.RECIPIENT_ADDRESS, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<bar@example.net>: host mail.example.net[192.0.2.8] said: 503 5.5.1 You must authenticate first. (in reply"
                + " to MAIL FROM command)",
        "to=<bob@example.org>, relay=mx.example.org[198.51.100.2]:25, status=bounced (<bob@example.org>: host"
                + " mx.example.org[198.51.100.2] said: 530 5.7.0 Authentication required (in reply to RCPT TO command))",
    })
    void theNextServersDemandForSignInIsNotTheUsers(String pasted) {
        explainsAs(Setting.CONTACT_PROVIDER, pasted);
    }

    @Test
    void aRelayTheUsersOwnServerSignsInToStaysTheSignIn() {
        // the next server is the user's own relay (a sending service), not the recipient's
        Diagnosis d = explain("<someone@example.com>: host email-smtp.eu-west-1.amazonaws.com[192.0.2.40] said: 530"
                + " Authentication required (in reply to MAIL FROM command)");
        assertNotEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
    }

    @Test
    void aSignInThatWorkedBeforeALaterRefusalIsNotTheAnswer() {
        explainsAs(Setting.SENDER_ADDRESS, ">>> AUTH LOGIN\n334 VXNlcm5hbWU6\n>>> <redacted>\n334 UGFzc3dvcmQ6\n>>> <redacted>\n"
                + "235 Authentication succeeded\n>>> MAIL FROM:<someone@example.com>\n550 5.7.1 Sender address"
                + " rejected: not owned by user");
    }

    @Test
    void aMailSystemStatusAtARecipientIsNoRelayRefusal() {
        Diagnosis d = explain("Delivery has failed to these recipients or groups:\nlist@lists.example.edu\n"
                + "Remote Server returned '554 5.3.0 < #5.3.0 x-unix; /usr/libexec/sympa/queue: usage error, one"
                + " one list-name argument expected.>'");
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
        assertNotEquals(Setting.AUTH_METHOD, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Expected response code 220 but got code \"502\", with message \"502 5.5.2 Error: command not recognized\"",
        "Symfony\\Component\\Mailer\\Exception\\TransportException: Expected response code \"220\" but got code"
                + " \"500\", with message \"500 5.5.1 Command unrecognized: \"STARTTLS\"\".",
    })
    void anUnknownCommandWhere220WasExpectedIsStartTlsTheServerLacks(String pasted) {
        explainsAs(Setting.SECURITY, pasted);
    }

    @Test
    void postfixsWrapperModeIsSslTls() {
        Diagnosis d = explainsAs(Setting.SECURITY, "postfix/smtp[456]: SMTPS wrappermode (TCP port 465) requires setting"
                + " \"smtp_tls_wrappermode = yes\", and \"smtp_tls_security_level = encrypt\" (or stronger)");
        assertEquals(Optional.of(SettingValue.security(Security.SSL_TLS)), d.suggestedValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5.7.8 Error: authentication failed: Your message looks like spam. You need to use web for sending or prove"
                + " you are not a robot using the following link http://example.com/checkcaptcha",
        "535 Authentication failed: please sign in to webmail and prove you are not a robot",
    })
    void aRefusedSignInThatAsksForProofOfAPersonIsTheAccountNotTheMessage(String pasted) {
        explainsAs(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, pasted);
    }

    @Test
    void aSecurityStatusWithAuthenticationFailedIsThePassword() {
        explainsAs(Setting.PASSWORD, "501 5.7.0 Authentication failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2016.11.21 23:48:50 SMTP (mail.example.se): <rx> 220 mx ESMTP Haraka ready\n"
                + "2016.11.21 23:48:50 SMTP (mail.example.se): [tx] EHLO DESKTOP3507CDS\n"
                + "2016.11.21 23:48:50 SMTP (mail.example.se): <rx> 550 Host names have more than one DNS label",
        "12:01:02 S: 220 mail.example.org ESMTP\n12:01:02 C: EHLO pc\n12:01:03 S: 554 5.7.1 Access denied",
    })
    void aLogsReceivedRefusalOutranksTheGreetingThatWorked(String pasted) {
        PastedEvidence e = ReplyParser.parse(pasted);
        assertTrue(e.code().isPresent() && e.code().getAsInt() >= 500, e.code().toString());
        assertNotEquals(Verdict.WORKS, explain(pasted).verdict());
    }
}
