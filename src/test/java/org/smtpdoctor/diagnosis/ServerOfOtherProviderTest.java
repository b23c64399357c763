package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * A sign-in refused because the account's address belongs to one provider and the outgoing server to another (an
 * att.net address at smtp.gmail.com; a Zoho EU account at Zoho's US server): the advice was "app password", which
 * cannot help. The provider data decides; brands that share accounts (Outlook.com and Microsoft 365, Verizon on
 * AOL's server) are never told to move.
 */
class ServerOfOtherProviderTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    private static Diagnosis explain(String text, String host, String username) {
        return DIAGNOSER.explain(text, ExplainContext.of(null, host, null, null, username));
    }

    @Test
    void anAddressOfOneProviderAtAnothersServerIsToldItsOwnServer() {
        Diagnosis d = explain("535-5.7.8 Username and Password not accepted. Learn more at\n"
                + "535 5.7.8 https://support.google.com/mail/?p=BadCredentials - gsmtp", "smtp.gmail.com", "ann@att.net");
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        assertEquals(Optional.of(SettingValue.host("outbound.att.net")), d.suggestedValue());
        assertEquals(Setting.PASSWORD, d.alternatives().get(0).setting(), "the password stays the runner-up");

        Diagnosis zoho = explain("535 Authentication Failed", "smtp.zoho.com", "ann@zohomail.eu");
        assertEquals(Optional.of(SettingValue.host("smtp.zoho.eu")), zoho.suggestedValue(), zoho.ruleId());
    }

    @Test
    void brandsThatShareAccountsAndUnknownDomainsAreNotMoved() {
        assertNotEquals(Setting.SERVER_HOST, explain("535 5.7.3 Authentication unsuccessful", "smtp.office365.com",
                "ann@outlook.com").setting());
        assertNotEquals(Setting.SERVER_HOST, explain("535 5.7.0 (#AUTH005) Too many bad auth attempts.",
                "smtp.aol.com", "ann@verizon.net").setting());
        assertNotEquals(Setting.SERVER_HOST, explain("535 5.7.8 Username and Password not accepted.",
                "smtp.gmail.com", "ann@example-company.com").setting(), "a Workspace domain is not in the catalog");
        assertNotEquals(Setting.SERVER_HOST, explain("535 5.7.8 Username and Password not accepted.",
                "smtp.gmail.com", "ann@gmail.com").setting());
    }

    /**
     * Zoho keeps each account on one data centre's server and organisations' own domains on smtppro: a refused
     * sign-in at smtp.zoho.com from an address that is not Zoho's own says so, with the passwords as alternatives;
     * a personal Zoho address at its own server is not sent elsewhere.
     */
    @Test
    void aProviderWithAServerPerDataCentreAndPlanNamesTheServerFirstWhenTheAddressDoesNotShowIt() {
        Diagnosis d = explain("Invalid login: 535 Authentication Failed", "smtp.zoho.com", "ann@example-company.com");
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
        assertEquals(Confidence.MEDIUM, d.confidence());
        assertEquals(java.util.List.of(Setting.APP_PASSWORD, Setting.PASSWORD),
                d.alternatives().stream().map(Alternative::setting).toList());
        assertNotEquals(Setting.SERVER_HOST, explain("535 Authentication Failed", "smtp.zoho.com",
                "ann@zohomail.com").setting(), "a personal Zoho address is on its own server");
    }
}
