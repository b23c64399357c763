package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pasted text: the payload of a real AUTH command goes, a sentence that merely starts with "AUTH" stays. */
class SignInPayloadsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AUTH PLAIN AGFsaWNlAHMzY3JldA==|AUTH PLAIN <redacted>",
        "C: AUTH XOAUTH2 dXNlcj1hbGljZUBleGFtcGxlLmNvbQFhdXRo|C: AUTH XOAUTH2 <redacted>",
        "auth plain AGFsaWNlAHMzY3JldA==|auth plain <redacted>",
        " 0.101s ~> AUTH SCRAM-SHA-256 biwsbj1hbGljZSxyPXJPcHJOR2Zu|"
                + " 0.101s ~> AUTH SCRAM-SHA-256 <redacted>",
        "AUTH X-SECRET-MECH c2VjcmV0|AUTH X-SECRET-MECH <redacted>",
        "AUTH PLAIN failedAGFsaWNl 235 2.7.0 ok|AUTH PLAIN <redacted>",
        "AUTH XOAUTH2 dXNlcj1hbGljZQ== failed|AUTH XOAUTH2 <redacted>"})
    void payloadOfAnAuthCommandIsRedacted(String pasted, String expected) {
        assertEquals(expected, SignInPayloads.redact(pasted));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AUTH not accepted from server: 503 5.5.1 Error: authentication not enabled",
        "Auth failed: 535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6",
        "auth error: the server closed the connection",
        "AUTH command failed: 504 5.7.4 Unrecognized authentication type",
        "AUTH LOGIN failed: 535 Authentication failed: no such account",
        "AUTH XOAUTH2 failed 535 5.7.8 Username and Password not accepted",
        "AUTH PLAIN rejected: 535 5.7.3 Authentication unsuccessful"})
    void sentenceStartingWithAuthKeepsItsWords(String pasted) {
        assertEquals(pasted, SignInPayloads.redact(pasted));
    }
}
