package org.smtpdoctor.diagnosis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.CertificateInfo;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.OtherService;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.probe.TlsInfo;
import org.smtpdoctor.probe.Transcript;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;

/** Builds {@link ProbeResult} values for tests by constructing the records directly, as the probe would. */
final class ProbeResults {

    private AccountSettings settings;
    private boolean success;
    private FailureKind failure;
    private Phase failedPhase;
    private Reply reply;
    private Capabilities capabilities = Capabilities.NONE;
    private Capabilities capabilitiesAfterTls;
    private TlsInfo tls;
    private OtherService otherService;
    private final List<Phase> passed = new ArrayList<>();

    private ProbeResults(AccountSettings settings) {
        this.settings = settings;
    }

    static ProbeResults probe(String host, int port, Security security) {
        return new ProbeResults(AccountSettings.of(host, port, security));
    }

    ProbeResults signIn(String username) {
        settings = settings.withAuthMethod(AuthMethod.AUTO).withCredentials(username, Secret.of("not-a-real-pw"));
        return this;
    }

    ProbeResults sender(String sender) {
        settings = settings.withSender(sender);
        return this;
    }

    ProbeResults recipient(String recipient) {
        settings = settings.withRecipient(recipient);
        return this;
    }

    ProbeResults failed(Phase phase, FailureKind kind) {
        this.failedPhase = phase;
        this.failure = kind;
        return this;
    }

    /** The failing reply, as received ("535-5.7.8 first\n535 5.7.8 last"). */
    ProbeResults reply(String raw) {
        this.reply = Reply.parse(raw).orElseThrow();
        return this;
    }

    ProbeResults passed(Phase... phases) {
        passed.addAll(List.of(phases));
        return this;
    }

    ProbeResults capabilities(String... keywords) {
        this.capabilities = caps(keywords);
        return this;
    }

    ProbeResults capabilitiesAfterTls(String... keywords) {
        this.capabilitiesAfterTls = caps(keywords);
        return this;
    }

    ProbeResults certificate(boolean trusted, boolean hostMatches, String... validNames) {
        CertificateInfo leaf = new CertificateInfo("CN=" + validNames[0], "CN=Test CA", List.of(validNames), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), false, "00:11");
        this.tls = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(leaf), trusted, hostMatches,
                List.of(validNames));
        return this;
    }

    /** An untrusted certificate for {@code validNames} issued by {@code issuer}. */
    ProbeResults untrustedCertificateFrom(String issuer, String... validNames) {
        CertificateInfo leaf = new CertificateInfo("CN=" + validNames[0], issuer, List.of(validNames), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), false,
                "AB:CD:EF:01");
        this.tls = new TlsInfo("", "", List.of(leaf), false, true, List.of(validNames));
        return this;
    }

    ProbeResults otherService(OtherService service) {
        this.otherService = service;
        return this;
    }

    ProbeResults succeeded() {
        this.success = true;
        passed.addAll(List.of(Phase.DNS, Phase.CONNECT, Phase.GREETING, Phase.EHLO, Phase.AUTH, Phase.MAIL_FROM));
        this.reply = Reply.parse("250 2.1.0 OK").orElseThrow();
        return this;
    }

    ProbeResult build() {
        List<Step> steps = new ArrayList<>();
        for (Phase p : passed) {
            steps.add(new Step(p, StepOutcome.OK, 5, Optional.empty(), ""));
        }
        if (failedPhase != null) {
            steps.add(new Step(failedPhase, StepOutcome.FAILED, 5, Optional.ofNullable(reply), ""));
        }
        return new ProbeResult(settings.withoutSecret(), !settings.secret().isEmpty(), success,
                Optional.ofNullable(failure), Optional.ofNullable(failedPhase), Optional.ofNullable(reply), steps,
                List.of("127.0.0.1"), capabilities, Optional.ofNullable(capabilitiesAfterTls), Optional.ofNullable(tls),
                Optional.ofNullable(otherService), failure == null ? "" : failure.name(), Transcript.EMPTY, 42);
    }

    private static Capabilities caps(String... keywords) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String k : keywords) {
            int space = k.indexOf(' ');
            map.put(space < 0 ? k : k.substring(0, space), space < 0 ? "" : k.substring(space + 1));
        }
        return new Capabilities(map);
    }
}
