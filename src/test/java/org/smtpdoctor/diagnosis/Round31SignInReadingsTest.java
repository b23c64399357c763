package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 31's quarter of once-fresh records of the sign-in settings, each a general meaning: Postfix's
 * "cannot authenticate to server X: ..." is its own SASL library failing before the server refused anything (Cyrus
 * SASL's "generic failure", "no mechanism available", "bad protocol / cancel"; "No worthy mechs found"), so the
 * sign-in method, not the password; a reply that names the AUTH command it answers ({@code 502 Command "AUTH PLAIN
 * ..." not implemented}, any quotes) is the AUTH step; "send AUTH command first" and "unauthenticated senders not
 * allowed" ask for sign-in; "authentication failed" in an address reply (5.1.0) is a session that did not sign in;
 * an error named
 * {@code loginFailure} and the Polish "wrong login data" are a refused sign-in; a provider that asks for a new
 * password before it unblocks sending asks for the password.
 */
class Round31SignInReadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "postfix/smtp[256]: 2C35B61E6B16: to=<a@example.cz>, relay=smtp.gmail.com[142.250.102.108]:587, delay=551,"
                + " dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server"
                + " smtp.gmail.com[142.250.102.108]: bad protocol / cancel)",
        "status=deferred (delivery temporarily suspended: SASL authentication failed; cannot authenticate to server"
                + " smtp.example.it[192.0.2.1]: generic failure)",
        "dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server"
                + " smtp-relay.example.com[192.0.2.7]: generic failure)",
        "postfix/smtp[126]: warning: SASL authentication failure: No worthy mechs found",
        "sasl_client_start failed: no worthy mechs found",
    })
    void theSendingServersOwnSaslFailureIsTheSignInMethod(String pasted) {
        explainsAs(Setting.AUTH_METHOD, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ERROR:\n502 Command \u201cAUTH PLAIN <redacted>\u201d not implemented",
        "502 5.5.1 Command 'AUTH LOGIN' not implemented",
        "Error: 502 command \"AUTH\" not implemented",
    })
    void anAuthCommandTheServerDoesNotImplementIsTheSignInMethod(String pasted) {
        explainsAs(Setting.AUTH_METHOD, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: MAIL FROM failed: '503 5.5.4 Error: send AUTH command first.",
        "503 5.5.1 Error: send AUTH command first",
        "System.Net.Mail.SmtpException: Unauthenticated senders not allowe",
        "SMTP Error: 550 Unauthenticated senders are not allowed to send mail",
    })
    void aServerAskingForTheAuthCommandFirstWantsSignIn(String pasted) {
        explainsAs(Setting.AUTH_METHOD, Confidence.MEDIUM, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vnit\u0159n\u00ed chyba [550 5.1.0 piWs1j0010jifNx01iWsdh authentication failed]",
        "Server responded: 550 5.1.0 <me@example.cz> authentication failed",
        "MAIL FROM: 550 5.1.0 Sender rejected: authentication required",
    })
    void authenticationFailedAtAnAddressIsASessionThatDidNotSignIn(String pasted) {
        Diagnosis d = explainsAs(Setting.AUTH_METHOD, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.PASSWORD), d.alternatives().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[ WARNING ] SMTPKitten.SMTPError.loginFailure [request-id: 4341D182-D565-485C-B45C-75431EEC1C47]",
        "MailError.loginFailure",
        "Niew\u0142a\u015bciwe dane logowania.",
        "Nieprawid\u0142owy login lub has\u0142o",
        "B\u0142\u0119dne has\u0142o",
    })
    void aLoginFailureIsARefusedSignIn(String pasted) {
        explainsAs(Setting.PASSWORD, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP Error: [554] 5.7.1 Account <email> has been blocked from sending due to abusive activity. Please update"
                + " password and (re-)enable 2FA to be unblocked",
        "550 5.7.1 Your account has been suspended for sending spam. Please change your password.",
        "554 Sending blocked: unusual activity. Please reset your password to restore sending.",
    })
    void aProviderAskingForANewPasswordBeforeSendingAgainWantsThePassword(String pasted) {
        Diagnosis d = explainsAs(Setting.PASSWORD, Confidence.MEDIUM, pasted);
        assertTrue(offers(d, Setting.CONTACT_PROVIDER), d.alternatives().toString());
        assertEquals(Verdict.FIX_SETTING, d.verdict());
    }
}
