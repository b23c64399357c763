package org.smtpdoctor.cli;

import org.smtpdoctor.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.diagnosis.Alternative;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.discovery.CandidateOutcome;
import org.smtpdoctor.discovery.DnsFinding;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.ProviderNote;
import org.smtpdoctor.discovery.SharedFailure;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.CertificateInfo;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.TlsInfo;
import org.smtpdoctor.probe.TranscriptLine;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.SettingValue;

/**
 * The {@code --json} form of results: the vocabulary of DESIGN.md in lower_snake_case, built explicitly so the
 * format is a stable contract rather than whatever the records happen to contain.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON rendering failed", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode probe(ProbeResult r, Diagnosis diagnosis) {
        ObjectNode root = object();
        root.set("settings", settings(r.settings(), r.secretGiven()));
        root.put("success", r.success());
        root.put("kind", r.failure().map(k -> Messages.jsonName(k)).orElse(null));
        root.put("failed_phase", r.failedPhase().map(p -> Messages.jsonName(p)).orElse(null));
        root.put("phase_reached", Messages.jsonName(r.phaseReached()));
        root.put("total_ms", r.totalMs());
        root.set("last_reply", r.lastReply().map(JsonOutput::reply).orElse(null));
        ArrayNode phases = root.putArray("phases");
        r.steps().forEach(s -> phases.add(step(s)));
        ArrayNode addresses = root.putArray("resolved_addresses");
        r.resolvedAddresses().forEach(addresses::add);
        root.set("capabilities", capabilities(r.capabilities()));
        root.set("capabilities_after_tls", r.capabilitiesAfterTls().map(JsonOutput::capabilities).orElse(null));
        root.set("tls", r.tls().map(JsonOutput::tls).orElse(null));
        root.put("other_service", r.otherService().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
        root.put("detail", r.detail());
        root.put("auth_mechanism", r.authMechanism().orElse(null));
        ArrayNode transcript = root.putArray("transcript");
        r.transcript().lines().forEach(l -> transcript.add(transcriptLine(l)));
        if (diagnosis != null) {
            root.set("diagnosis", diagnosis(diagnosis));
        }
        return root;
    }

    static ObjectNode settings(AccountSettings s, boolean secretGiven) {
        ObjectNode n = object();
        n.put("host", s.host());
        n.put("port", s.port());
        n.put("security", Messages.jsonName(s.security()));
        n.put("auth_method", s.authMethod().cliName().replace('-', '_'));
        n.put("username", s.username());
        n.put("password_given", secretGiven);
        n.put("sender", s.sender());
        n.put("recipient", s.recipient());
        return n;
    }

    static ObjectNode reply(Reply reply) {
        ObjectNode n = object();
        n.put("code", reply.code());
        n.put("enhanced_code", reply.enhanced().map(Object::toString).orElse(null));
        n.put("text", reply.text());
        ArrayNode lines = n.putArray("lines");
        reply.lines().forEach(lines::add);
        return n;
    }

    static ObjectNode step(Step step) {
        ObjectNode n = object();
        n.put("phase", Messages.jsonName(step.phase()));
        n.put("outcome", step.outcome().name().toLowerCase(java.util.Locale.ROOT));
        n.put("duration_ms", step.durationMs());
        n.set("reply", step.reply().map(JsonOutput::reply).orElse(null));
        n.put("note", step.note());
        return n;
    }

    static ObjectNode capabilities(Capabilities caps) {
        ObjectNode n = object();
        n.put("starttls", caps.startTls());
        ArrayNode mechs = n.putArray("auth_mechanisms");
        caps.authMechanisms().forEach(mechs::add);
        if (caps.sizeLimit().isPresent()) {
            n.put("size", caps.sizeLimit().getAsLong());
        } else {
            n.putNull("size");
        }
        n.put("eightbitmime", caps.eightBitMime());
        n.put("smtputf8", caps.smtpUtf8());
        n.put("pipelining", caps.pipelining());
        ObjectNode all = n.putObject("extensions");
        for (Map.Entry<String, String> e : caps.extensions().entrySet()) {
            all.put(e.getKey(), e.getValue());
        }
        return n;
    }

    static ObjectNode tls(TlsInfo tls) {
        ObjectNode n = object();
        n.put("protocol", tls.protocol());
        n.put("cipher_suite", tls.cipherSuite());
        n.put("trusted", tls.trusted());
        n.put("host_matches", tls.hostMatches());
        strings(n.putArray("valid_names"), tls.validNames());
        n.put("trusted_by", Messages.jsonName(tls.trustedBy()));
        n.put("trust_problem", tls.trustProblem());
        n.put("fingerprint", tls.leafFingerprint().orElse(null));
        ArrayNode chain = n.putArray("chain");
        for (CertificateInfo c : tls.chain()) {
            ObjectNode cn = chain.addObject();
            cn.put("subject", c.subject());
            cn.put("issuer", c.issuer());
            strings(cn.putArray("dns_names"), c.dnsNames());
            strings(cn.putArray("ip_addresses"), c.ipAddresses());
            cn.put("not_before", String.valueOf(c.notBefore()));
            cn.put("not_after", String.valueOf(c.notAfter()));
            cn.put("self_signed", c.selfSigned());
            cn.put("sha256", c.sha256());
        }
        return n;
    }

    static ObjectNode transcriptLine(TranscriptLine line) {
        ObjectNode n = object();
        n.put("elapsed_ms", line.elapsedMs());
        n.put("direction", line.direction().name().toLowerCase(java.util.Locale.ROOT));
        n.put("tls", line.tls());
        n.put("text", line.text());
        return n;
    }

    static ObjectNode diagnosis(Diagnosis d) {
        ObjectNode n = object();
        n.put("recognized", d.recognised());
        n.put("verdict", Messages.jsonName(d.verdict()));
        n.put("setting", Messages.jsonName(d.setting()));
        n.put("suggested_value", d.suggestedValue().map(SettingValue::neutral).orElse(null));
        n.put("actor", Messages.jsonName(d.actor()));
        n.put("title", d.title());
        n.put("explanation", d.explanation());
        n.put("technical_detail", d.technicalDetail());
        n.put("confidence", Messages.jsonName(d.confidence()));
        strings(n.putArray("evidence"), d.evidence());
        strings(n.putArray("things_to_try"), d.thingsToTry());
        n.put("rule_id", d.ruleId());
        ArrayNode changes = n.putArray("changes");
        for (Change c : d.changes()) {
            ObjectNode change = changes.addObject();
            change.put("setting", Messages.jsonName(c.setting()));
            change.put("from", c.from().map(SettingValue::neutral).orElse(null));
            change.put("to", c.to().map(SettingValue::neutral).orElse(null));
        }
        ArrayNode alternatives = n.putArray("alternatives");
        for (Alternative a : d.alternatives()) {
            ObjectNode alternative = alternatives.addObject();
            alternative.put("setting", Messages.jsonName(a.setting()));
            alternative.put("suggested_value", a.suggestedValue().map(SettingValue::neutral).orElse(null));
            alternative.put("why", a.why());
        }
        return n;
    }

    /** The standard alternatives checked on the same server: port, security, what each did and offered. */
    static com.fasterxml.jackson.databind.node.ArrayNode verification(Verification v) {
        ArrayNode list = MAPPER.createArrayNode();
        for (AlternativeCheck c : v.checks()) {
            ObjectNode n = list.addObject();
            n.put("port", c.port());
            n.put("security", Messages.jsonName(c.security()));
            n.put("answer", Messages.jsonName(c.answer()));
            n.put("failure", c.failure().map(k -> Messages.jsonName(k)).orElse(null));
            n.put("offers_starttls", c.offersStartTls());
            strings(n.putArray("auth_mechanisms"), c.authMechanisms());
            n.put("elapsed_ms", c.elapsedMs());
        }
        return list;
    }

    /** The result of {@code find}: the best candidate, the changes to make, every candidate, notes and DNS. */
    static ObjectNode find(FindResult result) {
        ObjectNode root = object();
        root.put("address", result.address());
        root.put("found", result.found());
        root.put("credentials_given", result.credentialsGiven());
        root.put("current_works", result.currentWorks());
        root.set("best", result.best().map(JsonOutput::outcome).orElse(null));
        ArrayNode changes = root.putArray("changes");
        for (Change c : result.changes()) {
            ObjectNode change = changes.addObject();
            change.put("setting", Messages.jsonName(c.setting()));
            change.put("from", c.from().map(SettingValue::neutral).orElse(""));
            change.put("to", c.to().map(SettingValue::neutral).orElse(""));
        }
        root.put("shared_failure", SharedFailure.of(result).map(Messages::jsonName).orElse(null));
        strings(root.putArray("awaiting_confirmation"), result.awaitingConfirmation());
        ArrayNode candidates = root.putArray("candidates");
        result.ranked().forEach(o -> candidates.add(outcome(o)));
        root.put("provider", result.provider().map(p -> p.id()).orElse(null));
        ArrayNode notes = root.putArray("notes");
        for (ProviderNote note : result.notes()) {
            ObjectNode n = notes.addObject();
            n.put("requirement", note.requirement().name().toLowerCase(java.util.Locale.ROOT));
            n.put("setting", Messages.jsonName(note.setting()));
            n.put("text", note.text());
            n.put("help_url", note.helpUrl());
        }
        ArrayNode dns = root.putArray("dns");
        for (DnsFinding f : result.lookups()) {
            ObjectNode n = dns.addObject();
            n.put("type", f.type());
            n.put("name", f.name());
            strings(n.putArray("answers"), f.answers());
            n.put("error", f.error());
        }
        root.put("cancelled", result.cancelled());
        root.put("timed_out", result.timedOut());
        root.put("elapsed_ms", result.elapsedMs());
        return root;
    }

    private static ObjectNode outcome(CandidateOutcome o) {
        ObjectNode n = object();
        n.put("host", o.candidate().host());
        n.put("port", o.candidate().port());
        n.put("security", Messages.jsonName(o.candidate().security()));
        n.put("source", Messages.jsonName(o.source()));
        n.put("evidence", o.candidate().evidence());
        n.put("status", Messages.jsonName(o.status()));
        n.put("reason", o.reason().map(r -> Messages.jsonName(r)).orElse(null));
        n.put("sign_in_tested", o.signInTested());
        n.put("username", o.settings().username());
        n.put("elapsed_ms", o.elapsedMs());
        Optional<ProbeResult> r = o.result();
        n.put("failed_phase", r.flatMap(ProbeResult::failedPhase).map(p -> Messages.jsonName(p)).orElse(null));
        n.put("last_reply", r.flatMap(ProbeResult::lastReply).map(rep -> String.join("\n", rep.lines())).orElse(null));
        n.put("detail", r.map(ProbeResult::detail).orElse(""));
        return n;
    }

    /** The advice in the chosen mail program's words: the same value the wizard and the reports render. */
    static ObjectNode advice(Advice advice) {
        ObjectNode n = object();
        n.put("client", advice.client().name().toLowerCase(java.util.Locale.ROOT));
        n.put("actor", Messages.jsonName(advice.actor()));
        ArrayNode changes = n.putArray("changes");
        for (Advice.ChangeAdvice c : advice.changes()) {
            ObjectNode change = changes.addObject();
            change.put("setting", Messages.jsonName(c.setting()));
            change.put("field", c.fieldName());
            change.put("from", c.current().orElse(null));
            change.put("to", c.suggested().orElse(null));
            change.put("where", c.menuPath());
            change.put("note", c.note().orElse(null));
            change.put("secret", c.secret());
            change.put("outside_the_program", c.outsideTheProgram());
        }
        ArrayNode alternatives = n.putArray("alternatives");
        for (Advice.AlternativeAdvice a : advice.alternatives()) {
            ObjectNode alternative = alternatives.addObject();
            alternative.put("setting", Messages.jsonName(a.setting()));
            alternative.put("field", a.fieldName());
            alternative.put("suggested_value", a.suggested().orElse(null));
            alternative.put("where", a.menuPath());
            alternative.put("why", a.why());
        }
        return n;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
