package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smtpdoctor.discovery.Candidate;
import org.smtpdoctor.discovery.CandidateOutcome;
import org.smtpdoctor.discovery.CandidateStatus;
import org.smtpdoctor.discovery.DiscoveryTexts;
import org.smtpdoctor.discovery.DnsFinding;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.ProviderNote;
import org.smtpdoctor.discovery.SharedFailure;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.SettingValue;

/**
 * The human output of {@code find}: each candidate as it finishes, then the servers that answered (best first),
 * the failures as failures, the one shared reason when there is one, and the smallest change.
 */
final class FindSummary {

    private final PrintWriter out;
    private final Messages texts;
    private final DiscoveryTexts discoveryTexts;

    FindSummary(PrintWriter out, Messages texts, DiscoveryTexts discoveryTexts) {
        this.out = out;
        this.texts = texts;
        this.discoveryTexts = discoveryTexts;
    }

    /** Prints each lookup and each candidate as it finishes. */
    FindListener progress() {
        return new FindListener() {
            @Override
            public void lookupFinished(DnsFinding finding) {
                String answer = finding.failed() ? texts.get("find.dns.failed", finding.error())
                        : finding.answers().isEmpty() ? texts.get("find.dns.none")
                        : String.join(", ", finding.answers());
                out.println("AUTOCONFIG".equals(finding.type()) ? texts.get("find.autoconfig", finding.name(), answer)
                        : texts.get("find.dns", finding.type(), finding.name(), answer));
                out.flush();
            }

            @Override
            public void candidatesReady(List<Candidate> candidates) {
                out.println(texts.get("find.trying", candidates.size()));
                out.flush();
            }

            @Override
            public void candidateFinished(CandidateOutcome outcome) {
                out.println("  " + line(outcome));
                out.flush();
            }
        };
    }

    String line(CandidateOutcome o) {
        String status = discoveryTexts.status(o.status());
        String reason = o.encryptionHiddenOnTheWay() ? texts.get("find.reason", texts.get("find.reason.hidden"))
                : o.reason().map(r -> texts.get("find.reason", Messages.jsonName(r))).orElse("");
        return texts.get("find.outcome", mark(o), discoveryTexts.candidate(o.candidate()), status, reason,
                discoveryTexts.source(o.source()), seconds(o.elapsedMs()));
    }

    private static String mark(CandidateOutcome o) {
        if (o.status().works()) {
            return "+";
        }
        return o.status().serverAnswered() ? "~" : "-";
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }

    void print(FindResult result, String domain, boolean mayAsk) {
        out.println();
        List<CandidateOutcome> answered = result.ranked().stream().filter(o -> o.status().serverAnswered()).toList();
        List<CandidateOutcome> failed = result.ranked().stream()
                .filter(o -> o.status() == CandidateStatus.FAILED).toList();
        List<CandidateOutcome> unfinished = result.ranked().stream()
                .filter(o -> o.status() == CandidateStatus.CANCELLED).toList();
        if (!answered.isEmpty()) {
            out.println(texts.get("find.ranking"));
            int n = 1;
            for (CandidateOutcome o : answered) {
                out.println(texts.get("find.rank", n++, line(o)));
            }
        }
        list("find.failures", failed);
        list("find.unfinished", unfinished);
        out.println();
        Optional<SharedFailure> shared = SharedFailure.of(result);
        if (result.best().isEmpty()) {
            out.println(shared.map(discoveryTexts::sharedFailure).orElse(texts.get("find.none")));
        } else {
            best(result, shared);
        }
        if (!mayAsk) {
            for (String host : result.awaitingConfirmation()) {
                out.println(texts.get("find.confirm.hint", host, domain));
            }
        }
        notes(result.notes());
        if (result.cancelled() || result.timedOut()) {
            out.println(texts.get(result.cancelled() ? "find.cancelled" : "find.timed_out"));
        }
        out.println(texts.get("find.elapsed", seconds(result.elapsedMs())));
    }

    private void list(String headingKey, List<CandidateOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        out.println(texts.get(headingKey));
        for (CandidateOutcome o : outcomes) {
            out.println(texts.get("find.listed", line(o)));
        }
    }

    private void best(FindResult result, Optional<SharedFailure> shared) {
        CandidateOutcome best = result.best().get();
        out.println(texts.get("find.best", discoveryTexts.candidate(best.candidate()),
                discoveryTexts.status(best.status())));
        if (result.currentWorks()) {
            out.println(texts.get("find.no_change"));
        } else if (result.current().isPresent() && result.changes().isEmpty()) {
            out.println(texts.get("find.same"));
        } else if (!result.changes().isEmpty()) {
            out.println(texts.get(result.current().isPresent() ? "find.change" : "find.enter"));
            for (Change c : result.changes()) {
                String name = texts.get("find.setting." + Messages.jsonName(c.setting()));
                String to = c.to().map(SettingValue::neutral).orElse("");
                out.println(c.from().isEmpty() ? texts.get("find.change.set", name, to)
                        : texts.get("find.change.line", name, c.from().get().neutral(), to));
            }
        }
        if (!result.found()) {
            if (shared.isPresent()) {
                out.println(discoveryTexts.sharedFailure(shared.get()));
            } else if (best.status() != CandidateStatus.NEEDS_CONFIRMATION) {
                out.println(texts.get(result.credentialsGiven() ? "find.sign_in_not_confirmed" : "find.not_confirmed"));
            }
        }
    }

    private void notes(List<ProviderNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        out.println();
        out.println(texts.get("find.notes"));
        for (ProviderNote note : notes) {
            out.println(texts.get("find.note", note.text()));
            if (!note.helpUrl().isEmpty()) {
                out.println(texts.get("find.note.help", note.helpUrl()));
            }
        }
    }
}
