package org.smtpdoctor.diagnosis;

import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 25's train misses for the connection settings (server name, port, connection security,
 * network), each a general meaning tested in other programs' words as well as the record's shape.
 */
class Round25ConnectionReadingsTest {

    /** A connection error dumped as JSON (Node's error object) that names the loopback address is the server name. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\n  \"error\": {\n    \"errno\": -111,\n    \"code\": \"ESOCKET\",\n    \"syscall\": \"connect\",\n"
                + "    \"address\": \"127.0.0.1\",\n    \"port\": 587,\n    \"command\": \"CONN\"\n  }\n}",
        "{\"code\":\"ESOCKET\",\"errno\":\"ECONNREFUSED\",\"syscall\":\"connect\",\"address\": \"::1\",\"port\":465}",
        "mail error: {\"errno\": -61, \"syscall\": \"connect\", \"address\": \"127.0.0.1\", \"port\": 25}",
    })
    void aConnectErrorDumpedAsJsonNamingTheLoopbackAddressIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }
}
