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
            assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(List.of("t2"), db.versionRows());
            assertFalse(db.tableExists("three"));
        }
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
            assertThrows(RetortException.class, () -> retort.upgrade("head"));
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
            assertTrue(e.getMessage().contains("failed outside a transaction (transactional = false), so its statements"
                    + " before the failing one stay applied; fix the migration and run upgrade again, or repair the schema"
                    + " by hand and stamp it"), e.getMessage());
            assertEquals(List.of("f1"), db.versionRows());
            assertTrue(db.tableExists("half"), "the statement before the failing one stays");
            // f2's start row (written before its first statement, duration -1), then its failure.
            assertEquals(List.of("f1|1|end", "f2|0|start", "f2|0|end"), db.strings("SELECT revision || '|' || "
                    + (kind == Kind.SQLITE ? "success" : "CAST(success AS INTEGER)")
                    + " || '|' || CASE WHEN duration_ms < 0 THEN 'start' ELSE 'end' END FROM retort_history ORDER BY id"));
            assertEquals(List.of("f2"), retort.unfinished().stream().map(h -> h.revision()).toList());

            broken.set(false);
            retort.upgrade("head");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("the upgrade of revision f2 failed outside a transaction on "), warnings.get(0));
            assertEquals(List.of("f2"), db.versionRows());
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
            assertTrue(current.out().startsWith("warning: the upgrade of revision g1000002 failed outside a transaction on "),
                    current.toString());
            assertTrue(current.out().contains("fix the migration and run upgrade again, or make the schema match a revision"
                    + " by hand and stamp it"), current.toString());
            assertTrue(current.out().contains("g1000001"), current.toString());
        }
    }
}
