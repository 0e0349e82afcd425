package dev.retort.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.samples.chat.model.ChatModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * samples/chat/README.md, command for command, on both databases (the sample's classes stand for
 * its jar): a database the app made by itself is backed up, stamped and checked, then migrated
 * with its data; the seed's commands; the two start modes.
 */
class WorkflowTest {

    private static final String CLASSES = Path.of("target/classes").toAbsolutePath().toString();
    private static final String MODEL = ChatModel.class.getName();
    /**
     * Where the tests' new revisions and the edited model go: a package of their own, so that
     * their index is not the sample's.
     */
    private static final String ADDED = "dev.retort.samples.chat.added";

    @ParameterizedTest
    // Not MariaDB: the database adopted is the one SQLAlchemy's create_all made on PostgreSQL or SQLite.
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void anExistingDatabaseAdoptsRetortAndMigratesWithItsData(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            // Before Retort: the app made its tables at start and people used it.
            try (Connection c = db.connect()) {
                LegacySchema.createAll(c);
            }
            db.execute("INSERT INTO chats (title) VALUES ('welcome'), ('planning')");
            db.execute("INSERT INTO messages (chat_id, role, text) VALUES (1, 'user', 'hello'), (1, 'assistant', 'hi there'),"
                    + " (2, 'user', 'what next?')");

            // 1. Backup.
            Cli backup = retort(db, dir, "backup", "--to", "before-retort.bak");
            assertTrue(backup.out().startsWith("Backed up "), backup.toString());
            // 2. Stamp the revision that describes what is there (don't create tables), and check it.
            retort(db, dir, "stamp", "3f1d2c8a9b40");
            assertEquals("The database matches its migrations at 3f1d2c8a9b40.\n", retort(db, dir, "check").out());
            // 3. Now ready for future migrations; production checks where it stands before it upgrades.
            assertTrue(retort(db, dir, "heads").out().startsWith("e5a7c9b1d2f4 (head)"));
            assertTrue(retort(db, dir, "status").out().contains("2 pending"));
            Cli up = retort(db, dir, "upgrade", "head");
            assertTrue(up.out().contains("[2/2] upgrade   8c2e4b6d1a93 -> e5a7c9b1d2f4, Add text_length to messages"), up.out());
            assertEquals(List.of("5", "8", "10"), db.strings("SELECT text_length FROM messages ORDER BY id"),
                    "filled from LENGTH(text)");
            assertEquals(List.of("welcome", "planning"), db.strings("SELECT title FROM chats ORDER BY id"), "data kept");
            String notNull = kind == Kind.SQLITE
                    ? "SELECT \"notnull\" FROM pragma_table_info('messages') WHERE name = 'text_length'"
                    : "SELECT CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END FROM information_schema.columns"
                            + " WHERE table_schema = current_schema() AND table_name = 'messages' AND column_name = 'text_length'";
            assertEquals(List.of("1"), db.strings(notNull));
            assertEquals("The database matches its migrations at e5a7c9b1d2f4 (head).\n", retort(db, dir, "check").out());

            // The seed's everyday commands.
            assertEquals("e5a7c9b1d2f4 (head)\n", retort(db, dir, "current").out());
            assertTrue(retort(db, dir, "history").out().contains("<base> -> 3f1d2c8a9b40, Initial schema"));
            retort(db, dir, "downgrade", "-1");
            assertEquals(List.of("8c2e4b6d1a93"), db.versionRows());
            retort(db, dir, "upgrade", "+1");
            retort(db, dir, "downgrade", "8c2e4b6d1a93");
            retort(db, dir, "upgrade", "e5a7c9b1d2f4");
            // "Database out of sync, option 3": reset and reapply.
            retort(db, dir, "downgrade", "base");
            retort(db, dir, "upgrade", "head");
            assertEquals(List.of("e5a7c9b1d2f4"), db.versionRows());
            assertTrue(retort(db, dir, "status").out().contains("Up to date."));
        }
    }

    /**
     * The seed's "multiple heads": two people each write a revision on the head, then merge them.
     * The new revisions go to a package of their own, so their index is not the sample's (in the
     * project they join its package and one build makes one index).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void revisionsOnTwoBranchesAreMerged(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            retort(db, dir, "upgrade", "head");
            String src = dir.resolve("src").toString();
            String pkg = "dev.retort.samples.chat.added";
            String mine = retort(db, dir, "revision", "-m", "Add pinned to chats", "--dir", src, "--package", pkg).out();
            assertTrue(mine.contains("AddPinnedToChats_") && mine.contains(", revises e5a7c9b1d2f4)"), mine);
            String theirs = retort(db, dir, "revision", "-m", "Add edited_at to messages", "--dir", src, "--package", pkg,
                    "--head", "e5a7c9b1d2f4", "--splice").out();
            assertTrue(theirs.contains(", revises e5a7c9b1d2f4)"), theirs);
            String merged = retort(db, dir, "merge", "-m", "Merge heads", "heads", "--dir", src, "--package", pkg).out();
            Matcher m = Pattern.compile("\\((\\w+), merges \\w+, \\w+\\)").matcher(merged);
            assertTrue(m.find(), merged);

            Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            Cli up = Cli.in(dir, Map.of(), "", "--classpath", CLASSES + ":" + dir.resolve("classes"), "--url", db.url(),
                    "--naming-convention", "database", "upgrade", "heads");
            assertEquals(0, up.exitCode(), up.toString());
            assertEquals(List.of(m.group(1)), db.versionRows(), "one head again: the merge");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void developmentBuildsTheSchemaAndProductionRefusesToStartWithPendingMigrations(Kind kind, @TempDir Path dir)
            throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            var err = new ByteArrayOutputStream();
            int refused = ChatApp.run(db.url(), "production", new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, refused);
            // An SQLite file that is not there yet is most likely a wrong path in production: said so, and not made.
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(kind == Kind.SQLITE
                    ? "chat: the SQLite database " + db.file() + " does not exist; check the URL"
                    : "chat: 3 migration(s) pending [3f1d2c8a9b40, 8c2e4b6d1a93, e5a7c9b1d2f4]; production applies them"
                            + " on purpose"), err.toString());
            assertTrue(!db.tableExists("chats"), "production touched nothing");

            var out = new ByteArrayOutputStream();
            assertEquals(0, ChatApp.run(db.url(), "development", new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Development mode: applied 3 migration(s)"));
            out.reset();
            assertEquals(0, ChatApp.run(db.url(), "production", new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            assertEquals("Production mode: database at [e5a7c9b1d2f4]; starting.\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * The seed's "Example: Adding a New Column" with {@code --autogenerate}, on its other example,
     * "Add user_id to chats" ({@code last_read_at} is a revision already): the model and the
     * migrations agree ({@code alembic check}); the model gains the column (an edited copy of
     * {@link ChatModel}, in a package of its own, stands for the edit); check lists it; autogenerate
     * writes it; the revision is compiled, applied, checked, and rolled back.
     */
    @ParameterizedTest
    // SQLite only: on PostgreSQL each comparison makes and drops a scratch database (seconds under load), and
    // autogenerate there is covered by runtime's AutogenerateTest, its round trip and the JPA workflow in hibernate/.
    @EnumSource(value = Kind.class, names = "SQLITE")
    void autogenerateWritesTheColumnTheModelGained(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            retort(db, dir, "upgrade", "head");
            assertEquals("No changes: the migrations at e5a7c9b1d2f4 make the schema class:" + MODEL + " describes.\n",
                    retort(db, dir, "check", "--model", "class:" + MODEL).out());
            String before = db.snapshot();

            // 1. Update the model.
            Path src = dir.resolve("src");
            Path classes = dir.resolve("classes");
            String edited = ADDED + ".ChatModel";
            writeSource(src, edited, editedModel(".column(\"last_read_at\", TIMESTAMP, c -> c.nullable())",
                    "\n                .column(\"user_id\", INTEGER, c -> c.nullable())"));
            Fixtures.compileTree(src, classes);
            String cp = CLASSES + ":" + classes;
            Cli drift = cli(db, dir, cp, "check", "--model", "class:" + edited);
            assertEquals(1, drift.exitCode(), drift.toString());
            assertEquals("  addColumn(chats.user_id)\n", drift.out());
            assertTrue(drift.err().startsWith("retort: error: 1 op(s) between the migrations and class:" + edited),
                    drift.err());

            // 2. Generate the migration; 3. review it.
            String generated = retortWith(db, dir, cp, "revision", "--autogenerate", "-m", "Add user_id to chats",
                    "--model", "class:" + edited, "--dir", src.toString(), "--package", ADDED).out();
            Matcher m = Pattern.compile("Generating (\\S+AddUserIdToChats_(\\w+)\\.java) \\(\\w+, revises e5a7c9b1d2f4\\)")
                    .matcher(generated);
            assertTrue(generated.startsWith("  Detected addColumn(chats.user_id)\n") && m.find(), generated);
            String migration = Files.readString(dir.resolve(m.group(1)));
            assertTrue(migration.contains("        op.addColumn(\"chats\", \"user_id\", INTEGER);\n"), migration);
            assertTrue(migration.contains("op.reverseOf(this::upgrade);"), "downgrade: the reverse\n" + migration);

            // 4. Apply it; the model and the migrations agree again.
            Fixtures.compileTree(src, classes);
            String id = m.group(2);
            assertTrue(retortWith(db, dir, cp, "upgrade", "head").out().contains("is now at " + id + " (head)."));
            assertTrue(retortWith(db, dir, cp, "check", "--model", "class:" + edited).out()
                    .startsWith("No changes: the migrations at " + id + " make the schema"));
            // Test the downgrade: it gives the schema back.
            retortWith(db, dir, cp, "downgrade", "-1");
            assertEquals(List.of("e5a7c9b1d2f4"), db.versionRows());
            assertEquals(before, db.snapshot());
        }
    }

    /** ChatModel's source with {@code addition} after {@code anchor}, in the package new revisions go to. */
    private static String editedModel(String anchor, String addition) throws Exception {
        String source = Files.readString(Path.of("src/main/java", MODEL.replace('.', '/') + ".java"));
        assertTrue(source.contains(anchor), anchor);
        return source.replace(anchor, anchor + addition).replace("package " + ChatModel.class.getPackageName() + ";",
                "package " + ADDED + ";");
    }

    private static void writeSource(Path root, String className, String source) throws Exception {
        Path file = root.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    private static Cli retort(TestDatabase db, Path dir, String... args) throws Exception {
        Cli cli = cli(db, dir, CLASSES, args);
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        if (args[0].equals("backup")) {
            assertTrue(Files.exists(dir.resolve(args[2])) || cli.out().contains("Backed up"));
        }
        return cli;
    }

    /** With the sample's classes and those the test compiled. */
    private static Cli retortWith(TestDatabase db, Path dir, String classpath, String... args) {
        Cli cli = cli(db, dir, classpath, args);
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }

    private static Cli cli(TestDatabase db, Path dir, String classpath, String... args) {
        var all = new ArrayList<>(List.of("--classpath", classpath, "--url", db.url(),
                "--naming-convention", "database"));
        all.addAll(List.of(args));
        return Cli.in(dir, Map.of(), "", all.toArray(String[]::new));
    }
}
