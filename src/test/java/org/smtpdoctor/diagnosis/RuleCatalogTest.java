package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.Setting;

/** The rule table loads, refuses mistakes loudly, and lets the most specific rule win. */
class RuleCatalogTest {

    private static RuleCatalog parse(String rules) throws IOException {
        return RuleCatalog.parse(new ByteArrayInputStream(("{\"rules\": [" + rules + "]}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String rule(String id, String when, String setting) {
        return "{\"id\": \"" + id + "\", \"when\": {" + when + "}, \"then\": {\"verdict\": \"FIX_SETTING\", "
                + "\"setting\": \"" + setting + "\", \"actor\": \"YOU\", \"confidence\": \"LOW\", \"message\": "
                + "\"unknown\"}}";
    }

    @Test
    void builtInTableLoadsWithACatchAll() {
        RuleCatalog catalog = RuleCatalog.builtIn();
        assertTrue(catalog.rules().size() > 100);
        assertTrue(catalog.rules().stream().anyMatch(r -> r.id().equals("fallback")));
    }

    @Test
    void unknownEvidenceCheckIsRefused() {
        assertThrows(IllegalStateException.class, () -> parse(rule("x", "\"evidence\": [\"noSuchCheck\"]", "PORT")));
    }

    @Test
    void malformedCodeIsRefused() {
        assertThrows(IllegalStateException.class, () -> parse(rule("x", "\"code\": [\"5x\"]", "PORT")));
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThrows(IllegalStateException.class, () -> parse(rule("x", "", "PORT") + "," + rule("x", "", "PORT")));
    }

    @Test
    void exactEnhancedCodeBeatsBasicCodeWhichBeatsClass() throws IOException {
        RuleCatalog catalog = parse(String.join(",",
                rule("class", "\"code\": [\"5xx\"]", "CONTACT_PROVIDER"),
                rule("basic", "\"code\": [\"550\"]", "RECIPIENT_ADDRESS"),
                rule("enhanced", "\"enhanced\": [\"5.7.60\"]", "SENDER_ADDRESS"),
                rule("fallback", "", "NONE")));
        Diagnoser diagnoser = new Diagnoser(ProviderCatalog.builtIn(), catalog,
                Messages.of(Diagnoser.BUNDLE, Locale.ROOT));
        assertEquals(Setting.SENDER_ADDRESS, diagnoser.explain("550 5.7.60 no", ExplainContext.none()).setting());
        assertEquals(Setting.RECIPIENT_ADDRESS, diagnoser.explain("550 no", ExplainContext.none()).setting());
        assertEquals(Setting.CONTACT_PROVIDER, diagnoser.explain("551 no", ExplainContext.none()).setting());
        assertEquals(Setting.NONE, diagnoser.explain("hello", ExplainContext.none()).setting());
    }

    @Test
    void earlierRuleWinsATie() throws IOException {
        RuleCatalog catalog = parse(String.join(",",
                rule("first", "\"code\": [\"550\"]", "RECIPIENT_ADDRESS"),
                rule("second", "\"code\": [\"550\"]", "SENDER_ADDRESS")));
        Diagnoser diagnoser = new Diagnoser(ProviderCatalog.builtIn(), catalog,
                Messages.of(Diagnoser.BUNDLE, Locale.ROOT));
        assertEquals("first", diagnoser.explain("550 no", ExplainContext.none()).ruleId());
    }
}
