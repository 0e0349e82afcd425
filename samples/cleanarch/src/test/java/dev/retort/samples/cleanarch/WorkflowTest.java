package dev.retort.samples.cleanarch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.samples.cleanarch.application.ConversationService;
import dev.retort.samples.cleanarch.infrastructure.persistence.Database;
import dev.retort.samples.cleanarch.infrastructure.persistence.JdbcMessageRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * samples/cleanarch/README.md: the seed's migration workflow with DATABASE_URL from the
 * environment (write a revision, apply it, test the rollback), and the application migrating
 * before it starts.
 */
class WorkflowTest {

    private static final String CLASSES = Path.of("target/classes").toAbsolutePath().toString();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSeedsWorkflow(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Map<String, String> env = Map.of("DATABASE_URL", db.url());
            var out = new ByteArrayOutputStream();
            assertEquals(0, Main.run(env, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("cleanarch: database at [5d8b1e3f7a24] (2 migration(s)"
                    + " applied); starting."), out.toString());
            db.execute("INSERT INTO users (email) VALUES ('ada@example.com')");
            db.execute("INSERT INTO conversations (user_id) VALUES (1)");
            var messages = new ConversationService(new JdbcMessageRepository(Database.fromEnvironment(env)))
                    .post(1, "hello");
            assertEquals("hello", messages.get(0).content());

            // 1-2. Modify the models; generate a migration.
            String src = dir.resolve("src").toString();
            String generated = retort(env, dir, "revision", "-m", "add read flag to messages", "--dir", src,
                    "--package", "dev.retort.samples.cleanarch.added").out();
            assertTrue(generated.contains("revises 5d8b1e3f7a24"), generated);
            // 3. Review it (here: fill it in).
            Path file;
            try (var files = Files.walk(dir.resolve("src"))) {
                file = files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
            }
            Files.writeString(file, Files.readString(file).replace("public void upgrade(Ops op) {\n    }",
                    "public void upgrade(Ops op) {\n        op.addColumn(\"messages\", \"read\", BOOLEAN,"
                            + " c -> c.notNull().serverDefault(false));\n    }"));
            Fixtures.compileTree(dir.resolve("src"), dir.resolve("classes"));
            String cp = CLASSES + ":" + dir.resolve("classes");
            // 4. Apply it.
            assertTrue(retort(env, dir, "--classpath", cp, "upgrade", "head").out().contains("[1/1] upgrade"));
            // 5. Test the rollback.
            retort(env, dir, "--classpath", cp, "downgrade", "-1");
            assertEquals(List.of("5d8b1e3f7a24"), db.versionRows());
            retort(env, dir, "--classpath", cp, "upgrade", "head");
            assertEquals(List.of("false"), db.strings(kind == Kind.SQLITE
                    ? "SELECT CASE read WHEN 0 THEN 'false' ELSE 'true' END FROM messages" : "SELECT read::text FROM messages"));
            // Check migration status.
            assertTrue(retort(env, dir, "--classpath", cp, "current").out().contains("(head)"));
            assertTrue(retort(env, dir, "--classpath", cp, "history").out().contains("<base> -> 0c4f8a2e6b13, initial schema"));
            assertEquals(1, retort(env, dir, "--classpath", cp, "heads").out().strip().lines().count());
        }
    }

    @org.junit.jupiter.api.Test
    void withoutDatabaseUrlTheAppSaysWhatToSet() {
        var err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cleanarch: DATABASE_URL is not set;"), err.toString());
    }

    private static Cli retort(Map<String, String> env, Path dir, String... args) {
        var all = new ArrayList<String>();
        if (!List.of(args).contains("--classpath")) {
            all.addAll(List.of("--classpath", CLASSES));
        }
        all.addAll(List.of(args));
        Cli cli = Cli.in(dir, env, "", all.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }
}
