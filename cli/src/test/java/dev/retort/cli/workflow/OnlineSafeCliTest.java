package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --online-safe SECONDS} and {@code online-safe} in retort.properties: the PostgreSQL script
 * of the same ops, the safe way; a migration's own {@code @OnlineSafe}; and a bad value named.
 */
class OnlineSafeCliTest {

    @TempDir
    static Path classes;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(classes,
                Fixtures.migration("Users", "o1000001").message("users").upgrade("op.createTable(\"users\", t -> t"
                        + ".column(\"id\", BIGINT, c -> c.primaryKey()).column(\"age\", INTEGER));").toString(),
                Fixtures.migration("IndexAge", "o1000002").revises("o1000001").message("index age")
                        .upgrade("op.createIndex(\"ix_users_age\", \"users\", \"age\");").toString(),
                Fixtures.migration("AgeNotNull", "o1000003").revises("o1000002").message("age not null")
                        .upgrade("op.alterColumn(\"users\", \"age\", a -> a.notNull().existingNullable(true));").toString()
                        .replace("public final class AgeNotNull", "@dev.retort.OnlineSafe(lockTimeoutSeconds = 7)\n"
                                + "public final class AgeNotNull"));
    }

    private static Cli retort(Path dir, String... args) {
        var all = new java.util.ArrayList<>(List.of("--classpath", chain.classes().toString()));
        all.addAll(List.of(args));
        return Cli.in(dir, Map.of(), "", all.toArray(String[]::new));
    }

    private static List<String> statements(String script, String revision) {
        String step = script.substring(script.indexOf("-- upgrade " + revision) >= 0 ? script.indexOf("-- upgrade "
                + revision) : script.indexOf(revision));
        return step.lines().filter(l -> l.startsWith("SET lock_timeout") || l.startsWith("CREATE INDEX")
                || l.contains("NOT NULL") || l.startsWith("RESET")).toList();
    }

    @Test
    void theScriptIsTheSafeOneAsTheReadmeShowsIt(@TempDir Path dir) {
        Cli safe = retort(dir, "upgrade", "--sql", "--online-safe", "5", "--dialect", "postgresql");
        assertEquals(0, safe.exitCode(), safe.toString());
        String script = safe.out();
        assertTrue(script.contains("SET lock_timeout = '5000ms';\nCREATE INDEX CONCURRENTLY \"ix_users_age\" ON \"users\""
                + " (\"age\");\n"), script);
        assertTrue(script.contains("ALTER TABLE \"users\" ADD CONSTRAINT \"retort_nn_users_age\" CHECK (\"age\" IS NOT NULL)"
                + " NOT VALID;"), script);
        assertFalse(script.contains("CREATE INDEX CONCURRENTLY \"pk"), "the revision that creates users keeps plain DDL");

        Cli plain = retort(dir, "upgrade", "--sql", "--dialect", "postgresql");
        assertEquals(0, plain.exitCode(), plain.toString());
        assertTrue(plain.out().contains("CREATE INDEX \"ix_users_age\" ON \"users\" (\"age\");"), plain.out());
        assertTrue(plain.out().contains("SET lock_timeout = '7000ms';"), "@OnlineSafe on the migration: " + plain.out());
        assertFalse(plain.out().contains("SET lock_timeout = '5000ms';"), plain.out());

        Cli sqlite = retort(dir, "upgrade", "--sql", "--online-safe", "5", "--dialect", "sqlite");
        assertEquals(0, sqlite.exitCode(), sqlite.toString());
        assertFalse(sqlite.out().contains("lock_timeout"), "SQLite has nothing to render differently");
    }

    @Test
    void retortPropertiesTurnsItOnAndABadValueIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("retort.properties"), "online-safe=3\n");
        Cli fromFile = retort(dir, "upgrade", "--sql", "--dialect", "postgresql");
        assertEquals(0, fromFile.exitCode(), fromFile.toString());
        assertTrue(fromFile.out().contains("SET lock_timeout = '3000ms';\nCREATE INDEX CONCURRENTLY"), fromFile.out());

        Cli option = retort(dir, "upgrade", "--sql", "--dialect", "postgresql", "--online-safe", "4");
        assertTrue(option.out().contains("SET lock_timeout = '4000ms';\nCREATE INDEX CONCURRENTLY"), "the option wins");

        for (String bad : List.of("0", "x", "86401", "-1")) {
            Cli refused = retort(dir, "upgrade", "--sql", "--dialect", "postgresql", "--online-safe=" + bad);
            assertEquals(2, refused.exitCode(), refused.toString());
            assertEquals("retort: error: --online-safe '" + bad + "' is not a whole number of seconds from 1 to 86400\n",
                    refused.err());
        }
        Files.writeString(dir.resolve("retort.properties"), "online-safe=soon\n");
        Cli badFile = retort(dir, "upgrade", "--sql", "--dialect", "postgresql");
        assertEquals(2, badFile.exitCode(), badFile.toString());
        assertEquals("retort: error: retort.properties: online-safe 'soon' is not a whole number of seconds from 1 to"
                + " 86400\n", badFile.err());
    }

    /** On SQLite the setting renders nothing differently: the run applies as without it. */
    @Test
    void onSqliteARunAppliesAsWithoutIt(@TempDir Path dir) throws Exception {
        try (var db = dev.retort.runtime.testing.TestDatabase.sqlite(dir.resolve("app.db"))) {
            Cli run = retort(dir, "--url", db.url(), "--online-safe", "5", "upgrade");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(List.of("o1000003"), db.versionRows());
            assertEquals(List.of("ix_users_age"), db.strings("SELECT name FROM sqlite_master WHERE type = 'index'"
                    + " AND name = 'ix_users_age'"));
        }
    }
}
