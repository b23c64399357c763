package org.smtpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.SignInPayloads;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

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
    /** The rule that matches anything: in a probe, a refusal no other rule reads; in pasted text, nothing read. */
    private static final String CATCH_ALL = "fallback";
    private static final int MAX_TRY = 9;
    /** The evidence line of a pasted reply read by its codes and step alone ({@link #structureOnly}). */
    static final String STRUCTURE_ONLY =
            "only the reply codes and the step decided, no words: medium confidence at most";
    private static final java.util.regex.Pattern NAMED_ADDRESS =
            java.util.regex.Pattern.compile("<([^<>@\\s]+@[^<>\\s]+)>");
    static final Map<String, AuthMethod> AUTH_VALUES = Map.of(
            "auth.normal", AuthMethod.PLAIN,
            "auth.encrypted", AuthMethod.CRAM_MD5,
            "auth.oauth2", AuthMethod.XOAUTH2,
            "auth.none", AuthMethod.NONE);

    /** Words of a mail program saying that sending failed, in any of the vocabulary's languages. */
    private static final EvidenceFunctions.Check SENDING_FAILED = EvidenceFunctions.check(EvidenceFunctions.SAYS
            + "sendingFailed").orElseThrow(() -> new IllegalStateException("vocabulary lacks sendingFailed"));
    /** The same said in other words: "No pudimos enviar el mensaje", "We konden uw bericht niet verzenden". */
    private static final EvidenceFunctions.Check SENDING_FAILED_IN_OTHER_WORDS = EvidenceFunctions.check(
            EvidenceFunctions.SAYS + "sendingFailedInOtherWords").orElseThrow(
                    () -> new IllegalStateException("vocabulary lacks sendingFailedInOtherWords"));
    /** Words saying the server answered ("The server responded 'Precondition Failed'") where no reply code shows. */
    private static final EvidenceFunctions.Check SERVER_ANSWERED = EvidenceFunctions.check(
            EvidenceFunctions.SAYS + "serverAnsweredWithoutCode").orElseThrow(
                    () -> new IllegalStateException("vocabulary lacks serverAnsweredWithoutCode"));

    private final ProviderCatalog catalog;
    private final RuleCatalog rules;
    private final Messages messages;
    private final java.util.function.Supplier<WordEvidence> words;
    /** The margins at which the words overrule a low-, and a medium-confidence reading of reply codes alone. */
    private final double overrulesUnsure;
    private final double overrulesMedium;

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
        this(catalog, rules, messages, WordEvidence::builtIn, WordEvidence.OVERRULES_UNSURE,
                WordEvidence.OVERRULES_MEDIUM);
    }

    private Diagnoser(ProviderCatalog catalog, RuleCatalog rules, Messages messages,
            java.util.function.Supplier<WordEvidence> words, double overrulesUnsure, double overrulesMedium) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.words = Objects.requireNonNull(words, "words");
        this.overrulesUnsure = overrulesUnsure;
        this.overrulesMedium = overrulesMedium;
    }

    /** The same diagnoser with another word-evidence model ({@link WordEvidence#none()}: the rules alone). */
    Diagnoser withWordEvidence(WordEvidence model) {
        return new Diagnoser(catalog, rules, messages, () -> model, overrulesUnsure, overrulesMedium);
    }

    /**
     * The same diagnoser with other margins for the words to overrule a reading of reply codes alone (low and medium
     * confidence): for the cross-validation that chooses {@link WordEvidence#OVERRULES_UNSURE} and
     * {@link WordEvidence#OVERRULES_MEDIUM}.
     */
    Diagnoser withWordMargins(double unsure, double medium) {
        return new Diagnoser(catalog, rules, messages, words, unsure, medium);
    }

    /** The diagnosis of a probe: {@link Verdict#WORKS} for a success, else the setting to change. */
    public Diagnosis diagnose(ProbeResult result) {
        return diagnose(result, Verification.NONE);
    }

    /**
     * The diagnosis of a probe with the standard alternatives checked just now ({@code discovery
     * .AlternativesVerifier}): advice to move to another port rests on what answered there, and says so.
     */
    public Diagnosis diagnose(ProbeResult result, Verification verification) {
        return diagnose(probeFacts(result, verification));
    }

    /** The diagnosis of an error message a user pasted, with whatever the user knows besides. */
    public Diagnosis explain(String pastedText, ExplainContext context) {
        return explain(ReplyParser.parse(SignInPayloads.redactPasted(pastedText)), context);
    }

    /**
     * The diagnosis of already parsed pasted text, with up to two alternatives; {@link Verdict#NOT_RECOGNISED} when
     * neither the structure (codes, failure, step, program) nor any rule's wording is found in the text.
     */
    public Diagnosis explain(PastedEvidence evidence, ExplainContext context) {
        Facts facts = pastedFacts(evidence, context);
        Rule rule = rules.matching(facts).stream().filter(r -> !changesNothing(r, facts)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No rule matched"));
        boolean notRecognised = !evidence.mailError() && context.phase().isEmpty() && rule.text().isEmpty()
                && rule.evidence().stream().noneMatch(EvidenceFunctions::readsWords);
        Diagnosis d = notRecognised ? notRecognised(facts, false) : render(rule, facts);
        if (!notRecognised) {
            Set<Setting> changed = d.changes().stream().map(Change::setting).collect(Collectors.toSet());
            // "if that does not help, set STARTTLS" beside advice that sets the security already contradicts it
            d = d.withAlternatives(Alternatives.builtIn().after(rule.message(), d.setting(), facts, messages).stream()
                    .filter(a -> !changed.contains(a.setting())).toList());
            if (d.confidence() == Confidence.HIGH && d.verdict() != Verdict.WORKS && structureOnly(rule)) {
                d = atMostMedium(d);
            }
        }
        boolean codesOnly = rule.text().isEmpty() && rule.evidence().isEmpty() && rule.phases().isEmpty()
                && rule.kinds().isEmpty();
        boolean unsure = d.confidence() == Confidence.LOW && (notRecognised || codesOnly);
        if (unsure || d.confidence() == Confidence.MEDIUM && !notRecognised && codesOnly
                && overrulesMedium < Double.POSITIVE_INFINITY) {
            // no rule reads the text, or only a general one that looked at its reply codes alone, not at its words,
            // its step or its failure: the words may say more
            boolean noRuleRead = notRecognised || rule.id().startsWith(CATCH_ALL);
            Optional<Diagnosis> byWords = byWords(evidence, facts, d, noRuleRead, unsure ? overrulesUnsure
                    : overrulesMedium);
            if (byWords.isPresent()) {
                return byWords.get();
            }
        }
        if (!notRecognised && rule.id().equals(CATCH_ALL) && !SERVER_ANSWERED.test().test(facts)) {
            // no reply code, no failure, no step, no rule's wording and no word of the server answering: "the server
            // refused" would be a guess (on once-fresh records this "your provider has to act" was right for about
            // one text in six); the probe, or the rest of the message, can tell
            return notRecognised(facts, true);
        }
        return d;
    }

    /**
     * Whether a rule reads the structure of a pasted reply alone: its basic code, its enhanced code (RFC 3463) and the
     * step, and no words, failure kind, evidence or setting. A reply code names a class of causes, not one cause
     * ("530" is a sign-in required by RFC 4954 or STARTTLS required by RFC 3207; "5.2.1" a disabled mailbox or a
     * server's own use of it), so such a reading is never more than medium confidence.
     */
    static boolean structureOnly(Rule rule) {
        return (!rule.codes().isEmpty() || !rule.enhanced().isEmpty()) && rule.text().isEmpty()
                && rule.evidence().isEmpty() && rule.kinds().isEmpty() && rule.ports().isEmpty()
                && rule.securities().isEmpty();
    }

    /** The same diagnosis at medium confidence, saying why. */
    private static Diagnosis atMostMedium(Diagnosis d) {
        List<String> evidence = new ArrayList<>(d.evidence());
        evidence.add(STRUCTURE_ONLY);
        return new Diagnosis(d.verdict(), d.changes(), d.actor(), d.title(), d.explanation(), d.technicalDetail(),
                Confidence.MEDIUM, evidence, d.thingsToTry(), d.ruleId(), d.alternatives());
    }

    /**
     * The word-evidence answer ({@link WordEvidence}) for a text the rules read only with low confidence and without
     * looking at its words (a rule of reply codes alone, the fallback or "not recognised"), when the
     * model's best setting is another one and beats the runner-up by {@link WordEvidence#OVERRULES_UNSURE} (or the
     * cross-validated margin, if lower; {@link WordEvidence#OVERRULES_MEDIUM} for a medium-confidence reading):
     * confidence low, the deciding words as evidence, the rules' answer as the first alternative and the runner-up
     * settings after it.
     */
    private Optional<Diagnosis> byWords(PastedEvidence evidence, Facts f, Diagnosis unsure, boolean noRuleRead,
            double overrules) {
        WordEvidence model = words.get();
        double margin = Math.min(model.threshold(), overrules);
        Optional<WordEvidence.Prediction> prediction = model.read(evidence, f)
                .filter(p -> p.margin() >= margin)
                .filter(p -> p.best() != Setting.NONE && p.best() != unsure.setting());
        if (prediction.isEmpty()) {
            return Optional.empty();
        }
        WordEvidence.Prediction p = prediction.get();
        Setting best = p.best();
        String base = PREFIX + "word_evidence.";
        String key = base + best.name().toLowerCase(Locale.ROOT);
        Verdict verdict = switch (best) {
            case CONTACT_PROVIDER -> Verdict.SERVER_SIDE;
            case WAIT_AND_RETRY -> Verdict.TEMPORARY;
            default -> Verdict.FIX_SETTING;
        };
        Actor actor = switch (best) {
            case CONTACT_PROVIDER -> Actor.PROVIDER;
            case WAIT_AND_RETRY -> Actor.NOBODY;
            default -> Actor.YOU;
        };
        List<String> evidenceLines = structureEvidence(f);
        String runnerUp = p.ranking().size() > 1 ? Messages.jsonName(p.ranking().get(1).setting()) : "";
        String read = noRuleRead ? "no rule matched" : "only a general rule matched (" + unsure.ruleId() + ")";
        evidenceLines.add(p.words().isEmpty()
                ? read + "; the words of the text point at " + Messages.jsonName(best)
                : read + "; the words " + p.words().stream().map(w -> "\"" + w + "\"")
                        .collect(java.util.stream.Collectors.joining(", ")) + " point at " + Messages.jsonName(best)
                        + " rather than " + runnerUp);
        List<String> tries = new ArrayList<>();
        for (int i = 1; i <= MAX_TRY && messages.has(base + "try." + i); i++) {
            tries.add(messages.get(base + "try." + i));
        }
        List<Alternative> alternatives = new ArrayList<>();
        if (!noRuleRead && unsure.setting() != Setting.NONE) {
            alternatives.add(new Alternative(unsure.setting(), unsure.suggestedValue(), unsure.title()));
        }
        p.ranking().stream().skip(1).map(WordEvidence.Ranked::setting)
                .filter(s -> s != Setting.NONE && alternatives.stream().noneMatch(a -> a.setting() == s))
                .limit(2L - alternatives.size())
                .forEach(s -> alternatives.add(new Alternative(s, Optional.empty(),
                        messages.get(base + s.name().toLowerCase(Locale.ROOT) + ".why"))));
        String ruleId = "word_evidence." + best.name();
        String explanation = messages.get(base + "lead." + (noRuleRead ? "unmatched" : "overruled")) + " "
                + messages.get(key + ".explanation");
        return Optional.of(new Diagnosis(verdict, best, Optional.empty(), actor, messages.get(key + ".title"),
                explanation, technicalDetail(f, ruleId), Confidence.LOW, evidenceLines, tries, ruleId)
                .withAlternatives(alternatives));
    }

    /**
     * "Not recognised": no conclusion about the settings. A text that says sending failed without saying why ("Mail
     * send failed.") is told so, rather than that it is no mail error at all; both get the same things to try.
     */
    private Diagnosis notRecognised(Facts facts, boolean aboutSending) {
        String base = PREFIX + "not_recognised";
        boolean saysItFailed = SENDING_FAILED.test().test(facts) || SENDING_FAILED_IN_OTHER_WORDS.test().test(facts);
        String wording = saysItFailed ? base + ".no_cause" : aboutSending ? base + ".no_detail" : base;
        List<String> tries = new ArrayList<>();
        for (int i = 1; i <= MAX_TRY && messages.has(base + ".try." + i); i++) {
            tries.add(messages.get(base + ".try." + i));
        }
        return new Diagnosis(Verdict.NOT_RECOGNISED, List.of(), Actor.NOBODY, messages.get(wording + ".title"),
                messages.get(wording + ".explanation"), "", Confidence.LOW,
                List.of(saysItFailed
                        ? "the text says sending failed, but has no reply code, enhanced code or failure wording"
                        : aboutSending
                                ? "the text is about sending mail, but has no reply code, enhanced code, failure"
                                        + " wording or step that a rule reads"
                                : "no reply code, enhanced code, failure wording or mail program wording found"), tries,
                "not_recognised", List.of());
    }

    /**
     * The best rule's diagnosis of a probe; a rule whose change would set a field to the value it already holds
     * ("set SSL/TLS" when SSL/TLS failed) is passed over for the next one, since following it changes nothing. Pasted
     * text is not: what a user says beside it may be wrong, and the text's own demand ("Must issue a STARTTLS command
     * first") then outweighs it; only its alternatives leave out the value the user says is set. What the text itself
     * shows the program did is observed, though: a connection named {@code ssl://host:465} already used SSL/TLS, so
     * "use SSL/TLS" is passed over there too.
     */
    Diagnosis diagnose(Facts facts) {
        Rule rule = rules.matching(facts).stream().filter(r -> !changesNothing(r, facts)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No rule matched; the table needs a catch-all rule"));
        return render(rule, facts);
    }

    private static boolean changesNothing(Rule rule, Facts f) {
        return valueOf(rule, f).filter(to -> f.fromProbe() ? Optional.of(to).equals(current(rule.setting(), f))
                : textShowsTried(rule.setting(), to, f)).isPresent();
    }

    /**
     * Whether pasted text shows the program already did what a value would set: the security its connection's scheme
     * names, a port it shows failing. Advice and its alternatives never ask for it. (A port the text merely names is
     * no such thing: "use port 587" names the advice, not what was tried.)
     */
    static boolean textShowsTried(Setting setting, SettingValue to, Facts f) {
        if (f.fromProbe()) {
            return false;
        }
        return switch (setting) {
            case SECURITY -> Optional.of(to).equals(EvidenceFunctions.securityTheTextNames(f.lowerText())
                    .map(SettingValue::security));
            case PORT -> to instanceof SettingValue.PortNumber p
                    && EvidenceFunctions.portsTheTextShowsFailing(f.lowerText()).contains(p.port());
            default -> false;
        };
    }

    /**
     * The value a field holds now, as far as the facts show it: the tested settings, or what the user said beside a
     * pasted error.
     */
    static Optional<SettingValue> current(Setting setting, Facts f) {
        return switch (setting) {
            case SERVER_HOST -> f.host().map(SettingValue::host);
            case PORT -> f.port().isPresent() ? Optional.of(SettingValue.port(f.port().getAsInt()))
                    : Optional.empty();
            case SECURITY -> f.security().map(SettingValue::security);
            case AUTH_METHOD -> f.authMethod().map(SettingValue::auth);
            case USERNAME -> f.username().map(SettingValue::username);
            default -> Optional.empty();
        };
    }

    private static Optional<SettingValue> valueOf(Rule rule, Facts f) {
        return rule.valueFrom().flatMap(name -> EvidenceFunctions.value(name).orElseThrow().apply(f))
                .or(() -> rule.value().map(v -> literal(rule.setting(), v)));
    }

    RuleCatalog ruleCatalog() {
        return rules;
    }

    Facts probeFacts(ProbeResult r) {
        return probeFacts(r, Verification.NONE);
    }

    Facts probeFacts(ProbeResult r, Verification verification) {
        AccountSettings s = r.settings();
        Optional<Reply> reply = r.lastReply().filter(rep -> r.success() || !rep.isPositive());
        String text = reply.map(Reply::text).orElse("");
        Optional<String> username = Optional.of(s.username()).filter(u -> !u.isBlank());
        Optional<String> sender = Optional.of(s.sender()).filter(u -> !u.isBlank());
        Optional<Provider> provider = resolveProvider(Optional.of(s.host()), OptionalInt.of(s.port()), sender,
                username, text);
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
                provider,
                verification);
    }

    Facts pastedFacts(PastedEvidence e, ExplainContext c) {
        Optional<String> host = c.host().or(e::host);
        OptionalInt port = c.port().isPresent() ? c.port() : e.port();
        // what the rules read of a long paste, as the parser did, with wrapped lines joined again
        String text = ReplyParser.wordsOf(e.text());
        List<String> cdo = ReplyParser.cdoMessages(ReplyParser.bounded(e.text()));
        if (!cdo.isEmpty()) {
            // a CDO error number says its documented message (ReplyParser.CDO_MESSAGES): read it as a sentence of its own
            text = text + "; " + String.join(" ", cdo);
        }
        Optional<Provider> provider = resolveProvider(host, port, c.sender(), c.username(), text);
        return new Facts(catalog, Optional.empty(), Optional.of(e), false,
                c.phase().or(e::phase),
                e.failureKind(),
                e.code(),
                e.enhanced(),
                text,
                e.replyText(),
                host,
                port,
                c.security(),
                c.username().isPresent() ? Optional.of(AuthMethod.AUTO) : Optional.empty(),
                c.username(),
                c.sender(),
                e.certificateNames(),
                provider,
                Verification.NONE);
    }

    /**
     * By server host first (most direct), then the sender's and the username's domain, then the reply's words; words
     * that name another provider than the one whose domain the server lies under are not taken (NetEase's "535 Error:
     * authentication failed" is also Tencent's, and smtp.exmail.qq.com is no NetEase server).
     */
    private Optional<Provider> resolveProvider(Optional<String> host, OptionalInt port, Optional<String> sender,
            Optional<String> username, String text) {
        if (host.filter(HostNames::isLocalOrIp).isPresent()) {
            return byServer(host.get(), port, sender, username);
        }
        return host.flatMap(catalog::forServerHost)
                .or(() -> sender.flatMap(catalog::forAddress))
                .or(() -> username.flatMap(catalog::forAddress))
                .or(() -> host.flatMap(catalog::forDomain))
                .or(() -> catalog.namedIn(text).filter(named -> host.flatMap(catalog::underDomain)
                        .map(owner -> catalog.shareAccounts(owner, named)).orElse(true)));
    }

    /**
     * The provider of a server given as a local address (this computer, an IP literal): such a server is anybody's,
     * so it counts as a provider's (Proton Mail Bridge on 127.0.0.1) only on a port documented for it and with an
     * address of that provider; otherwise it gets generic advice, whatever the address's domain.
     */
    private Optional<Provider> byServer(String host, OptionalInt port, Optional<String> sender,
            Optional<String> username) {
        Optional<Provider> provider = catalog.forServerHost(host);
        if (provider.isEmpty()) {
            return provider;
        }
        Provider p = provider.get();
        boolean documentedPort = port.isPresent() && p.servers().stream()
                .anyMatch(s -> s.host().equalsIgnoreCase(host) && s.port() == port.getAsInt());
        boolean providersAddress = java.util.stream.Stream.of(sender, username).flatMap(Optional::stream)
                .anyMatch(a -> catalog.forAddress(a).filter(byAddress -> byAddress.id().equals(p.id())).isPresent());
        return documentedPort && providersAddress ? provider : Optional.empty();
    }

    private Diagnosis render(Rule rule, Facts f) {
        String base = PREFIX + rule.message();
        Optional<SettingValue> value = valueOf(rule, f);
        Object[] args = {
            value.map(this::displayValue).orElse(""),
            EvidenceFunctions.providerNameOf(f).orElse(messages.get(PREFIX + "words.your_provider")),
            f.host().orElse(messages.get(PREFIX + "words.the_server")),
            f.port().isPresent() ? Integer.toString(f.port().getAsInt()) : "",
            f.username().orElse(""),
            String.join(", ", f.certificateNames()),
            verifiedOffer(f),
            namedAddress(f),
            f.verification().firstAnswering().map(c -> c.security().label()).orElse(""),
            f.security().map(Security::label).orElse(""),
            EvidenceFunctions.usedAuthMethod(f).map(m -> displayValue(SettingValue.auth(m))).orElse(""),
            EvidenceFunctions.leafFingerprint(f).orElse(""),
            EvidenceFunctions.leafIssuer(f).orElse(""),
        };
        String explanationKey = value.isEmpty() && messages.has(base + ".explanation.novalue")
                ? base + ".explanation.novalue" : base + ".explanation";
        if (f.port().isEmpty() && messages.has(explanationKey + ".noport")) {
            // a pasted text that names no port: never "on port ."
            explanationKey = explanationKey + ".noport";
        }
        List<String> tries = new ArrayList<>();
        for (int i = 1; i <= MAX_TRY && messages.has(base + ".try." + i); i++) {
            tries.add(messages.get(base + ".try." + i, args));
        }
        List<Change> changes = new ArrayList<>();
        if (rule.setting() != Setting.NONE) {
            changes.add(new Change(rule.setting(), currentValue(rule.setting(), f), value));
            if (rule.valueFrom().filter("verifiedPort"::equals).isPresent()) {
                changes.addAll(verifiedCombination(f));
            }
            rule.also().forEach((setting, v) -> addIfDifferent(changes, setting, literal(setting, v), f));
            if (value.orElse(null) instanceof SettingValue.PortNumber p
                    && changes.stream().noneMatch(c -> c.setting() == Setting.SECURITY)) {
                // a port of its own kind goes with its security: "Port 465" alone fails for a program on STARTTLS
                Security.ofSubmissionPort(p.port())
                        .ifPresent(s -> addIfDifferent(changes, Setting.SECURITY, SettingValue.security(s), f));
            }
        }
        String explanation = messages.get(explanationKey, args);
        List<String> evidence = evidence(rule, f);
        if (signInNeedsStartTls(changes, f)) {
            changes.add(new Change(Setting.SECURITY, currentValue(Setting.SECURITY, f),
                    Optional.of(SettingValue.security(Security.STARTTLS))));
            if (f.capabilities().map(Capabilities::auth).orElse(false)) {
                explanation = messages.get(PREFIX + "words.sign_in_with_starttls", explanation);
                evidence.add("the server offered STARTTLS, and sign-in without it, which no password is sent over:"
                        + " STARTTLS comes with the sign-in");
            } else {
                explanation = messages.get(PREFIX + "words.sign_in_after_starttls", explanation);
                evidence.add("the server offered STARTTLS and no sign-in before it: STARTTLS comes with the sign-in");
            }
        }
        return new Diagnosis(rule.verdict(), changes, rule.actor(),
                messages.get(base + ".title", args),
                explanation,
                technicalDetail(f, rule.id()),
                rule.confidence(),
                evidence,
                tries,
                rule.id(),
                List.of());
    }

    /**
     * Whether the changes turn sign-in on over an unencrypted connection whose server listed STARTTLS: followed alone,
     * they would stop at "sign-in is offered only after STARTTLS" when the server listed no sign-in before it, and at
     * "your password would have been sent without encryption" when it did (Haraka lists sign-in in plain text to
     * clients from private and loopback addresses, Nodemailer's smtp-server always, and then refuses it with 538), since
     * a password is never sent unencrypted. Servers refuse a client that has not signed in with many codes (530, 535,
     * Courier; 550 5.7.9 and 503 5.7.1, chasquid; 554 relay access denied; 550 I cannot deliver mail, Haraka), so this
     * holds for every rule that asks for the sign-in rather than for some codes: the connection security changes with
     * it, on the same port. A rule that changes the port or the security itself has decided that.
     */
    private static boolean signInNeedsStartTls(List<Change> changes, Facts f) {
        boolean turnsSignInOn = changes.stream().anyMatch(c -> c.setting() == Setting.AUTH_METHOD
                && c.to().filter(v -> v instanceof SettingValue.AuthChoice a && a.method() != AuthMethod.NONE)
                        .isPresent());
        boolean keepsConnection = changes.stream()
                .noneMatch(c -> c.setting() == Setting.SECURITY || c.setting() == Setting.PORT);
        return turnsSignInOn && keepsConnection && f.fromProbe()
                && f.authMethod().orElse(null) == AuthMethod.NONE
                && f.security().orElse(null) == Security.NONE
                && f.capabilities().map(Capabilities::startTls).orElse(false);
    }

    /**
     * A verified alternative is a whole combination: besides its port, its connection security and, where the
     * tested settings did not sign in but the alternative offers it, sign-in. Only what differs from the settings
     * tested becomes a change, so applying them all at once gives exactly the combination that answered.
     */
    private static List<Change> verifiedCombination(Facts f) {
        List<Change> list = new ArrayList<>();
        f.verification().firstAnswering().ifPresent(c -> {
            addIfDifferent(list, Setting.SECURITY, SettingValue.security(c.security()), f);
            if (c.offersAuth() && f.authMethod().orElse(AuthMethod.NONE) == AuthMethod.NONE) {
                AuthMethod method = c.authMechanisms().stream().map(EvidenceFunctions::methodFor)
                        .flatMap(Optional::stream).min(java.util.Comparator.naturalOrder()).orElse(AuthMethod.PLAIN);
                addIfDifferent(list, Setting.AUTH_METHOD, SettingValue.auth(method), f);
            }
        });
        return list;
    }

    private static void addIfDifferent(List<Change> list, Setting setting, SettingValue to, Facts f) {
        Optional<SettingValue> from = currentValue(setting, f);
        if (!from.equals(Optional.of(to))) {
            list.add(new Change(setting, from, Optional.of(to)));
        }
    }

    /** The address the server's reply names ("553 5.7.1 &lt;x&gt;: Sender address rejected"), else the sender. */
    private static String namedAddress(Facts f) {
        java.util.regex.Matcher m = NAMED_ADDRESS.matcher(f.serverText());
        return m.find() ? m.group(1) : f.sender().orElse("");
    }

    /** What the best verified alternative offers, in words: "STARTTLS and sign-in (PLAIN, LOGIN)". */
    private String verifiedOffer(Facts f) {
        return f.verification().firstAnswering().map(c -> {
            String security = messages.get(PREFIX + (c.security() == Security.SSL_TLS
                    ? "words.verified.ssl" : "words.verified.starttls"));
            return c.offersAuth()
                    ? messages.get(PREFIX + "words.verified.with_signin", security, String.join(", ",
                            c.authMechanisms()))
                    : security;
        }).orElse("");
    }

    /**
     * A value written in the rule table: a sign-in method as a value key ({@code "@auth.oauth2"}), a port's digits,
     * a connection security's label ({@code "SSL/TLS"}), or a name for the rule's setting.
     */
    static SettingValue literal(Setting setting, String value) {
        if (value.startsWith("@")) {
            AuthMethod method = AUTH_VALUES.get(value.substring(1));
            if (method == null) {
                throw new IllegalStateException("No sign-in method for " + value);
            }
            return SettingValue.auth(method);
        }
        for (Security security : Security.values()) {
            if (security.label().equals(value)) {
                return SettingValue.security(security);
            }
        }
        return switch (setting) {
            case PORT -> SettingValue.port(Integer.parseInt(value));
            case SERVER_HOST -> SettingValue.host(value);
            case USERNAME -> SettingValue.username(value);
            case SENDER_ADDRESS, RECIPIENT_ADDRESS -> SettingValue.address(value);
            default -> SettingValue.text(value);
        };
    }

    /** What the facts say the setting holds now; empty when unknown (a pasted error says little). */
    private static Optional<SettingValue> currentValue(Setting setting, Facts f) {
        if (f.probe().isPresent()) {
            return SettingValue.of(setting, f.probe().get().settings());
        }
        return switch (setting) {
            case SERVER_HOST -> f.host().map(SettingValue::host);
            case PORT -> f.port().isPresent() ? Optional.of(SettingValue.port(f.port().getAsInt())) : Optional.empty();
            case SECURITY -> f.security().map(SettingValue::security);
            case USERNAME -> f.username().map(SettingValue::username);
            default -> Optional.empty();
        };
    }

    /** The value as the explanation shows it: a sign-in method by its one label ({@link Messages#label}). */
    private String displayValue(SettingValue value) {
        if (value instanceof SettingValue.AuthChoice a) {
            return Messages.label(a.method(), messages.locale());
        }
        return value.neutral();
    }

    private String technicalDetail(Facts f, String ruleId) {
        List<String> lines = new ArrayList<>();
        f.phase().ifPresent(p -> lines.add(messages.get(PREFIX + "technical.phase", phaseName(p))));
        if (!f.replyText().isBlank()) {
            lines.add(messages.get(PREFIX + "technical.reply", f.replyText().strip()));
        } else if (f.code().isPresent() || f.enhanced().isPresent()) {
            String code = (f.code().isPresent() ? f.code().getAsInt() + " " : "")
                    + f.enhanced().map(Object::toString).orElse("");
            lines.add(messages.get(PREFIX + "technical.code", code.strip()));
        }
        f.kind().ifPresent(k -> lines.add(messages.get(PREFIX + "technical.kind", Messages.jsonName(k))));
        f.probe().map(ProbeResult::detail).filter(d -> !d.isBlank())
                .ifPresent(d -> lines.add(messages.get(PREFIX + "technical.detail", d)));
        f.pasted().map(PastedEvidence::shape).filter(s -> s != ClientShape.UNKNOWN)
                .ifPresent(s -> lines.add(messages.get(PREFIX + "technical.shape", Messages.jsonName(s))));
        if (!f.certificateNames().isEmpty()) {
            lines.add(messages.get(PREFIX + "technical.certificate", String.join(", ", f.certificateNames())));
        }
        lines.add(messages.get(PREFIX + "technical.rule", ruleId));
        return String.join("\n", lines);
    }

    private static String phaseName(Phase p) {
        return p.name().replace('_', ' ');
    }

    /** What the structure shows, as evidence lines: the step, the reply code (and enhanced code), the failure. */
    private static List<String> structureEvidence(Facts f) {
        List<String> list = new ArrayList<>();
        f.phase().ifPresent(p -> list.add("phase: " + Messages.jsonName(p)));
        if (f.code().isPresent() || f.enhanced().isPresent()) {
            list.add("reply code: " + (f.code().isPresent() ? f.code().getAsInt() : "")
                    + f.enhanced().map(e -> " " + e).orElse(""));
        }
        f.kind().ifPresent(k -> list.add("failure: " + Messages.jsonName(k)));
        return list;
    }

    private static List<String> evidence(Rule rule, Facts f) {
        List<String> list = structureEvidence(f);
        for (String name : rule.evidence()) {
            EvidenceFunctions.check(name).ifPresent(c -> list.add(c.describe().apply(f)));
        }
        String lower = f.lowerText();
        rule.text().stream().filter(t -> Rule.mentions(lower, t)).findFirst()
                .ifPresent(t -> list.add("server text mentions \"" + Rule.words(t) + "\""));
        return list;
    }
}
