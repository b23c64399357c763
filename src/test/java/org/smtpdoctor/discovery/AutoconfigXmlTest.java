package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.settings.Security;

class AutoconfigXmlTest {

    @TempDir
    Path dir;

    private static Optional<Provider> parse(String xml) {
        return AutoconfigXml.parse(xml.getBytes(StandardCharsets.UTF_8), "autoconfig:acme.test", "test", "acme.test");
    }

    @Test
    void outgoingServerUsernameFormAndMethodsAreRead() {
        Provider p = parse(AutoconfigServer.config("smtp.acme.test", 587, "STARTTLS", "%EMAILLOCALPART%",
                "password-encrypted")).orElseThrow();

        ServerPreset s = p.servers().get(0);
        assertEquals("smtp.acme.test", s.host());
        assertEquals(587, s.port());
        assertEquals(Security.STARTTLS, s.security());
        assertEquals(ServerPreset.UsernameForm.LOCALPART, s.usernameForm());
        assertEquals(List.of("password-encrypted"), s.authMechanisms());
        assertEquals("Acme Mail", p.name());
        assertTrue(p.requires().isEmpty());
    }

    @Test
    void emailDomainPlaceholderInTheHostNameIsFilledIn() {
        Provider p = parse(AutoconfigServer.config("smtp.%EMAILDOMAIN%", 465, "SSL", "%EMAILADDRESS%",
                "password-cleartext")).orElseThrow();

        assertEquals("smtp.acme.test", p.servers().get(0).host());
    }

    @Test
    void externalEntityIsRefusedAndTheFileIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "smtp.leaked.test");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE clientConfig [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n" + AutoconfigServer.config("&x;", 465, "SSL", "%EMAILADDRESS%", "password-cleartext")
                        .replaceFirst("<\\?xml[^>]*>\\n", "");

        assertEquals(Optional.empty(), parse(xml));
    }

    @Test
    void entityExpansionBombIsRefused() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE clientConfig [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<clientConfig><emailProvider>"
                + "<displayName>&b;</displayName></emailProvider></clientConfig>";

        assertEquals(Optional.empty(), parse(xml));
    }

    @Test
    void fileWithoutOutgoingServerOrNotXmlGivesNothing() {
        assertEquals(Optional.empty(), parse("<clientConfig><emailProvider id=\"x\"/></clientConfig>"));
        assertEquals(Optional.empty(), parse("<html><body>Not found</body></html>"));
        assertEquals(Optional.empty(), parse("not xml at all"));
    }

    @Test
    void oauthOnlyServerMakesTheProviderOauthOnly() {
        Provider p = parse(AutoconfigServer.config("smtp.acme.test", 465, "SSL", "%EMAILADDRESS%", "OAuth2"))
                .orElseThrow();

        assertTrue(p.requires(Requirement.OAUTH_ONLY));
    }
}
