package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Readings from round 31's other train misses of the sign-in settings, each a general meaning: a sign-in that fails
 * with the server's own user-name prompt ({@code 334 VXNlcm5hbWU6}, base64 for "Username:") as the last reply stopped
 * before any user name was given, so the program has sign-in on with nothing to sign in with (turn it off, or enter
 * the name); the same with the password prompt ({@code 334 UGFzc3dvcmQ6}) is a missing password; a sending service
 * whose user name is one fixed word for every customer (SendGrid's {@code apikey}, Resend's {@code resend}) refusing
 * the sign-in is the key, with that word offered for the user name unless the text shows it was used; a mail
 * connection address the program could not read back ({@code URIError: URI malformed}, "Invalid SMTP connection
 * URI") is a character in the password that breaks it.
 */
class Round31SignInTrainReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR org.codemonkey.simplejavamail.Mailer - 334 VXNlcm5hbWU6\n"
                + "javax.mail.AuthenticationFailedException: 334 VXNlcm5hbWU6",
        "jakarta.mail.AuthenticationFailedException: 334 VXNlcm5hbWU6",
        "Mail delivery failed: 334 VXNlcm5hbWU6",
        "SMTP error: 334 Username:",
    })
    void aSignInEndingOnTheUserNamePromptHadNothingToSignInWith(String pasted) {
        Diagnosis d = explainsAs(Setting.AUTH_METHOD, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.USERNAME), () -> d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javax.mail.AuthenticationFailedException: 334 UGFzc3dvcmQ6",
        "Authentication failed: 334 UGFzc3dvcmQ6",
        "SMTP error: 334 Password:",
    })
    void aSignInEndingOnThePasswordPromptHadNoPassword(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.AUTH_METHOD), () -> d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6",
        "SERVER -> CLIENT: 334 VXNlcm5hbWU6\nCLIENT -> SERVER: dXNlcg==\nSERVER -> CLIENT: 334 UGFzc3dvcmQ6\n"
                + "CLIENT -> SERVER: cGFzcw==\nSERVER -> CLIENT: 535 Incorrect authentication data",
    })
    void aPromptInsideARefusalIsStillTheRefusal(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.MEDIUM, pasted);
        assertFalse(d.ruleId().contains("prompt"), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Authentication failed: Bad username / password",
        "535 Authentication failed: Bad username / password",
        "451 Authentication failed: Could not authenticate\n\nConnection to host lost.",
        "SMTP Error: Could not authenticate.",
    })
    void aServiceWithAFixedUserNameRefusingTheSignInIsTheKeyOrThatName(String pasted) {
        Diagnosis d = explainAt(pasted, "smtp.sendgrid.net", 587);
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.username("apikey")), d.alternatives().stream()
                .filter(a -> a.setting() == Setting.USERNAME).findFirst().flatMap(Alternative::suggestedValue),
                () -> d.alternatives().toString());
        Diagnosis resend = explainAt(pasted, "smtp.resend.com", 465);
        assertEquals(Optional.of(SettingValue.username("resend")), resend.alternatives().stream()
                .filter(a -> a.setting() == Setting.USERNAME).findFirst().flatMap(Alternative::suggestedValue),
                () -> resend.alternatives().toString());
    }

    @Test
    void theFixedNameShownInTheTextIsNotOfferedAgain() {
        Diagnosis d = explainAt("Failed to authenticate on SMTP server with username \"apikey\" using 2 possible"
                + " authenticators. Authenticator LOGIN returned Expected response code 235 but got code \"535\","
                + " with message \"535 Authentication failed: Bad username / password\"", "smtp.sendgrid.net", 587);
        assertEquals(Setting.PASSWORD, d.setting());
        assertFalse(d.ruleId().equals("explain.auth.fixed_sign_in_name"), d.ruleId());
        Diagnosis other = explainAt("535 Authentication failed: Bad username / password", "smtp.example.com", 587);
        assertFalse(other.ruleId().equals("explain.auth.fixed_sign_in_name"), other.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Exception while invoking method 'sendSMTPTestEmail' URIError: URI malformed     at decodeURIComponent"
                + " (native)     at makePool (packages/email/email.js:29:1)",
        "Invalid SMTP connection URI. Must be in the form `smtp(s)://username:password@hostname:port` or"
                + " `smtp(s)://username@hostname:port`.",
        "Error sending mail: URIError: URI malformed\n    at decodeURIComponent (<anonymous>)\n    at parseSmtpUrl",
        "Error: invalid SMTP connection URL",
    })
    void aMailConnectionAddressTheProgramCannotReadIsACharacterInThePassword(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.USERNAME), () -> d.alternatives().toString());
    }

    @Test
    void aMalformedAddressOutsideMailIsNotRead() {
        assertFalse(Pasted.explain("URIError: URI malformed at decodeURIComponent (native) at router.js:12")
                .ruleId().equals("explain.auth.mail_address_url_unreadable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 <user2@gmail.com>: Recipient address rejected: Access denied",
        "Transaction failed. The server response was: 5.7.1 <patient@example.com>: Recipient address rejected:"
                + " Access denied.",
        "NOQUEUE: reject: RCPT from pc.example.com[192.168.10.107]: 554 5.7.1 <me@example.com>: Recipient address"
                + " rejected: Access denied; from=<me@example.com> to=<me@example.com> proto=ESMTP helo=<pc>",
    })
    void aRecipientDeniedByThePolicyStatusMayBeASessionWithoutSignIn(String pasted) {
        Diagnosis d = explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.AUTH_METHOD), () -> d.alternatives().toString());
    }

    @Test
    void aRecipientUnknownToTheDirectoryStaysTheAddress() {
        explainsAs(Setting.RECIPIENT_ADDRESS, Confidence.MEDIUM,
                "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)");
    }
}
