package dev.retort.cli.safety;

import static dev.retort.schema.SqlType.BIGINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.TransactionMode;
import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transaction modes, and what a failure outside a transaction leaves and says. */
class TransactionModeTest {

    private static InlineIndex failingThird() {
        return new InlineIndex()
                .add("t1", null, op -> op.createTable("one", t -> t.column("id", BIGINT, c -> c.primaryKey())))
                .add("t2", "t1", op -> op.createTable("two", t -> t.column("id", BIGINT, c -> c.primaryKey())))
                .add("t3", "t2", op -> {
                    op.createTable("three", t -> t.column("id", BIGINT, c -> c.primaryKey()));
                    op.execute("INSERT INTO nowhere VALUES (1)");
                });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allModeRollsTheWholeRunBack(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            String before = db.snapshot();
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(failingThird()))
                    .transactionMode(TransactionMode.ALL).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            if (kind == Kind.MARIADB) {
                assertRefusedOnMysql(e);
                assertEquals(before, db.snapshot(), "refused before anything ran");
                return;
            }
            assertTrue(e.getMessage().startsWith("upgrade of revision t3 failed and the run's transaction (3 revisions,"
                    + " --transaction-mode all) was rolled back whole: "), e.getMessage());
            assertEquals(before, db.snapshot(), "nothing of t1 and t2 either");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void perMigrationModeKeepsWhatCommitted(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(failingThird())).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(List.of("t2"), db.versionRows());
            if (kind == Kind.MARIADB) {
                // MySQL committed t3's CREATE TABLE by itself: the failure says so rather than claim a rollback.
                assertTrue(db.tableExists("three"));
                assertTrue(e.getMessage().contains("failed at statement 2 of 2, outside a transaction, so statement 1"
                        + " stays applied"), e.getMessage());
            } else {
                assertFalse(db.tableExists("three"));
            }
        }
    }

    private static void assertRefusedOnMysql(RetortException e) {
        assertEquals(ErrorCode.BAD_OPTION, e.code());
        assertTrue(e.getMessage().startsWith("--transaction-mode all is refused on mysql: MySQL and MariaDB commit each"
                + " DDL statement by itself, so no transaction can hold a run"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allModeCommitsAroundANonTransactionalMigration(Kind kind, @TempDir Path dir) throws Exception {
        var index = new InlineIndex()
                .add("n1", null, op -> op.createTable("one", t -> t.column("id", BIGINT, c -> c.primaryKey())))
                .add(new RevisionInfo("n2", List.of("n1"), "", List.of(), List.of(), false, ""),
                        op -> op.createIndex("ix_one", "one", i -> i.columns("id").concurrently()))
                .add("n3", "n2", op -> op.execute("INSERT INTO nowhere VALUES (1)"));
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).transactionMode(TransactionMode.ALL).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            if (kind == Kind.MARIADB) {
                assertRefusedOnMysql(e);
                return;
            }
            assertEquals(List.of("n2"), db.versionRows(), "n1 committed before n2 ran alone; n3 rolled back");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailureOutsideATransactionIsRecordedAndReportedUntilFixed(Kind kind, @TempDir Path dir) throws Exception {
        var broken = new AtomicBoolean(true);
        var index = new InlineIndex()
                .add("f1", null, op -> op.createTable("one", t -> t.column("id", BIGINT, c -> c.primaryKey())))
                .add(new RevisionInfo("f2", List.of("f1"), "backfill", List.of(), List.of(), false, ""), op -> {
                    op.execute("CREATE TABLE IF NOT EXISTS half (id BIGINT)");
                    op.execute(broken.get() ? "INSERT INTO nowhere VALUES (1)" : "INSERT INTO half VALUES (1)");
                });
        try (var db = TestDatabase.create(kind, dir)) {
            var warnings = new java.util.ArrayList<String>();
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index))
                    .listener(new dev.retort.runtime.StepListener() {
                        @Override
                        public void warning(String message) {
                            warnings.add(message);
                        }
                    }).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
            assertTrue(e.getMessage().contains("failed at statement 2 of 2, outside a transaction, so statement 1 stays"
                    + " applied; fix the migration and run it again (Retort goes on from statement 2 when the migration still"
                    + " begins with the statements that ran), or make the schema match a revision by hand and stamp it"),
                    e.getMessage());
            assertEquals(List.of("f1"), db.versionRows());
            assertTrue(db.tableExists("half"), "the statement before the failing one stays");
            // f2's row, written before its first statement and moved on before each, ends as its failure.
            String rows = "SELECT revision || '|' || CASE WHEN success THEN 1 ELSE 0 END || '|' || CASE WHEN duration_ms < 0"
                    + " THEN 'start' ELSE 'end' END || '|' || coalesce(statements_done || '', '-') || '|'"
                    + " || coalesce(next_statement, '-') FROM retort_history ORDER BY id";
            // On MySQL every step runs statement by statement, so f1's row has its progress too.
            String first = kind == Kind.MARIADB ? "f1|1|end|1|-" : "f1|1|end|-|-";
            assertEquals(List.of(first, "f2|0|end|1|INSERT INTO nowhere VALUES (1)"), db.strings(rows));
            assertEquals(List.of("f2"), retort.unfinished().stream().map(h -> h.revision()).toList());

            broken.set(false);
            retort.upgrade("head");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("the upgrade of revision f2 failed on "), warnings.get(0));
            assertTrue(warnings.get(0).contains(" at statement 2 of 2 (INSERT INTO nowhere VALUES (1)): statement 1 of 2"
                    + " committed; fix the migration, keeping the statements that ran, and run upgrade again to go on from"
                    + " statement 2"), warnings.get(0));
            assertEquals(List.of("f2"), db.versionRows());
            assertEquals(List.of(first, "f2|0|end|1|INSERT INTO nowhere VALUES (1)", "f2|1|end|2|-"),
                    db.strings(rows), "the second run went on from statement 2");
            assertEquals(List.of(), retort.unfinished(), "a successful run of the same step clears it");
        }
    }

    @Test
    void currentSaysWhatStateTheDatabaseIsIn(@TempDir Path dir) throws Exception {
        var chain = Fixtures.compile(dir.resolve("classes"),
                Fixtures.migration("First", "g1000001").upgrade("op.createTable(\"one\", t -> t.column(\"id\", BIGINT));")
                        .toString(),
                Fixtures.migration("Second", "g1000002").revises("g1000001").attributes("transactional = false")
                        .message("backfill")
                        .upgrade("op.execute(\"CREATE TABLE half (id BIGINT)\"); op.execute(\"INSERT INTO nowhere VALUES (1)\");")
                        .toString());
        try (var db = TestDatabase.create(Kind.SQLITE, dir)) {
            Cli up = Cli.run("--classpath", chain.classes().toString(), "--url", db.url(), "upgrade");
            assertEquals(1, up.exitCode(), up.toString());
            Cli current = Cli.run("--classpath", chain.classes().toString(), "--url", db.url(), "current");
            assertEquals(0, current.exitCode(), current.toString());
            assertTrue(current.out().startsWith("warning: the upgrade of revision g1000002 failed on "), current.toString());
            assertTrue(current.out().contains(" at statement 2 of 2 (INSERT INTO nowhere VALUES (1)): statement 1 of 2"
                    + " committed; fix the migration, keeping the statements that ran, and run upgrade again to go on from"
                    + " statement 2, or make the schema match a revision by hand and stamp it"), current.toString());
            assertTrue(current.out().contains("g1000001"), current.toString());
        }
    }
}
