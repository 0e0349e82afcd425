package dev.retort.samples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * samples/todo/README.md, command for command: DATABASE_URL in the environment (the asyncpg form
 * on PostgreSQL), the seed's upgrade, downgrade, current and history, a new revision, and one
 * written on top of a chosen revision when two people collided.
 */
class WorkflowTest {

    private static final String CLASSES = Path.of("target/classes").toAbsolutePath().toString();
    /**
     * New revisions go to a package of their own here, so their index is not the sample's index
     * class, which the test's class path already holds (in a project they join its package and one
     * build makes one index).
     */
    private static final String PACKAGE = "dev.retort.samples.todo.added";

    @ParameterizedTest
    @EnumSource(Kind.class)
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
    @EnumSource(Kind.class)
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

    private static Cli retort(Map<String, String> env, Path dir, String... args) {
        var all = new ArrayList<>(List.of("--classpath", CLASSES));
        all.addAll(List.of(args));
        Cli cli = Cli.in(dir, env, "", all.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }
}
