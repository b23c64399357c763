package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.smtpdoctor.clients.Advice;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Confidence;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.probe.TlsInfo;
import org.smtpdoctor.probe.Transcript;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Problem;
import org.smtpdoctor.settings.Setting;

/** The human form of results: each step with ✔/✘, the diagnosis with what to change in bold, the transcript. */
final class HumanOutput {

    private static final Messages TEXT = Messages.of("org.smtpdoctor.cli.messages");
    private static final Set<Setting> SERVER_SETTINGS = EnumSet.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY);

    private final PrintWriter out;
    private final Terminal term;
    private final MailClient client;
    private final ClientGuide guide = new ClientGuide();

    HumanOutput(PrintWriter out, Terminal term, MailClient client) {
        this.out = out;
        this.term = term;
        this.client = client;
    }

    void problems(PrintWriter err, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p.severity().name().toLowerCase(Locale.ROOT) + ": "
                    + guide.locate(client, p.setting()).fieldName() + ": " + p.message());
        }
        err.flush();
    }

    void probeHeader(AccountSettings s) {
        String signIn = s.signsIn()
                ? TEXT.get("probe.header.signin", s.username().isEmpty() ? "-" : s.username(), s.authMethod().cliName())
                : TEXT.get("probe.header.nosignin");
        out.println(term.bold(TEXT.get("probe.header", s.endpoint(), s.security().label(), signIn)));
        out.println();
        out.flush();
    }

    void step(Step step) {
        String mark = step.outcome() == StepOutcome.OK || step.outcome() == StepOutcome.WARNING ? term.ok()
                : step.outcome() == StepOutcome.SKIPPED ? term.skipped() : term.failed();
        String reply = step.reply().map(HumanOutput::firstLine).orElse("");
        String note = step.note().isEmpty() ? "" : (reply.isEmpty() ? step.note() : "(" + step.note() + ")");
        out.printf(Locale.ROOT, "  %s %-28s %6d ms  %s%s%n", mark, Messages.label(step.phase()),
                step.durationMs(), reply, reply.isEmpty() || note.isEmpty() ? note : " " + note);
        out.flush();
    }

    private static String firstLine(Reply r) {
        String line = r.lines().isEmpty() ? String.valueOf(r.code()) : r.lines().get(0);
        if (r.lines().size() > 1) {
            line = line + " …";
        }
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }

    void probeSummary(ProbeResult r) {
        out.println();
        out.println(TEXT.get(r.success() ? "probe.summary.ok" : "probe.summary.failed", r.totalMs(),
                r.failedPhase().map(Messages::label).orElse("")));
        r.tls().ifPresent(this::tls);
        if (!r.detail().isEmpty() && !r.success()) {
            out.println("  " + TEXT.get("probe.detail", r.detail()));
        }
    }

    /** The standard alternatives checked on the same server, each with what it did. */
    void verification(Verification v) {
        if (!v.ran()) {
            return;
        }
        out.println("  " + TEXT.get("probe.verification"));
        for (AlternativeCheck c : v.checks()) {
            String offers = !c.answers() ? "" : TEXT.get("probe.verification.offers",
                    TEXT.get(c.offersStartTls() ? "yes" : "no"),
                    c.offersAuth() ? String.join(" ", c.authMechanisms()) : TEXT.get("no"));
            out.println("    " + TEXT.get("probe.verification.line", c.port(), c.security().label(),
                    TEXT.get("probe.verification.answer." + c.answer().name()), offers));
        }
    }

    private void tls(TlsInfo tls) {
        if (!tls.protocol().isEmpty()) {
            out.println("  " + TEXT.get("probe.tls", tls.protocol(), tls.cipherSuite()));
        }
        if (!tls.chain().isEmpty()) {
            out.println("  " + TEXT.get("probe.certificate", tls.chain().get(0).subject(),
                    String.join(", ", tls.validNames()), tls.chain().get(0).notAfter(),
                    TEXT.get(tls.trusted() ? "yes" : "no"), TEXT.get(tls.hostMatches() ? "yes" : "no")));
            out.println("  " + TEXT.get("probe.certificate.issuer", tls.chain().get(0).issuer(),
                    tls.chain().get(0).sha256()));
            if (!tls.trusted() || !tls.hostMatches()) {
                tls.leafFingerprint().ifPresent(f -> out.println("  " + TEXT.get("probe.certificate.pin", f)));
            }
        }
    }

    /** The diagnosis with its advice: every change in the program's words, then what to try if that fails. */
    void diagnosis(Diagnosis d, Advice advice) {
        out.println();
        out.println(term.bold(TEXT.get("diagnosis.verdict", d.verdictLabel(Locale.getDefault())) + " " + d.title()));
        if (d.confidence() == Confidence.LOW && d.recognised() && d.verdict() != Verdict.WORKS) {
            out.println("  " + TEXT.get("diagnosis.unsure"));
        }
        for (Advice.ChangeAdvice c : advice.changes()) {
            String change = c.fieldName() + c.suggested().map(v -> " " + term.arrow() + " " + v).orElse("");
            out.println("  " + TEXT.get("diagnosis.change") + " " + term.bold(change));
            String whereLabel = client == MailClient.OTHER ? TEXT.get("diagnosis.where.generic")
                    : TEXT.get("diagnosis.where", guide.displayName(client));
            out.println("  " + whereLabel + " " + c.menuPath());
            c.note().ifPresent(n -> out.println("  " + n));
        }
        for (Advice.AlternativeAdvice a : advice.alternatives()) {
            String change = a.fieldName() + a.suggested().map(v -> " " + term.arrow() + " " + v).orElse("");
            out.println("  " + (a.suggested().isEmpty() && !a.setting().canBeChecked()
                    ? TEXT.get("diagnosis.alternative.reason", a.why())
                    : TEXT.get("diagnosis.alternative", change, a.why())));
        }
        out.println("  " + TEXT.get("diagnosis.why") + " " + d.explanation());
        if (d.recognised()) {
            out.println("  " + TEXT.get("diagnosis.actor") + " " + Messages.label(d.actor()));
        }
        if (!d.thingsToTry().isEmpty()) {
            out.println("  " + TEXT.get("diagnosis.try"));
            int i = 1;
            for (String t : d.thingsToTry()) {
                out.println("    " + i++ + ". " + t);
            }
        }
        if (!d.technicalDetail().isEmpty()) {
            out.println("  " + TEXT.get("diagnosis.technical"));
            d.technicalDetail().lines().forEach(l -> out.println("    " + l));
        }
        out.flush();
    }

    /**
     * When the server settings themselves are wrong, points to {@code find}, which tries the alternatives and
     * answers with the smallest change.
     */
    void findHint(Diagnosis d, AccountSettings s) {
        if (d.verdict() != Verdict.FIX_SETTING || !SERVER_SETTINGS.contains(d.setting())) {
            return;
        }
        String address = s.sender().isEmpty() ? (s.username().contains("@") ? s.username() : "you@example.com")
                : s.sender();
        out.println("  " + TEXT.get("diagnosis.find", String.format(Locale.ROOT,
                "smtp-doctor find %s --current-host %s --current-port %d --current-security %s",
                address, s.host(), s.port(), s.security().cliName())));
        out.flush();
    }

    void transcript(Transcript t) {
        if (t.lines().isEmpty()) {
            return;
        }
        out.println();
        out.println(TEXT.get("transcript.heading"));
        t.lines().forEach(l -> out.println("  " + l.render()));
        out.flush();
    }
}
