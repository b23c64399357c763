package org.smtpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.smtpdoctor.discovery.Provider;
import org.smtpdoctor.discovery.ProviderCatalog;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.SignInPayloads;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;

/**
 * Turns what happened (a {@link ProbeResult}) or what a mail program showed (pasted text) into the one setting to
 * change, the value to change it to, and why, in plain words.
 *
 * <p>The decision is a table lookup ({@code rules.json}): the most specific rule matching the phase, reply code,
 * enhanced status code, failure kind, probe evidence and provider facts wins. This class only gathers the facts and
 * renders the winning rule's texts, so the table stays the one place where diagnoses are decided.
 */
public final class Diagnoser {

    static final String BUNDLE = "org.smtpdoctor.diagnosis.messages";
    private static final String PREFIX = "diagnosis.";
    private static final int MAX_TRY = 9;
    private static final Map<String, AuthMethod> AUTH_VALUES = Map.of(
            "auth.normal", AuthMethod.PLAIN,
            "auth.encrypted", AuthMethod.CRAM_MD5,
            "auth.oauth2", AuthMethod.XOAUTH2,
            "auth.none", AuthMethod.NONE);

    private final ProviderCatalog catalog;
    private final RuleCatalog rules;
    private final ProviderHints hints;
    private final Messages messages;

    /** Uses the built-in provider presets. */
    public Diagnoser() {
        this(ProviderCatalog.builtIn());
    }

    public Diagnoser(ProviderCatalog catalog) {
        this(catalog, Messages.of(BUNDLE));
    }

    public Diagnoser(ProviderCatalog catalog, Messages messages) {
        this(catalog, RuleCatalog.builtIn(), messages);
    }

