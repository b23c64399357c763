package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.Setting;

/**
 * A provider named only by the words of a reply is not taken when the server lies under another provider's domain,
 * and a wording many servers share names no provider: Coremail's "535 Error: authentication failed" is NetEase's,
 * Tencent Exmail's and many a company's, so it no longer says "NetEase needs an app password" with high confidence.
 */
class ProviderWordsAndServerDomainTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    @Test
    void aServerUnderAProvidersDomainBelongsToIt() {
        ProviderCatalog catalog = ProviderCatalog.builtIn();
        assertEquals("qq", catalog.underDomain("smtp.exmail.qq.com").orElseThrow().id());
        assertEquals("qq", catalog.underDomain("qq.com").orElseThrow().id());
        assertFalse(catalog.underDomain("smtp.example.org").isPresent());
        assertFalse(catalog.underDomain("com").isPresent());
    }

    @Test
    void wordsNamingAnotherProviderThanTheServersDomainAreNotTaken() {
        Diagnosis d = DIAGNOSER.explain("535 Authentication failed, see the NetEase help pages",
                ExplainContext.of(null, "smtp.exmail.qq.com", 465, null, null));
        assertFalse(d.explanation().contains("NetEase"), d.explanation());
    }

    @Test
    void tencentsBusinessServerIsNotPersonalQqMail() {
        ProviderCatalog catalog = ProviderCatalog.builtIn();
        assertEquals("tencent-exmail", catalog.forServerHost("smtp.exmail.qq.com").orElseThrow().id());
        assertEquals("tencent-exmail", catalog.forServerHost("hwsmtp.exmail.qq.com").orElseThrow().id());
        assertEquals("qq", catalog.forServerHost("smtp.qq.com").orElseThrow().id());
        // a business mailbox signs in with its own password: not QQ's "authorization code" with high confidence
        Diagnosis d = DIAGNOSER.explain("535 Error: authentication failed",
                ExplainContext.of(null, "smtp.exmail.qq.com", 465, null, "me@company.example"));
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence(), d.ruleId());
        assertFalse(d.explanation().contains("QQ Mail"), d.explanation());
    }

    @Test
    void aWordingManyServersShareIsNoSureProviderAnswer() {
        Diagnosis d = DIAGNOSER.explain("535 Error: authentication failed", ExplainContext.none());
        assertNotEquals(Confidence.HIGH, d.confidence(), d.ruleId());
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
    }
}
