package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.probe.AlternativeCheck;

/** Every text the command line prints exists in its bundle, and the bundle holds no text nobody prints. */
class CliMessagesTest {

    /** A dotted string literal in the output code is a text key ("probe.summary.ok", or a prefix "phase."). */
    private static final Pattern LITERAL_KEY = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z_]*)+)\"");

    private static Set<String> keysUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String file : List.of("HumanOutput.java", "ReportFile.java", "Exits.java", "Cli.java",
                "ProbeCommand.java", "ExplainCommand.java")) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(Path.of("src/main/java/org/smtpdoctor/cli", file)));
            while (m.find()) {
                // a prefix is completed from the vocabulary below; the bundle's own name is no key
                if (!m.group(1).endsWith(".") && !m.group(1).startsWith("org.")) {
                    used.add(m.group(1));
                }
            }
        }
        // the labels of phase, verdict and actor are the core's (Messages.label), not the command line's
        Stream.of(AlternativeCheck.Answer.values()).forEach(a -> used.add("probe.verification.answer." + a.name()));
        used.addAll(List.of("yes", "no"));
        return used;
    }

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
        Messages texts = Messages.of("org.smtpdoctor.cli.messages");
        Set<String> used = keysUsed();
        List<String> missing = new ArrayList<>();
        used.stream().filter(k -> !texts.has(k)).forEach(missing::add);
        Set<String> unused = new TreeSet<>(texts.bundle().keySet());
        unused.removeAll(used);
        assertEquals(List.of(), missing, "missing texts");
        assertEquals(Set.of(), unused, "texts nobody prints");
    }
}
