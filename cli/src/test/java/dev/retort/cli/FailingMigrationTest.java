package dev.retort.cli;

import dev.retort.runtime.Chains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Revision 3 of 3 runs a bad statement: 1 and 2 stay applied, nothing of 3 is left, the CLI says why. */
class FailingMigrationTest {

    @TempDir
    static Path fixtures;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(fixtures, Chains.failingThird());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failingRevisionIsRolledBackAndNamed(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Cli cli = Cli.run("--classpath", chain.classes().toString(), "--url", db.url(), "upgrade", "head");

            assertEquals(1, cli.exitCode(), cli.toString());
            String[] errorLines = cli.err().strip().split("\n");
            assertEquals(1, errorLines.length, "one line: " + cli);
            if (kind == TestDatabase.Kind.MARIADB) {
                // MySQL commits DDL by itself: the message says what stays rather than claim a rollback.
                assertTrue(errorLines[0].startsWith("retort: error: upgrade of revision b1000003 (third, which fails) failed"
                        + " at statement 2 of 2, outside a transaction, so statement 1 stays applied; "), cli.toString());
                assertTrue(db.tableExists("third_t"), "MySQL committed the CREATE TABLE before the failing statement");
                assertEquals(List.of("b1000002"), db.versionRows());
                return;
            }
            assertTrue(errorLines[0].startsWith("retort: error: upgrade of revision b1000003 (third, which fails) failed"
                    + " and was rolled back: "), cli.toString());
            assertTrue(errorLines[0].contains("statement: INSERT INTO no_such_table VALUES (1)"), cli.toString());
            assertTrue(cli.out().contains("[2/3] upgrade   b1000001 -> b1000002, second"), cli.toString());

            assertEquals(List.of("b1000002"), db.versionRows());
            assertTrue(db.tableExists("first_t"));
            assertTrue(db.tableExists("second_t"));
            assertFalse(db.tableExists("third_t"), "the failing revision's DDL rolled back with it");
            assertEquals(List.of("b1000001", "b1000002"), db.strings("SELECT revision FROM retort_history ORDER BY id"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failureInTheFirstRevisionLeavesTheDatabaseAsItWas(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        var bad = Fixtures.compile(dir.resolve("bad"), Fixtures.migration("Broken", "c1000001")
                .upgrade("op.createTable(\"t\", t -> t.column(\"id\", BIGINT));op.execute(\"SELECT * FROM nowhere\");")
                .toString());
        try (var db = TestDatabase.create(kind, dir)) {
            String before = db.snapshot();
            Cli cli = Cli.run("--classpath", bad.classes().toString(), "--url", db.url(), "upgrade", "head");
            assertEquals(1, cli.exitCode(), cli.toString());
            if (kind == TestDatabase.Kind.MARIADB) {
                // Retort's tables and the committed CREATE TABLE stay; the history row says how far it got.
                assertTrue(db.tableExists("t"));
                assertEquals(List.of("c1000001|0|1"), db.strings("SELECT CONCAT_WS('|', revision, success, statements_done)"
                        + " FROM retort_history"));
                return;
            }
            assertEquals(before, db.snapshot(), "not even the version table is left behind");
        }
    }
}
