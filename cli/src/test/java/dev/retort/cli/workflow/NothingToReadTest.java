package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands given nothing to read: a database that does not exist, or a class path without
 * migrations. Each says so in one line with its exit code and creates nothing; only
 * {@code upgrade}, {@code stamp} and {@code reset} make an SQLite file.
 */
class NothingToReadTest {

    @TempDir
    static Path classes;
    static Fixtures.Compiled chain;

    /** Every command that reads a database, with what it needs besides. */
    private static final List<List<String>> READERS = List.of(List.of("current"), List.of("status"), List.of("info"),
            List.of("validate"), List.of("check"), List.of("history", "-i"), List.of("history", "-r", "current:"),
            List.of("downgrade", "base"), List.of("downgrade", "-1"), List.of("backup"), List.of("current", "--json"));

    /** Every command that reads the migrations. */
    private static final List<List<String>> GRAPH_READERS = List.of(List.of("heads"), List.of("history"),
            List.of("branches"), List.of("show", "heads"), List.of("validate"), List.of("current"), List.of("status"),
            List.of("info"), List.of("check"), List.of("upgrade"), List.of("downgrade", "base"), List.of("stamp", "head"),
            List.of("upgrade", "--sql", "--dialect", "sqlite", "head"), List.of("reset", "--yes"));

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(classes, Fixtures.migration("Users", "n1000001").message("users")
                .upgrade("op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));").toString());
    }

    @Test
    void aCommandThatReadsCreatesNoSqliteFile(@TempDir Path dir) throws Exception {
        for (String url : List.of("sqlite:///missing.db", "sqlite:///" + dir.resolve("abs.db"), "jdbc:sqlite:rel.db",
                "jdbc:sqlite:file:" + dir.resolve("uri.db") + "?cache=shared")) {
            for (List<String> command : READERS) {
                var args = new ArrayList<>(List.of("--classpath", chain.classes().toString(), "--url", url));
                args.addAll(command);
                Cli cli = Cli.in(dir, Map.of(), "", args.toArray(String[]::new));
                assertEquals(1, cli.exitCode(), command + " on " + url + ": " + cli);
                assertEquals(1, cli.err().strip().lines().count(), cli.toString());
                assertTrue(cli.err().startsWith("retort: error: the SQLite database ")
                        && cli.err().contains(" does not exist; check the URL (upgrade creates the file, this command"
                        + " does not)"), command + " on " + url + ": " + cli);
                assertEquals(List.of(), listing(dir), command + " on " + url + " created a file");
            }
        }
        Cli up = Cli.in(dir, Map.of(), "", "--classpath", chain.classes().toString(), "--url", "sqlite:///made.db",
                "upgrade");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(Files.exists(dir.resolve("made.db")), "upgrade makes the database");
        Cli stamp = Cli.in(dir, Map.of(), "", "--classpath", chain.classes().toString(), "--url",
                "sqlite:///stamped.db", "stamp", "head");
        assertEquals(0, stamp.exitCode(), stamp.toString());
    }

    @Test
    void aPostgresDatabaseThatDoesNotExistIsAConnectionFailure(@TempDir Path dir) throws Exception {
        try (var db = TestDatabase.postgres()) {
            String url = TestDatabase.pgUrl().replace("/test?", "/retort_no_such_db?");
            for (List<String> command : READERS) {
                var args = new ArrayList<>(List.of("--classpath", chain.classes().toString(), "--url", url));
                args.addAll(command);
                Cli cli = Cli.in(dir, Map.of(), "", args.toArray(String[]::new));
                assertEquals(1, cli.exitCode(), command + ": " + cli);
                assertTrue(cli.err().startsWith("retort: error: cannot connect to jdbc:postgresql://")
                        && cli.err().contains("retort_no_such_db"), command + ": " + cli);
            }
            assertEquals(List.of(), db.strings("SELECT datname FROM pg_database WHERE datname = 'retort_no_such_db'"));
        }
    }

    /** A text file named .jar, an empty folder, a device: none holds migrations, and each command says so. */
    @Test
    void aClassPathWithoutMigrationsIsBadInputForEveryCommand(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a jar");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.createFile(dir.resolve("app.db"));
        for (String entry : List.of(text.toString(), empty.toString(), "/dev/null")) {
            for (List<String> command : GRAPH_READERS) {
                var args = new ArrayList<>(List.of("--classpath", entry, "--url", "sqlite:///app.db"));
                args.addAll(command);
                Cli cli = Cli.in(dir, Map.of(), "", args.toArray(String[]::new));
                assertEquals(2, cli.exitCode(), command + " with " + entry + ": " + cli);
                assertEquals(1, cli.err().strip().lines().count(), cli.toString());
                String expected = entry.equals(empty.toString()) ? "retort: error: no migrations found: no generated index"
                        : "retort: error: --classpath entry " + entry + " is neither a folder nor a jar";
                assertTrue(cli.err().startsWith(expected), command + " with " + entry + ": " + cli);
                assertEquals(0, Files.size(dir.resolve("app.db")), "the database stays as it was");
            }
        }
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void theDefaultClassPathWithoutMigrationsIsBadInputToo(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("retort.db"));
        for (List<String> command : GRAPH_READERS) {
            Cli cli = Cli.in(dir, Map.of(), "", command.toArray(String[]::new));
            assertEquals(2, cli.exitCode(), command + ": " + cli);
            assertFalse(cli.out().contains("base"), cli.toString());
        }
    }
}
