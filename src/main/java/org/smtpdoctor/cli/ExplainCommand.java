package org.smtpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smtpdoctor.diagnosis.Diagnosis;
import org.smtpdoctor.diagnosis.ExplainContext;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.Limits;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.SignInPayloads;
import org.smtpdoctor.settings.Ports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor explain}: turns an error message a mail program showed into the setting to change. */
@Command(name = "explain", sortOptions = false, resourceBundle = ServerOptions.DESCRIPTIONS, mixinStandardHelpOptions = true,
        description = {"Explains an error message from a mail program or a server reply, and says which setting to change.",
            "Reads the text from standard input when none is given."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the text reports success", "1:a setting is wrong",
            "2:usage error, or the text is not recognisable as a mail error",
            "3:temporary or server-side problem", "4:internal error"})
final class ExplainCommand implements Callable<Integer> {

    private static final Messages TEXT = Messages.of("org.smtpdoctor.cli.messages");

    @Spec
    CommandSpec spec;

    @ParentCommand
    Cli cli;

    @Parameters(arity = "0..*", paramLabel = "TEXT",
            description = "The error text (quote it); none or - reads it from standard input")
    List<String> text;

    @Option(names = "--phase", paramLabel = "PHASE", converter = Converters.PhaseConverter.class,
            description = "Where it happened, if known: connect, greeting, ehlo, starttls, auth, mail_from, rcpt_to, data")
    Phase phase;

    @Mixin
    HostOption.Optional host;

    @Option(names = "--from", paramLabel = "ADDR",
            description = "The address the mail program sends from, if known: it names the provider")
    String from;

    @Mixin
    ServerOptions server;

    @Mixin
    ClientOption client;

    @Option(names = "--json", description = "Print the diagnosis as JSON")
    boolean json;

    @Mixin
    ReportFile report = new ReportFile();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer port = Ports.parse(server.port).orElse(null);
        if (server.port != null && port == null) {
            return Exits.usage(err, TEXT.get("error.portRange"));
        }
        if (report.problem().isPresent()) {
            return Exits.usage(err, report.problem().get());
        }
        String pasted;
        boolean fromStdin = text == null || text.isEmpty() || text.equals(List.of("-"));
        if (fromStdin && cli.stdin == System.in && System.console() != null) {
            // a person at a terminal, not a pipe: say what is expected instead of waiting silently
            err.println(TEXT.get("explain.prompt"));
            err.flush();
        }
        try {
            pasted = fromStdin ? readStdin(cli.stdin) : String.join(" ", text);
            pasted = pasted.length() > Limits.PASTED_TEXT_CHARS ? pasted.substring(0, Limits.PASTED_TEXT_CHARS) : pasted;
        } catch (IOException e) {
            return Exits.usage(err, TEXT.get("error.stdin"));
        }
        if (pasted.isBlank()) {
            return Exits.usage(err, TEXT.get("error.noText"));
        }
        ExplainContext context = ExplainContext.of(phase, host.value(), port, server.security, server.user)
                .withSender(from);
        Engine engine = new CoreEngine(ProbeOptions.defaults());
        Diagnosis diagnosis = engine.explain(pasted, context);
        if (json) {
            var root = JsonOutput.object();
            root.put("input", SignInPayloads.redactPasted(pasted));
            root.put("recognized", diagnosis.recognised());
            root.set("diagnosis", JsonOutput.diagnosis(diagnosis));
            root.set("advice", JsonOutput.advice(engine.advise(diagnosis, client.program, Optional.empty())));
            out.println(JsonOutput.write(root));
        } else {
            new HumanOutput(out, Terminal.detect(), client.program).diagnosis(diagnosis,
                    engine.advise(diagnosis, client.program, Optional.empty()));
        }
        out.flush();
        if (!report.write(engine, engine.reportData(Optional.empty(), Optional.empty(), diagnosis, client.program, pasted,
                false), err)) {
            return Exits.INTERNAL;
        }
        return Exits.forVerdict(diagnosis.verdict());
    }

    private static String readStdin(java.io.InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(Limits.PASTED_TEXT_CHARS);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
