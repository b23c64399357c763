package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line builds the model of the one subcommand it runs (start-up time), and still shows every
 * subcommand wherever the user can see the list: top-level help, {@code help COMMAND}, a mistyped command.
 */
class LazySubcommandsTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of(ProbeCommand.class), Cli.subcommandsFor("probe", "--host", "find"));
        assertEquals(List.of(FindCommand.class), Cli.subcommandsFor("--verbose", "find", "ann@example.test"));
        assertEquals(List.of(ExplainCommand.class), Cli.subcommandsFor("explain", "535 5.7.8"));
    }

    @Test
    void helpUsageErrorsAndNoCommandGetEverySubcommand() {
        List<Class<?>> all = List.of(ProbeCommand.class, ExplainCommand.class, FindCommand.class,
                CommandLine.HelpCommand.class);
        assertEquals(all, Cli.subcommandsFor());
        assertEquals(all, Cli.subcommandsFor("--help"));
        assertEquals(all, Cli.subcommandsFor("help", "probe"));
        assertEquals(all, Cli.subcommandsFor("prob", "--host", "x"));
    }

    @Test
    void topLevelHelpStillListsEveryCommandAndHelpCommandShowsOne() {
        String help = CliRun.of("--help").out();
        for (String command : List.of("probe", "explain", "find", "help")) {
            assertTrue(help.lines().anyMatch(l -> l.startsWith("  " + command + " ")), help);
        }
        CliRun probeHelp = CliRun.of("help", "probe");
        assertEquals(0, probeHelp.exitCode(), probeHelp.all());
        assertTrue(probeHelp.out().contains("Usage: smtp-doctor probe"), probeHelp.all());
    }

    @Test
    void aMistypedCommandIsStillAUsageErrorThatNamesIt() {
        CliRun run = CliRun.of("prob", "--host", "x");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("prob"), run.all());
    }

    @Test
    void theOneBuiltSubcommandRunsWithTheParentsOptions() {
        CliRun run = CliRun.of("--verbose", "explain", "535 5.7.8 Authentication credentials invalid");

        assertTrue(run.out().contains("535"), run.all());
    }
}
