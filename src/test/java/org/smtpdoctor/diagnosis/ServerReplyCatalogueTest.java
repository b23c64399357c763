package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.offers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Setting;

/**
 * Server replies read by family, found in the server-reply catalogue (Postfix, Exim, qmail, Exchange, Gmail, Yahoo,
 * GoDaddy, Mimecast, Barracuda, SendGrid, Orange): each family is checked with wordings other servers use for the
 * same meaning, not only the catalogue's text.
 */
class ServerReplyCatalogueTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant and include a valid From address",
        "550 user@example.com Blank From: addresses are not allowed. Provide a valid From. IB501",
        "550-5.7.1 Messages missing a valid address in From: header, or having no From: header, are not accepted.",
        "550 5.6.0 Invalid From: header: no address",
        "554 5.7.1 Message refused: empty From header",
        "550 5.7.512 Access denied",
    })
    void aMissingOrInvalidFromHeaderNamesTheSenderAddress(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
        assertNotEquals(Confidence.HIGH, d.confidence(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550-5.7.1 Messages missing a valid Message-ID: header are not accepted.",
        "550 5.7.1 Messages missing a valid Message-ID header are not accepted",
        "554 5.6.0 Message is not RFC 5322 compliant",
        "550 5.6.0 Message rejected: missing date header",
    })
    void aMissingMessageIdOrNonCompliantHeaderNamesTheMessage(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @Test
    void aMessageIdLineInALogIsNoHeaderComplaint() {
        String pasted = "Send error. stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error "
                + "messages: error:0A00042E:SSL routines::tlsv1 alert protocol version. Message-ID: <x@example.com>";
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "451 See http://pobox.com/~djb/docs/smtplf.html.",
        "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA",
        "521 5.5.2 mail.example.org Error: bare <LF> received",
        "421 4.5.0 Message contains bare line feeds, which are not allowed",
    })
    void bareLineFeedsNameTheMessageEvenInATemporaryReply(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting(), pasted);
        assertEquals("explain.content.bare_linefeed", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 30 Sorry, your message to user@aol.com cannot be delivered. This mailbox is disabled (554.30)",
        "554 delivery error: dd Sorry your message to bob@yahoo.com cannot be delivered. This account has been "
                + "disabled or discontinued [#102].",
        "550 5.2.1 The email account that you tried to reach is disabled.",
        "550 5.2.1 Mailbox disabled for this recipient",
    })
    void aDisabledRecipientMailboxNamesTheRecipient(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @Test
    void aDisabledMailboxAtSignInIsTheUsersOwnAccount() {
        assertEquals(Setting.CONTACT_PROVIDER, explain("535 5.7.0 Mailbox disabled, contact your administrator")
                .setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "451 Account outbounds disabled - https://community.mimecast.com/docs/DOC-1369#451",
        "550 5.7.1 Outbound sending is disabled for this account",
        "451 4.7.1 Outgoing mail is disabled for your account, contact support",
    })
    void outboundSendingSwitchedOffForTheAccountIsTheProvidersMatterNotAWait(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertEquals("explain.account.outbound_disabled", d.ruleId(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 Service unavailable; Sender address [example.com] blocked using dbl.spamhaus.org",
        "550 5.7.1 Your sender domain is listed on a domain blocklist (rhsbl.example.net)",
        "554 5.7.1 Rejected: sender domain is blacklisted at multi.surbl.org",
    })
    void aSenderDomainOnADomainListNamesTheSenderAddressNotTheConnection(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.CONTACT_PROVIDER), pasted);
    }

    @Test
    void listedClientHostsAndHeloNamesKeepTheirReadings() {
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("554 5.7.1 Service unavailable; Client host [198.51.100.7]"
                + " blocked using zen.spamhaus.org").setting());
        assertEquals(Setting.CONTACT_PROVIDER, explain("554 5.7.1 Service unavailable; Helo command [mail.example]"
                + " blocked using dbl.spamhaus.org").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "535 Authentication failed: The provided authorization grant is invalid, expired, or revoked",
        "535 5.7.8 Authentication failed: invalid API key",
        "535 Authentication failed: API key has been revoked",
    })
    void aRefusedApiKeyGivenAsPasswordNamesThePassword(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.PASSWORD, d.setting(), pasted);
        assertTrue(offers(d, Setting.USERNAME), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.0 Code d'authentification invalide OFR_305",
        "550 5.7.0 Échec de l'authentification, vérifiez vos identifiants",
        "535 5.7.8 Error: autenticação falhou",
        "535 Autenticazione fallita",
        "535 Authenticatie mislukt",
    })
    void aRefusedSignInWordedInAnotherLanguageNamesThePassword(String pasted) {
        assertEquals(Setting.PASSWORD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 permanent failure for one or more recipients (user@example.com:blocked)",
        "550 permanent failure for one or more recipients (a@example.com:quarantined)",
    })
    void aFiltersPerRecipientVerdictNamesTheMessage(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 SMTP synchronization error",
        "554 5.5.0 Improper use of SMTP command pipelining",
        "503 5.5.0 Error: command pipelining not allowed",
    })
    void aConversationOutOfStepNamesTheNetworkWithEncryptionAsAlternative(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.SECURITY), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "502 5.5.1 Error: command not implemented",
        "502 unimplemented (#5.5.1)",
    })
    void aCommandNotImplementedWithoutANamedCommandReadsAsMissingStarttls(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SECURITY, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.PORT), pasted);
    }

    @Test
    void aCommandNotImplementedThatNamesAuthStaysASignInAnswer() {
        assertNotEquals(Setting.SECURITY, explain("Invalid login: 502 Command \"AUTH PLAIN dGVzdA==\" not implemented")
                .setting());
    }

    @Test
    void aCommandNotImplementedAfterAnExpected250WasNoStarttls() {
        // STARTTLS waits for 220; a library that waited for 250 had sent EHLO, MAIL, RCPT or the message
        assertNotEquals(Setting.SECURITY, explain("Expected response code 250 but got code \"502\", with message \"502"
                + " 5.5.1 Error: command not implemented\"").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "503-All RCPT commands were rejected with this error: 503-relay not permitted 503 Valid RCPT command must "
                + "precede DATA",
        "503-All RCPT commands were rejected with this error:\n503-550 5.1.1 unknown user\n503 Valid RCPT command "
                + "must precede DATA",
    })
    void eximsEchoOfTheRecipientErrorAtDataAnswersRcpt(String pasted) {
        assertEquals(Phase.RCPT_TO, ReplyParser.parse(pasted).phase().orElseThrow(), pasted);
    }

    @Test
    void eximsEchoedRelayRefusalNamesSignInNotTheProvider() {
        assertEquals(Setting.AUTH_METHOD, explain("503-All RCPT commands were rejected with this error: 503-relay not"
                + " permitted 503 Valid RCPT command must precede DATA").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.9: Message not accepted for policy reasons",
        "554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes",
    })
    void yahoosPolicyRefusalNamesTheSendersDomainWithTheContentAsAlternative(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SENDER_ADDRESS, d.setting(), pasted);
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(offers(d, Setting.MESSAGE_CONTENT_OR_SIZE), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and "
                + "has been blocked.",
        "550 5.7.23 The message was rejected because of Sender Policy Framework violation",
        "550 5.7.20 No passing DKIM signature found",
        "550 5.7.27 Sender address has null MX",
    })
    void failedSenderDomainChecksOfRfc7372NameTheSenderAddress(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @Test
    void unauthenticatedSendersNotAllowedStillAsksForSignIn() {
        assertEquals(Setting.AUTH_METHOD, explain("550 Unauthenticated senders not allowed").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Too many invalid recipients",
        "550 5.7.1 Too many unknown recipients, connection closed",
        "421 4.7.0 Too many recipient errors",
    })
    void tooManyInvalidRecipientsNamesTheRecipientListNotTheSignIn(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.RECIPIENT_ADDRESS, d.setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "552 Mailbox limit exceeded",
        "550 5.2.2 Inbox is full, message rejected",
        "552 Requested mail action aborted: mailbox storage limit reached for bob@example.org",
    })
    void aFullMailboxInOtherWordsNamesTheRecipient(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.4.316 Message expired, connection refused",
        "550 5.4.300 Message expired",
        "Message could not be delivered for 5 days - message expired",
        "retry timeout exceeded",
    })
    void aDeliveryGivenUpAfterRetryingIsTheProvidersReportNotARefusedConnection(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), pasted);
        assertTrue(offers(d, Setting.RECIPIENT_ADDRESS), pasted);
    }

    @Test
    void tooManyCommandsWithoutSignInAsksForSignIn() {
        assertEquals(Setting.AUTH_METHOD, explain("554 5.7.0 Too many unauthenticated commands").setting());
    }

    @Test
    void openSmtpdsDeliveryNotAuthorizedIsItsRelayRefusal() {
        assertEquals(Setting.AUTH_METHOD, explain("550 5.7.1 Delivery not authorized, message refused").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "553 sorry, your mail was administratively denied. (#5.7.1)",
        "550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that "
                + "you sent.",
    })
    void anAdministrativeRefusalIsTheProvidersRuleNotTheSenderAddress(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Recipient address rejected: Your account has been blocked for sending spam",
        "554 5.7.1 Your account has been temporarily blocked",
    })
    void aBlockedSendingAccountIsTheProvidersMatter(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Your message was rejected because the sender domain has no MX record",
        "553 5.1.8 <bob@example.com>... Domain of sender address bob@example.com does not exist",
        "550 5.7.1 Sender domain does not exist in DNS",
    })
    void aSenderDomainThatDoesNotResolveNamesTheSenderNotTheRecipient(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @Test
    void aRecipientDomainWithoutMxStaysTheRecipient() {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain("550 5.1.2 bob@nowhere.invalid: no MX record for recipient"
                + " domain").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.0 Sender address does not belong to logged in user {mo-ext}",
        "553 5.7.1 From address does not belong to the authenticated user",
        "550 5.7.1 L'adresse de l'expéditeur n'appartient pas à l'utilisateur connecté",
    })
    void aSenderAddressThatIsNotTheSignedInUsersNamesTheSender(String pasted) {
        assertEquals(Setting.SENDER_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "552 Boîte aux lettres pleine",
        "552 Mailbox vol",
        "550 5.2.2 Casella di posta piena",
        "552 Caixa postal cheia",
    })
    void aFullMailboxInAnotherLanguageNamesTheRecipient(String pasted) {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Message trop volumineux",
        "552 Nachricht zu groß",
        "554 Bericht is te groot",
        "554 5.7.1 Mensaje rechazado por contenido",
        "550 Nachricht wegen des Inhalts abgelehnt",
    })
    void sizeAndContentRefusalsInAnotherLanguageNameTheMessage(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "554 5.7.1 Relay non consentito",
        "550 Relaying nicht erlaubt",
        "550 5.7.1 Relay no permitido",
    })
    void aRelayRefusalInAnotherLanguageAsksForSignIn(String pasted) {
        assertEquals(Setting.AUTH_METHOD, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "454 4.7.0 TLS missing certificate: error:0200100D:system library:fopen:Permission denied",
        "454 4.3.0 Unable to initialize TLS",
        "554 5.7.0 Cannot load certificate, encryption not possible",
    })
    void aServerThatCannotSetUpItsOwnEncryptionIsTheProvidersFault(String pasted) {
        assertEquals(Setting.CONTACT_PROVIDER, explain(pasted).setting(), pasted);
    }

    @Test
    void aSignInExchangeThatStalledIsTheMethodNotThePassword() {
        Diagnosis d = explain("535 5.7.8 Error: authentication failed: another step is needed in authentication");
        assertEquals(Setting.AUTH_METHOD, d.setting());
        assertEquals(Confidence.LOW, d.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This message was blocked because its content presents a potential security issue",
        "Message rejected under suspicion of SPAM",
        "550 Your message has been classified as spam",
        "554 Message refused: banned attachment type",
    })
    void contentVerdictsWithoutACodeStillNameTheMessage(String pasted) {
        Diagnosis d = explain(pasted);
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, d.setting(), pasted);
        assertEquals(Confidence.MEDIUM, d.confidence(), pasted);
    }

    @Test
    void aProgramBlockingAMessageWithoutSenderIsNoContentVerdict() {
        assertNotEquals(Setting.MESSAGE_CONTENT_OR_SIZE,
                explain("The message has been blocked because no sender is configured.").setting());
    }

    @Test
    void exchangesFullMailboxWithQuotaWordsIsTheRecipientNotASendingLimit() {
        assertEquals(Setting.RECIPIENT_ADDRESS, explain("Remote Server returned '554 5.2.2 mailbox full; STOREDRV"
                + ".Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'").setting());
        assertEquals(Setting.WAIT_AND_RETRY, explain("5.2.2 Submission quota exceeded").setting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Too many connections from your IP",
        "554 Too many concurrent connections from your IP address",
        "421 Maximum number of connections from your IP reached, try later",
    })
    void tooManyConnectionsIsAWaitEvenWhenItNamesYourIp(String pasted) {
        assertEquals(Setting.WAIT_AND_RETRY, explain(pasted).setting(), pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.7.1 Rejected, message contains a link listed at dbl.spamhaus.org",
        "554 5.7.1 Message contains a URL listed in multi.uribl.com",
        "550 5.7.1 Blocked by SURBL: example.com",
    })
    void aLinkInTheMessageOnADomainListNamesTheContentNotTheSender(String pasted) {
        assertEquals(Setting.MESSAGE_CONTENT_OR_SIZE, explain(pasted).setting(), pasted);
    }

    @Test
    void aCertificateDumpWithAValidFromDateIsNoFromHeaderComplaint() {
        assertNotEquals(Setting.SENDER_ADDRESS, explain("javax.net.ssl.SSLHandshakeException: PKIX path validation "
                + "failed: java.security.cert.CertificateExpiredException: NotAfter: Mon Jan 01 2024. Certificate valid "
                + "from: Jan 1 2023").setting());
    }
}
