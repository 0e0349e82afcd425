package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's output, its one-line errors and its exit codes. */
class CliTest {

    @TempDir
    static Path fixtures;
    static String classes;

    @BeforeAll
    static void compile() {
        classes = Fixtures.twoInALine(fixtures).classes().toString();
    }

    private static void assertOneLineError(Cli cli, int code, String start) {
        assertEquals(code, cli.exitCode(), cli.toString());
        String[] lines = cli.err().strip().split("\n");
        assertTrue(lines[0].startsWith(start), cli.toString());
        assertFalse(cli.err().contains("\tat "), "no stack trace without --verbose: " + cli);
    }

    @Test
    void upgradeCurrentHistoryHeadsAndDowngrade(@TempDir Path dir) {
        String url = "sqlite:///" + dir.resolve("cli.db");
        Cli up = Cli.run("--classpath", classes, "--url", url, "upgrade");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.out().contains("[1/2] upgrade   <base> -> d1000001, one"), up.toString());
        assertTrue(up.out().contains("is now at d1000002 (head)."), up.toString());

        assertEquals("d1000002 (head)\n", Cli.run("--classpath", classes, "--url", url, "current").out());
        assertEquals("d1000002 (head)\n", Cli.run("--classpath", classes, "heads").out());
        assertEquals("d1000001 -> d1000002 (head) (current), two\n<base> -> d1000001, one\n",
                Cli.run("--classpath", classes, "--url", url, "history", "--indicate-current").out());

        Cli again = Cli.run("--classpath", classes, "--url", url, "upgrade", "head");
        assertTrue(again.out().startsWith("Nothing to do: "), again.toString());

        Cli down = Cli.run("--classpath", classes, "--url", url, "downgrade", "base");
        assertEquals(0, down.exitCode(), down.toString());
        assertEquals("base (no revision applied)\n", Cli.run("--classpath", classes, "--url", url, "current").out());
    }

    @Test
    void optionsWorkAfterTheCommandToo(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("x.db"));
        Cli cli = Cli.run("current", "--url", "sqlite:///" + dir.resolve("x.db"), "--classpath", classes);
        assertEquals(0, cli.exitCode(), cli.toString());
    }

    @Test
    void unknownOptionIsBadInput() {
        assertOneLineError(Cli.run("--bogus", "current"), 2, "retort: Unknown option: '--bogus'");
    }

    @Test
    void downgradeNeedsATarget() {
        assertOneLineError(Cli.run("downgrade"), 2, "retort: Missing required parameter: 'TARGET'");
    }

    @Test
    void unknownRevisionIsBadInput(@TempDir Path dir) {
        assertOneLineError(Cli.run("--classpath", classes, "--url", "sqlite:///" + dir.resolve("x.db"), "upgrade", "zzzz9"),
                2, "retort: error: no revision matches 'zzzz9'");
    }

    @Test
    void badUrlIsBadInput() {
        assertOneLineError(Cli.run("--url", "oracle://root@localhost/db", "current"), 2,
                "retort: error: --url: cannot use database URL oracle://…: Retort supports PostgreSQL, MySQL, MariaDB and SQLite,"
                        + " not oracle");
    }

    @Test
    void missingClasspathEntryIsBadInput() {
        assertOneLineError(Cli.run("--classpath", "/no/such/dir", "heads"), 2,
                "retort: error: --classpath entry /no/such/dir does not exist");
    }

    @Test
    void connectionFailureNeverShowsThePassword() {
        Cli cli = Cli.run("--classpath", classes, "--url", "postgresql://bob:s3cretPW@127.0.0.1:1/db", "current");
        assertOneLineError(cli, 1, "retort: error: cannot connect to jdbc:postgresql://127.0.0.1:1/db (user bob)");
        assertFalse(cli.err().contains("s3cretPW"), cli.toString());
        Cli verbose = Cli.run("--verbose", "--classpath", classes, "--url", "postgresql://bob:s3cretPW@127.0.0.1:1/db", "current");
        assertFalse(verbose.err().contains("s3cretPW"), verbose.toString());
        assertFalse(verbose.out().contains("s3cretPW"), verbose.toString());
    }

    @Test
    void badUrlWithPasswordIsRedacted() {
        Cli cli = Cli.run("--url", "postgresql://bob:s3cretPW@host:notaport/db", "current");
        assertOneLineError(cli, 2, "retort: error: --url: cannot use database URL postgresql://…: the text after a"
                + " host's ':' is not a port number");
        assertFalse(cli.err().contains("s3cretPW"), cli.toString());
    }

    @Test
    void emptyDatabaseIsAtBase(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));
        Cli cli = Cli.run("--classpath", classes, "--url", "sqlite:///" + file, "current");
        assertEquals("base (no revision applied)\n", cli.out(), cli.toString());
        try (var db = TestDatabase.sqlite(file)) {
            assertFalse(db.tableExists("retort_version"), "reading creates nothing");
        }
    }

    @Test
    void upgradeWithoutAnyMigrationIsAnError(@TempDir Path dir) {
        assertOneLineError(Cli.run("--url", "sqlite:///" + dir.resolve("x.db"), "upgrade"), 2,
                "retort: error: no migrations found: no generated index");
    }

    @Test
    void helpListsTheCommands() {
        Cli cli = Cli.run("--help");
        assertEquals(0, cli.exitCode());
        for (String command : new String[] {"upgrade", "downgrade", "current", "history", "heads"}) {
            assertTrue(cli.out().contains(command), command);
        }
    }

    @Test
    void everyCommandHasItsOwnHelpListingItsOptions() {
        Map<String, List<String>> options = Map.of(
                "init", List.of("--package", "--no-pom", "--dir"),
                "revision", List.of("--head", "--splice", "--depends-on", "--rev-id", "--branch-label", "--package"),
                "merge", List.of("REV", "--message", "--rev-id", "--dir"),
                "upgrade", List.of("--sql", "--strict", "--url", "--lock-timeout"),
                "backup", List.of("--to", "--url"),
                "reset", List.of("--yes"),
                "check", List.of("--json"),
                "status", List.of("--json"));
        for (var command : options.entrySet()) {
            Cli cli = Cli.run(command.getKey(), "--help");
            assertEquals(0, cli.exitCode(), cli.toString());
            assertTrue(cli.out().startsWith("Usage: retort " + command.getKey()), cli.out());
            for (String option : command.getValue()) {
                assertTrue(cli.out().contains(option), command.getKey() + " --help shows " + option + ":\n" + cli.out());
            }
        }
    }

    @Test
    void noCommandIsBadInputNamingTheCommands() {
        Cli cli = Cli.run();
        assertOneLineError(cli, 2, "retort: no command given; the commands are init, revision, merge, upgrade,");
        assertEquals("", cli.out());
    }

    /** Help and version are flags like any other: a value makes the line bad input, never a run. */
    @Test
    void helpAndVersionWorkOnEveryCommandAndTakeNoValue() {
        assertTrue(Cli.run("upgrade", "--version").out().startsWith("retort "));
        assertTrue(Cli.run("-V").out().startsWith("retort "));
        for (String flag : List.of("--help=", "--help=false", "-h=no", "--version=false")) {
            assertOneLineError(Cli.run("upgrade", flag), 2, "retort: option '");
        }
    }
}
