package org.smtpdoctor.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule for a typed port: digits only, 1 to 65535. */
class PortsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "587        | 587",
        "' 465 '    | 465",
        "1          | 1",
        "65535      | 65535",
        "0          | null",
        "65536      | null",
        "70000      | null",
        "000025     | null",
        "-25        | null",
        "+25        | null",
        "abc        | null",
        "5 87       | null",
        "''         | null",
        "null       | null",
    })
    void aPortIsOneToFiveDigitsFromOneTo65535(String text, Integer expected) {
        assertEquals(Optional.ofNullable(expected), Ports.parse(text));
    }
}
