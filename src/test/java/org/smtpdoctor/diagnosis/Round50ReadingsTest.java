package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings of session 20 prompted by records of blind rounds 49 and 50 (self-hosted Go, Elixir and Rust applications;
 * mailing lists and admins' forums) that moved to train for them, written as other programs word the same thing.
 */
class Round50ReadingsTest {

    /**
     * A program that found no list of trusted authorities at all (Go's "failed to load system roots", Erlang's
     * "cacertfile/cacerts is missing") lacks this computer's list, usually in a small container image (ra50-0016 was
     * not recognised, rb49-0021 "your provider has to act").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "level=error msg=\"sending mail failed\" err=\"x509: failed to load system roots and no roots provided\"",
            "TLS client: In state certify at ssl_handshake.erl:2138 generated CLIENT ALERT: Fatal - Handshake Failure\n"
                    + " - {bad_cert,invalid_issuer} Options {verify, verify_peer} and cacertfile/cacerts is missing"})
    void noListOfTrustedAuthoritiesIsThisComputers(String text) {
        Diagnosis d = Pasted.explain(text);
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
        assertEquals("explain.cert.no_trusted_list", d.ruleId());
    }

    /**
     * A mail server's log that shows its own configuration broken ("mail transport unavailable", "fatal: in parameter
     * …") is for whoever runs it, not a sign-in or a wait (rb50-0009 and 0014).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "postfix/error[2172]: 0A13: to=<ops@example.org>, relay=none, dsn=4.3.0, status=deferred (mail transport"
                    + " unavailable)",
            "postfix/smtpd[1132]: fatal: in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify"
                    + " at least one working instance of: reject_unauth_destination, defer_unauth_destination, reject"})
    void aServersBrokenConfigurationIsForItsOperator(String log) {
        Diagnosis d = Pasted.explain(log);
        assertEquals(Setting.CONTACT_PROVIDER, d.setting(), d.ruleId());
    }
}
