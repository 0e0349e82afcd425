package dev.retort.samples.chatroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Main;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.samples.chatroom.model.ChatroomModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String MODEL = ChatroomModel.class.getName();
    /**
     * Where the tests' new revisions and the edited model go: a package of their own, so that
     * their index is not the sample's.
     */
    private static final String ADDED = "dev.retort.samples.chatroom.added";

    record Run(int code, String out, String err) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSeedsDatabaseCommands(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            writeSettings(dir, db, null);
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

    /**
     * "Using Alembic Directly", with the model the sample's retort.properties names ({@code model=},
     * as env.py imported the models): {@code alembic check} finds nothing to write; the seed's
     * "Adding a New Table" on its example "Create audit log table" (an edited copy of
     * {@link ChatroomModel}, in a package of its own, stands for the model class added);
     * {@code alembic check} lists it; {@code alembic revision --autogenerate} writes it; the
     * revision is compiled, migrated, checked, and rolled back.
     */
    @ParameterizedTest
    // SQLite only: on PostgreSQL each comparison makes and drops a scratch database (seconds under load), and
    // autogenerate there is covered by runtime's AutogenerateTest, its round trip and the JPA workflow in hibernate/.
    @EnumSource(value = Kind.class, names = "SQLITE")
    void autogenerateWritesTheTableTheModelGained(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            writeSettings(dir, db, MODEL);
            ok(dir, "migrate");
            assertEquals("No changes: the migrations at e5a7c9d14356 make the schema class:" + MODEL + " describes.\n",
                    retort(dir, "check").out());
            String before = db.snapshot();

            // Adding a new table: 1. add the model class; 2. name it where env.py imported the models.
            String edited = ADDED + ".ChatroomModel";
            String auditLog = """
                            schema.table("audit_log", t -> t
                                    .column("id", INTEGER, c -> c.primaryKey().serial())
                                    .column("user_id", INTEGER, c -> c.nullable().references("users", "id"))
                                    .column("action", varchar(100), c -> c.notNull())
                                    .column("created_at", TIMESTAMP, c -> c.notNull().serverDefault(now())));
                    """;
            writeSource(dir.resolve("src"), edited, editedModel("    public void declare(SchemaBuilder schema) {\n", auditLog));
            Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            writeSettings(dir, db, edited);
            Run drift = run(Main::run, dir, "", "check");
            assertEquals(1, drift.code(), drift.toString());
            assertEquals("  createTable(audit_log)\n", drift.out());

            // 3. Create the migration.
            Run generated = retort(dir, "revision", "--autogenerate", "-m", "Create audit log table");
            Matcher m = Pattern.compile("Generating (src/\\S+/CreateAuditLogTable_(\\w+)\\.java)"
                    + " \\(\\w+, revises e5a7c9d14356\\)").matcher(generated.out());
            assertTrue(generated.out().startsWith("  Detected createTable(audit_log)\n") && m.find(), generated.out());
            String migration = Files.readString(dir.resolve(m.group(1)));
            assertTrue(migration.contains("        op.createTable(\"audit_log\", t -> t\n"), migration);
            assertTrue(migration.contains(".references(\"users\", \"id\")"), migration);
            assertTrue(migration.contains("op.reverseOf(this::upgrade);"), "downgrade: the reverse\n" + migration);

            // Review it, migrate; the model and the migrations agree again; roll it back.
            Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            assertTrue(ok(dir, "migrate").out().contains("[1/1] upgrade   e5a7c9d14356 -> " + m.group(2)
                    + ", Create audit log table"));
            assertTrue(retort(dir, "check").out().startsWith("No changes: the migrations at " + m.group(2)
                    + " make the schema"));
            ok(dir, "rollback");
            assertEquals(List.of("e5a7c9d14356"), db.versionRows());
            assertEquals(before, db.snapshot());
        }
    }

    /**
     * The sample's retort.properties, with this test's database and folders (new revisions in a
     * package of their own, so their index is not the one the test's class path holds) and
     * {@code model}, when given.
     */
    private static void writeSettings(Path dir, TestDatabase db, String model) throws IOException {
        Files.writeString(dir.resolve("retort.properties"), "url=" + db.url() + "\nsource-dir=src\n"
                + "package=" + ADDED + "\nclasspath=" + CLASSES + ":classes\n"
                + "sqlite-auto-rebuild=false\nnaming-convention=database\n"
                + (model == null ? "" : "model=class:" + model + "\n"));
        Files.createDirectories(dir.resolve("classes"));
    }

    /** ChatroomModel's source with {@code addition} after {@code anchor}, in the package new revisions go to. */
    private static String editedModel(String anchor, String addition) throws IOException {
        String source = Files.readString(Path.of("src/main/java", MODEL.replace('.', '/') + ".java"));
        assertTrue(source.contains(anchor), anchor);
        return source.replace(anchor, anchor + addition)
                .replace("package " + ChatroomModel.class.getPackageName() + ";", "package " + ADDED + ";");
    }

    private static void writeSource(Path root, String className, String source) throws IOException {
        Path file = root.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
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
