package org.smtpdoctor.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smtpdoctor.discovery.Candidate;
import org.smtpdoctor.discovery.CandidateOutcome;
import org.smtpdoctor.discovery.DiscoveryTexts;
import org.smtpdoctor.discovery.DnsFinding;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.DnsLookup;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.ProviderNote;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Change;
import org.smtpdoctor.settings.Problem;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.SettingsValidator;
import org.smtpdoctor.settings.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code smtp-doctor find ADDRESS}: finds outgoing-server settings that work from this network, printing each
 * candidate as it finishes, then the ranking and the smallest change from the current settings.
 *
 * <p>Exit codes: 0 working settings found, 1 none work, 2 usage error. A password is read only from standard input
 * ({@code --password-stdin}); as an argument it would end up in the shell history, so it is refused.
 */
@Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Finds outgoing-server (SMTP) settings that really work from this network for an email address, "
                + "and says what to change in the mail program.")
public final class FindCommand implements Callable<Integer> {

    static final int FOUND = 0;
    static final int NONE_WORK = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The email address to find settings for.")
    String address;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Sign-in name (default: what the provider expects, usually the address).")
    String user;

    /** Same password sources as {@code probe}: standard input or an environment variable, never an argument. */
    @CommandLine.Mixin
    PasswordSource password;

    @CommandLine.ParentCommand
    Cli cli;

    @Option(names = "--current-host", paramLabel = "HOST", description = "The server name set in the mail program now.")
    String currentHost;

    @Option(names = "--current-port", paramLabel = "PORT", description = "The port set now.")
    Integer currentPort;

