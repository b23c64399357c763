package org.smtpdoctor.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.settings.Security;

/**
 * Sending services that sign in with a key as the password and one fixed user name for every customer live in the
 * provider catalogue like any provider, with the name on each of their servers.
 */
class SendingServiceCatalogueTest {

    private final ProviderCatalog catalog = ProviderCatalog.builtIn();

    @ParameterizedTest
    @CsvSource({"smtp.sendgrid.net, sendgrid, apikey", "smtp.resend.com, resend, resend"})
    void everyServerOfTheServiceCarriesItsFixedName(String host, String id, String name) {
        Provider p = catalog.forServerHost(host).orElseThrow();
        assertEquals(id, p.id());
        assertTrue(p.requires(Requirement.API_KEY_PASSWORD));
        assertTrue(p.domains().isEmpty(), "a sending service has no address domains of its own");
        assertFalse(p.servers().isEmpty());
        p.servers().forEach(s -> {
            assertTrue(s.usernameForm().isFixed(), s.toString());
            assertEquals(name, s.usernameFor("someone@example.org"));
        });
    }

    @Test
    void theDocumentedPortsAndTheirSecurityBelongTogether() {
        Provider sendgrid = catalog.byId("sendgrid").orElseThrow();
        assertTrue(sendgrid.servers().stream().anyMatch(s -> s.port() == 587
                && s.security() == Security.STARTTLS));
        assertTrue(sendgrid.servers().stream().anyMatch(s -> s.port() == 465
                && s.security() == Security.SSL_TLS));
    }

    @Test
    void addressFormsStillComeFromTheAddress() {
        assertEquals("someone@example.org", ServerPreset.UsernameForm.EMAIL.usernameFor("someone@example.org"));
        assertEquals("someone", ServerPreset.UsernameForm.LOCALPART.usernameFor("someone@example.org"));
        assertEquals("apikey", ServerPreset.UsernameForm.fixed("apikey").usernameFor(""));
        assertFalse(ServerPreset.UsernameForm.EMAIL.isFixed());
    }

    @Test
    void aFixedNameMustBeGiven() {
        String json = """
                {"providers": [{"id": "x", "name": "X", "domains": [], "smtp": [{"host": "smtp.x.test", "port": 587,
                "security": "starttls", "auth": [], "username": "fixed"}], "requires": [], "mx_suffixes": []}]}""";
        assertThrows(IllegalArgumentException.class, () -> ProviderCatalog.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }
}
