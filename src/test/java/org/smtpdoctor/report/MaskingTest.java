package org.smtpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alice@example.com, al***e@ex***.com",
        "bob@example.org, b***@ex***.org",
        "al@mail.example.co.uk, a***@ma***.uk",
        "jörg@bücher.example, jö***g@bü***.example",
        "x@localhost, x***@lo***t",
    })
    void addressesKeepTheirEdges(String address, String masked) {
        assertEquals(masked, Masking.maskAddress(address));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alice.smith, al***h",
        "bob, b***",
        "alice@example.com, al***e@ex***.com",
    })
    void usernamesHideTheirMiddle(String username, String masked) {
        assertEquals(masked, Masking.maskUsername(username));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RCPT TO:<bob@example.org> | RCPT TO:<b***@ex***.org>",
        "250 2.1.5 alice@example.com and bob@example.org ok | 250 2.1.5 al***e@ex***.com and b***@ex***.org ok",
        "user=asmith logged in | user=as***h logged in",
        "334 VXNlcm5hbWU6 then YXNtaXRo | 334 VXNlcm5hbWU6 then ***",
    })
    void freeTextMasksAddressesAndKnownNames(String text, String masked) {
        assertEquals(masked, Masking.maskText(text, List.of("asmith")));
    }
}
