package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/** Readings of session 15, each from a train record, written as any program would say it. */
class Round34ReadingsTest {

    /**
     * An app that says "wrong host or port" after the connection timed out is guessing; what it saw is the timeout, so
     * the network comes first and the server name stays an alternative (l13-0023, Metabase).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Problem connecting to mail server: Couldn't connect to host, port: smtp.example.com, 465; timeout -1:"
                    + " Operation timed out (Connection timed out)\n{:errors {:email-smtp-host \"Wrong host or port\","
                    + " :email-smtp-port \"Wrong host or port\"}}",
            "Error: connect ETIMEDOUT 192.0.2.10:587 (connection timed out). Invalid SMTP host or port, please check"
                    + " your settings.",
            "Test mail failed: the SMTP hostname may be wrong: connection refused by 192.0.2.10:25"})
    void aTimeoutOrRefusalOutranksTheAppsGuessOfAWrongName(String pasted) {
        Diagnosis d = Pasted.explain(pasted);
        assertTrue(d.setting() == Setting.NETWORK_OR_FIREWALL || d.setting() == Setting.PORT,
                () -> d.setting() + " " + d.ruleId() + ": " + pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mail settings: SMTP host is not set",
            "ValidationError: smtp-host must not be empty",
            "Error: Invalid server name. Check the SMTP host field."})
    void aNameTheAppFoundMissingOrInvalidIsStillTheName(String pasted) {
        Pasted.explainsAs(Setting.SERVER_HOST, pasted);
    }
}
