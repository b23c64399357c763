package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * What the account holder changes when the provider's words name the reason: an OAuth permission that expired, a
 * sign-in refused until the account is verified in webmail, an account misused for spam (change the password), an
 * account or key without the right to send, a network address missing from the provider's allowed list, and a
 * recipient whose forwarding loops. Worded as several services, servers and libraries print them, not as the corpus
 * texts the rules were written from.
 */
class AccountPermissionAndLoopFamiliesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "invalid_grant: Token has been expired or revoked.",
        "Authentication failed: the refresh token has expired, please re-authorize the account",
        "OAuth token has expired for bob@example.org; sign in again",
        "OAUTHBEARER authentication failed: {\"status\":\"invalid_token\"}",
    })
    void anExpiredOauthPermissionIsTheSignInMethod(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.AUTH_METHOD, d.setting(), pasted);
        assertEquals("explain.auth.oauth_expired", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.0 Please log in to your webmail and verify your account first",
        "534 Please confirm your account in the web interface before using this server",
    })
    void aSignInRefusedUntilTheAccountIsVerifiedOnTheWebAsksForAnAppPassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.APP_PASSWORD, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Your account appears to be compromised and has been blocked from sending",
        "554 Outgoing mail suspended: unusual volume of spam originating from your account",
        "550 Mailbox has been compromised, sending disabled until the password is changed",
    })
    void anAccountMisusedForSpamNeedsANewPassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
        assertEquals(Setting.WAIT_AND_RETRY, d.alternatives().get(0).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 Access denied: User arn:aws:iam::123456789012:user/app is not authorized to perform ses:SendEmail",
        "User is not authorised to perform this action: send mail",
    })
    void anAccountWithoutTheRightToSendIsSwitchedOnAtTheProvider(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.alternatives().get(0).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Unauthorized IP address 203.0.113.5: add it to the authorized IPs of your account",
        "Error 401: IP address not authorized for this account",
    })
    void aNetworkAddressMissingFromTheAllowedListIsAddedAtTheProvider(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), pasted);
        assertEquals("explain.auth.network_address_not_listed", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.4.6 mail forwarding loop for bob@example.org",
        "Too many \"Received\" headers - suspected mail loop",
    })
    void aForwardingLoopIsTheRecipientsAddress(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.4.6 Routing loop detected",
    })
    void aLoopBetweenServersStaysWithTheProvider(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }
}
