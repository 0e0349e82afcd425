package dev.retort.cli.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Checksums follow the ops, not the source text; validate and --strict report what changed. */
class ValidateTest {

    private static final String SECOND = Fixtures.migration("Second", "v1000002").revises("v1000001")
            .upgrade("op.addColumn(\"users\", \"email\", TEXT);").toString();

    private static String first(String body) {
        return Fixtures.migration("First", "v1000001").message("users").upgrade(body).toString();
    }

    @Test
    void reformattingChangesNothingAndChangingAnOpIsReported(@TempDir Path dir) throws Exception {
        var original = Fixtures.compile(dir.resolve("original"), first(
                "op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()).column(\"name\", TEXT));"),
                SECOND);
        var reformatted = Fixtures.compile(dir.resolve("reformatted"), first(
                "String table = \"users\";\n        op.createTable(table,\n            spec -> spec\n"
                        + "                .column(\"id\", BIGINT, column -> column.primaryKey())\n"
                        + "                .column(\"name\", TEXT)); // same ops, other text"),
                SECOND);
        var changed = Fixtures.compile(dir.resolve("changed"), first(
                "op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()).column(\"name\", varchar(80)));"),
                SECOND);
        var longer = Fixtures.compile(dir.resolve("longer"), first(
                "op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()).column(\"name\", TEXT));"),
                SECOND, Fixtures.migration("Third", "v1000003").revises("v1000002")
                        .upgrade("op.createIndex(\"ix_users_email\", \"users\", \"email\");").toString());
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            assertEquals(0, cli(original, db, "upgrade").exitCode());

            Cli same = cli(reformatted, db, "validate", "--strict");
            assertEquals(0, same.exitCode(), same.toString());
            assertEquals("Every applied revision matches the code.\n", same.out());

            Cli warned = cli(changed, db, "validate");
            assertEquals(0, warned.exitCode(), warned.toString());
            assertTrue(warned.out().startsWith("warning: revision v1000001 (users) changed since it was applied on "),
                    warned.toString());
            assertTrue(warned.out().contains("put the change in a new revision, or stamp if the database already matches"
                    + " it"), warned.toString());
            Cli strict = cli(changed, db, "validate", "--strict");
            assertEquals(4, strict.exitCode(), strict.toString());
            assertEquals("retort: error: 1 applied revision(s) differ from the code (--strict)\n", strict.err());

            Cli upgradeStrict = cli(changed, db, "upgrade", "--strict");
            assertEquals(4, upgradeStrict.exitCode(), upgradeStrict.toString());
            assertTrue(upgradeStrict.err().contains("nothing ran (strict)"), upgradeStrict.toString());

            assertEquals(0, cli(longer, db, "upgrade").exitCode());
            Cli unknown = cli(original, db, "validate", "--strict");
            assertEquals(4, unknown.exitCode(), unknown.toString());
            assertTrue(unknown.out().contains("warning: revision v1000003 is in the version table but in none of the"
                    + " migrations on the class path"), unknown.toString());
            assertEquals(List.of("1"), db.strings("SELECT count(DISTINCT checksum) FROM retort_history WHERE revision ="
                    + " 'v1000001'"), "one checksum for the one applied upgrade");
        }
    }

    @Test
    void anUpgradeWithStepsToRunWarnsAboutChangedRevisions(@TempDir Path dir) throws Exception {
        var original = Fixtures.compile(dir.resolve("original"), first(
                "op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));"));
        var changedWithMore = Fixtures.compile(dir.resolve("changed"), first(
                "op.createTable(\"users\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()).column(\"x\", TEXT));"), SECOND);
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            assertEquals(0, cli(original, db, "upgrade").exitCode());
            Cli up = cli(changedWithMore, db, "upgrade");
            assertEquals(0, up.exitCode(), up.toString());
            assertTrue(up.out().startsWith("warning: revision v1000001 (users) changed since it was applied on "), up.toString());
            assertTrue(up.out().contains("[1/1] upgrade   v1000001 -> v1000002"), up.toString());
        }
    }

    /**
     * A run prepares each step just before it runs, so validate is where a step that cannot be
     * prepared shows up front: the downgrade of an applied revision, the upgrade of a pending one.
     * A run reaching it commits the steps before it and stops there, naming it; so does offline SQL.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void validateReportsUpFrontTheStepsARunWouldStopAt(Kind kind, @TempDir Path dir) throws Exception {
        var chain = Fixtures.compile(dir.resolve("chain"),
                Fixtures.migration("First", "w1000001").message("first")
                        .upgrade("op.createTable(\"first_t\", t -> t.column(\"id\", BIGINT));").toString(),
                Fixtures.migration("Second", "w1000002").revises("w1000001").message("second")
                        .upgrade("op.createTable(\"second_t\", t -> t.column(\"id\", BIGINT));")
                        .downgrade("op.createTable(\"broken_t\", t -> t.column(\"id\", BIGINT).column(\"id\", BIGINT));")
                        .toString(),
                Fixtures.migration("Third", "w1000003").revises("w1000002").message("third")
                        .upgrade("op.createTable(\"third_t\", t -> t.column(\"id\", BIGINT));").toString(),
                Fixtures.migration("Fourth", "w1000004").revises("w1000003").message("fourth")
                        .upgrade("throw new IllegalStateException(\"not written yet\");").toString());
        String brokenDowngrade = "revision w1000002 (fx.Second) downgrade() failed before any of its statements ran:"
                + " java.lang.IllegalArgumentException: table broken_t declares column id twice";
        String brokenUpgrade = "revision w1000004 (fx.Fourth) upgrade() failed before any of its statements ran:"
                + " java.lang.IllegalStateException: not written yet";
        try (var db = TestDatabase.create(kind, dir)) {
            assertEquals(0, cli(chain, db, "upgrade", "w1000003").exitCode());

            Cli warned = cli(chain, db, "validate");
            assertEquals(0, warned.exitCode(), warned.toString());
            assertEquals("warning: the downgrade of revision w1000002 (second) cannot be prepared: " + brokenDowngrade
                    + "; a downgrade past it reverts the revisions above it and stops there until the migration is"
                    + " fixed\n"
                    + "warning: the upgrade of revision w1000004 (fourth) cannot be prepared: " + brokenUpgrade
                    + "; an upgrade applies the revisions before it and stops there until the migration is fixed\n",
                    warned.out());
            Cli strict = cli(chain, db, "validate", "--strict");
            assertEquals(4, strict.exitCode(), strict.toString());
            assertEquals("retort: error: 1 upgrade(s) cannot be prepared (--strict)\n", strict.err(),
                    "the broken downgrade is a warning: many histories are irreversible on purpose");

            Cli offline = cli(chain, db, "downgrade", "--sql", "w1000003:base");
            assertEquals(1, offline.exitCode(), offline.toString());
            assertEquals("retort: error: " + brokenDowngrade + "\n", offline.err(), "the whole script is prepared first");

            Cli down = cli(chain, db, "downgrade", "base");
            assertEquals(1, down.exitCode(), down.toString());
            assertEquals("retort: error: " + brokenDowngrade + "\n", down.err());
            assertTrue(down.out().contains("[1/3] downgrade w1000003 -> w1000002, third"), down.toString());
            assertEquals(List.of("w1000002"), db.versionRows());
            assertTrue(!db.tableExists("third_t") && db.tableExists("second_t") && !db.tableExists("broken_t"));

            Cli up = cli(chain, db, "upgrade");
            assertEquals(1, up.exitCode(), up.toString());
            assertEquals("retort: error: " + brokenUpgrade + "\n", up.err());
            assertTrue(up.out().contains("[1/2] upgrade   w1000002 -> w1000003, third"), up.toString());
            assertEquals(List.of("w1000003"), db.versionRows());
        }
    }

    private static Cli cli(Fixtures.Compiled chain, TestDatabase db, String... args) {
        var all = new java.util.ArrayList<>(List.of("--classpath", chain.classes().toString(), "--url", db.url()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }
}
