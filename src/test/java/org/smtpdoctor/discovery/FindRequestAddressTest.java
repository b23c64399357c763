package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code find} starts only from a real address: one @, no spaces, a domain name (not an IP literal). */
class FindRequestAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@b@c.test", "a b@c.test", "alice@exa mple.test", "alice@[127.0.0.1]",
        "alice@[IPv6:::1]", "alice@127.0.0.1", "alice@-bad.test", "alice@bad..test", "alice@.test", "alice@test.",
        "al\u001bice@example.test", "alice@ex_ample.test", "@example.test", "alice@", "alice"})
    void isRefused(String address) {
        assertThrows(IllegalArgumentException.class, () -> FindRequest.of(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.test", "a.b+tag@mail.example.test", "jörg@bücher.example",
        "ALICE@Example.TEST", "  alice@example.test  "})
    void isAccepted(String address) {
        assertEquals(address.strip(), FindRequest.of(address).address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@[127.0.0.1]", "alice@127.0.0.1"})
    void ipLiteralIsRefusedWithItsOwnReason(String address) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FindRequest.of(address));
        assertEquals(FindRequest.IP_LITERAL, e.getMessage());
    }
}
