package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The naming convention from {@code retort.properties} ({@code naming-convention}, {@code naming.*})
 * and {@code --naming-convention}, reaching offline scripts, online runs and {@code check}.
 */
class NamingConventionCliTest {

    @TempDir
    static Path fixtures;
    static String classes;

    /** users with an unnamed primary key and unique column; posts with an unnamed foreign key to it. */
    @BeforeAll
    static void compile() {
        classes = Fixtures.compile(fixtures,
                Fixtures.migration("Users", "n1000001").message("users").upgrade("op.createTable(\"users\", t -> t"
                        + ".column(\"id\", BIGINT, c -> c.primaryKey())"
                        + ".column(\"email\", varchar(255), c -> c.notNull().unique()));").toString(),
                Fixtures.migration("Posts", "n1000002").revises("n1000001").message("posts").upgrade("op.createTable("
                        + "\"posts\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey())"
                        + ".column(\"user_id\", BIGINT, c -> c.references(\"users\", \"id\")));").toString())
                .classes().toString();
    }

    @Test
    void alembicNamesAreTheDefault(@TempDir Path dir) throws Exception {
        String script = offline(dir, "").out();
        assertTrue(script.contains("CONSTRAINT \"pk_users\" PRIMARY KEY"), script);
        assertTrue(script.contains("CONSTRAINT \"uq_users_email\" UNIQUE"), script);
    }

    @Test
    void theFileLeavesConstraintsToTheDatabase(@TempDir Path dir) throws Exception {
        assertDatabaseNames(offline(dir, "naming-convention=database\n"));
    }

    @Test
    void theOptionLeavesConstraintsToTheDatabaseBeforeOrAfterTheCommand(@TempDir Path dir) throws Exception {
        assertDatabaseNames(offline(dir, "", "--naming-convention", "database"));
        assertDatabaseNames(Cli.in(dir, Map.of(), "", "--classpath", classes, "--naming-convention", "database",
                "upgrade", "--sql", "--dialect", "postgresql"));
    }

    @Test
    void theOptionWinsOverTheFile(@TempDir Path dir) throws Exception {
        assertDatabaseNames(offline(dir, "naming-convention=alembic\n", "--naming-convention", "database"));
        String alembic = offline(dir, "naming-convention=database\n", "--naming-convention", "alembic").out();
        assertTrue(alembic.contains("CONSTRAINT \"pk_users\" PRIMARY KEY"), alembic);
    }

    @Test
    void aTemplateInTheFileReplacesOneKind(@TempDir Path dir) throws Exception {
        Cli cli = offline(dir, "naming-convention=database\nnaming.fk=fk_%(table_name)s_%(column_0_name)s\n");
        assertDatabaseNames(cli);
        assertTrue(cli.out().contains("CONSTRAINT \"fk_posts_user_id\" FOREIGN KEY"), cli.toString());

        String none = offline(dir, "naming.pk=none\n").out();
        assertFalse(none.contains("pk_users"), none);
        assertTrue(none.contains("CONSTRAINT \"uq_users_email\" UNIQUE"), "the rest stays alembic's:\n" + none);
    }

