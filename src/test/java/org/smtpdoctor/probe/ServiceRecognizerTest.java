package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRecognizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "* OK [CAPABILITY IMAP4rev1] Dovecot ready.|IMAP",
        "+OK POP3 server ready|POP3",
        "SSH-2.0-OpenSSH_9.6|SSH",
        "HTTP/1.1 400 Bad Request|HTTP",
        "\u0016\u0003\u0003garbage|UNKNOWN"
    })
    void bannersOfOtherServicesAreNamed(String line, OtherService service) {
        assertEquals(Optional.of(service), ServiceRecognizer.recognize(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"220 mail.example.test ESMTP", "554 5.7.1 go away", "220-multi"})
    void smtpRepliesAreNotAnotherService(String line) {
        assertEquals(Optional.empty(), ServiceRecognizer.recognize(line));
    }
}
