package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.plain;
import static org.smtpdoctor.probe.Probes.probe;

import org.junit.jupiter.api.Test;
import org.smtpdoctor.testkit.FakeSmtpServer;

/** RFC 6531: an address beyond ASCII goes out with SMTPUTF8 only to a server that offers it. */
class ProberSmtpUtf8Test {

    private static final String INTERNATIONAL = "jörg@example.test";

    @Test
    void internationalAddressIsNotSentWhenSmtpUtf8IsNotOffered() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().extensions("8BITMIME", "ENHANCEDSTATUSCODES").start()) {
            ProbeResult r = probe(plain(server).withSender(INTERNATIONAL).withRecipient("bob@example.test"));

            assertEquals(FailureKind.SMTPUTF8_NOT_OFFERED, r.failure().orElseThrow(), describe(r));
            assertEquals(Phase.MAIL_FROM, r.failedPhase().orElseThrow());
            assertFalse(server.connection(1).lines().stream().anyMatch(l -> l.startsWith("MAIL")),
                    server.connection(1).lines().toString());
        }
    }

    @Test
    void internationalAddressGoesOutWithSmtpUtf8WhenOffered() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            ProbeResult r = probe(plain(server).withSender(INTERNATIONAL).withRecipient("bob@example.test"));

            assertTrue(r.success(), describe(r));
            assertTrue(server.connection(1).lines().stream().anyMatch(l -> l.startsWith("MAIL FROM:<")
                    && l.endsWith(" SMTPUTF8")), server.connection(1).lines().toString());
        }
    }

    @Test
    void asciiAddressNeverCarriesSmtpUtf8() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            ProbeResult r = probe(plain(server).withSender("alice@example.test").withRecipient("bob@example.test"));

            assertTrue(r.success(), describe(r));
            assertFalse(server.connection(1).lines().stream().anyMatch(l -> l.contains("SMTPUTF8")));
        }
    }
}
