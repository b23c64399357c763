package org.smtpdoctor.ui.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.clients.Advisor;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.settings.Setting;

/** The banner names who acts: never "change a setting" for what is not a setting in the mail program. */
class BannerTest {

    @ParameterizedTest
    @CsvSource({
        "WORKS, NONE, NOBODY, WORKS",
        "FIX_SETTING, PORT, YOU, CHANGE_IN_PROGRAM",
        "FIX_SETTING, APP_PASSWORD, YOU, CHANGE_IN_PROGRAM",
        "FIX_SETTING, ENABLE_SMTP_AUTH_AT_PROVIDER, YOU, CHANGE_OUTSIDE",
        "FIX_SETTING, ENABLE_SMTP_AUTH_AT_PROVIDER, ADMIN, ADMIN",
        "FIX_SETTING, NETWORK_OR_FIREWALL, YOU, NETWORK",
        "SERVER_SIDE, CONTACT_PROVIDER, PROVIDER, PROVIDER",
        "SERVER_SIDE, CONTACT_PROVIDER, YOU, CHANGE_OUTSIDE",
        "TEMPORARY, WAIT_AND_RETRY, NOBODY, LATER",
        "SERVER_SIDE, NONE, YOU, PROGRAM",
    })
    void bannerFollowsWhoActs(Verdict verdict, Setting setting, Actor actor, Banner expected) {
        Diagnosis d = new Diagnosis(verdict, setting, Optional.empty(), actor, "t", "e", "", Confidence.HIGH,
                List.of(), List.of(), "r");
        assertEquals(expected, Banner.of(d, new Advisor(new ClientGuide()).advise(d, MailClient.THUNDERBIRD,
                Optional.empty())));
    }

    /**
     * Every glyph is in DejaVu Sans, the font Linux desktops (and Xvfb) fall back to: "⏱" was not, and the
     * try-again banner showed an empty box. Skipped where DejaVu Sans is not installed.
     */
    @org.junit.jupiter.api.Test
    void everyGlyphIsInTheUsualLinuxFont() {
        java.awt.Font dejaVu = new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 12);
        org.junit.jupiter.api.Assumptions.assumeTrue("DejaVu Sans".equals(dejaVu.getFamily()),
                "DejaVu Sans is not installed here");
        for (Banner b : Banner.values()) {
            org.junit.jupiter.api.Assertions.assertEquals(-1, dejaVu.canDisplayUpTo(b.glyph()),
                    b + " " + b.glyph());
        }
    }
}
