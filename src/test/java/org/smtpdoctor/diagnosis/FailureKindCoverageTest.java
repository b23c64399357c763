package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.ProbeResults.probe;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;

/** Every way a probe can stop has its own diagnosis, never the catch-all. */
class FailureKindCoverageTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    /** The setting each failure kind points at on a plain, provider-less STARTTLS set-up on port 587. */
    private static final Map<FailureKind, Setting> EXPECTED = Map.ofEntries(
            Map.entry(FailureKind.INVALID_INPUT, Setting.SERVER_HOST),
            Map.entry(FailureKind.UNKNOWN_HOST, Setting.SERVER_HOST),
            Map.entry(FailureKind.DNS_UNAVAILABLE, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.CONNECTION_REFUSED, Setting.PORT),
            Map.entry(FailureKind.CONNECT_TIMEOUT, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.NETWORK_UNREACHABLE, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.NO_GREETING, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, Setting.SECURITY),
            Map.entry(FailureKind.TLS_WHERE_PLAINTEXT_EXPECTED, Setting.SECURITY),
            Map.entry(FailureKind.CERT_UNTRUSTED, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.CERT_EXPIRED, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.CERT_NOT_YET_VALID, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.CERT_HOST_MISMATCH, Setting.SERVER_HOST),
            Map.entry(FailureKind.TLS_NO_COMMON_PROTOCOL, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.TLS_FAILED, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.STARTTLS_NOT_OFFERED, Setting.SECURITY),
            Map.entry(FailureKind.STARTTLS_REFUSED, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.AUTH_ONLY_AFTER_TLS, Setting.SECURITY),
            Map.entry(FailureKind.TLS_REQUIRED_BY_SERVER, Setting.SECURITY),
            Map.entry(FailureKind.AUTH_NOT_OFFERED, Setting.SECURITY),
            Map.entry(FailureKind.AUTH_NO_COMMON_MECHANISM, Setting.AUTH_METHOD),
            Map.entry(FailureKind.PLAINTEXT_AUTH_BLOCKED, Setting.SECURITY),
            Map.entry(FailureKind.AUTH_REJECTED, Setting.PASSWORD),
            Map.entry(FailureKind.SERVER_REJECTED, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.CONNECTION_CLOSED, Setting.WAIT_AND_RETRY),
            Map.entry(FailureKind.CONNECTION_RESET, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.READ_TIMEOUT, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.NOT_SMTP, Setting.PORT),
            Map.entry(FailureKind.PROTOCOL_ERROR, Setting.NETWORK_OR_FIREWALL),
            Map.entry(FailureKind.SERVER_MISBEHAVED, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.ENDLESS_REPLY, Setting.CONTACT_PROVIDER),
            Map.entry(FailureKind.SMTPUTF8_NOT_OFFERED, Setting.SENDER_ADDRESS),
            Map.entry(FailureKind.CANCELLED, Setting.NONE),
            Map.entry(FailureKind.INTERNAL_ERROR, Setting.NONE));

    /** Failures that happen only on a connection that was never encrypted: tested with security None. */
    private static final Set<FailureKind> UNENCRYPTED = EnumSet.of(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED,
            FailureKind.AUTH_ONLY_AFTER_TLS, FailureKind.TLS_REQUIRED_BY_SERVER, FailureKind.AUTH_NOT_OFFERED,
            FailureKind.PLAINTEXT_AUTH_BLOCKED);

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void everyFailureKindHasItsOwnDiagnosis(FailureKind kind) {
        Security security = UNENCRYPTED.contains(kind) ? Security.NONE : Security.STARTTLS;
        Diagnosis d = DIAGNOSER.diagnose(probe("mail.example.org", 587, security).signIn("a@example.org")
                .failed(kind.usualPhase(), kind).build());
        assertNotEquals("fallback", d.ruleId(), kind::name);
        assertEquals(EXPECTED.get(kind), d.setting(), () -> kind + " -> " + d.ruleId());
        assertFalse(d.title().isBlank());
        assertFalse(d.explanation().isBlank());
    }
}