    @Option(names = "--current-security", paramLabel = "SECURITY",
            description = "The connection security set now: none, starttls or ssl.")
    String currentSecurity;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]",
            description = "Ask this DNS server for SRV and MX records instead of the system's.")
    String dnsServer;

    @Option(names = "--allow-plaintext",
            description = "Also try unencrypted connections, and allow the password to be sent over them.")
    boolean allowPlaintext;

    @Option(names = "--json", description = "Print the result as JSON (no progress lines).")
    boolean json;

    private final ProviderCatalog catalog;
    private final FinderOptions options;
    private final InputStream stdin;
    private final Messages texts = Messages.of("org.smtpdoctor.cli.find");
    private final DiscoveryTexts discoveryTexts = DiscoveryTexts.forDefaultLocale();

    /** The command as the command line runs it: built-in presets, default timeouts, the process's stdin. */
    public FindCommand() {
        this(ProviderCatalog.builtIn(), FinderOptions.defaults(), System.in);
    }

    /** For tests: another catalog, other timeouts, another standard input. */
    FindCommand(ProviderCatalog catalog, FinderOptions options, InputStream stdin) {
        this.catalog = catalog;
        this.options = options;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        FindRequest request = request();
        DnsLookup dns = dnsLookup();
        PrintWriter out = spec.commandLine().getOut();
        Engine.FindRun finder = new CoreEngine(options.probe(), Clock.systemDefaultZone(), options, () -> dns,
                () -> catalog).newFindRun();
        if (!json) {
            out.println(texts.get("find.searching", request.address()));
            out.flush();
        }
        FindResult result = finder.find(request, json ? FindListener.NONE : new Progress(out));
        if (json) {
            printJson(out, result);
        } else {
            printSummary(out, result);
        }
        out.flush();
        return result.found() ? FOUND : NONE_WORK;
    }

    private FindRequest request() {
        Secret secret = readPassword();
        Optional<AccountSettings> current = current(!secret.isEmpty());
        try {
            return new FindRequest(address, user, secret, current, allowPlaintext);
        } catch (IllegalArgumentException e) {
            throw usage(texts.get("find.error.address", address));
        }
    }

    private Optional<AccountSettings> current(boolean signsIn) {
        if (currentHost == null) {
            if (currentPort != null || currentSecurity != null) {
                throw usage(texts.get("find.error.current_host_missing"));
            }
            return Optional.empty();
        }
        Security security;
        try {
            security = currentSecurity != null ? Security.parse(currentSecurity)
                    : currentPort != null && currentPort == Security.SSL_TLS.usualPort() ? Security.SSL_TLS
                    : Security.STARTTLS;
        } catch (IllegalArgumentException e) {
            throw usage(texts.get("find.error.security", currentSecurity));
        }
        // the same checks and normalisation of the server fields as everywhere else (URLs, IDN, port range ...);
        // the credentials are the search's, not part of "what the mail program has now"
        Validation validation = SettingsValidator.validate(new SettingsInput(currentHost,
                currentPort == null ? "" : currentPort.toString(), security, AuthMethod.NONE, "", Secret.empty(),
                "", ""));
        List<String> errors = validation.errors().stream().map(Problem::message).toList();
        if (!errors.isEmpty()) {
            throw usage(String.join(" ", errors));
        }
        return validation.settings().map(s -> s.withAuthMethod(signsIn ? AuthMethod.AUTO : AuthMethod.NONE)
                .withCredentials(user == null ? "" : user, Secret.empty()));
    }

    /** Sign-in is tested only when a password source is given: no prompt, the search runs unattended. */
    private Secret readPassword() {
        try {
            return password.read(false, user == null ? address : user, cli != null ? cli.stdin : stdin,
                    cli != null ? cli.env : System.getenv(), null);
        } catch (PasswordSource.PasswordException e) {
            throw usage(e.getMessage());
        }
    }

    private DnsLookup dnsLookup() {
        if (dnsServer == null) {
            return DnsJavaLookup.system(DnsJavaLookup.DEFAULT_TIMEOUT);
        }
        try {
            return DnsJavaLookup.server(dnsServer, DnsJavaLookup.DEFAULT_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw usage(texts.get("find.error.dns", dnsServer));
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    // ---- text output -----------------------------------------------------------------------------------------

    /** Prints each candidate as it finishes. */
    private final class Progress implements FindListener {
        private final PrintWriter out;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void lookupFinished(DnsFinding finding) {
            String answer = finding.failed() ? texts.get("find.dns.failed", finding.error())
                    : finding.answers().isEmpty() ? texts.get("find.dns.none") : String.join(", ", finding.answers());
            out.println(texts.get("find.dns", finding.type(), finding.name(), answer));
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
    }

    private String line(CandidateOutcome o) {
        String status = discoveryTexts.status(o.status());
        String reason = o.reason().map(r -> texts.get("find.reason", Messages.jsonName(r))).orElse("");
        return texts.get("find.outcome", mark(o), discoveryTexts.candidate(o.candidate()), status, reason,
                discoveryTexts.source(o.source()), seconds(o.elapsedMs()));
    }

    private static String mark(CandidateOutcome o) {
        if (o.status().works()) {
            return "+";
        }
        return o.status().serverAnswered() ? "~" : "-";
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }

    private void printSummary(PrintWriter out, FindResult result) {
        out.println();
        out.println(texts.get("find.ranking"));
        int n = 1;
        for (CandidateOutcome o : result.ranked()) {
            out.println(texts.get("find.rank", n++, line(o)));
        }
        out.println();
        if (result.best().isEmpty()) {
            out.println(texts.get("find.none"));
        } else {
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
                out.println(texts.get(result.credentialsGiven() ? "find.sign_in_not_confirmed" : "find.not_confirmed"));
            }
        }
        if (!result.notes().isEmpty()) {
            out.println();
            out.println(texts.get("find.notes"));
            for (ProviderNote note : result.notes()) {
                out.println(texts.get("find.note", note.text()));
                if (!note.helpUrl().isEmpty()) {
                    out.println(texts.get("find.note.help", note.helpUrl()));
                }
            }
        }
        if (result.cancelled() || result.timedOut()) {
            out.println(texts.get(result.cancelled() ? "find.cancelled" : "find.timed_out"));
        }
        out.println(texts.get("find.elapsed", seconds(result.elapsedMs())));
    }

    // ---- JSON output -----------------------------------------------------------------------------------------

    private void printJson(PrintWriter out, FindResult result) {
        out.println(JsonOutput.write(JsonOutput.find(result)));
    }
}
