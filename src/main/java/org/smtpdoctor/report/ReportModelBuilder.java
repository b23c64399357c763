package org.smtpdoctor.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.clients.Advisor;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.CertificateInfo;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.probe.TlsInfo;
import org.smtpdoctor.report.ReportModel.Block;
import org.smtpdoctor.report.ReportModel.Field;
import org.smtpdoctor.report.ReportModel.Fields;
import org.smtpdoctor.report.ReportModel.Items;
import org.smtpdoctor.report.ReportModel.Paragraph;
import org.smtpdoctor.report.ReportModel.Preformatted;
import org.smtpdoctor.report.ReportModel.Section;
import org.smtpdoctor.report.ReportModel.StepRow;
import org.smtpdoctor.report.ReportModel.Steps;
import org.smtpdoctor.settings.AccountSettings;

/**
 * Decides what a report says, in the user's language and mail program's words. Every piece of text that came
 * from outside (server replies, the transcript, pasted text, diagnosis texts) goes through {@link Text#clean}, which
 * removes control characters and, in presentation mode, masks names and addresses.
 */
final class ReportModelBuilder {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Messages messages;
    private final ClientGuide guide;

    ReportModelBuilder(Messages messages, ClientGuide guide) {
        this.messages = messages;
        this.guide = guide;
    }

    ReportModel build(ReportData data) {
        Text text = Text.forReport(data);
        Diagnosis d = data.diagnosis();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("verdict", msg("report.verdict.heading", verdictLabel(d)),
                List.of(new Paragraph(text.clean(d.title()), true))));
        change(data, text).ifPresent(sections::add);
        sections.add(new Section("explanation", msg("report.explanation.heading"),
                List.of(new Paragraph(text.clean(d.explanation()), false))));
        sections.add(new Section("actor", msg("report.actor.heading"),
                List.of(new Paragraph(Messages.label(d.actor(), messages.locale()), false))));
        if (!d.thingsToTry().isEmpty()) {
            sections.add(new Section("try", msg("report.try.heading"),
                    List.of(new Items(d.thingsToTry().stream().map(text::clean).collect(Collectors.toList()), true))));
        }
        data.settings().ifPresent(s -> sections.add(settings(s, data, text)));
        data.probe().ifPresent(p -> {
            if (!p.steps().isEmpty()) {
                sections.add(steps(p, text));
            }
            p.tls().ifPresent(tls -> sections.add(tls(tls, text)));
            capabilities(p).ifPresent(sections::add);
        });
        sections.add(technical(data, text));
        data.pastedText().ifPresent(t -> sections.add(new Section("pasted", msg("report.pasted.heading"),
                List.of(new Preformatted(text.cleanLines(t))))));
        data.probe().ifPresent(p -> sections.add(transcript(p, text)));

