package org.smtpdoctor.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.smtpdoctor.discovery.DiscoveryTexts;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.DnsLookup;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Problem;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
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
            description = "Ask this DNS server instead of the system's, for every lookup (SRV, MX and the servers' addresses).")
    String dnsServer;

    @Option(names = "--allow-plaintext",
            description = "Also try unencrypted connections, and allow the password to be sent over them.")
    boolean allowPlaintext;

    @Option(names = "--allow-other-domain",
            description = "Also send the password to servers outside the address's domain that its DNS or setup file "
                    + "names (otherwise asked at a terminal, or only their connection is tested).")
    boolean allowOtherDomain;

    @Option(names = "--json", description = "Print the result as JSON (no progress lines).")
    boolean json;

    /** {@code --trust-cert} and {@code --trust-fingerprint}, as on {@code probe}. */
    @CommandLine.Mixin
    TrustOptions trust = new TrustOptions();

    /** Who answers the "send your password there?" question; null: nobody (the default without a terminal). */
    Confirmer confirmer = Confirmer.console();

    private final Supplier<ProviderCatalog> catalog;
    private final FinderOptions options;
    private final InputStream stdin;
    private final Messages texts = Messages.of("org.smtpdoctor.cli.find");
    private final DiscoveryTexts discoveryTexts = DiscoveryTexts.forDefaultLocale();

    /** The command as the command line runs it: built-in presets, default timeouts, the process's stdin. */
    public FindCommand() {
        this(ProviderCatalog::builtIn, FinderOptions.defaults(), System.in);
    }

    /** For tests: another catalog, other timeouts, another standard input. */
    FindCommand(ProviderCatalog catalog, FinderOptions options, InputStream stdin) {
        this(() -> catalog, options, stdin);
    }

    /** The catalog is read only when the command runs: picocli makes every subcommand for any command line. */
    private FindCommand(Supplier<ProviderCatalog> catalog, FinderOptions options, InputStream stdin) {
        this.catalog = catalog;
        this.options = options;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        FindRequest request = request();
        DnsLookup dns = dnsLookup();
        PrintWriter out = spec.commandLine().getOut();
        FinderOptions trusted = trusting(options);
        Engine.FindRun finder = new CoreEngine(trusted.probe(), Clock.systemDefaultZone(), trusted, () -> dns,
                catalog).newFindRun();
        FindSummary summary = new FindSummary(out, texts, discoveryTexts);
        if (!json) {
            out.println(texts.get("find.searching", request.address()));
            out.flush();
        }
        FindListener listener = json ? FindListener.NONE : summary.progress();
        FindResult result = finder.find(request, listener);
        Set<String> confirmed = json || result.found() ? Set.of() : confirm(result, request);
        if (!confirmed.isEmpty()) {
            out.println(texts.get("find.confirm.again"));
            out.flush();
            result = finder.find(request.withConfirmedHosts(confirmed), listener);
        }
        if (json) {
            printJson(out, result);
        } else {
            summary.print(result, request.domain(), confirmer != null);
        }
        out.flush();
        return result.found() ? FOUND : NONE_WORK;
    }

    /** Asks about each server outside the domain that got no password (RFC 6186 section 6), when someone can answer. */
    private Set<String> confirm(FindResult result, FindRequest request) {
        Set<String> yes = new LinkedHashSet<>();
        if (confirmer == null) {
            return yes;
        }
        for (String host : result.awaitingConfirmation()) {
            if (confirmer.ask(texts.get("find.confirm.question", host, request.domain()) + " ")) {
                yes.add(host);
            }
        }
        return yes;
    }

    /** Asks the user a yes/no question; null when nobody can answer (no terminal). */
    @FunctionalInterface
    interface Confirmer {
        boolean ask(String question);

        /** The terminal's user, or null when there is no terminal (piped, scripted). */
        static Confirmer console() {
            Console console = System.console();
            if (console == null) {
                return null;
            }
            return question -> {
                String answer = console.readLine("%s", question);
                return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
            };
        }
    }

    private FindRequest request() {
        Secret secret = readPassword();
        Optional<AccountSettings> current = current(!secret.isEmpty());
        try {
            return new FindRequest(address, user, secret, current, allowPlaintext).withAllowOtherDomains(allowOtherDomain);
        } catch (IllegalArgumentException e) {
            throw usage(FindRequest.IP_LITERAL.equals(e.getMessage()) ? texts.get("find.error.ip_literal", address,
                    address.substring(address.indexOf('@') + 1).replaceAll("^\\[(IPv6:)?|]$", ""))
                    : texts.get("find.error.address", address));
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

    private FinderOptions trusting(FinderOptions base) {
        try {
            return base.withProbe(trust.applyTo(base.probe()));
        } catch (IllegalArgumentException e) {
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

    // ---- JSON output -----------------------------------------------------------------------------------------

    private void printJson(PrintWriter out, FindResult result) {
        out.println(JsonOutput.write(JsonOutput.find(result)));
    }
}
