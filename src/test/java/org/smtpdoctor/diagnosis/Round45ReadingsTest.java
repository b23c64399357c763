package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 19 prompted by records of blind round 45 (a mail server relaying through a provider; sending
 * services' replies inside applications) that moved to train for them, written as other programs and servers word
 * the same thing.
 */
class Round45ReadingsTest {

    /**
     * A name part people hide their own with ("mail.xxx.com") is nobody's typo: it was answered "Set server to
     * mail.gmx.com" at high confidence (ra45-0044). A real misspelling is still corrected.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mail.xxx.com", "smtp.***.com", "mail.redacted.com", "smtp.domain.com"})
    void aHiddenNameIsNoTypo(String host) {
        assertEquals(Optional.empty(), HostNames.correctTypo(host, java.util.List.of("mail.gmx.com", "smtp.gmx.com",
                "smtp.gmail.com", "smtp.mail.com")));
        Diagnosis d = Pasted.explainAt("getaddrinfo ENOTFOUND " + host, host, 587);
        assertNotEquals("host.typo", d.ruleId());
        assertEquals(Optional.of("smtp.gmail.com"), HostNames.correctTypo("smtp.gmial.com",
                java.util.List.of("smtp.gmail.com")));
    }

    /**
     * A certificate for any name under a domain ("*.your-server.de, your-server.de") does not say which of them is the
     * mail server: "use the certificate's name" is said at medium, since a paste cannot check it; a certificate for
     * one exact name keeps high confidence.
     */
    @Test
    void aWildcardCertificatesNameIsUnchecked() {
        Diagnosis wildcard = Pasted.explainAt("tls: failed to verify certificate: x509: certificate is valid for"
                + " *.hosting-example.net, hosting-example.net, not mail.shop-example.org", "mail.shop-example.org", 587);
        assertEquals(Setting.SERVER_HOST, wildcard.setting(), wildcard.ruleId());
        assertEquals(Confidence.MEDIUM, wildcard.confidence(), wildcard.ruleId());
        assertTrue(Pasted.offers(wildcard, Setting.CONTACT_PROVIDER), wildcard.alternatives()::toString);
        Diagnosis exact = Pasted.explainAt("tls: failed to verify certificate: x509: certificate is valid for"
                + " mx7.hosting-example.net, not mail.shop-example.org", "mail.shop-example.org", 587);
        assertEquals(Setting.SERVER_HOST, exact.setting(), exact.ruleId());
        assertTrue(exact.suggestedValue().map(Object::toString).orElse("").contains("mx7.hosting-example.net"),
                exact.suggestedValue()::toString);
        assertEquals(Confidence.HIGH, exact.confidence(), exact.ruleId());
    }

    /**
     * A mail server that cannot look up a large provider's domain ("Name service error for name=gmail.com type=MX:
     * Host not found, try again") has a failing name service: the domain exists (ra45-0032, ra45-0056, answered
     * "the recipient's domain does not exist"). A domain nobody documents stays the recipient's.
     */
    @Test
    void aMailServerThatCannotLookUpGmailHasAFailingNameService() {
        String deferred = "postfix/smtp[2184]: 3F1A2C0: to=<friend@%s>, relay=none, delay=20, delays=0/0/20/0,"
                + " dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=%s"
                + " type=MX: Host not found, try again)";
        Diagnosis known = Pasted.explain(String.format(deferred, "outlook.com", "outlook.com"));
        assertEquals(Setting.NETWORK_OR_FIREWALL, known.setting(), known.ruleId());
        assertTrue(Pasted.offers(known, Setting.WAIT_AND_RETRY), known.alternatives()::toString);
        Diagnosis unknown = Pasted.explain(String.format(deferred, "frend-example.org", "frend-example.org"));
        assertEquals(Setting.RECIPIENT_ADDRESS, unknown.setting(), unknown.ruleId());
    }

    /**
     * Amazon SES's "554 Transaction failed: …" with a parser's words is a header it could not read (rb45-0025,
     * rb45-0028, "not recognised").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "554 Transaction failed: Duplicate header 'Subject'.",
            "SMTPDataError: (554, b'Transaction failed: Illegal semicolon, used in comment')",
            "Net::SMTPFatalError: 554 Transaction failed: Unexpected end of header"})
    void aSendingServiceThatCannotParseTheMessage(String pasted) {
        Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
    }

    /**
     * Address parsers' own words for an address they cannot read: MimeKit's ParseException, Laminas' dot-atom check
     * (rb45-0031, rb45-0032, "not recognised").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "MimeKit.ParseException: Invalid addr-spec token at offset 12",
            "Invalid local-part at offset 0 (MimeKit.ParseException)",
            "Laminas\\Mail\\Exception\\InvalidArgumentException: 'Info Desk' can not be matched against dot-atom format"})
    void anAddressTheProgramCannotReadIsAnAddress(String pasted) {
        Diagnosis d = Pasted.explain(pasted);
        assertTrue(d.setting() == Setting.SENDER_ADDRESS || d.setting() == Setting.RECIPIENT_ADDRESS, d.ruleId());
    }

    /** A sending service's suppression of a recipient (rb45-0047, SparkPost's, answered "switch sign-in on"). */
    @Test
    void aSuppressedRecipientIsTheRecipient() {
        Pasted.explainsAs(Setting.RECIPIENT_ADDRESS, "554 5.7.1 recipient address was suppressed due to customer policy");
    }

    /** OpenSMTPD's relay host name that does not resolve (ra45-0034, "not recognised"). */
    @Test
    void aRelayHostThatDoesNotResolveIsTheServerName() {
        Pasted.explainsAs(Setting.SERVER_HOST, "smtpd[811]: smtp-out: Failed to resolve MX for"
                + " [relay:smarthost.office.lan,mx]: No MX found for domain");
    }
}
