package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.lint.LintRule;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort lint}: a line per finding, exit 1 for an error nobody exempted, the rules of the
 * database at hand, severities from retort.properties, and only what the database has not run.
 */
class LintTest {

    @TempDir
    static Path classes;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(classes,
                Fixtures.migration("Users", "l1000001").message("users").upgrade("op.createTable(\"users\", t -> t"
                        + ".column(\"id\", BIGINT, c -> c.primaryKey()).column(\"email\", TEXT).column(\"age\", INTEGER));"
                        + "op.createTable(\"legacy\", t -> t.column(\"id\", BIGINT));").toString(),
                Fixtures.migration("DropEmail", "l1000002").revises("l1000001").message("drop email")
                        .upgrade("op.dropColumn(\"users\", \"email\"); op.createIndex(\"ix_users_age\", \"users\", \"age\");")
                        .toString(),
                Fixtures.migration("DropLegacy", "l1000003").revises("l1000002").message("drop legacy")
                        .upgrade("op.dropTable(\"legacy\");").toString()
                        .replace("public final class DropLegacy", "@dev.retort.AllowLint(rule = \"drop-table\", reason ="
                                + " \"legacy was emptied in release 3\")\npublic final class DropLegacy"));
    }

    private static Cli lint(Path dir, String url, String... args) {
        var all = new java.util.ArrayList<>(List.of("--classpath", chain.classes().toString(), "--url", url));
        all.addAll(List.of(args));
        return Cli.in(dir, Map.of(), "", all.toArray(String[]::new));
    }

    private static String line(String revision, String migration, String op, LintRule rule, String severity) {
        return "revision " + revision + " (" + migration + "): " + op + ": " + rule.id() + " (" + severity + "): "
                + rule.why() + "; instead: " + rule.instead();
    }

    @Test
    void everyFindingIsALineAndAnErrorFails(@TempDir Path dir) throws Exception {
        String url = "sqlite:///" + dir.resolve("app.db");
        Cli all = lint(dir, url, "lint", "--all");
        assertEquals(1, all.exitCode(), all.toString());
        assertEquals(List.of(line("l1000002", "DropEmail", "dropColumn(users.email)", LintRule.DROP_COLUMN, "error"),
                "revision l1000003 (DropLegacy): dropTable(legacy): drop-table (error) allowed: legacy was emptied in"
                        + " release 3"), all.out().lines().toList());
        assertEquals("retort: error: 1 lint error(s); change the migration as the line says, or exempt it with"
                + " @AllowLint(rule = \"…\", reason = \"…\")\n", all.err());
        assertTrue(!Files.exists(dir.resolve("app.db")), "--all opens no database");

        Cli postgres = lint(dir, url, "lint", "--all", "--dialect", "postgresql");
        assertEquals(List.of(line("l1000002", "DropEmail", "dropColumn(users.email)", LintRule.DROP_COLUMN, "error"),
                line("l1000002", "DropEmail", "createIndex(ix_users_age on users)", LintRule.INDEX_NOT_CONCURRENT, "warning"),
                line("l1000002", "DropEmail", "dropColumn(users.email)", LintRule.NO_LOCK_TIMEOUT, "warning"),
                "revision l1000003 (DropLegacy): dropTable(legacy): drop-table (error) allowed: legacy was emptied in"
                        + " release 3",
                line("l1000003", "DropLegacy", "dropTable(legacy)", LintRule.NO_LOCK_TIMEOUT, "warning")),
                postgres.out().lines().toList());

        Cli safe = lint(dir, url, "lint", "--all", "--dialect", "postgresql", "--online-safe", "5");
        assertEquals(List.of(line("l1000002", "DropEmail", "dropColumn(users.email)", LintRule.DROP_COLUMN, "error"),
                "revision l1000003 (DropLegacy): dropTable(legacy): drop-table (error) allowed: legacy was emptied in"
                        + " release 3"), safe.out().lines().toList(), "rendered online-safe, the locking rules are met");

        Cli json = lint(dir, url, "lint", "--all", "--json");
        assertEquals(1, json.exitCode());
        assertTrue(json.out().contains("\"rule\":\"drop-column\",\"severity\":\"error\""), json.toString());
        assertTrue(json.out().contains("\"allowed\":\"legacy was emptied in release 3\""), json.toString());
    }

    @Test
    void severitiesComeFromRetortPropertiesAndABadOneIsNamed(@TempDir Path dir) throws Exception {
        String url = "sqlite:///" + dir.resolve("app.db");
        Files.writeString(dir.resolve("retort.properties"), "lint.drop-column=warning\n");
        Cli relaxed = lint(dir, url, "lint", "--all");
        assertEquals(0, relaxed.exitCode(), relaxed.toString());
        assertTrue(relaxed.out().startsWith("revision l1000002 (DropEmail): dropColumn(users.email): drop-column (warning)"),
                relaxed.toString());

        Files.writeString(dir.resolve("retort.properties"), "lint.drop-colum=off\n");
        Cli bad = lint(dir, url, "lint", "--all");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().startsWith("retort: error: retort.properties: lint.drop-colum names no lint rule; the rules"
                + " are drop-table, drop-column,"), bad.toString());
        Cli upgrade = lint(dir, url, "upgrade");
        assertEquals(2, upgrade.exitCode(), "every command refuses the file, as any unknown key: " + upgrade);
        assertTrue(upgrade.err().startsWith("retort: error: retort.properties: lint.drop-colum names no lint rule"),
                upgrade.toString());
        Files.writeString(dir.resolve("retort.properties"), "lint.drop-column=fatal\n");
        assertEquals("retort: error: retort.properties: lint.drop-column is 'fatal'; write error, warning or off\n",
                lint(dir, url, "lint", "--all").err());
    }

    @Test
    void withoutAllOnlyWhatTheDatabaseHasNotRun(@TempDir Path dir) throws Exception {
        try (var db = TestDatabase.sqlite(dir.resolve("app.db"))) {
            assertEquals(0, lint(dir, db.url(), "upgrade", "l1000002").exitCode());
            Cli pending = lint(dir, db.url(), "lint");
            assertEquals(0, pending.exitCode(), pending.toString());
            assertEquals(List.of("revision l1000003 (DropLegacy): dropTable(legacy): drop-table (error) allowed: legacy"
                    + " was emptied in release 3"), pending.out().lines().toList());
            assertEquals(0, lint(dir, db.url(), "upgrade").exitCode());
            assertEquals("No findings.\n", lint(dir, db.url(), "lint").out());
        }
    }

    /** RANGE as history -r takes it, both ends included, or one revision; no database unless it says current. */
    @Test
    void aRangeOrOneRevision(@TempDir Path dir) throws Exception {
        String url = "sqlite:///" + dir.resolve("app.db");
        String dropEmail = line("l1000002", "DropEmail", "dropColumn(users.email)", LintRule.DROP_COLUMN, "error");
        String dropLegacy = "revision l1000003 (DropLegacy): dropTable(legacy): drop-table (error) allowed: legacy was"
                + " emptied in release 3";
        Cli one = lint(dir, url, "lint", "l1000002");
        assertEquals(1, one.exitCode(), one.toString());
        assertEquals(List.of(dropEmail), one.out().lines().toList());
        assertEquals(List.of(dropEmail), lint(dir, url, "lint", ":l1000002").out().lines().toList());
        assertEquals(List.of(dropEmail, dropLegacy), lint(dir, url, "lint", "l1000002:").out().lines().toList());
        Cli last = lint(dir, url, "lint", "l1000003:heads");
        assertEquals(0, last.exitCode(), last.toString());
        assertEquals(List.of(dropLegacy), last.out().lines().toList());
        assertTrue(!Files.exists(dir.resolve("app.db")), "a range without current opens no database");

        try (var db = TestDatabase.sqlite(dir.resolve("app.db"))) {
            assertEquals(0, lint(dir, db.url(), "upgrade", "l1000002").exitCode());
            assertEquals(List.of(dropEmail, dropLegacy), lint(dir, db.url(), "lint", "current:").out().lines().toList());
        }

        Cli both = lint(dir, url, "lint", "l1000002", "--all");
        assertEquals(2, both.exitCode(), both.toString());
        assertEquals("retort: error: lint takes a RANGE or --all, not both; --all is base:heads\n", both.err());
        Cli unknown = lint(dir, url, "lint", "nosuch:");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("nosuch"), unknown.toString());
    }

    /** On PostgreSQL too, lint reads what the database has run, and the PostgreSQL rules apply by the URL. */
    @Test
    void onPostgresqlOnlyWhatTheDatabaseHasNotRun(@TempDir Path dir) throws Exception {
        try (var db = TestDatabase.postgres()) {
            assertEquals(0, lint(dir, db.url(), "upgrade", "l1000002").exitCode());
            Cli pending = lint(dir, db.url(), "lint");
            assertEquals(0, pending.exitCode(), pending.toString());
            assertEquals(List.of("revision l1000003 (DropLegacy): dropTable(legacy): drop-table (error) allowed: legacy"
                    + " was emptied in release 3", line("l1000003", "DropLegacy", "dropTable(legacy)", LintRule.NO_LOCK_TIMEOUT,
                    "warning")), pending.out().lines().toList());
        }
    }
}