        List<String> meta = new ArrayList<>();
        meta.add(msg("report.meta.created", TIMESTAMP.format(data.timestamp())));
        meta.add(msg("report.meta.version", data.appVersion().isBlank() ? "?" : data.appVersion()));
        meta.add(msg("report.meta.client", guide.displayName(data.client())));
        if (data.presentationMode()) {
            meta.add(msg("report.meta.presentation"));
        }
        meta.add(msg("report.meta.noPassword"));
        return new ReportModel(msg("report.title"), meta, Messages.jsonName(d.verdict()), sections);
    }

    private String verdictLabel(Diagnosis d) {
        return Messages.label(d.verdict(), messages.locale());
    }

    /**
     * What to change, in the program's words: each change's field, its current and suggested value, and where it
     * is, then what to try if that does not help. Composed by {@link Advisor}, like every other front's.
     */
    private Optional<Section> change(ReportData data, Text text) {
        Advice advice = new Advisor(guide).advise(data.diagnosis(), data.client(), data.settings());
        if (advice.changes().isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        for (Advice.ChangeAdvice c : advice.changes()) {
            Optional<String> current = c.secret() ? data.settings().map(s -> msg("report.value.hidden"))
                    : c.current().map(v -> v.isEmpty() ? msg("report.value.none") : v).map(text::clean);
            Optional<String> suggested = c.suggested().map(text::clean);
            String summary;
            if (suggested.isPresent() && current.isPresent()) {
                summary = msg("report.change.summary", c.fieldName(), current.get(), suggested.get());
            } else if (suggested.isPresent()) {
                summary = msg("report.change.summaryNoCurrent", c.fieldName(), suggested.get());
            } else {
                summary = msg("report.change.summaryNoValue", c.fieldName());
            }
            List<Field> fields = new ArrayList<>();
            fields.add(new Field(msg("report.change.setting"), c.fieldName()));
            current.ifPresent(v -> fields.add(new Field(msg("report.change.current"), v)));
            suggested.ifPresent(v -> fields.add(new Field(msg("report.change.suggested"), v)));
            fields.add(new Field(msg("report.change.where"), c.menuPath()));
            c.note().ifPresent(n -> fields.add(new Field(msg("report.change.note"), n)));
            blocks.add(new Paragraph(summary, true));
            blocks.add(new Fields(fields));
        }
        for (Advice.AlternativeAdvice a : advice.alternatives()) {
            blocks.add(new Paragraph(a.suggested().isPresent()
                    ? msg("report.change.alternative", a.fieldName(), text.clean(a.suggested().get()), text.clean(a.why()))
                    : msg("report.change.alternativeNoValue", a.fieldName(), text.clean(a.why())), false));
        }
        return Optional.of(new Section("change", msg("report.change.heading"), blocks));
    }

    private Section settings(AccountSettings s, ReportData data, Text text) {
        boolean secretGiven = data.probe().map(ProbeResult::secretGiven).orElse(false);
        List<Field> f = new ArrayList<>();
        f.add(new Field(msg("report.settings.host"), s.host()));
        f.add(new Field(msg("report.settings.port"), String.valueOf(s.port())));
        f.add(new Field(msg("report.settings.security"), guide.valueLabel(data.client(), s.security())));
        f.add(new Field(msg("report.settings.auth"), guide.authLabel(data.client(), s.authMethod())));
        f.add(new Field(msg("report.settings.username"), orNone(text.clean(s.username()))));
        f.add(new Field(msg("report.settings.password"),
                msg(secretGiven ? "report.settings.passwordGiven" : "report.settings.passwordNotKept")));
        f.add(new Field(msg("report.settings.sender"), orNone(text.clean(s.sender()))));
        f.add(new Field(msg("report.settings.recipient"), orNone(text.clean(s.recipient()))));
        return new Section("settings", msg("report.settings.heading"), List.of(new Fields(f)));
    }

    private Section steps(ProbeResult p, Text text) {
        List<StepRow> rows = new ArrayList<>();
        for (Step step : p.steps()) {
            List<String> detail = new ArrayList<>();
            step.reply().ifPresent(r -> detail.add(String.join(" / ", r.lines())));
            if (!step.note().isBlank()) {
                detail.add(step.note());
            }
            rows.add(new StepRow(mark(step.outcome()), msg("report.outcome." + Messages.keyPart(step.outcome())),
                    phaseName(step.phase()), msg("report.steps.duration", step.durationMs()),
                    text.clean(String.join(" — ", detail))));
        }
        return new Section("steps", msg("report.steps.heading"),
                List.of(new Steps(rows, msg("report.steps.total", p.totalMs()))));
    }

    static String mark(StepOutcome outcome) {
        return outcome.glyph();
    }

    private String phaseName(Phase phase) {
        return Messages.label(phase, messages.locale());
    }

    private Section tls(TlsInfo tls, Text text) {
        List<Field> f = new ArrayList<>();
        f.add(new Field(msg("report.tls.protocol"), orDash(tls.protocol())));
        f.add(new Field(msg("report.tls.cipher"), orDash(tls.cipherSuite())));
        f.add(new Field(msg("report.tls.trusted"), yesNo(tls.trusted())));
        f.add(new Field(msg("report.tls.hostMatches"), yesNo(tls.hostMatches())));
        f.add(new Field(msg("report.tls.validNames"), orDash(text.clean(String.join(", ", tls.validNames())))));
        if (!tls.chain().isEmpty()) {
            CertificateInfo leaf = tls.chain().get(0);
            f.add(new Field(msg("report.tls.subject"), text.clean(leaf.subject())));
            f.add(new Field(msg("report.tls.issuer"), text.clean(leaf.issuer())));
            f.add(new Field(msg("report.tls.validity"),
                    msg("report.tls.validityRange", date(leaf.notBefore()), date(leaf.notAfter()))));
            f.add(new Field(msg("report.tls.selfSigned"), yesNo(leaf.selfSigned())));
            f.add(new Field(msg("report.tls.fingerprint"), leaf.sha256()));
        }
        return new Section("tls", msg("report.tls.heading"), List.of(new Fields(f)));
    }

    private Optional<Section> capabilities(ProbeResult p) {
        boolean before = !p.capabilities().extensions().isEmpty();
        if (!before && p.capabilitiesAfterTls().isEmpty()) {
            return Optional.empty();
        }
        List<Field> f = new ArrayList<>();
        f.add(new Field(msg("report.caps.first"), describe(p.capabilities())));
        p.capabilitiesAfterTls().ifPresent(c -> f.add(new Field(msg("report.caps.afterTls"), describe(c))));
        return Optional.of(new Section("capabilities", msg("report.caps.heading"), List.of(new Fields(f))));
    }

    private String describe(Capabilities c) {
        if (c.extensions().isEmpty()) {
            return msg("report.caps.none");
        }
        return c.extensions().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + " " + e.getValue())
                .map(Text::stripControls)
                .collect(Collectors.joining(", "));
    }

    private Section technical(ReportData data, Text text) {
        Diagnosis d = data.diagnosis();
        List<Block> blocks = new ArrayList<>();
        if (!d.technicalDetail().isBlank()) {
            blocks.add(new Paragraph(text.clean(d.technicalDetail()), false));
        }
        List<Field> f = new ArrayList<>();
        data.probe().ifPresent(p -> {
            p.failure().ifPresent(k -> f.add(new Field(msg("report.technical.failure"), Messages.jsonName(k))));
            p.failedPhase().ifPresent(ph -> f.add(new Field(msg("report.technical.phase"), Messages.jsonName(ph))));
            p.lastReply().map(Reply::lines).ifPresent(lines ->
                    f.add(new Field(msg("report.technical.lastReply"), text.clean(String.join(" / ", lines)))));
            if (!p.resolvedAddresses().isEmpty()) {
                f.add(new Field(msg("report.technical.addresses"), String.join(", ", p.resolvedAddresses())));
            }
            p.otherService().ifPresent(o -> f.add(new Field(msg("report.technical.otherService"), o.name())));
            if (!p.detail().isBlank()) {
                f.add(new Field(msg("report.technical.probeDetail"), text.clean(p.detail())));
            }
        });
        f.add(new Field(msg("report.technical.confidence"), msg("report.confidence." + Messages.keyPart(d.confidence()))));
        f.add(new Field(msg("report.technical.rule"), orDash(d.ruleId())));
        blocks.add(new Fields(f));
        if (!d.evidence().isEmpty()) {
            blocks.add(new Paragraph(msg("report.technical.evidence"), false));
            blocks.add(new Items(d.evidence().stream().map(text::clean).collect(Collectors.toList()), false));
        }
        return new Section("technical", msg("report.technical.heading"), blocks);
    }

    private Section transcript(ProbeResult p, Text text) {
        List<String> lines = TranscriptSafety.redact(p.transcript().lines()).stream()
                .map(l -> text.clean(l.render()))
                .collect(Collectors.toList());
        Block block = lines.isEmpty()
                ? new Paragraph(msg("report.transcript.empty"), false)
                : new Preformatted(lines);
        return new Section("transcript", msg("report.transcript.heading"), List.of(block));
    }

    private String msg(String key, Object... args) {
        return messages.get(key, args);
    }

    private String yesNo(boolean b) {
        return msg(b ? "report.yes" : "report.no");
    }

    private String orNone(String s) {
        return s.isBlank() ? msg("report.value.none") : s;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant);
    }
}
