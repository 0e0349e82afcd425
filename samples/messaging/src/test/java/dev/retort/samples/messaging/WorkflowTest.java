package dev.retort.samples.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.Cli;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * samples/messaging/README.md's workflow, command for command (the sample's classes stand for its
 * jar): a database whose tables the app already made is stamped rather than migrated; offline
 * SQL for the DBA; the app's start.
 */
class WorkflowTest {

    private static final String CLASSES = Path.of("target/classes").toAbsolutePath().toString();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampAFreshlyBuiltDatabaseAndPrintOfflineSql(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            // The app's tables exist already (made by hand or an older deployment): stamp, do not migrate.
            String script = retort(db, dir, "upgrade", "--sql", "--dialect", kind == Kind.SQLITE ? "sqlite" : "postgresql")
                    .out();
            for (String statement : script.split(";\n")) {
                if (statement.contains("CREATE TABLE \"users\"") || statement.contains("CREATE TABLE \"messages\"")) {
                    db.execute(statement.substring(statement.indexOf("CREATE TABLE")));
                }
            }
            assertEquals("base (no revision applied)\n", retort(db, dir, "current").out());
            retort(db, dir, "stamp", "753d9557b07b");
            assertEquals("753d9557b07b\n", retort(db, dir, "current").out());
            assertTrue(retort(db, dir, "upgrade").out().contains("is now at c4e8a1f35b70 (head)."));

            String sql = retort(db, dir, "downgrade", "--sql", "c4e8a1f35b70:2b6f0c1d9e4a").out();
            assertTrue(sql.contains("UPDATE \"retort_version\" SET version_num = '2b6f0c1d9e4a' WHERE version_num ="
                    + " 'c4e8a1f35b70';"), sql);
            Path file = dir.resolve("up.sql");
            Files.writeString(file, retort(db, dir, "upgrade", "--sql", "753d9557b07b:head").out());
            assertTrue(Files.readString(file).startsWith("-- Retort "), "a script to hand to the DBA");
        }
    }

    private static Cli retort(TestDatabase db, Path dir, String... args) {
        var all = new ArrayList<>(List.of("--classpath", CLASSES, "--url", db.url()));
        all.addAll(List.of(args));
        Cli cli = Cli.in(dir, Map.of(), "", all.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }
}
