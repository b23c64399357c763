package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;

class SettingChangesTest {

    private static AccountSettings s(String host, int port, Security security) {
        return AccountSettings.of(host, port, security);
    }

    private static AccountSettings signedIn(String host, int port, Security security, AuthMethod method, String user) {
        return new AccountSettings(host, port, security, method, user, Secret.empty(), "", "");
    }

    private static SettingChange change(Setting setting, String from, String to) {
        return new SettingChange(setting, from, to);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("identical", s("smtp.example.com", 587, Security.STARTTLS),
                        s("smtp.example.com", 587, Security.STARTTLS), List.of()),
                Arguments.of("host case only", s("SMTP.Example.com", 587, Security.STARTTLS),
                        s("smtp.example.com", 587, Security.STARTTLS), List.of()),
                Arguments.of("port and security mix-up", s("smtp.example.com", 465, Security.STARTTLS),
                        s("smtp.example.com", 587, Security.STARTTLS),
                        List.of(change(Setting.PORT, "465", "587"))),
                Arguments.of("587 STARTTLS to 465 SSL/TLS", s("smtp.example.com", 587, Security.STARTTLS),
                        s("smtp.example.com", 465, Security.SSL_TLS),
                        List.of(change(Setting.PORT, "587", "465"), change(Setting.SECURITY, "STARTTLS", "SSL/TLS"))),
                Arguments.of("security only", s("smtp.example.com", 465, Security.STARTTLS),
                        s("smtp.example.com", 465, Security.SSL_TLS),
                        List.of(change(Setting.SECURITY, "STARTTLS", "SSL/TLS"))),
                Arguments.of("wrong host only", s("smtp.gmial.com", 465, Security.SSL_TLS),
                        s("smtp.gmail.com", 465, Security.SSL_TLS),
                        List.of(change(Setting.SERVER_HOST, "smtp.gmial.com", "smtp.gmail.com"))),
                Arguments.of("everything", s("mail.example.com", 25, Security.NONE),
                        s("smtp.example.com", 465, Security.SSL_TLS),
                        List.of(change(Setting.SERVER_HOST, "mail.example.com", "smtp.example.com"),
                                change(Setting.PORT, "25", "465"), change(Setting.SECURITY, "None", "SSL/TLS"))),
                Arguments.of("sign-in switched on", s("smtp.example.com", 587, Security.STARTTLS),
                        signedIn("smtp.example.com", 587, Security.STARTTLS, AuthMethod.AUTO, "a@example.com"),
                        List.of(change(Setting.AUTH_METHOD, "none", "auto"))),
                Arguments.of("automatic sign-in is not a change",
                        signedIn("smtp.example.com", 587, Security.STARTTLS, AuthMethod.PLAIN, "a@example.com"),
                        signedIn("smtp.example.com", 587, Security.STARTTLS, AuthMethod.AUTO, "a@example.com"),
                        List.of()),
                Arguments.of("username form",
                        signedIn("smtp.example.com", 465, Security.SSL_TLS, AuthMethod.AUTO, "a"),
                        signedIn("smtp.example.com", 465, Security.SSL_TLS, AuthMethod.AUTO, "a@example.com"),
                        List.of(change(Setting.USERNAME, "a", "a@example.com"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void listsOnlyTheFieldsThatDiffer(String name, AccountSettings current, AccountSettings working,
            List<SettingChange> expected) {
        assertEquals(expected, SettingChanges.between(Optional.of(current), working));
    }

    @Test
    void withoutCurrentSettingsEveryServerFieldIsSet() {
        assertEquals(List.of(change(Setting.SERVER_HOST, "", "smtp.example.com"), change(Setting.PORT, "", "465"),
                        change(Setting.SECURITY, "", "SSL/TLS")),
                SettingChanges.between(Optional.empty(), s("smtp.example.com", 465, Security.SSL_TLS)));
    }
}
