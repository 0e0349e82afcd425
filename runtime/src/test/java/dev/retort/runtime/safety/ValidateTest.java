package dev.retort.runtime.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static Cli cli(Fixtures.Compiled chain, TestDatabase db, String... args) {
        var all = new java.util.ArrayList<>(List.of("--classpath", chain.classes().toString(), "--url", db.url()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }
}
