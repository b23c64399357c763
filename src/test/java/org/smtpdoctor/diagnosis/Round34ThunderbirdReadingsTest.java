package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 15 from Thunderbird users' own pastes (support.mozilla.org, rounds 34 and 35), each written as
 * other programs and servers say it too.
 */
class Round34ThunderbirdReadingsTest {

    /** A server saying STARTTLS is mandatory or obligatory, in any wording, asks for the security (tc35-0002). */
    @ParameterizedTest
    @ValueSource(strings = {
            "sending message failed. An error has occured while sending the email. The email server responded :"
                    + " Ab12cd startTLS obligatory. StartTLS mandatory XY203 - 199 (199). Please check that your"
                    + " email address in the account settings is correct and try it again",
            "530 5.7.0 STARTTLS is mandatory on this server",
            "Error: STARTTLS is compulsory on this server",
            "554 5.7.1 STARTTLS obligatoire"})
    void starttlsMandatoryIsTheConnectionSecurity(String pasted) {
        Pasted.explainsAs(Setting.SECURITY, pasted);
    }

    /** A count of the message's parts or attachments over a maximum is the message (tc35-0005). */
    @ParameterizedTest
    @ValueSource(strings = {
            "Number of MIME parts exceeds maximum permitted",
            "552 5.3.4 Too many attachments in this message",
            "Error: the message has too many MIME parts (maximum 100)",
            "554 Message rejected: number of body parts exceeds the limit"})
    void tooManyPartsIsTheMessage(String pasted) {
        Pasted.explainsAs(Setting.MESSAGE_CONTENT_OR_SIZE, pasted);
    }

    /**
     * A count of recipients over a time window (in the last hour, per day, today) is a limit to wait out, with the
     * recipients as the alternative; Thunderbird's "check the message recipient" only says which command failed
     * (tc35-0018).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "An error occurred while sending mail. The mail server responded:   <user@example.org> too many"
                    + " recipients in last hour. Please check the message recipient \"user@example.org\" and try"
                    + " again.",
            "550 Error: too many recipients in the past hour (limit 100)",
            "452 4.5.3 Too many recipients in the last 24 hours",
            "421 Too many recipients today for this account"})
    void recipientsOverATimeWindowAreALimitToWaitOut(String pasted) {
        Diagnosis d = Pasted.explainsAs(Setting.WAIT_AND_RETRY, pasted);
        assertTrue(Pasted.offers(d, Setting.RECIPIENT_ADDRESS), () -> d.alternatives() + ": " + pasted);
    }

    /** Too many recipients in one message, without a time window, stays the recipients. */
    @Test
    void recipientsInOneMessageStayTheRecipients() {
        Pasted.explainsAs(Setting.RECIPIENT_ADDRESS, "452 4.5.3 Too many recipients");
        Pasted.explainsAs(Setting.RECIPIENT_ADDRESS, "550 Too many recipients per message (maximum 50)");
    }

    /**
     * Thunderbird's "Please verify that your email address is correct in your account settings" is its wrapper of a
     * refused sender command: the reply inside it ("Mailbox unavailable") is about the sender, not a recipient
     * (tc35-0020).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Sending of the message failed. An error occurred while sending email. The mail server responded: Request"
                    + " failed; Mailbox unavailable. Please verify that your email address is correct in your account"
                    + " settings and try again.",
            "An error occurred while sending mail. The mail server responded: Mailbox unavailable. Please verify that"
                    + " your email address is correct in your account settings and try again."})
    void thunderbirdsSenderWrapperNamesTheSenderCommand(String pasted) {
        Diagnosis d = Pasted.explain(pasted);
        assertTrue(d.setting() == Setting.SENDER_ADDRESS || d.setting() == Setting.USERNAME,
                () -> d.setting() + " " + d.ruleId() + ": " + pasted);
    }

    /** A routing loop (too many hops, hop count exceeded) is the operators' to mend (sd34-0013). */
    @ParameterizedTest
    @ValueSource(strings = {
            "<someone@example.org>: host mx.example.net[192.0.2.1] said: 554 5.4.0 Error: too many hops (in reply to"
                    + " end of DATA command)",
            "554 5.4.0 Hop count exceeded - possible mail loop",
            "550 5.4.0 Too many received headers: routing loop",
            "mail for example.org loops back to myself"})
    void aRoutingLoopIsTheProviders(String pasted) {
        Pasted.explainsAs(Setting.CONTACT_PROVIDER, pasted);
    }

