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
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
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
import org.smtpdoctor.settings.Change;

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
        boolean changeTheProgram = d.verdict() == Verdict.WORKS && !data.stillToChange().isEmpty();
        List<ReportModel.Block> verdict = new ArrayList<>();
        verdict.add(new Paragraph(changeTheProgram
                ? msg("report.stillToChange.intro", guide.displayName(data.client()))
                : text.clean(d.title()), true));
        if (!changeTheProgram && d.confidence() == Confidence.LOW && d.recognised() && d.verdict() != Verdict.WORKS) {
            verdict.add(new Paragraph(msg(data.probe().isPresent() ? "report.unsure.tested" : "report.unsure.pasted"),
                    false));
        }
        sections.add(new Section("verdict", msg("report.verdict.heading", verdictLabel(d)), verdict));
        if (changeTheProgram) {
            sections.add(stillToChange(data, text));
        }
        change(data, text).ifPresent(sections::add);
        history(data, text).ifPresent(sections::add);
        sections.add(new Section("explanation", msg("report.explanation.heading"),
                List.of(new Paragraph(changeTheProgram ? msg("report.stillToChange.explanation")
                        : text.clean(d.explanation()), false))));
        if (d.recognised()) {
            sections.add(new Section("actor", msg("report.actor.heading"), List.of(new Paragraph(
                    Messages.label(changeTheProgram ? Actor.YOU : d.actor(), messages.locale()), false))));
        }
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
        return d.verdictLabel(messages.locale());
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
                    : a.setting().canBeChecked()
                            ? msg("report.change.alternativeNoValue", a.fieldName(), text.clean(a.why()))
                            : msg("report.change.alternativeReason", text.clean(a.why())), false));
        }
        return Optional.of(new Section("change", msg("report.change.heading"), blocks));
    }

    /** The changes to make in the mail program now that the tested settings work, with where each one lives. */
    private Section stillToChange(ReportData data, Text text) {
        Diagnosis toMake = new Diagnosis(Verdict.FIX_SETTING, data.stillToChange(), Actor.YOU, "", "", "",
                Confidence.HIGH, List.of(), List.of(), "", List.of());
        Advice advice = new Advisor(guide).advise(toMake, data.client(), Optional.empty());
        List<Block> blocks = new ArrayList<>();
        for (Advice.ChangeAdvice c : advice.changes()) {
            blocks.add(new Paragraph(c.current().isPresent()
                    ? msg("report.change.summary", c.fieldName(), text.clean(orNone(c.current().get())),
                            text.clean(c.suggested().orElse("")))
                    : msg("report.change.summaryNoCurrent", c.fieldName(), text.clean(c.suggested().orElse(""))),
                    true));
            blocks.add(new Fields(List.of(new Field(msg("report.change.where"), c.menuPath()))));
        }
        return new Section("stillToChange", msg("report.stillToChange.heading", guide.displayName(data.client())),
                blocks);
    }

    /**
     * Everything tried since the wizard opened: the first test with the user's own settings, then each change tried
     * and what came of it, the last line being this report's result.
     */
    private Optional<Section> history(ReportData data, Text text) {
        if (data.earlier().isEmpty() || data.settings().isEmpty()) {
            return Optional.empty();
        }
        List<ReportData.Attempt> all = new ArrayList<>(data.earlier());
        all.add(new ReportData.Attempt(data.settings().get(), data.diagnosis()));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ReportData.Attempt a = all.get(i);
            String outcome = msg("report.history.outcome", verdictLabel(a.diagnosis()), text.clean(a.diagnosis().title()));
            if (i == 0) {
                items.add(msg("report.history.first", text.clean(describe(a.settings(), data)), outcome));
            } else {
                String changed = Change.between(all.get(i - 1).settings(), a.settings()).stream()
                        .map(c -> msg("report.history.change", guide.locate(data.client(), c.setting()).fieldName(),
                                c.from().map(v -> guide.clientValue(data.client(), v)).map(this::orNone).orElse("—"),
                                c.to().map(v -> guide.clientValue(data.client(), v)).map(this::orNone).orElse("—")))
                        .collect(Collectors.joining("; "));
                items.add(msg("report.history.next", changed.isEmpty() ? msg("report.history.same") : text.clean(changed),
                        outcome));
            }
        }
        return Optional.of(new Section("history", msg("report.history.heading"), List.of(new Items(items, true))));
    }

    /** "smtp.example.com:587, STARTTLS, signed in as alice" in the program's words. */
    private String describe(AccountSettings s, ReportData data) {
        String security = guide.valueLabel(data.client(), s.security());
        return s.signsIn()
                ? msg("report.history.settingsSignedIn", s.endpoint(), security,
                        guide.authLabel(data.client(), s.authMethod()), s.username())
                : msg("report.history.settings", s.endpoint(), security);
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
