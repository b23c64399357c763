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
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

class SettingChangesTest {

    private static AccountSettings s(String host, int port, Security security) {
        return AccountSettings.of(host, port, security);
    }

    private static AccountSettings signedIn(String host, int port, Security security, AuthMethod method, String user) {
        return new AccountSettings(host, port, security, method, user, Secret.empty(), "", "");
    }

    private static SettingValue port(int port) {
        return SettingValue.port(port);
    }

    private static SettingValue host(String host) {
        return SettingValue.host(host);
    }

    private static SettingValue user(String name) {
        return SettingValue.username(name);
    }

    private static SettingValue auth(AuthMethod method) {
        return SettingValue.auth(method);
    }

    private static SettingValue sec(Security security) {
        return SettingValue.security(security);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("identical", s("smtp.example.com", 587, Security.STARTTLS),
                        s("smtp.example.com", 587, Security.STARTTLS), List.of()),
                Arguments.of("host case only", s("SMTP.Example.com", 587, Security.STARTTLS),
                        s("smtp.example.com", 587, Security.STARTTLS), List.of()),
                Arguments.of("port and security mix-up", s("smtp.example.com", 465, Security.STARTTLS),
                        s("smtp.example.com", 587, Security.STARTTLS),
                        List.of(Change.of(Setting.PORT, port(465), port(587)))),
                Arguments.of("587 STARTTLS to 465 SSL/TLS", s("smtp.example.com", 587, Security.STARTTLS),
                        s("smtp.example.com", 465, Security.SSL_TLS),
                        List.of(Change.of(Setting.PORT, port(587), port(465)),
                                Change.of(Setting.SECURITY, sec(Security.STARTTLS), sec(Security.SSL_TLS)))),
                Arguments.of("security only", s("smtp.example.com", 465, Security.STARTTLS),
                        s("smtp.example.com", 465, Security.SSL_TLS),
                        List.of(Change.of(Setting.SECURITY, sec(Security.STARTTLS), sec(Security.SSL_TLS)))),
                Arguments.of("wrong host only", s("smtp.gmial.com", 465, Security.SSL_TLS),
                        s("smtp.gmail.com", 465, Security.SSL_TLS),
                        List.of(Change.of(Setting.SERVER_HOST, host("smtp.gmial.com"), host("smtp.gmail.com")))),
                Arguments.of("everything", s("mail.example.com", 25, Security.NONE),
                        s("smtp.example.com", 465, Security.SSL_TLS),
                        List.of(Change.of(Setting.SERVER_HOST, host("mail.example.com"), host("smtp.example.com")),
                                Change.of(Setting.PORT, port(25), port(465)),
                                        Change.of(Setting.SECURITY, sec(Security.NONE), sec(Security.SSL_TLS)))),
                Arguments.of("sign-in switched on", s("smtp.example.com", 587, Security.STARTTLS),
                        signedIn("smtp.example.com", 587, Security.STARTTLS, AuthMethod.AUTO, "a@example.com"),
                        List.of(Change.of(Setting.AUTH_METHOD, auth(AuthMethod.NONE), auth(AuthMethod.AUTO)))),
                Arguments.of("automatic sign-in is not a change",
                        signedIn("smtp.example.com", 587, Security.STARTTLS, AuthMethod.PLAIN, "a@example.com"),
                        signedIn("smtp.example.com", 587, Security.STARTTLS, AuthMethod.AUTO, "a@example.com"),
                        List.of()),
                Arguments.of("username form",
                        signedIn("smtp.example.com", 465, Security.SSL_TLS, AuthMethod.AUTO, "a"),
                        signedIn("smtp.example.com", 465, Security.SSL_TLS, AuthMethod.AUTO, "a@example.com"),
                        List.of(Change.of(Setting.USERNAME, user("a"), user("a@example.com")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void listsOnlyTheFieldsThatDiffer(String name, AccountSettings current, AccountSettings working,
            List<Change> expected) {
        assertEquals(expected, SettingChanges.between(Optional.of(current), working));
    }

    @Test
    void withoutCurrentSettingsEveryServerFieldIsSet() {
        assertEquals(List.of(Change.set(Setting.SERVER_HOST, host("smtp.example.com")), Change.set(Setting.PORT, port(465)),
                        Change.set(Setting.SECURITY, sec(Security.SSL_TLS))),
                SettingChanges.between(Optional.empty(), s("smtp.example.com", 465, Security.SSL_TLS)));
    }
}
