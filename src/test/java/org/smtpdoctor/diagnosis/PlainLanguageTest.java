package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.i18n.Messages;

/**
 * Titles and explanations are for people who do not know SMTP: no reply codes, no protocol words. "STARTTLS" and
 * "SSL/TLS" may appear in explanations only as the value to pick.
 */
class PlainLanguageTest {

    private static final Messages MESSAGES = Messages.of(Diagnoser.BUNDLE, Locale.ROOT);
    private static final Object[] ARGS = {"VALUE", "PROVIDER", "HOST", "PORT", "USER", "NAMES", "OFFER", "ADDRESS",
        "SECURITY", "TESTED", "METHOD", "FINGERPRINT", "ISSUER"};

    private static final Pattern RAW_CODE = Pattern.compile("\\b\\d{3}\\b|\\b\\d\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern ENHANCED = Pattern.compile("\\b\\d\\.\\d{1,3}\\.\\d{1,3}\\b");
    /** Protocol acronyms as written in specifications (case matters: "mail from" is English, "MAIL FROM" is not). */
    private static final Pattern ACRONYMS = Pattern.compile("\\b(EHLO|HELO|SASL|RCPT|MAIL FROM|SPF|DKIM|DMARC|MX|DNS"
            + "|MTA|TCP|AUTH|IMAP|POP3)\\b");
    private static final Pattern TITLE_ONLY = Pattern.compile("\\b(STARTTLS|SSL|TLS|SMTP|IP|OAuth\\w*)\\b");
    private static final Pattern WORDS = Pattern.compile("\\b(handshake|socket|errno|greylist\\w*|relay|relaying"
            + ")\\b", Pattern.CASE_INSENSITIVE);
    /** "TLS" or "SSL" on its own, not as part of the value "SSL/TLS". */
    private static final Pattern BARE_TLS = Pattern.compile("(?<!SSL/)\\bTLS\\b|\\bSSL\\b(?!/TLS)");

    private static List<String> messageKeys() {
        return new Diagnoser().ruleCatalog().rules().stream().map(Rule::message).distinct().toList();
    }

    @Test
    void titlesHaveNoCodesAndNoJargon() {
        List<String> bad = new ArrayList<>();
        for (String m : messageKeys()) {
            String title = MESSAGES.get("diagnosis." + m + ".title", ARGS);
            if (RAW_CODE.matcher(title).find() || ACRONYMS.matcher(title).find() || TITLE_ONLY.matcher(title).find()
                    || WORDS.matcher(title).find()) {
                bad.add(m + ": " + title);
            }
        }
        assertTrue(bad.isEmpty(), () -> "titles with codes or jargon:\n" + String.join("\n", bad));
    }

    @Test
    void explanationsHaveNoEnhancedCodesAndNoProtocolWords() {
        List<String> bad = new ArrayList<>();
        for (String m : messageKeys()) {
            for (String suffix : List.of(".explanation", ".explanation.novalue")) {
                String key = "diagnosis." + m + suffix;
                if (!MESSAGES.has(key)) {
                    continue;
                }
                String text = MESSAGES.get(key, ARGS).replace("SMTP Doctor", "").replace("\"Authenticated SMTP\"", "");
                if (ENHANCED.matcher(text).find() || ACRONYMS.matcher(text).find() || WORDS.matcher(text).find()
                        || BARE_TLS.matcher(text).find() || text.contains("SMTP")) {
                    bad.add(key + ": " + text);
                }
            }
        }
        assertTrue(bad.isEmpty(), () -> "explanations with jargon:\n" + String.join("\n", bad));
    }

    @Test
    void titlesAreOneShortSentence() {
        List<String> bad = new ArrayList<>();
        for (String m : messageKeys()) {
            String title = MESSAGES.get("diagnosis." + m + ".title", ARGS);
            if (title.length() > 90 || !title.endsWith(".")) {
                bad.add(m + ": " + title);
            }
        }
        assertTrue(bad.isEmpty(), () -> "titles too long or not a sentence:\n" + String.join("\n", bad));
    }
}
