package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * A name lookup that failed for a while (EAI_AGAIN, "Temporary failure in name resolution", SERVFAIL) is the
 * network's name service, not a misspelt name: the explanation no longer says the name "is spelled right" (it was
 * the text for a known provider's server, and a pasted text may name an unset variable), and the alternatives are
 * the server name and waiting, not a port, which a lookup never reaches.
 */
class TemporaryLookupFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Error: getaddrinfo EAI_AGAIN smtp.example.org:587",
        "socket.gaierror: [Errno -3] Temporary failure in name resolution",
        "php_network_getaddresses: getaddrinfo for mail.example.org failed: Temporary failure in name resolution",
        "dial tcp: lookup smtp.example.org on 127.0.0.11:53: server misbehaving",
    })
    void aTemporaryLookupFailureIsTheNetworkWithTheNameAndWaitingNext(String pasted) {
        Diagnosis d = Pasted.explain(pasted);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals(List.of(Setting.SERVER_HOST, Setting.WAIT_AND_RETRY),
                d.alternatives().stream().map(Alternative::setting).toList(), pasted);
        assertFalse(d.explanation().contains("spelled right"), d.explanation());
    }
}
