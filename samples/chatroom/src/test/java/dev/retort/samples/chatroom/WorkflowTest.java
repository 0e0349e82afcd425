package dev.retort.samples.chatroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.cli.Main;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * samples/chatroom/README.md: the seed's db_commands, one after the other, through
 * {@link ChatroomDb} in a working folder with its own retort.properties, on both databases.
 */
class WorkflowTest {

    private static final Path CLASSES = Path.of("target/classes").toAbsolutePath();

    record Run(int code, String out, String err) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSeedsDatabaseCommands(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            // The sample's retort.properties, with this test's database and folders (new revisions in a
            // package of their own, so their index is not the one the test's class path holds).
            Files.writeString(dir.resolve("retort.properties"), "url=" + db.url() + "\nsource-dir=src\n"
                    + "package=dev.retort.samples.chatroom.added\nclasspath=" + CLASSES + ":classes\n"
                    + "sqlite-auto-rebuild=false\nnaming-convention=database\n");
            Files.createDirectories(dir.resolve("classes"));
            if (kind == Kind.SQLITE) {
                // Only migrate creates the database file; info says it is not there yet, and makes none.
                Run missing = run(dir, "", "info");
                assertEquals(1, missing.code(), missing.toString());
                assertTrue(missing.err().startsWith("retort: error: the SQLite database " + db.file() + " does not exist"),
                        missing.toString());
                assertTrue(Files.notExists(db.file()));
                Files.createFile(db.file()); // an empty database, as sqlite3 chatroom.db '' would make
            }
            assertTrue(ok(dir, "info").out().contains("Pending:       5 of 5 revisions"));
            assertTrue(ok(dir, "status").out().contains("5 pending"));
            assertTrue(ok(dir, "migrate").out().contains("[5/5] upgrade   d4f6b8c03245 -> e5a7c9d14356, Migrate user data"));
            db.execute("INSERT INTO users (username) VALUES ('Ada'), ('GRACE')");

            Run create = ok(dir, "create", "Add reactions table");
            assertTrue(create.out().startsWith("Generating src/"), "the path, relative to where retort runs: " + create.out());
            Path file;
            try (var files = Files.walk(dir.resolve("src"))) {
                file = files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
            }
            assertTrue(file.getFileName().toString().startsWith("AddReactionsTable_"), file.toString());
            Files.writeString(file, Files.readString(file).replace("public void upgrade(Ops op) {\n    }",
                    "public void upgrade(Ops op) {\n        op.createTable(\"reactions\", t -> t"
                            + ".column(\"id\", INTEGER, c -> c.primaryKey().identity())"
                            + ".column(\"message_id\", INTEGER, c -> c.notNull().references(\"messages\", \"id\")));\n    }"));
            Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            assertTrue(ok(dir, "migrate").out().contains("[1/1] upgrade   e5a7c9d14356 -> "));
            assertTrue(db.tableExists("reactions"));

            ok(dir, "rollback", "2");
            assertEquals(List.of("Ada", "GRACE"), db.strings("SELECT username FROM users ORDER BY id"),
                    "the data migration's downgrade put the names back");
            assertTrue(ok(dir, "status").out().contains("2 pending"));
            ok(dir, "migrate");
            assertEquals(List.of("ada", "grace"), db.strings("SELECT username FROM users ORDER BY id"));

            Run backup = run(dir, "", "backup");
            if (kind == Kind.POSTGRESQL && backup.code() == 1 && backup.err().contains("needs pg_dump")) {
                assertTrue(!"true".equals(System.getenv("CI")), "CI installs postgresql-client");
            } else {
                assertEquals(0, backup.code(), backup.err());
            }
            Run reset = run(dir, "yes\n", "reset");
            assertEquals(0, reset.code(), reset.out() + reset.err());
            assertEquals(List.of(), db.strings("SELECT username FROM users"), "reset: removed and recreated");
            assertTrue(db.tableExists("reactions"));

            // Troubleshooting, "multiple heads": a teammate's revision on the same parent, then the seed's
            // `alembic merge heads -m "Merge migrations"` as Retort's merge, built and migrated.
            String parent = file.getFileName().toString().replaceAll(".*_(\\w+)\\.java", "$1");
            Run theirs = retort(dir, "revision", "-m", "Add typing indicator", "--head", "e5a7c9d14356", "--splice");
            assertTrue(theirs.out().contains(", revises e5a7c9d14356)"), theirs.out());
            Run merge = retort(dir, "merge", "-m", "Merge migrations", "heads");
            assertTrue(merge.out().contains(", merges "), merge.out());
            assertTrue(merge.out().contains(parent), merge.out());
            Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            ok(dir, "migrate");
            assertTrue(ok(dir, "status").out().contains("Up to date."));
            assertEquals(1, db.versionRows().size(), "one head again: the merge");
        }
    }

    @Test
    void everyCommandMapsOntoRetort() {
        assertEquals(List.of("revision", "-m", "Add user preferences table"),
                ChatroomDb.translate(List.of("create", "Add user preferences table")));
        assertEquals(List.of("upgrade", "head"), ChatroomDb.translate(List.of("migrate")));
        assertEquals(List.of("downgrade", "-1"), ChatroomDb.translate(List.of("rollback")));
        assertEquals(List.of("downgrade", "-3"), ChatroomDb.translate(List.of("rollback", "3")));
        assertEquals(List.of("reset", "--yes"), ChatroomDb.translate(List.of("reset", "--yes")));
        assertEquals(null, ChatroomDb.translate(List.of("rollback", "-3")));
        assertEquals(null, ChatroomDb.translate(List.of("drop")));
    }

    private static Run ok(Path dir, String... args) {
        Run run = run(dir, "", args);
        assertEquals(0, run.code(), () -> String.join(" ", args) + "\n" + run);
        return run;
    }

    /** Retort's own command line, for what db_commands has no command for. */
    private static Run retort(Path dir, String... args) {
        Run run = run(Main::run, dir, "", args);
        assertEquals(0, run.code(), () -> String.join(" ", args) + "\n" + run);
        return run;
    }

    private static Run run(Path dir, String stdin, String... args) {
        return run(ChatroomDb::run, dir, stdin, args);
    }

    /** ChatroomDb.run and Retort's Main.run take the same arguments. */
    @FunctionalInterface
    private interface Entry {
        int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path dir, InputStream in);
    }

    private static Run run(Entry entry, Path dir, String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = entry.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
