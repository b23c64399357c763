package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.discovery.DnsJavaLookup;
import org.smtpdoctor.discovery.ProbeSession;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.HostResolver;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor probe}: tests settings against the real server, step by step, and says what to change. */
@Command(name = "probe", sortOptions = false, resourceBundle = ServerOptions.DESCRIPTIONS, mixinStandardHelpOptions = true,
        description = {"Tests outgoing-server settings against the server, step by step, and says which setting to change.",
            "Nothing is sent as a message unless --send-test is given."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the settings work", "1:a setting is wrong", "2:usage error",
            "3:temporary or server-side problem", "4:internal error"})
final class ProbeCommand implements Callable<Integer> {

    private static final Messages TEXT = Messages.of("org.smtpdoctor.cli.messages");

    @Spec
    CommandSpec spec;

    @ParentCommand
    Cli cli;

    @Mixin
    HostOption.Required host;

    @Mixin
    ServerOptions server;

    @Option(names = {"--auth", "-a"}, paramLabel = "METHOD", converter = Converters.AuthConverter.class,
            description = "Sign-in method: auto, none, plain, login, cram-md5, xoauth2"
                    + " (default: auto with --user, otherwise none)")
    AuthMethod auth;

    @Mixin
    PasswordSource password;

    @Option(names = "--from", paramLabel = "ADDR", description = "Sender address to try (MAIL FROM)")
    String from;

    @Option(names = "--to", paramLabel = "ADDR", description = "Recipient address to try (RCPT TO); without one"
            + " and without sign-in, postmaster@example.net is tried to see whether the server passes mail on to other"
            + " domains (nothing is sent)")
    String to;

    @Option(names = "--send-test", description = "Really send a short, clearly labelled test message to --to")
    boolean sendTest;

    @Option(names = "--allow-plaintext-auth",
            description = "Send the password even over an unencrypted connection (off: the probe stops before signing in)")
    boolean allowPlaintextAuth;

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Option(names = "--dns", paramLabel = "HOST[:PORT]",
            description = "Look the server name up with this DNS server instead of the system's")
    String dnsServer;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Seconds to wait for each server reply (default: ${DEFAULT-VALUE}; connecting waits at most 10)")
    int timeoutSeconds;

    @Mixin
    ClientOption client;

    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;

    @Mixin
    ReportFile report = new ReportFile();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            return Exits.usage(err, TEXT.get("error.timeout"));
        }
        if (sendTest && (to == null || to.isBlank())) {
            return Exits.usage(err, TEXT.get("error.sendTestNeedsTo"));
        }
        if (report.problem().isPresent()) {
            return Exits.usage(err, report.problem().get());
        }
        ProbeOptions trusting;
        try {
            trusting = trust.applyTo(ProbeOptions.defaults());
        } catch (IllegalArgumentException e) {
            return Exits.usage(err, e.getMessage());
        }
        HostResolver resolver;
        try {
            resolver = dnsServer == null ? DnsJavaLookup.systemResolver(DnsJavaLookup.DEFAULT_TIMEOUT)
                    : DnsJavaLookup.server(dnsServer, DnsJavaLookup.DEFAULT_TIMEOUT).hostResolver();
        } catch (IllegalArgumentException e) {
            return Exits.usage(err, TEXT.get("error.dns", dnsServer));
        }
        String port = server.port;
        String user = server.user;
        Security chosenSecurity = server.security != null ? server.security : defaultSecurity(port);
        AuthMethod chosenAuth = auth != null ? auth : (user != null && !user.isBlank() ? AuthMethod.AUTO : AuthMethod.NONE);
        Secret secret;
        try {
            secret = password.read(chosenAuth != AuthMethod.NONE, user == null ? "" : user,
                    cli.stdin, cli.env, System.console());
        } catch (PasswordSource.PasswordException e) {
            return Exits.usage(err, e.getMessage());
        }
        Engine engine = new CoreEngine(trusting
                .withTimeouts(Duration.ofSeconds(Math.min(10, timeoutSeconds)), Duration.ofSeconds(timeoutSeconds))
                .withAllowPlaintextAuth(allowPlaintextAuth)).withProbeResolver(resolver);
        Validation validation = engine.validate(new SettingsInput(host.value(), port == null ? "" : port,
                chosenSecurity, chosenAuth, user, secret, from, to));
        HumanOutput human = new HumanOutput(out, Terminal.detect(), client.program);
        human.problems(err, validation.problems());
        if (!validation.isValid()) {
            return Exits.USAGE;
        }
        AccountSettings settings = validation.settings().orElseThrow();
        ProbeSession prober = engine.newProbeRun(sendTest);
        Thread cancelOnExit = new Thread(prober::cancel, "cancel-probe");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        if (!json) {
            human.probeHeader(settings);
        }
        ProbeListener listener = new ProbeListener() {
            private boolean loading;

            @Override
            public void phaseStarted(Phase phase, String description) {
                if (!loading && phase == Phase.QUIT) {
                    // the diagnosis rules and provider data load while the server answers QUIT;
                    // not earlier: during the TLS handshake they would compete with it for the CPU
                    loading = true;
                    CompletableFuture.runAsync(engine::warmUp);
                }
            }

            @Override
            public void phaseFinished(Step step) {
                if (!json) {
                    human.step(step);
                }
            }
        };
        Engine.Checked checked;
        try {
            checked = engine.check(prober, settings, listener);
        } finally {
            secret.wipe();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hook cancels the probe
            }
        }
        ProbeResult result = checked.result();
        Diagnosis diagnosis = checked.diagnosis();
        if (json) {
            var root = JsonOutput.probe(result, diagnosis);
            root.set("alternatives_checked", JsonOutput.verification(checked.verification()));
            root.set("advice", JsonOutput.advice(engine.advise(diagnosis, client.program, Optional.of(settings))));
            out.println(JsonOutput.write(root));
        } else {
            human.probeSummary(result);
            human.verification(checked.verification());
            human.diagnosis(diagnosis, engine.advise(diagnosis, client.program, Optional.of(settings)));
            human.findHint(diagnosis, settings);
            human.transcript(result.transcript());
        }
        out.flush();
        if (!report.write(engine, engine.reportData(Optional.of(settings), Optional.of(result), diagnosis, client.program, "",
                false), err)) {
            return Exits.INTERNAL;
        }
        return Exits.forVerdict(diagnosis.verdict());
    }

    private static Security defaultSecurity(String portText) {
        return portText != null && portText.trim().equals("465") ? Security.SSL_TLS
                : portText != null && portText.trim().equals("25") ? Security.STARTTLS : Security.STARTTLS;
    }
}
