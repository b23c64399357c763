package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Meanings about sign-in, credentials and addresses that the round-6 misses showed and that other servers and
 * programs word differently: a command refused until the client has signed in ("AUTH first"), a relay refusal worded
 * with "is not allowed", a sender the server calls forged, cannot read or the account may not use, Exchange's send-as
 * denial (also when it is only the reason for a throttle) and its bare submission refusal, a sending service's
 * sandbox domain, a program that was told to sign in but has an empty password (or no OAuth token), an account that
 * must first be unlocked in webmail, a relay client's (Postfix) refused SASL sign-in, a Kerberos (GSSAPI) sign-in
 * that cannot work, a program asking to verify the SMTP user name and password, and a 503 to DATA (no recipient was
 * accepted). Each family is proven with the wording of several servers and programs, not with the corpus texts the
 * rules were written from.
 */
class CredentialAndSenderMeaningFamiliesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "503 5.5.1 Error: need AUTH first",
        "530 5.7.0 Authentication first, please",
        "MAIL FROM failed: 503 please login first",
        "Net::SMTPFatalError: 530 You must log in first before sending",
        "SMTPSenderRefused: (530, b'Sign in first')",
        "550 5.7.1 Mail from an anonymous user is not permitted",
        "554 5.7.1 Anonymous submission is not permitted here",
    })
    void aCommandRefusedUntilSignInAsksToSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals("explain.auth.required", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 <user@example.net>: Relay is not allowed",
        "554 Relay is denied for this client",
        "Can't send mail - all recipients were rejected: 553 relay not authorized",
        "smtplib.SMTPRecipientsRefused: {'a@example.org': (550, b'Relaying is denied')}",
    })
    void aRelayRefusalWordedAsNotAllowedAsksToSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals("explain.relay.denied", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Forged sender: <ceo@example.com> is not yours",
        "553 sender address is forged",
        "554 5.7.1 Message rejected: forged envelope sender",
        "SMTP Error: 550 forged MAIL FROM detected",
    })
    void aSenderTheServerCallsForgedIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.60 SMTP; user is not allowed to send as sales@example.com",
        "554 5.2.252 SendAsDenied; ann@example.com not allowed to send as boss@example.com",
        "550 5.2.252 Message throttled: repeated send as denied errors from this mailbox",
        "Error: the mailbox has no permission to send as the address in From",
    })
    void aSendAsDenialIsTheSenderAddressEvenWhenItCausedAThrottle(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "553 5.1.0 <root@localhost>: Sender address syntax error",
        "MAIL FROM failed: 501 Syntax error in sender address",
        "550 malformed sender <john doe@example.com>",
    })
    void aSenderAddressTheServerCannotReadIsTheSenderAddressForSure(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
        assertEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 You are not allowed to send mail from this address",
        "553 5.7.1 User may not send mail from <boss@example.com>",
        "Error: this account cannot send from this address",
        "Send error: permanent: 5.7.1 sender domain mismatch",
        "554 From domain does not match your sending domain",
        "550 5.1.0 Sender denied",
        "553 sender is not permitted on this server",
    })
    void aSenderTheAccountMayNotUseIsTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 authentication failed: SMTP access is not allowed for this account",
        "Error: Invalid login: 535 SMTP access not allowed, enable it in the web settings",
        "534 This mailbox is not enabled for SMTP",
    })
    void smtpAccessSwitchedOffForTheAccountIsTheProviderSwitch(String pasted) {
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @Test
    void aBareSubmissionRefusalIsALowConfidenceSenderAnswer() {
        Diagnosis d = explain("The server response was: Cannot submit message.");
        assertEquals(Setting.SENDER_ADDRESS, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
        assertEquals("explain.sender.submission_refused", d.ruleId());
    }

    @Test
    void aSubmissionRefusalForTheSendingQuotaStaysALimit() {
        Diagnosis d = explain("554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException;"
                + " Failed to process message due to a permanent exception with message Cannot submit message.");
        assertNotEquals(Setting.SENDER_ADDRESS, d.setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "421 Domain sandbox123.mailgun.org is not allowed to send: please use your own domain",
        "550 Messages from a sandbox domain may only go to authorised recipients",
        "Rejected: test domains cannot send to this address; add your own domain to send to anyone",
    })
    void aSandboxSendingDomainIsTheSenderWithTheRecipientAsAlternative(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
        assertTrue(offers(d, Setting.RECIPIENT_ADDRESS), pasted);
    }

    @Test
    void aServiceAccountStillInTestModeStaysWithTheProvider() {
        assertEquals(Setting.CONTACT_PROVIDER,
                explain("554 Your account is in the sandbox: request production access to send to anyone").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: Missing credentials for \"LOGIN\"",
        "ArgumentError: both user and secret are required",
        "SMTP auth requested but no password provided",
        "mail.send: username or password is empty",
        "javax.mail.AuthenticationFailedException: failed to connect, no password specified?",
        "jakarta.mail.AuthenticationFailedException: failed to connect, no user name specified?",
    })
    void emptyCredentialsAreThePasswordWithNoSignInAsAlternative(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
        assertTrue(offers(d, Setting.AUTH_METHOD), pasted);
        assertEquals(Optional.empty(), d.suggestedValue(), pasted);
    }

    @Test
    void missingOauthCredentialsAreTheOauthSignInNotThePassword() {
        Diagnosis d = explain("Error: Missing credentials for \"XOAUTH2\"");
        assertEquals(Setting.AUTH_METHOD, d.setting());
        assertEquals("explain.auth.oauth_expired", d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This account cannot connect to webmail yet: sign in on the web first",
        "Error: the account needs to connect to WebMail before mail programs may sign in",
    })
    void anAccountThatMustFirstBeUnlockedInWebmailIsTheProviderSwitchNotTheNetwork(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "status=deferred (SASL authentication failed; server smtp.example.net[192.0.2.1] said: 535 5.7.3"
                + " Authentication unsuccessful)",
        "postfix/smtp[811]: warning: SASL authentication failed; server relay.example.org[203.0.113.5] said:"
                + " 535 5.7.3 Authentication unsuccessful",
    })
    void aRelayClientsRefusedSaslSignInIsItsStoredPassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
        assertEquals("explain.auth.relay_client_credentials", d.ruleId(), pasted);
    }

    @Test
    void aRelayClientsRefusedSignInAtMicrosoft365StaysTheMicrosoftReading() {
        Diagnosis d = explain("status=deferred (SASL authentication failed; server smtp.office365.com[52.96.0.1] said:"
                + " 535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.outlook.com])");
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting());
        assertTrue(offers(d, Setting.PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SASL authentication failure: GSSAPI Error: Unspecified GSS failure (No Kerberos credentials available)",
        "gss_init_sec_context() failed: No credentials cache found",
        "authentication failed: GSS-API error: ticket expired, run kinit",
    })
    void aKerberosSignInThatCannotWorkIsTheSignInMethod(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals("explain.auth.kerberos_unusable", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mail not sent. Please check SMTP username and password.",
        "Test failed: verify the SMTP username and password in the settings",
        "Invalid SMTP username or password",
    })
    void aProgramAskingToVerifyTheSmtpCredentialsIsThePassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
        assertTrue(offers(d, Setting.APP_PASSWORD) || offers(d, Setting.USERNAME), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Expected response code 354 but got code \"503\", with message \"503 5.5.1 Error: need RCPT command\"",
        "Unexpected return code - Expected: 354, Got: 503",
        "SMTP Error: DATA command failed: 503 Bad sequence of commands",
    })
    void aBadSequenceAnswerToDataAsksToSignInWithTheRecipientsAsAlternative(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Phase.DATA, ReplyParser.parse(pasted).phase().orElse(null), pasted);
        assertTrue(d.setting() == Setting.AUTH_METHOD || d.setting() == Setting.RECIPIENT_ADDRESS, pasted);
        assertTrue(d.setting() == Setting.RECIPIENT_ADDRESS || offers(d, Setting.RECIPIENT_ADDRESS), pasted);
    }
}