    /**
     * Online, each database names the constraints itself; check replays with the same convention
     * and finds no drift, and with another one finds the names differ.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlineTheDatabaseNamesThem(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Files.writeString(dir.resolve(Settings.FILE), "naming-convention=database\nnaming.fk=fk_%(table_name)s_"
                    + "%(column_0_name)s\n");
            Cli up = Cli.in(dir, Map.of(), "", "--classpath", classes, "--url", db.url(), "upgrade");
            assertEquals(0, up.exitCode(), up.toString());
            if (kind == Kind.POSTGRESQL) {
                assertEquals(List.of("fk_posts_user_id", "posts_pkey", "users_email_key", "users_pkey"), db.strings(
                        "SELECT conname FROM pg_constraint WHERE conrelid IN ('" + db.schema() + ".users'::regclass, '"
                                + db.schema() + ".posts'::regclass) ORDER BY conname"));
            } else if (kind == Kind.MARIADB) {
                // MySQL's own names: PRIMARY for keys, the column for a unique key; the foreign key keeps its given name.
                assertEquals(List.of("email", "fk_posts_user_id", "PRIMARY", "PRIMARY"), db.strings("SELECT CONSTRAINT_NAME"
                        + " FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN"
                        + " ('users', 'posts') ORDER BY CONSTRAINT_NAME"));
            } else {
                String tables = String.join("\n", db.strings("SELECT sql FROM sqlite_master WHERE type = 'table'"));
                assertFalse(tables.contains("pk_users") || tables.contains("uq_users"), tables);
                assertTrue(tables.contains("CONSTRAINT \"fk_posts_user_id\""), tables);
            }
            Cli check = Cli.in(dir, Map.of(), "", "--classpath", classes, "--url", db.url(), "check");
            assertEquals(0, check.exitCode(), check.toString());
            Cli alembic = Cli.in(dir, Map.of(), "", "--classpath", classes, "--url", db.url(), "check",
                    "--naming-convention", "alembic");
            assertEquals(1, alembic.exitCode(), "replayed with alembic's names, the database differs: " + alembic);
            assertTrue(alembic.out().contains("unique constraint uq_users_email [email] is in the migrations but not in"
                    + " the database"), alembic.toString());
        }
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheKey(@TempDir Path dir) throws Exception {
        assertBadInput(dir, "naming-convention=foo\n", List.of(), "retort: error: retort.properties: naming-convention:"
                + " no naming convention is called 'foo'; use alembic (pk_%(table_name)s, …; the default) or database");
        assertBadInput(dir, "naming-convention=\n", List.of(), "retort: error: retort.properties: naming-convention is"
                + " empty; give a value or remove the line");
        assertBadInput(dir, "naming.ix=none\n", List.of(), "retort: error: retort.properties: naming.ix cannot be none,"
                + " since an index always has a name; give a template such as ix_%(column_0_label)s, or remove the line");
        assertBadInput(dir, "naming.pk=pk_%(tabel_name)s\n", List.of(), "retort: error: retort.properties: naming.pk:"
                + " unknown token %(tabel_name)s in naming template 'pk_%(tabel_name)s'; use [table_name,");
        assertBadInput(dir, "naming.uq=\n", List.of(), "retort: error: retort.properties: naming.uq is empty");
        assertBadInput(dir, "", List.of("--naming-convention", "foo"), "retort: error: --naming-convention: no naming"
                + " convention is called 'foo'; use alembic");
        assertBadInput(dir, "", List.of("--naming-convention="), "retort: --naming-convention is empty; give a value, or"
                + " leave the option out (see retort --help)");
        assertBadInput(dir, "", List.of("--naming-convention", " "), "retort: --naming-convention is empty");
    }

    @Test
    void everyCommandThatRendersTakesTheOption() {
        for (String command : List.of("upgrade", "downgrade", "check", "reset")) {
            String help = Cli.run(command, "--help").out();
            assertTrue(help.contains("--naming-convention=NAME"), command + ":\n" + help);
        }
    }

    /** Exit 2, one line, before any database is touched (an SQLite file would otherwise be made). */
    private static void assertBadInput(Path dir, String properties, List<String> options, String start) throws Exception {
        Files.writeString(dir.resolve(Settings.FILE), properties);
        var args = new ArrayList<>(List.of("--classpath", classes, "--url", "sqlite:///bad.db", "upgrade"));
        args.addAll(options);
        Cli cli = Cli.in(dir, Map.of(), "", args.toArray(String[]::new));
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().startsWith(start), "expected " + start + "\n" + cli);
        assertEquals(1, cli.err().strip().lines().count(), cli.toString());
        assertFalse(Files.exists(dir.resolve("bad.db")), "nothing written: " + cli);
    }

    private static void assertDatabaseNames(Cli cli) {
        assertEquals(0, cli.exitCode(), cli.toString());
        String script = cli.out();
        assertTrue(script.contains("PRIMARY KEY") && script.contains("UNIQUE"), script);
        assertFalse(script.contains("pk_users") || script.contains("uq_users"), script);
    }

    /** The offline PostgreSQL script of base:head, with these properties and options after the command. */
    private static Cli offline(Path dir, String properties, String... options) throws Exception {
        Files.writeString(dir.resolve(Settings.FILE), properties);
        var args = new ArrayList<>(List.of("--classpath", classes, "upgrade", "--sql", "--dialect", "postgresql"));
        args.addAll(List.of(options));
        Cli cli = Cli.in(dir, Map.of(), "", args.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), cli.toString());
        return cli;
    }
}
