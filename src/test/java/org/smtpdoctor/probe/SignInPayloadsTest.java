package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Error: password=S3cr3tPa55 rejected|Error: password=<redacted> rejected",
        "SMTP_PASSWORD=S3cr3t&SMTP_PORT=587|SMTP_PASSWORD=<redacted>&SMTP_PORT=587",
        "user: alice pass: Hunter22|user: alice pass: <redacted>",
        "{\"smtp_password\": \"q w e\", \"port\": 465}|{\"smtp_password\": \"<redacted>\", \"port\": 465}",
        "'Passwort' => 'geheim123',|'Passwort' => '<redacted>',",
        "Passwort: geheim123|Passwort: <redacted>",
        "api_key=SG.abcdef.123456 sending failed|api_key=<redacted> sending failed",
        "Invalid URL smtps://alice%40example.com:Pa55w0rd@smtp.example.com:465|"
                + "Invalid URL smtps://alice%40example.com:<redacted>@smtp.example.com:465",
        "user=alice@example.com\u0001auth=Bearer ya29.a0AfH6SMBx-123456789|"
                + "user=alice@example.com\u0001auth=Bearer <redacted>",
        "the client sent AUTH PLAIN AGFsaWNlAHMzY3JldA== and got 535|the client sent AUTH PLAIN <redacted> and got 535"})
    void secretsWrittenInsideALineAreRedacted(String pasted, String expected) {
        assertEquals(expected.replace("\\u0001", "\u0001"), SignInPayloads.redact(pasted.replace("\\u0001", "\u0001")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a bare transcript, as openssl s_client or telnet shows it: the reply code is no time stamp
        "AUTH LOGIN\n334 VXNlcm5hbWU6\ndXNlckBleGFtcGxlLm9yZw==\n334 UGFzc3dvcmQ6\nc2VjcmV0MTIz\n535 5.7.8 failed",
        "auth login\n334 VXNlcm5hbWU6\ndXNlckBleGFtcGxlLm9yZw==\n334 UGFzc3dvcmQ6\nc2VjcmV0MTIz\n535 5.7.8 failed",
        // PHPMailer's debug lines with their time stamps
        "2024-05-01 10:11:12 SERVER -> CLIENT: 334 VXNlcm5hbWU6\n2024-05-01 10:11:12 CLIENT -> SERVER:"
                + " dXNlckBleGFtcGxlLm9yZw==\n2024-05-01 10:11:12 SERVER -> CLIENT: 334 UGFzc3dvcmQ6\n"
                + "2024-05-01 10:11:12 CLIENT -> SERVER: c2VjcmV0MTIz",
    })
    void everyAnswerToAChallengeIsMaskedWhateverMarksTheLines(String pasted) {
        String redacted = SignInPayloads.redact(pasted);
        assertFalse(redacted.contains("c2VjcmV0MTIz") || redacted.contains("dXNlckBleGFt"), redacted);
        assertTrue(redacted.contains("334 UGFzc3dvcmQ6"), redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "334 Password:\nC: <redacted>",
        "535-5.7.8 Username and Password not accepted. For more information, go to",
        "https://smtp.example.com:465/path",
        "Error: Invalid login: 535 Authentication failed: bypass: denied",
        "AUTH LOGIN failed: Authentication unsuccessful",
        "Sending failed: the password was not accepted (password incorrect)"})
    void wordsAboutPasswordsStay(String pasted) {
        assertEquals(pasted, SignInPayloads.redact(pasted));
    }
}
