package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smtpdoctor.diagnosis.ProbeResults.probe;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * A server whose encryption does not work (seen on a real Courier whose TLS set-up was broken: port 587 offered no
 * STARTTLS, port 465 ended every handshake with close_notify). The advice was "set SSL/TLS" for SSL/TLS on 465, and
 * "the server name may be wrong" when no port's encryption worked; neither helps. Now the provider acts, and no
 * probe diagnosis ever tells a field to take the value it already holds.
 */
class NoWorkingEncryptionTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final String HOST = "mail.example.net";

    @Test
    void encryptionThatFailsWithTheSecurityThePortExpectsIsTheServersFault() {
        for (var setUp : List.of(new Object[] {465, Security.SSL_TLS}, new Object[] {587, Security.STARTTLS})) {
            ProbeResults p = probe(HOST, (Integer) setUp[0], (Security) setUp[1]).signIn("ann@example.net")
                    .passed(Phase.DNS, Phase.CONNECT).failed(Phase.TLS_HANDSHAKE, FailureKind.TLS_FAILED);
            Diagnosis d = DIAGNOSER.diagnose(p.build());
            assertEquals("tls_failed.security_matches_port", d.ruleId(), d.title());
            assertEquals(Setting.CONTACT_PROVIDER, d.setting());
        }
        Diagnosis mismatch = DIAGNOSER.diagnose(probe(HOST, 587, Security.SSL_TLS).signIn("ann@example.net")
                .passed(Phase.DNS, Phase.CONNECT).failed(Phase.TLS_HANDSHAKE, FailureKind.TLS_FAILED).build());
        assertNotEquals(Setting.CONTACT_PROVIDER, mismatch.setting(), "SSL/TLS on 587 is still the setting");
    }

    @Test
    void noPortWithWorkingEncryptionIsTheServersFaultNotTheServerName() {
        ProbeResult failed = probe(HOST, 587, Security.STARTTLS).signIn("ann@example.net")
                .passed(Phase.DNS, Phase.CONNECT, Phase.GREETING, Phase.EHLO)
                .failed(Phase.STARTTLS, FailureKind.STARTTLS_NOT_OFFERED).build();
        AlternativeCheck implicit = new AlternativeCheck(AccountSettings.of(HOST, 465, Security.SSL_TLS),
                AlternativeCheck.Answer.SECURITY_FAILED, Optional.of(FailureKind.TLS_FAILED), Capabilities.NONE,
                Optional.empty(), 40);
        Verification checked = new Verification(List.of(implicit), 40, false, true);

        Diagnosis d = DIAGNOSER.diagnose(failed, checked);

        assertEquals("starttls_not_offered.no_encryption_anywhere", d.ruleId(), d.title());
        assertEquals(Setting.CONTACT_PROVIDER, d.setting());
    }

    @Test
    void noProbeDiagnosisSetsAFieldToTheValueItAlreadyHolds() {
        for (FailureKind kind : FailureKind.values()) {
            for (int port : new int[] {25, 465, 587, 2525}) {
                for (Security security : Security.values()) {
                    ProbeResult r = probe(HOST, port, security).signIn("ann@example.net")
                            .failed(kind.usualPhase(), kind).build();
                    Diagnosis d = DIAGNOSER.diagnose(r);
                    Optional<SettingValue> now = SettingValue.of(d.setting(), r.settings());
                    if (d.suggestedValue().isPresent()) {
                        assertNotEquals(now, d.suggestedValue(), kind + " on " + port + " " + security + ": "
                                + d.ruleId());
                    }
                }
            }
        }
    }

    /** A pasted error's alternatives never repeat a value the user says is set ("if that does not help: STARTTLS"). */
    @Test
    void alternativesOfAPastedErrorLeaveOutTheValueTheUserSaysIsSet() {
        for (String text : List.of("Error: Greeting never received", "Connection timed out",
                "SSL routines:ssl3_get_record:wrong version number", "connect ECONNREFUSED 192.0.2.1:587")) {
            for (Security security : Security.values()) {
                ExplainContext context = ExplainContext.of(null, HOST, 587, security, null);
                Diagnosis d = DIAGNOSER.explain(text, context);
                d.alternatives().forEach(a -> assertNotEquals(
                        a.setting() == Setting.SECURITY ? Optional.of(SettingValue.security(security))
                                : a.setting() == Setting.PORT ? Optional.of(SettingValue.port(587)) : Optional.empty(),
                        a.suggestedValue().isPresent() ? a.suggestedValue() : Optional.of("no value"),
                        text + " with " + security + ": " + a));
            }
        }
    }
}
