package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainAt;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 25's sign-in misses, each a general meaning: a sign-in command for a mechanism the server
 * answers as an unknown command (IMAP's AUTHENTICATE verb included) is the sign-in method; Windows' own sign-in
 * refused ("The logon attempt failed") is the sign-in method; a program that asks for a user name to sign in to a
 * relay on this computer's port 25 needs no sign-in; a stored password the program can no longer decode or decrypt
 * is the password; emailjs's "authorization.failed" is a refused sign-in.
 */
class Round25SignInReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "< AUTHENTICATE SCRAM-SHA-1\r\n\r\n> 500 5.5.1 unknown command\r\n",
        "C: AUTHENTICATE PLAIN\nS: 500 5.5.2 Syntax error, command unrecognized",
        "> AUTH SCRAM-SHA-256 biwsbj11c2VyLHI9\n< 504 5.5.4 Unrecognized authentication type",
        "AUTH CRAM-MD5\r\n502 5.5.1 Command not implemented",
    })
    void aSignInMechanismTheServerDoesNotKnowIsTheSignInMethod(String pasted) {
        assertEquals(Optional.of(Phase.AUTH), ReplyParser.parse(pasted).phase(), pasted);
        Diagnosis d = explainsAs(Setting.AUTH_METHOD, pasted);
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    @Test
    void aCapabilityLineNamingScramIsNoCommand() {
        assertNotEquals(Optional.of(Phase.AUTH), ReplyParser.parse("250-AUTH SCRAM-SHA-256 PLAIN\n250 OK").phase());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the logon attempt failed",
        "System.Net.Mail.SmtpException: Failure sending mail. ---> System.ComponentModel.Win32Exception: The logon"
                + " attempt failed",
        "Send-MailMessage : The logon attempt failed",
        "SEC_E_LOGON_DENIED (0x8009030C) while authenticating to the mail server",
    })
    void windowsOwnSignInRefusedIsTheSignInMethod(String pasted) {
        Diagnosis d = explainsAs(Setting.AUTH_METHOD, Confidence.LOW, pasted);
        assertTrue(offers(d, Setting.USERNAME) || offers(d, Setting.PASSWORD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP-AUTH requested but missing user name",
        "Error: Missing credentials for \"PLAIN\"",
        "mail: cannot send message: username is missing",
    })
    void missingCredentialsForARelayOnThisComputerNeedNoSignIn(String pasted) {
        Diagnosis local = explainAt(pasted, "localhost", 25);
        assertEquals(Setting.AUTH_METHOD, local.setting(), local.ruleId());
        assertEquals(Confidence.LOW, local.confidence());
        assertTrue(offers(local, Setting.USERNAME), local.alternatives().toString());
        // a provider's server wants the sign-in completed, not switched off
        Diagnosis remote = explainAt(pasted, "smtp.example.com", 587);
        assertNotEquals(Setting.AUTH_METHOD, remote.setting(), remote.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding"
                + " characters, or an illegal character among the padding characters.",
        "Microsoft.Dynamics.Ax.Xpp.Security.CryptoEncryptionException: Encryption error occurred with exception",
        "System.Security.Cryptography.CryptographicException: Padding is invalid and cannot be removed.",
        "Failed to decrypt the stored SMTP password: Key not valid for use in specified state.",
    })
    void aStoredPasswordTheProgramCannotReadIsThePassword(String pasted) {
        explainsAs(Setting.PASSWORD, Confidence.LOW, pasted);
    }

    @Test
    void aBrokenEncryptedConnectionIsNoStoredPassword() {
        assertNotEquals(Setting.PASSWORD, Pasted.explain("SSL routines:ssl3_get_record:decryption failed or bad"
                + " record mac; could not decrypt the TLS record").setting());
    }

    @Test
    void emailjsAuthorizationFailedIsARefusedSignIn() {
        String pasted = "{ [Error: authorization.failed]\n  code: 3,\n  previous:\n   { [Error: bad response on"
                + " command 'AUTH']\n     code: 2,";
        assertEquals(Optional.of(FailureKind.AUTH_REJECTED), ReplyParser.parse(pasted).failureKind());
        assertEquals(Setting.APP_PASSWORD, explainAt(pasted, "smtp.gmail.com", null).setting());
        assertEquals(Setting.PASSWORD, explainAt(pasted, "mail.example.org", 587).setting());
    }
}
