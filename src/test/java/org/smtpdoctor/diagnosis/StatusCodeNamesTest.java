package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.settings.Setting;

/**
 * MailKit and .NET name the server's reply code instead of printing it ({@code SmtpStatusCode}): the name is read
 * as the code, and a code quoted in the text outranks it.
 */
class StatusCodeNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The SMTP server has unexpectedly disconnected. AuthenticationMechanismTooWeak | 534",
        "MailKit.Net.Smtp.SmtpCommandException: MailboxUnavailable | 550",
        "SmtpStatusCode: MustIssueStartTlsFirst | 530",
        "status ClientNotPermitted | 454",
        "ExceededStorageAllocation: message rejected | 552",
    })
    void aStatusCodeNameIsReadAsItsReplyCode(String pasted, int code) {
        assertEquals(OptionalInt.of(code), ReplyParser.parse(pasted).code(), pasted);
    }

    @Test
    void aQuotedReplyCodeOutranksTheName() {
        assertEquals(OptionalInt.of(535), ReplyParser.parse("MailboxUnavailable 535 5.7.8 authentication failed")
                .code());
    }

    @Test
    void wordsThatOnlyContainANameAreNoCode() {
        assertTrue(ReplyParser.parse("MyMailboxUnavailableHandler failed").code().isEmpty());
        assertTrue(ReplyParser.parse("SyntaxError: invalid syntax").code().isEmpty());
    }

    /** A 534 with no sign of the connection: another sign-in method first, encryption as the next step. */
    @Test
    void aMechanismTooWeakNamedByMailKitAsksForAnotherSignInAndOffersEncryption() {
        Diagnosis d = explain("The SMTP server has unexpectedly disconnected.\nAuthenticationMechanismTooWeak");
        assertEquals(Setting.AUTH_METHOD, d.setting());
        assertTrue(d.suggestedValue().isEmpty(), () -> d.suggestedValue().toString());
        assertEquals(Setting.SECURITY, d.alternatives().get(0).setting());
    }
}
