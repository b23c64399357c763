package org.smtpdoctor.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

class ClientGuideTest {

    private final ClientGuide guide = new ClientGuide(Locale.ROOT);

    static Stream<Arguments> everyClientAndSetting() {
        return Arrays.stream(MailClient.values())
                .flatMap(c -> Arrays.stream(Setting.values()).map(s -> Arguments.of(c, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyClientAndSetting")
    void everyClientHasALocationForEverySetting(MailClient client, Setting setting) {
        SettingLocation location = guide.locate(client, setting);

        assertFalse(location.fieldName().isBlank());
        assertFalse(location.menuPath().isBlank());
        location.note().ifPresent(n -> assertFalse(n.isBlank()));
    }

    @ParameterizedTest
    @EnumSource(MailClient.class)
    void everyClientLabelsEverySecurityAndSignInChoice(MailClient client) {
        for (Security s : Security.values()) {
            assertFalse(guide.valueLabel(client, s).isBlank(), s::name);
        }
        for (AuthMethod m : AuthMethod.values()) {
            assertFalse(guide.authLabel(client, m).isBlank(), m::name);
        }
        assertFalse(guide.displayName(client).isBlank());
    }

    @Test
    void thunderbirdCallsItConnectionSecurityInTheSmtpServerDialog() {
        SettingLocation location = guide.locate(MailClient.THUNDERBIRD, Setting.SECURITY);

        assertEquals("Connection security", location.fieldName());
        assertTrue(location.menuPath().contains("Account Settings → Outgoing Server (SMTP)"));
        assertTrue(location.menuPath().endsWith("Edit…"));
        assertEquals("SSL/TLS", guide.valueLabel(MailClient.THUNDERBIRD, Security.SSL_TLS));
        assertEquals("STARTTLS", guide.valueLabel(MailClient.THUNDERBIRD, Security.STARTTLS));
        assertEquals("None", guide.valueLabel(MailClient.THUNDERBIRD, Security.NONE));
    }

    @Test
    void classicOutlookPointsAtTheAdvancedTabAndExplainsItsOlderLabels() {
        SettingLocation location = guide.locate(MailClient.OUTLOOK_CLASSIC, Setting.SECURITY);

        assertEquals("Use the following type of encrypted connection", location.fieldName());
        assertEquals("File → Account Settings → Account Settings… → select the account → Change… → More Settings… "
                + "→ Advanced", location.menuPath());
        assertTrue(location.note().orElseThrow().contains("TLS means STARTTLS"));
        assertTrue(location.note().orElseThrow().contains("Auto"));
    }

    @Test
    void appleProgramsHaveOneEncryptionSwitchAndThePortDecides() {
        assertEquals("Use TLS/SSL", guide.locate(MailClient.APPLE_MAIL, Setting.SECURITY).fieldName());
        assertEquals("Use SSL", guide.locate(MailClient.IOS_MAIL, Setting.SECURITY).fieldName());
        assertTrue(guide.valueLabel(MailClient.APPLE_MAIL, Security.SSL_TLS).contains("465"));
        assertTrue(guide.valueLabel(MailClient.APPLE_MAIL, Security.STARTTLS).contains("587"));
        assertTrue(guide.valueLabel(MailClient.IOS_MAIL, Security.NONE).contains("off"));
        assertTrue(guide.locate(MailClient.IOS_MAIL, Setting.SECURITY).note().orElseThrow().contains("Server Port decides"));
    }

    @Test
    void appleMailSaysToTurnOffAutomaticConnectionSettingsFirst() {
        assertTrue(guide.locate(MailClient.APPLE_MAIL, Setting.PORT).note().orElseThrow()
                .contains("Automatically manage connection settings"));
    }

    @Test
    void gmailAppWarnsAgainstAcceptingAllCertificates() {
        SettingLocation location = guide.locate(MailClient.GMAIL_ANDROID, Setting.SECURITY);

        assertEquals("Security type", location.fieldName());
        assertTrue(location.note().orElseThrow().contains("Accept all certificates"));
    }

    @ParameterizedTest
    @EnumSource(value = Setting.class, names = {"APP_PASSWORD", "ENABLE_SMTP_AUTH_AT_PROVIDER", "WAIT_AND_RETRY",
        "CONTACT_PROVIDER", "NETWORK_OR_FIREWALL"})
    void settingsOutsideTheMailProgramSaySo(Setting setting) {
        for (MailClient client : MailClient.values()) {
            SettingLocation location = guide.locate(client, setting);
            assertFalse(location.menuPath().contains("Account Settings"), client + " " + setting);
            assertTrue(location.note().isPresent(), client + " " + setting);
        }
    }

    /**
     * How long to wait depends on the refusal (greylisting: minutes; a daily sending limit: up to a day): the step
     * leaves the time to the explanation instead of saying "a few minutes" beside "often within a day".
     */
    @Test
    void waitingNamesNoDurationOfItsOwn() {
        for (MailClient client : MailClient.values()) {
            String path = guide.locate(client, Setting.WAIT_AND_RETRY).menuPath();
            assertFalse(path.contains("minute") || path.contains("hour"), client + ": " + path);
        }
    }

    @Test
    void appPasswordSaysWhereThePasswordGoesInThisProgram() {
        String note = guide.locate(MailClient.THUNDERBIRD, Setting.APP_PASSWORD).note().orElseThrow();

        assertTrue(note.contains("Saved password"), note);
        assertTrue(note.contains("Saved Passwords…"), note);
        assertTrue(note.contains("provider's website"), note);
    }

    @Test
    void microsoftSmtpAuthSwitchIsInTheAdminCentre() {
        SettingLocation location = guide.locate(MailClient.OUTLOOK_CLASSIC, Setting.ENABLE_SMTP_AUTH_AT_PROVIDER);

        assertTrue(location.menuPath().contains("Microsoft 365 admin center"));
        assertTrue(location.menuPath().contains("Authenticated SMTP"));
    }

    @Test
    void suggestedValuesAreTranslatedIntoTheProgramsWords() {
        assertEquals("on, with Server Port 465",
                guide.clientValue(MailClient.IOS_MAIL, SettingValue.security(Security.SSL_TLS)));
        assertEquals("STARTTLS (older versions: TLS)",
                guide.clientValue(MailClient.OUTLOOK_CLASSIC, SettingValue.security(Security.STARTTLS)));
        assertEquals("Normal password", guide.clientValue(MailClient.THUNDERBIRD, SettingValue.auth(AuthMethod.PLAIN)));
        assertEquals("587", guide.clientValue(MailClient.THUNDERBIRD, SettingValue.port(587)));
        assertEquals("something odd", guide.clientValue(MailClient.THUNDERBIRD, SettingValue.text("something odd")));
    }

    /** The ids of the diagnosis rules, which a reading's own place is keyed by ({@code clients.any.rule.<id>.path}). */
    private static Set<String> ruleIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String resource : new String[] {"rules.json", "explain-rules.json"}) {
            try (InputStream in = ClientGuideTest.class.getResourceAsStream("/org/smtpdoctor/diagnosis/" + resource)) {
                for (JsonNode rule : new ObjectMapper().readTree(in).path("rules")) {
                    ids.add(rule.path("id").asText());
                }
            }
        }
        return ids;
    }

    @Test
    void everyTextInTheBundleBelongsToAKnownProgramAndSetting() throws IOException {
        Set<String> rules = ruleIds();
        Set<String> clients = Arrays.stream(MailClient.values()).map(MailClient::key).collect(Collectors.toSet());
        clients.add(ClientGuide.ANY);
        Set<String> settings = Arrays.stream(Setting.values()).map(ClientGuide::settingKey).collect(Collectors.toSet());
        settings.add(ClientGuide.CONTACT_ADMINISTRATOR);
        settings.add(ClientGuide.OWN_ACCOUNT);
        Set<String> securities = Arrays.stream(Security.values()).map(ClientGuide::securityKey)
                .collect(Collectors.toSet());
        Set<String> auths = Arrays.stream(AuthMethod.values()).map(ClientGuide::authKey).collect(Collectors.toSet());

        for (String key : Messages.of(ClientGuide.BUNDLE, Locale.ROOT).bundle().keySet()) {
            String[] parts = key.split("\\.");
            assertEquals("clients", parts[0], key);
            assertTrue(clients.contains(parts[1]), key);
            boolean known = (parts.length == 3 && parts[2].equals("name") && !parts[1].equals(ClientGuide.ANY))
                    || (parts.length == 4 && parts[2].equals("security") && securities.contains(parts[3]))
                    || (parts.length == 4 && parts[2].equals("auth") && auths.contains(parts[3]))
                    || (parts.length == 4 && settings.contains(parts[2])
                            && Set.of("field", "path", "note").contains(parts[3]))
                    || (parts.length > 4 && parts[2].equals("rule") && Set.of("path", "note").contains(
                            parts[parts.length - 1]) && rules.contains(String.join(".",
                            Arrays.copyOfRange(parts, 3, parts.length - 1))));
            assertTrue(known, () -> "unused or misspelt key " + key);
        }
    }

    @Test
    void namesRoundTripThroughTheirJsonForm() {
        for (MailClient c : MailClient.values()) {
            assertEquals(c, MailClient.parse(Messages.jsonName(c)));
        }
        assertEquals(MailClient.OUTLOOK_NEW, MailClient.parse("outlook-new"));
        assertThrows(IllegalArgumentException.class, () -> MailClient.parse("eudora"));
    }
}
