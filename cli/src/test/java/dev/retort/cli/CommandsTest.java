package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the command a run names is built; help, no command and a mistyped one still see them all. */
class CommandsTest {

    private static List<String> added(String... args) {
        var cli = new CommandLine(new RetortCommand());
        Commands.add(cli, args);
        return new ArrayList<>(cli.getSubcommands().keySet());
    }

    @Test
    void theNamedCommandAlone() {
        assertEquals(List.of("upgrade"), added("upgrade", "head"));
        assertEquals(List.of("history"), added("-v", "history"));
        assertEquals(List.of("revision"), added("revision", "-m", "upgrade"));
    }

    @Test
    void optionValuesBeforeTheCommandAreNoCommand() {
        assertEquals(List.of("upgrade"), added("--url", "status", "upgrade"));
        assertEquals(List.of("heads"), added("--url=status", "--classpath", "reset", "heads"));
        assertEquals(List.of("stamp"), added("--lock-timeout", "5", "--version-table", "t", "stamp", "head"));
    }

    @Test
    void everyCommandWhenNoneIsNamed() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"upgrad"},
                new String[] {"--url", "x.db"}, new String[] {"--help", "upgrade"}, new String[] {"-h", "status"},
                new String[] {"-V", "heads"}, new String[] {"@args.txt"})) {
            assertEquals(Commands.NAMES, added(args), String.join(" ", args));
        }
    }

    @Test
    void helpStillListsEveryCommandAndAMistypedOneIsRefused() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"--help", "upgrade"})) {
            out.reset();
            int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code);
            String help = out.toString(StandardCharsets.UTF_8);
            for (String name : Commands.NAMES) {
                assertEquals(true, help.contains("\n  " + name + " "), name + " in\n" + help);
            }
        }
        err.reset();
        int code = Main.run(new String[] {"upgrad", "head"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals(true, err.toString(StandardCharsets.UTF_8).contains("'upgrad'"), err.toString(StandardCharsets.UTF_8));
    }
}
