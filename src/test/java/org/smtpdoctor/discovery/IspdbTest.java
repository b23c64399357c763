package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.settings.Security;

/** The shipped ISPDB snapshot: complete, parseable, licensed, and looked up like Thunderbird does. */
class IspdbTest {

    private static List<String[]> index() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Ispdb.class.getResourceAsStream("ispdb/index.txt")) {
            assertNotNull(in);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    @Test
    void everyIndexedDomainLeadsToAFileThatListsItAndHasAnOutgoingServer() throws Exception {
        List<String[]> rows = index();
        assertTrue(rows.size() > 900, "domains: " + rows.size());
        for (String[] row : rows) {
            Optional<Provider> p = Ispdb.builtIn().forDomain(row[0]);
            assertTrue(p.isPresent(), row[0] + " -> " + row[1]);
            assertTrue(p.get().domains().contains(row[0]), row[0]);
            assertTrue(!p.get().servers().isEmpty(), row[1]);
        }
        assertEquals(rows.size(), Ispdb.builtIn().size());
    }

    @Test
    void licenceAndProvenanceTravelWithTheData() {
        assertNotNull(Ispdb.class.getResource("ispdb/LICENSE"));
        assertNotNull(Ispdb.class.getResource("ispdb/README.md"));
    }

    @Test
    void domainLookupGivesTheProvidersOutgoingServers() {
        Provider gmx = Ispdb.builtIn().forDomain("GMX.de").orElseThrow();

        assertEquals("ispdb:gmx.net", gmx.id());
        assertTrue(gmx.servers().stream().anyMatch(s -> s.host().equals("mail.gmx.net")
                && s.security() == Security.SSL_TLS), gmx.servers().toString());
    }

    @Test
    void mxSuffixEntriesRecogniseHostedDomains() {
        Ispdb.MxMatch m = Ispdb.builtIn().forMxHost("contoso-com.mail.protection.outlook.com.", "contoso.com")
                .orElseThrow();

        assertEquals("mail.protection.outlook.com", m.suffix());
        assertTrue(m.provider().requires(Requirement.OAUTH_ONLY));
        assertEquals(Optional.empty(), Ispdb.builtIn().forMxHost("mx.unknown-hosting.test", "acme.test"));
    }

    @Test
    void localPartUsernameFormIsKept() {
        Provider p = Ispdb.builtIn().forDomain("bol.com.br").orElseThrow();

        assertTrue(p.servers().stream().allMatch(s -> s.usernameForm().equals(ServerPreset.UsernameForm.LOCALPART)));
    }
}
