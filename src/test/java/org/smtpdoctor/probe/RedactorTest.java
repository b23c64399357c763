package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor("alice", "pa55word");

    @Test
    void authCommandKeepsTheMechanismAndHidesThePayload() {
        assertEquals("AUTH PLAIN <redacted>", Redactor.redactAuthCommand("AUTH PLAIN AGFsaWNlAHBhNTV3b3Jk"));
        assertEquals("AUTH XOAUTH2 <redacted>", Redactor.redactAuthCommand("AUTH XOAUTH2 dXNlcj1hbGljZQ=="));
        assertEquals("AUTH LOGIN", Redactor.redactAuthCommand("AUTH LOGIN"));
    }

    @Test
    void clearAndBase64FormsAreScrubbed() {
        String b64 = Base64.getEncoder().encodeToString("pa55word".getBytes(StandardCharsets.UTF_8));
        String plain = Base64.getEncoder().encodeToString("alice\0alice\0pa55word".getBytes(StandardCharsets.UTF_8));

        assertEquals("x <redacted> y", redactor.scrub("x pa55word y"));
        assertEquals("334 <redacted>", redactor.scrub("334 " + b64));
        assertEquals("<redacted>", redactor.scrub(plain));
    }

    @Test
    void withoutSecretNothingChanges() {
        assertEquals("250 OK", new Redactor("alice", "").scrub("250 OK"));
    }
}