    Diagnoser(ProviderCatalog catalog, RuleCatalog rules, Messages messages) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.hints = ProviderHints.builtIn();
    }

    /** The diagnosis of a probe: {@link Verdict#WORKS} for a success, else the setting to change. */
    public Diagnosis diagnose(ProbeResult result) {
        return diagnose(probeFacts(result));
    }

    /** The diagnosis of an error message a user pasted, with whatever the user knows besides. */
    public Diagnosis explain(String pastedText, ExplainContext context) {
        return diagnose(pastedFacts(ReplyParser.parse(SignInPayloads.redact(pastedText)), context));
    }

    /** The diagnosis of already parsed pasted text. */
    public Diagnosis explain(PastedEvidence evidence, ExplainContext context) {
        return diagnose(pastedFacts(evidence, context));
    }

    Diagnosis diagnose(Facts facts) {
        Rule rule = rules.best(facts).orElseThrow(() -> new IllegalStateException("No rule matched; the table"
                + " needs a catch-all rule"));
        return render(rule, facts);
    }

    RuleCatalog ruleCatalog() {
        return rules;
    }

    Facts probeFacts(ProbeResult r) {
        AccountSettings s = r.settings();
        Optional<Reply> reply = r.lastReply().filter(rep -> r.success() || !rep.isPositive());
        String text = reply.map(Reply::text).orElse("");
        Optional<String> username = Optional.of(s.username()).filter(u -> !u.isBlank());
        Optional<String> sender = Optional.of(s.sender()).filter(u -> !u.isBlank());
        Optional<Provider> provider = resolveProvider(Optional.of(s.host()), sender, username, text);
        return new Facts(catalog, Optional.of(r), Optional.empty(), r.success(),
                r.success() ? Optional.empty() : r.failedPhase().or(() -> Optional.of(r.phaseReached())),
                r.failure(),
                reply.map(rep -> OptionalInt.of(rep.code())).orElse(OptionalInt.empty()),
                reply.flatMap(Reply::enhanced),
                text,
                reply.map(rep -> String.join("\n", rep.lines())).orElse(""),
                Optional.of(s.host()),
                OptionalInt.of(s.port()),
                Optional.of(s.security()),
                Optional.of(s.authMethod()),
                username,
                sender,
                r.tls().map(t -> t.validNames()).orElse(List.of()),
                provider);
    }

    Facts pastedFacts(PastedEvidence e, ExplainContext c) {
        Optional<String> host = c.host().or(e::host);
        OptionalInt port = c.port().isPresent() ? c.port() : e.port();
        Optional<Provider> provider = resolveProvider(host, Optional.empty(), c.username(), e.text());
        return new Facts(catalog, Optional.empty(), Optional.of(e), false,
                c.phase().or(e::phase),
                e.failureKind(),
                e.code(),
                e.enhanced(),
                e.text(),
                e.replyText(),
                host,
                port,
                c.security(),
                c.username().isPresent() ? Optional.of(AuthMethod.AUTO) : Optional.empty(),
                c.username(),
                Optional.empty(),
                e.certificateNames(),
                provider);
    }

    /** By server host first (most direct), then the sender's and the username's domain, then the reply's words. */
    private Optional<Provider> resolveProvider(Optional<String> host, Optional<String> sender,
            Optional<String> username, String text) {
        return host.flatMap(catalog::forServerHost)
                .or(() -> sender.flatMap(catalog::forAddress))
                .or(() -> username.flatMap(catalog::forAddress))
                .or(() -> host.flatMap(catalog::forDomain))
                .or(() -> hints.providerIn(text, catalog));
    }

    private Diagnosis render(Rule rule, Facts f) {
        String base = PREFIX + rule.message();
        Optional<String> rawValue = rule.valueFrom()
                .flatMap(name -> EvidenceFunctions.value(name).orElseThrow().apply(f))
                .or(rule::value);
        Optional<String> value = rawValue.map(Diagnoser::neutralValue);
        Object[] args = {
            rawValue.map(this::displayValue).orElse(""),
            EvidenceFunctions.providerNameOf(f).orElse(messages.get(PREFIX + "words.your_provider")),
            f.host().orElse(messages.get(PREFIX + "words.the_server")),
            f.port().isPresent() ? Integer.toString(f.port().getAsInt()) : "",
            f.username().orElse(""),
            String.join(", ", f.certificateNames()),
        };
        String explanationKey = value.isEmpty() && messages.has(base + ".explanation.novalue")
                ? base + ".explanation.novalue" : base + ".explanation";
        List<String> tries = new ArrayList<>();
        for (int i = 1; i <= MAX_TRY && messages.has(base + ".try." + i); i++) {
            tries.add(messages.get(base + ".try." + i, args));
        }
        return new Diagnosis(rule.verdict(), rule.setting(), value, rule.actor(),
                messages.get(base + ".title", args),
                messages.get(explanationKey, args),
                technicalDetail(f, rule),
                rule.confidence(),
                evidence(rule, f),
                tries,
                rule.id());
    }

    /**
     * The value as the diagnosis carries it: literal ("587", "SSL/TLS") or, for a sign-in method, the neutral
     * {@link AuthMethod#cliName()} ("plain", "xoauth2") that front ends and {@code clients.ClientGuide} turn into each
     * program's own words.
     */
    private static String neutralValue(String value) {
        if (!value.startsWith("@")) {
            return value;
        }
        AuthMethod method = AUTH_VALUES.get(value.substring(1));
        if (method == null) {
            throw new IllegalStateException("No neutral value for " + value);
        }
        return method.cliName();
    }

    /** The value as the explanation shows it: a text key ("@auth.oauth2" → diagnosis.value.auth.oauth2) or literal. */
    private String displayValue(String value) {
        return value.startsWith("@") ? messages.get(PREFIX + "value." + value.substring(1)) : value;
    }

    private String technicalDetail(Facts f, Rule rule) {
        List<String> lines = new ArrayList<>();
        f.phase().ifPresent(p -> lines.add(messages.get(PREFIX + "technical.phase", phaseName(p))));
        if (!f.replyText().isBlank()) {
            lines.add(messages.get(PREFIX + "technical.reply", f.replyText().strip()));
        } else if (f.code().isPresent() || f.enhanced().isPresent()) {
            String code = (f.code().isPresent() ? f.code().getAsInt() + " " : "")
                    + f.enhanced().map(Object::toString).orElse("");
            lines.add(messages.get(PREFIX + "technical.code", code.strip()));
        }
        f.kind().ifPresent(k -> lines.add(messages.get(PREFIX + "technical.kind", k.jsonName())));
        f.probe().map(ProbeResult::detail).filter(d -> !d.isBlank())
                .ifPresent(d -> lines.add(messages.get(PREFIX + "technical.detail", d)));
        f.pasted().map(PastedEvidence::shape).filter(s -> s != ClientShape.UNKNOWN)
                .ifPresent(s -> lines.add(messages.get(PREFIX + "technical.shape", s.jsonName())));
        if (!f.certificateNames().isEmpty()) {
            lines.add(messages.get(PREFIX + "technical.certificate", String.join(", ", f.certificateNames())));
        }
        lines.add(messages.get(PREFIX + "technical.rule", rule.id()));
        return String.join("\n", lines);
    }

    private static String phaseName(Phase p) {
        return p.name().replace('_', ' ');
    }

    private static List<String> evidence(Rule rule, Facts f) {
        List<String> list = new ArrayList<>();
        f.phase().ifPresent(p -> list.add("phase: " + p.jsonName()));
        if (f.code().isPresent() || f.enhanced().isPresent()) {
            list.add("reply code: " + (f.code().isPresent() ? f.code().getAsInt() : "")
                    + f.enhanced().map(e -> " " + e).orElse(""));
        }
        f.kind().ifPresent(k -> list.add("failure: " + k.jsonName()));
        for (String name : rule.evidence()) {
            EvidenceFunctions.check(name).ifPresent(c -> list.add(c.describe().apply(f)));
        }
        String lower = f.lowerText();
        rule.text().stream().filter(lower::contains).findFirst()
                .ifPresent(t -> list.add("server text mentions \"" + t.toLowerCase(Locale.ROOT) + "\""));
        return list;
    }
}
