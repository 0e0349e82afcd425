package dev.retort.samples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * samples/todo/README.md, command for command: DATABASE_URL in the environment (the asyncpg form
 * on PostgreSQL), the seed's upgrade, downgrade, current and history, a new revision, one written
 * on top of a chosen revision when two people collided, and autogenerate from the JPA entities.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowTest {

    private static final String CLASSES = Path.of("target/classes").toAbsolutePath().toString();
    /**
     * New revisions go to a package of their own here, so their index is not the sample's index
     * class, which the test's class path already holds (in a project they join its package and one
     * build makes one index).
     */
    private static final String PACKAGE = "dev.retort.samples.todo.added";
    /** The entities; {@code jpa:} of this package is the model. */
    private static final String MODEL = "dev.retort.samples.todo.model";
    /** The edited entities: a package of their own, as the test's class path holds the originals. */
    private static final String EDITED = "dev.retort.samples.todo.edited";
    /** Where the revisions written from the entities go: a new root, beside the sample's chain. */
    private static final String JPA_PACKAGE = "dev.retort.samples.todo.fromjpa";
    /**
     * What differs on SQLite, where the entities' SQL fragments are PostgreSQL's: the UUID columns are
     * Hibernate's BLOB with gen_random_uuid() as their default, the timestamps are declared as on
     * PostgreSQL, false is spelled so, and the tasks' key is a plain rowid (Hibernate writes no
     * AUTOINCREMENT) with the name the entity gives it.
     */
    private static final Pattern SQLITE_DIFFERENCES = Pattern.compile(String.join("|",
            "tasks\\.id: identity is true in the migrations, false in the database",
            "\\w+\\.(id|user_id|conversation_id): type is TEXT in the migrations, BLOB in the database",
            "\\w+\\.id: default is .* in the migrations, gen_random_uuid\\(\\) in the database",
            "\\w+\\.(created|updated)_at: type is DATETIME in the migrations, timestamp with time zone in the database",
            "tasks\\.completed: default is 0 in the migrations, false in the database",
            "tasks: primary key is \\[id\\] in the migrations, \\[id\\] in the database"));
    private static final Map<Kind, JpaRevision> JPA_INITIAL = new EnumMap<>(Kind.class);

    @TempDir
    static Path shared;

    @ParameterizedTest
    // Not MariaDB: the seed's backend takes DATABASE_URL in asyncpg's form, for PostgreSQL (messaging is the MariaDB sample).
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void theSeedsCommandsWithDatabaseUrlFromTheEnvironment(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Map<String, String> env = Map.of("DATABASE_URL", databaseUrl(db));
            retort(env, dir, "upgrade", "head");
            assertEquals("6b9d2f4e8a1c (head)\n", retort(env, dir, "current").out());
            retort(env, dir, "downgrade", "-1");
            assertEquals(List.of("20260201_initial"), db.versionRows());
            retort(env, dir, "upgrade", "6b9d2f4e8a1c");
            retort(env, dir, "downgrade", "20260201_initial");
            retort(env, dir, "upgrade", "head");
            String history = retort(env, dir, "history").out();
            assertEquals("20260201_initial -> 6b9d2f4e8a1c (head), Add priority column to tasks table\n"
                    + "<base> -> 20260201_initial, initial schema\n", history);

            // UUID keys from the database, numbered tasks, cascading deletes.
            try (Connection c = db.connect(); var s = c.createStatement()) {
                if (kind == Kind.SQLITE) {
                    s.execute("PRAGMA foreign_keys = ON");
                }
                s.execute("INSERT INTO users (email) VALUES ('ada@example.com')");
                s.execute("INSERT INTO conversations (user_id, title) SELECT id, 'plans' FROM users");
                s.execute("INSERT INTO messages (conversation_id, role, content) SELECT id, 'user', 'add a task' FROM conversations");
                s.execute("INSERT INTO tasks (user_id, title, priority) SELECT id, 'write tests', 1 FROM users");
                s.execute("DELETE FROM users");
            }
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM messages"), "deleting a user cascades");
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM tasks"));

            var out = new ByteArrayOutputStream();
            assertEquals(0, TodoApp.run(databaseUrl(db), new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("at [6b9d2f4e8a1c]; serving.\n"), out.toString());
        }
    }

    @ParameterizedTest
    // Not MariaDB: the seed's backend takes DATABASE_URL in asyncpg's form, for PostgreSQL (messaging is the MariaDB sample).
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void aNewRevisionAndOneOnAChosenRevisionAfterACollision(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Map<String, String> env = Map.of("DATABASE_URL", databaseUrl(db));
            String src = dir.resolve("src").toString();
            String due = generated(retort(env, dir, "revision", "-m", "add due date to tasks", "--dir", src,
                    "--package", PACKAGE).out(), "6b9d2f4e8a1c");
            String other = generated(retort(env, dir, "revision", "-m", "add done_at to tasks", "--dir", src,
                    "--package", PACKAGE, "--head", "6b9d2f4e8a1c", "--splice").out(),
                    "6b9d2f4e8a1c");
            var compiled = Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            assertTrue(compiled.diagnostics().contains("[RetortMultipleHeads]"), compiled.diagnostics());
            String heads = Cli.in(dir, env, "", "--classpath", CLASSES + ":" + dir.resolve("classes"), "heads").out();
            assertEquals(List.of(due + " (head)", other + " (head)").stream().sorted().toList(),
                    heads.lines().sorted().toList(), "two heads, as the seed's collision");

            // Then the merge the README adds, built and applied.
            String merged = retort(env, dir, "merge", "-m", "merge heads", "heads", "--dir", src, "--package", PACKAGE).out();
            Matcher m = Pattern.compile("\\((\\w+), merges (\\w+), (\\w+)\\)").matcher(merged);
            assertTrue(m.find(), merged);
            assertEquals(Set.of(due, other), Set.of(m.group(2), m.group(3)), merged);
            compiled = Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            assertTrue(!compiled.diagnostics().contains("[RetortMultipleHeads]"), compiled.diagnostics());
            Cli up = Cli.in(dir, env, "", "--classpath", CLASSES + ":" + dir.resolve("classes"), "upgrade", "heads");
            assertEquals(0, up.exitCode(), up.toString());
            assertEquals(List.of(m.group(1)), db.versionRows());
        }
    }

    /**
     * The seed's {@code alembic revision --autogenerate -m "initial schema"} from the SQLModel models:
     * here from the JPA entities, from an empty history ({@code --head base}, a root of its own: this
     * JVM always sees the sample's migrations), then compiled, applied, and compared with the schema
     * the sample's own initial migration makes. On PostgreSQL, the seed's database, they are the same;
     * on SQLite the entities' SQL fragments are PostgreSQL's and Hibernate's SQLite dialect keeps a
     * UUID as a BLOB, so types, defaults and the tasks' rowid key differ there
     * ({@link #SQLITE_DIFFERENCES}).
     */
    @Order(1)
    @ParameterizedTest
    // Not MariaDB: the seed's backend takes DATABASE_URL in asyncpg's form, for PostgreSQL (messaging is the MariaDB sample).
    @EnumSource(value = Kind.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
    void theInitialSchemaAutogeneratedFromTheJpaEntitiesIsTheSamplesOwn(Kind kind, @TempDir Path dir) throws Exception {
        JpaRevision initial = jpaInitialSchema(kind);
        assertEquals(List.of("createTable(users)", "createTable(conversations)",
                "createIndex(ix_conversations_user_id on conversations)", "createTable(messages)",
                "createIndex(ix_messages_conversation_id_created_at on messages)", "createTable(tasks)",
                "createIndex(ix_tasks_user_id_completed on tasks)"), detected(initial.out()));
        String source = Files.readString(initial.file());
        boolean pg = kind == Kind.POSTGRESQL;
        assertTrue(source.contains(pg ? ".column(\"id\", UUID, c -> c.notNull().serverDefault(randomUuid()))"
                : ".column(\"id\", BLOB, c -> c.notNull().serverDefault(sql(\"gen_random_uuid()\")))"), source);
        assertTrue(source.contains(".column(\"created_at\", " + (pg
                ? "TIMESTAMP_TZ, c -> c.notNull().serverDefault(sql(\"CURRENT_TIMESTAMP\")))"
                : "named(\"timestamp with time zone\"), c -> c.notNull().serverDefault(now()))")), source);
        assertTrue(source.contains(".column(\"id\", INTEGER, c -> c.notNull()" + (pg ? ".identity())" : ")")), source);
        assertTrue(source.contains(".foreignKey(fk -> fk.columns(\"conversation_id\").references(\"conversations\", \"id\")"
                + ".onDelete(CASCADE)));"), source);
        assertTrue(source.contains("op.createIndex(\"ix_messages_conversation_id_created_at\", \"messages\","
                + " i -> i.columns(\"conversation_id\", \"created_at\"));"), source);

        try (var fromJpa = TestDatabase.create(kind, Files.createDirectories(dir.resolve("jpa")));
                var sample = TestDatabase.create(kind, Files.createDirectories(dir.resolve("sample")))) {
            jpaRetort(fromJpa, dir, initial.classes(), "upgrade", initial.id());
            retort(Map.of("DATABASE_URL", databaseUrl(sample)), dir, "upgrade", "20260201_initial");
            List<String> differences = differences(sample, fromJpa);
            if (pg) {
                assertEquals(List.of(), differences);
            } else {
                assertEquals(List.of(), differences.stream().filter(d -> !SQLITE_DIFFERENCES.matcher(d).matches())
                        .toList());
            }
        }
    }

    /** The seed's example: {@code priority} added to the Task entity autogenerates its {@code addColumn}. */
    @ParameterizedTest
    // SQLite only: on PostgreSQL each comparison makes and drops a scratch database (seconds under load), and
    // autogenerate there is covered by runtime's AutogenerateTest, its round trip and the JPA workflow in hibernate/.
    @EnumSource(value = Kind.class, names = "SQLITE")
    void addingPriorityToTheTaskEntityAutogeneratesAddColumn(Kind kind, @TempDir Path dir) throws Exception {
        JpaRevision initial = jpaInitialSchema(kind);
        Path edited = editedEntities(dir, "    Integer priority;\n");
        try (var db = TestDatabase.create(kind, dir)) {
            Cli added = jpaRetort(db, dir, initial.classes() + File.pathSeparator + edited, "revision", "--autogenerate",
                    "-m", "Add priority column to tasks table", "--model", "jpa:" + EDITED, "--head", initial.id(),
                    "--dir", Files.createDirectories(dir.resolve("src")).toString(), "--package", JPA_PACKAGE);
            assertEquals(List.of("addColumn(tasks.priority)"), detected(added.out()));
            String source = Files.readString(dir.resolve(generatedFile(added.out())));
            assertTrue(source.contains("op.addColumn(\"tasks\", \"priority\", INTEGER);"), source);
        }
    }

    /** DATABASE_URL as the seed writes it: postgresql+asyncpg://user@host:port/db (here in the test's own schema). */
    static String databaseUrl(TestDatabase db) {
        if (db.kind() == Kind.SQLITE) {
            return "sqlite:///" + db.file();
        }
        Matcher m = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)\\?(?:.*&)?user=([^&]+).*").matcher(TestDatabase.pgUrl());
        if (!m.matches()) {
            throw new AssertionError("cannot turn " + TestDatabase.pgUrl() + " into the seed's form");
        }
        return "postgresql+asyncpg://" + m.group(3) + "@" + m.group(1) + "/" + m.group(2) + "?currentSchema=" + db.schema();
    }

    /** The id of the revision a "Generating" line announces, checked to revise {@code parent}. */
    private static String generated(String out, String parent) {
        Matcher m = Pattern.compile("\\((\\w+), revises (\\w+)\\)").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(parent, m.group(2), out);
        return m.group(1);
    }

    /**
     * The initial schema from the entities, written and compiled once per database (each comparison
     * makes a scratch database on PostgreSQL, a second or more), into a folder the tests share.
     */
    private static JpaRevision jpaInitialSchema(Kind kind) throws Exception {
        JpaRevision initial = JPA_INITIAL.get(kind);
        if (initial == null) {
            Path dir = Files.createDirectories(shared.resolve(kind.name()));
            try (var db = TestDatabase.create(kind, dir)) {
                Path src = Files.createDirectories(dir.resolve("src"));
                Cli cli = jpaRetort(db, dir, CLASSES, "revision", "--autogenerate", "-m", "initial schema", "--head", "base",
                        "--model", "jpa:" + MODEL, "--dir", src.toString(), "--package", JPA_PACKAGE);
                Fixtures.compileTree(src, dir.resolve("classes"));
                Matcher id = Pattern.compile("\\((\\w+), revises <base>\\)").matcher(cli.out());
                assertTrue(id.find(), cli.out());
                initial = new JpaRevision(cli.out(), id.group(1), dir.resolve(generatedFile(cli.out())),
                        CLASSES + File.pathSeparator + dir.resolve("classes"));
            }
            JPA_INITIAL.put(kind, initial);
        }
        return initial;
    }

    /** What the developer edits: the entities, with {@code field} added to Task, compiled in a package of their own. */
    private static Path editedEntities(Path dir, String field) throws Exception {
        Path src = Files.createDirectories(dir.resolve("edited-src").resolve(EDITED.replace('.', '/')));
        try (var files = Files.list(Path.of("src/main/java").resolve(MODEL.replace('.', '/')))) {
            for (Path entity : files.toList()) {
                String text = Files.readString(entity).replace("package " + MODEL + ";", "package " + EDITED + ";");
                if (entity.getFileName().toString().equals("Task.java")) {
                    text = text.substring(0, text.lastIndexOf('}')) + "\n" + field + "}\n";
                }
                Files.writeString(src.resolve(entity.getFileName()), text);
            }
        }
        return Fixtures.compileTree(dir.resolve("edited-src"), dir.resolve("edited")).classes();
    }

    /** The runtime's comparison of two databases' catalogs, as {@code retort check} makes it. */
    private static List<String> differences(TestDatabase expected, TestDatabase actual) throws Exception {
        Dialect dialect = Dialects.named(expected.kind() == Kind.SQLITE ? "sqlite" : "postgresql");
        try (Connection e = expected.connect(); Connection a = actual.connect()) {
            return CatalogDiff.differences(dialect.introspect(e, expected.schema()), dialect.introspect(a, actual.schema()),
                    Set.of("retort_version", "retort_history"), dialect.equivalence());
        }
    }

    private static List<String> detected(String out) {
        return out.lines().filter(l -> l.startsWith("  Detected ")).map(l -> l.substring("  Detected ".length())).toList();
    }

    private static String generatedFile(String out) {
        Matcher m = Pattern.compile("Generating (\\S+\\.java) ").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    /** The command line with {@code classes} on its class path and {@code db} in {@code DATABASE_URL}. */
    private static Cli jpaRetort(TestDatabase db, Path dir, String classes, String... args) {
        return retort(classes, Map.of("DATABASE_URL", databaseUrl(db)), dir, args);
    }

    /**
     * The initial revision written from the entities.
     *
     * @param classes the class path that holds it compiled, and the sample
     */
    private record JpaRevision(String out, String id, Path file, String classes) {
    }

    private static Cli retort(Map<String, String> env, Path dir, String... args) {
        return retort(CLASSES, env, dir, args);
    }

    private static Cli retort(String classes, Map<String, String> env, Path dir, String... args) {
        var all = new ArrayList<>(List.of("--classpath", classes));
        all.addAll(List.of(args));
        Cli cli = Cli.in(dir, env, "", all.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }
}