    /**
     * Thunderbird's "the mail server responded" and "check the message and try again" in other languages are
     * recognised; a bare "Message refused" after the message data, with no code and no reason, is the provider's
     * refusal, at low confidence (ta35-0004).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Invio del messaggio non riuscito. Si è verificato un errore durante l’invio della posta. Il server di"
                    + " posta ha risposto: Message refused. Controllare il messaggio e riprovare.",
            "An error occurred while sending mail. The mail server responded: Message refused. Please check the"
                    + " message and try again.",
            "Une erreur est survenue lors de l'envoi du courrier. Le serveur de messagerie a répondu : Message"
                    + " rejected. Vérifiez le message et réessayez."})
    void aBareRefusalOfTheMessageIsTheProviders(String pasted) {
        Pasted.explainsAs(Setting.CONTACT_PROVIDER, Confidence.LOW, pasted);
    }

    /** A refusal that says why stays with its reason. */
    @Test
    void aRefusalWithAReasonKeepsIt() {
        Diagnosis d = Pasted.explain("An error occurred while sending mail. The mail server responded: 552 5.3.4"
                + " Message size exceeds fixed limit. Please check the message and try again.");
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting(), d::ruleId);
    }

    /**
     * Thunderbird's and Firefox's certificate exception dialog ("Add security exception", "This site attempts to
     * identify itself with invalid information") is an untrusted certificate: at a large provider's server, whose
     * certificate every computer trusts, something in between showed its own (tb35-0009); at an unknown server the
     * certificate reading as it stands, at low confidence.
     */
    @Test
    void theCertificateExceptionDialogIsAnUntrustedCertificate() {
        Diagnosis provider = Pasted.explainAt("Add security exception, Location: smtp.aol.com:465 This site attempts"
                + " to identify itself with invalid information.", "smtp.aol.com", 465);
        assertEquals(Setting.NETWORK_OR_FIREWALL, provider.setting(), provider::ruleId);
        Diagnosis unknown = Pasted.explain("Add Security Exception. Location: mail.example-company.org:587. This site"
                + " attempts to identify itself with invalid information. Unknown identity");
        assertEquals(Setting.NETWORK_OR_FIREWALL, unknown.setting(), unknown::ruleId);
        assertEquals(Confidence.LOW, unknown.confidence(), unknown::ruleId);
        assertTrue(Pasted.offers(unknown, Setting.CONTACT_PROVIDER), () -> unknown.alternatives().toString());
    }

    /**
     * A certificate message that arrives malformed was broken on the way, most often by something in between
     * (antivirus mail scanning, a proxy): the network at medium confidence, the connection security next (tb35-0036).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Sending of the message failed. SSL received a malformed Certificate handshake message. The configuration"
                    + " related to smtp.example.net must be corrected.",
            "Error code: SSL_ERROR_RX_MALFORMED_CERTIFICATE",
            "TLS handshake failed: the server's certificate message is malformed"})
    void aMalformedCertificateMessageIsSomethingInBetween(String pasted) {
        Diagnosis d = Pasted.explainsAs(Setting.NETWORK_OR_FIREWALL, Confidence.MEDIUM, pasted);
        assertTrue(Pasted.offers(d, Setting.SECURITY), () -> d.alternatives() + ": " + pasted);
    }

    /**
     * A refusal whose words say to try later, with a code that names no step ("OFR203_504 [504]"), is the
     * provider's or temporary, not a sign-in method (sa34-0005); a 504 that names the sign-in stays the method.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Service refused, please try later. OFR203_504 [504]",
            "550 Service refused, please try again later",
            "554 Service temporairement refusé, veuillez réessayer plus tard"})
    void aRefusalThatSaysTryLaterIsNotTheSignInMethod(String pasted) {
        Diagnosis d = Pasted.explain(pasted);
        assertTrue(d.setting() == Setting.CONTACT_PROVIDER || d.setting() == Setting.WAIT_AND_RETRY,
                () -> d.setting() + " " + d.ruleId() + ": " + pasted);
    }

    @Test
    void aSignInMechanismRefusalStaysTheMethod() {
        Pasted.explainsAs(Setting.AUTH_METHOD, "504 5.7.4 Unrecognized authentication type");
    }

    /**
     * A misspelt "smpt." in a text that shows sign-in failing is the user's typing in the post, not the setting: the
     * server answered, so the name reached it (tb35-0028, tc35-0001); where nothing was reached, it stays the name.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Login to server smpt.mail.example.com with username someone@example.com failed.",
            "Sending of the message failed. Unable to authenticate to Outgoing server (SMTP) smpt.example.net. Please"
                    + " check the password and verify the 'Authentication method'."})
    void aMisspeltNameBesideAFailedSignInIsNotTheSetting(String pasted) {
        Diagnosis d = Pasted.explain(pasted);
        assertTrue(d.setting() != Setting.SERVER_HOST, () -> d.setting() + " " + d.ruleId() + ": " + pasted);
    }

    @Test
    void aMisspeltNameWithNothingReachedStaysTheName() {
        Pasted.explainsAs(Setting.SERVER_HOST,
                "Sending the email to the following server failed : smpt.example.com:465");
    }

    /**
     * A Microsoft 365 sign-in refused without a reply code or a reason: in train the labels are the sign-in method
     * (OAuth2) twice, the admin switch once and the user name once, never the password alone (ta35-0030, ta35-0032,
     * tb35-0030, p7-0062), so the method comes first at low confidence, the admin switch and the password next.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Sending of the message failed. Unable to authenticate to Outgoing server (SMTP) smtp.office365.com. Please"
                    + " check the password and verify the 'Authentication method' in 'Account Settings | Outgoing"
                    + " server (SMTP)'.",
            "Office365 SMTP Error: Could not authenticate.",
            "Authentication failed for smtp.office365.com: login rejected"})
    void aMicrosoft365SignInRefusedWithoutReasonOffersTheMethodAndTheSwitch(String pasted) {
        Diagnosis d = Pasted.explainAt(pasted, "smtp.office365.com", 587);
        assertEquals(Setting.AUTH_METHOD, d.setting(), () -> d.ruleId() + ": " + pasted);
        assertEquals(Confidence.LOW, d.confidence(), d::ruleId);
        assertTrue(Pasted.offers(d, Setting.ENABLE_SMTP_AUTH_AT_PROVIDER), () -> d.alternatives().toString());
        assertTrue(Pasted.offers(d, Setting.PASSWORD), () -> d.alternatives().toString());
    }

    /** A Microsoft 365 refusal whose words say the switch is off keeps the switch. */
    @Test
    void aMicrosoft365RefusalThatNamesTheSwitchKeepsIt() {
        Diagnosis d = Pasted.explainAt("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled"
                + " for the Tenant.", "smtp.office365.com", 587);
        assertEquals(Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, d.setting(), d::ruleId);
    }
}
