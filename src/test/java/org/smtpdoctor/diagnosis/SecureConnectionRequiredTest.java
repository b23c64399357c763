package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * A server that says it needs a secure or encrypted connection names the connection security, even when its reply
 * code is one of sign-in (QQ Mail's {@code 530 Login fail. A secure connection is requiered(such as ssl).}, spelling
 * included) and even at a provider whose refused sign-in usually means an app password: the password was never
 * looked at. .NET's own "requires a secure connection or the client was not authenticated" stays a sign-in matter.
 */
class SecureConnectionRequiredTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "530 Login fail. A secure connection is requiered(such as ssl).",
        "535 5.7.1 A secure connection is required to sign in",
        "530 5.7.0 Encrypted connection required",
        "554 Error: this server requires an encrypted connection",
    })
    void aDemandForASecureConnectionIsTheConnectionSecurity(String reply) {
        assertEquals(Setting.SECURITY, Pasted.explain(reply).setting(), reply);
        assertEquals(Setting.SECURITY, new Diagnoser().explain(reply,
                ExplainContext.of(null, "smtp.qq.com", 587, null, null)).setting(), reply);
    }

    @Test
    void dotNetsSecureConnectionOrNotAuthenticatedIsStillTheSignIn() {
        assertEquals(Setting.AUTH_METHOD, Pasted.explain("System.Net.Mail.SmtpException: The SMTP server requires a"
                + " secure connection or the client was not authenticated. The server response was: 5.7.0"
                + " Authentication Required").setting());
    }
}
