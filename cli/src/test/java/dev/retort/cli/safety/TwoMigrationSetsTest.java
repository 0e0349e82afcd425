package dev.retort.cli.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.RetortConfig;
import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two migration sets in one database, each with its own version table (an application and a
 * library): each keeps its own history, so neither sees the other's revisions as unknown, and
 * {@code validate --strict} passes for both.
 */
class TwoMigrationSetsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachVersionTableKeepsItsOwnHistory(Kind kind, @TempDir Path dir) throws Exception {
        var app = Fixtures.compile(dir.resolve("app"), Fixtures.migration("app", "AppUsers", "app00001").message("users")
                .upgrade("op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));").toString());
        var lib = Fixtures.compile(dir.resolve("lib"), Fixtures.migration("lib", "LibJobs", "lib00001").message("jobs")
                .upgrade("op.createTable(\"jobs\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));").toString());
        try (var db = TestDatabase.create(kind, dir)) {
            String appCp = app.classes().toString();
            String libCp = lib.classes().toString();
            ok("--classpath", appCp, "--url", db.url(), "upgrade");
            ok("--classpath", libCp, "--url", db.url(), "--version-table", "lib_version", "upgrade");

            for (List<String> set : List.of(List.of("--classpath", appCp), List.of("--classpath", libCp,
                    "--version-table", "lib_version"))) {
                Cli validate = Cli.run(with(set, "--url", db.url(), "validate", "--strict"));
                assertEquals(0, validate.exitCode(), set + ": " + validate);
                assertEquals("Every applied revision matches the code.\n", validate.out(), validate.toString());
                Cli strictUpgrade = Cli.run(with(set, "--url", db.url(), "upgrade", "--strict"));
                assertEquals(0, strictUpgrade.exitCode(), set + ": " + strictUpgrade);
            }
            assertEquals(List.of("app00001|upgrade"), db.strings("SELECT revision || '|' || direction FROM retort_history"));
            assertEquals(List.of("lib00001|upgrade"), db.strings("SELECT revision || '|' || direction FROM lib_history"));
        }
    }

    @Test
    void theHistoryTableFollowsTheVersionTable() {
        assertEquals("retort_history", RetortConfig.historyTableFor("retort_version"));
        assertEquals("lib_history", RetortConfig.historyTableFor("lib_version"));
        assertEquals("alembic_history", RetortConfig.historyTableFor("alembic_version"));
        assertEquals("schema_migrations_history", RetortConfig.historyTableFor("schema_migrations"));
        var config = dev.retort.runtime.Retort.configure().url("sqlite://").versionTable("lib_version").config();
        assertEquals("lib_history", config.historyTable().name());
        assertTrue(dev.retort.runtime.Retort.configure().url("sqlite://").versionTable("lib_version")
                .historyTable("shared_history").config().historyTable().name().equals("shared_history"));
    }

    private static void ok(String... args) {
        Cli cli = Cli.run(args);
        assertEquals(0, cli.exitCode(), cli.toString());
    }

    private static String[] with(List<String> first, String... more) {
        var all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
