package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server options {@code probe} and {@code explain} share through {@link ServerOptions} and {@link HostOption}:
 * each command shows its own help text for them, every text is there and none is left over, and both commands
 * take the same values the same way.
 */
class SharedOptionsTest {

    private static final List<Class<?>> COMMANDS = List.of(ProbeCommand.class, ExplainCommand.class,
            FindCommand.class);

    /** The description keys of the shared options a command mixes in, as the bundle spells them. */
    private static Set<String> keysNeeded() {
        Set<String> keys = new TreeSet<>();
        for (Class<?> command : COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            for (Field mixin : command.getDeclaredFields()) {
                Class<?> type = mixin.getType();
                if (type == ServerOptions.class || HostOption.class.isAssignableFrom(type)) {
                    Stream.of(type.getDeclaredFields())
                            .filter(f -> f.isAnnotationPresent(Option.class))
                            .forEach(f -> keys.add("smtp-doctor." + name + "."
                                    + f.getAnnotation(Option.class).descriptionKey()));
                }
            }
        }
        return keys;
    }

    @Test
    void everySharedOptionHasItsCommandsTextAndNoTextIsLeftOver() {
        ResourceBundle bundle = ResourceBundle.getBundle(ServerOptions.DESCRIPTIONS);
        Set<String> needed = keysNeeded();
        List<String> missing = new ArrayList<>(needed);
        missing.removeAll(bundle.keySet());
        Set<String> unused = new TreeSet<>(bundle.keySet());
        unused.removeAll(needed);
        assertEquals(List.of(), missing, "missing help texts");
        assertEquals(Set.of(), unused, "help texts of no option");
        assertEquals(8, needed.size(), "probe and explain share --host, --port, --security and --user");
    }

    @Test
    void eachCommandsHelpShowsItsOwnWordsForTheSharedOptions() {
        String probe = CliRun.of("probe", "--help").out();
        String explain = CliRun.of("explain", "--help").out();
        assertTrue(probe.contains("-H, --host=HOST          Outgoing (SMTP) server name"), probe);
        assertTrue(probe.contains("-P, --port=PORT          Port (default: 465 for ssl"), probe);
        assertTrue(explain.contains("-P, --port=PORT        The port that was used"), explain);
        assertTrue(explain.contains("-u, --user=USER        The sign-in name that was used"), explain);
        assertTrue(probe.contains("--client=PROGRAM") && explain.contains("--client=PROGRAM"), explain);
    }

    @Test
    void hostIsRequiredByProbeOnly() {
        String probe = CliRun.of("probe", "--help").out();
        assertTrue(probe.contains("-H=HOST") && !probe.contains("[-H=HOST]"), probe);
        assertTrue(CliRun.of("explain", "--help").out().contains("[-H=HOST]"));
    }
}
