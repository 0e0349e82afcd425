package dev.retort.runtime;

import static dev.retort.schema.SqlType.BIGINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration that runs statement by statement (every one on MySQL, {@code transactional = false}
 * elsewhere) records how far it got: a failure leaves the statements before it applied and says
 * exactly which; data statements between DDL commit with the progress or not at all; the next run
 * goes on from the failed statement when the migration still begins with those that ran, and
 * refuses, running nothing, when it does not.
 */
class StatementProgressTest {

    /** p1 makes a table; p2, outside a transaction: DDL, two inserts, DDL, then the statement under test. */
    private static InlineIndex chain(AtomicReference<String> last, AtomicReference<String> first) {
        return new InlineIndex()
                .add("p1", null, op -> op.createTable("base_t", t -> t.column("id", BIGINT, c -> c.primaryKey())))
                .add(new RevisionInfo("p2", List.of("p1"), "five statements", List.of(), List.of(), false, ""), op -> {
                    op.execute(first.get());
                    op.execute("INSERT INTO base_t (id) VALUES (1)");
                    op.execute("INSERT INTO base_t (id) VALUES (2)");
                    op.execute("CREATE TABLE second_t (id INTEGER)");
                    op.execute(last.get());
                });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailureIsRecordedStatementByStatementAndTheFixGoesOnFromIt(Kind kind, @TempDir Path dir) throws Exception {
        var first = new AtomicReference<>("CREATE TABLE first_t (id INTEGER)");
        var last = new AtomicReference<>("INSERT INTO nowhere VALUES (1)");
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(last, first))).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
            assertTrue(e.getMessage().startsWith("upgrade of revision p2 (five statements) failed at statement 5 of 5,"
                    + " outside a transaction, so statements 1-4 stay applied; "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; statement: INSERT INTO nowhere VALUES (1)"), e.getMessage());
            assertEquals(List.of("p1"), db.versionRows());
            assertTrue(db.tableExists("first_t") && db.tableExists("second_t"), "statements 1-4 stay");
            assertEquals(List.of("1", "2"), db.strings("SELECT id FROM base_t ORDER BY id"));

            HistoryEntry failed = retort.unfinished().get(0);
            assertEquals(new HistoryEntry.Progress(5, 4, "INSERT INTO nowhere VALUES (1)", failed.progress().digest()),
                    failed.progress());
            assertFalse(failed.isStart());
            String line = ValidationReport.unfinishedLines(retort.unfinished()).get(0);
            assertTrue(line.startsWith("the upgrade of revision p2 failed on "), line);
            assertTrue(line.endsWith(" at statement 5 of 5 (INSERT INTO nowhere VALUES (1)): statements 1-4 of 5 committed;"
                    + " fix the migration, keeping the statements that ran, and run upgrade again to go on from statement 5,"
                    + " or make the schema match a revision by hand and stamp it"), line);

            // The fix changes the failing statement only: the run goes on from it, and runs nothing twice
            // (statement 1 is a CREATE TABLE that would fail, and the inserts a key that would clash).
            last.set("CREATE TABLE last_t (id INTEGER)");
            retort.upgrade("head");
            assertEquals(List.of("p2"), db.versionRows());
            assertTrue(db.tableExists("last_t"));
            assertEquals(List.of(), retort.unfinished());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dataStatementsRollBackTogetherAndTheProgressWithThem(Kind kind, @TempDir Path dir) throws Exception {
        var first = new AtomicReference<>("CREATE TABLE first_t (id INTEGER)");
        var last = new AtomicReference<>("CREATE TABLE last_t (id INTEGER)");
        try (var db = TestDatabase.create(kind, dir)) {
            db.execute("CREATE TABLE base_t (id BIGINT PRIMARY KEY)");
            db.execute("INSERT INTO base_t (id) VALUES (2)"); // the second insert of p2 clashes with it
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(last, first))).build();
            retort.stamp(List.of("p1"), false);
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertTrue(e.getMessage().contains(" failed at statement 3 of 5, in the transaction of data statements 2-3,"
                    + " which rolled back, so statement 1 stays applied; "), e.getMessage());
            assertEquals(List.of("2"), db.strings("SELECT id FROM base_t ORDER BY id"), "the first insert rolled back too");
            assertEquals(1, retort.unfinished().get(0).progress().done());

            db.execute("DELETE FROM base_t");
            retort.upgrade("head");
            assertEquals(List.of("1", "2"), db.strings("SELECT id FROM base_t ORDER BY id"), "each insert ran once");
            assertEquals(List.of("p2"), db.versionRows());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMigrationThatNoLongerBeginsWithWhatRanIsRefusedAndNothingRuns(Kind kind, @TempDir Path dir) throws Exception {
        var first = new AtomicReference<>("CREATE TABLE first_t (id INTEGER)");
        var last = new AtomicReference<>("INSERT INTO nowhere VALUES (1)");
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(last, first))).build();
            assertThrows(RetortException.class, () -> retort.upgrade("head"));
            String before = db.snapshot();

            first.set("CREATE TABLE first_renamed (id INTEGER)");
            last.set("CREATE TABLE last_t (id INTEGER)");
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.PARTLY_APPLIED, e.code());
            assertTrue(e.getMessage().startsWith("the upgrade of revision p2 failed on "), e.getMessage());
            assertTrue(e.getMessage().endsWith(" at statement 5 of 5, after statements 1-4 had committed, and the migration"
                    + " no longer begins with the statements that ran, so Retort cannot tell where to go on: keep them as"
                    + " they were and change only what comes after" + (kind == Kind.POSTGRESQL ? " (if it stopped"
                    + " while it ran online-safe, give --online-safe again, or keep its @OnlineSafe)" : "") + ", or make the schema match a revision by hand and stamp it; nothing ran now"),
                    e.getMessage());
            assertEquals(before, db.snapshot(), "nothing ran");

            // The way out the message names: the schema is made to match p2 by hand, and stamped.
            db.execute("CREATE TABLE last_t (id INTEGER)");
            retort.stamp(List.of("p2"), false);
            assertEquals(List.of(), retort.unfinished(), "a stamp settles it");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHistoryTableOfAnEarlierRetortGainsTheProgressColumns(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            String timestamp = switch (kind) {
                case SQLITE -> "TEXT";
                case POSTGRESQL -> "TIMESTAMP WITH TIME ZONE";
                case MARIADB -> "DATETIME(6)";
            };
            String key = switch (kind) {
                case SQLITE -> "INTEGER PRIMARY KEY AUTOINCREMENT";
                case POSTGRESQL -> "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
                case MARIADB -> "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
            };
            db.execute("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
            db.execute("CREATE TABLE retort_history (id " + key + ", revision VARCHAR(32) NOT NULL,"
                    + " direction VARCHAR(16) NOT NULL, checksum VARCHAR(64), db_user VARCHAR(128), os_user VARCHAR(128),"
                    + " host VARCHAR(255), started_at " + timestamp + " NOT NULL, ended_at " + timestamp + " NOT NULL,"
                    + " duration_ms BIGINT NOT NULL, success BOOLEAN NOT NULL, retort_version VARCHAR(32) NOT NULL)");
            var first = new AtomicReference<>("CREATE TABLE first_t (id INTEGER)");
            var last = new AtomicReference<>("CREATE TABLE last_t (id INTEGER)");
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(last, first))).build();
            assertTrue(retort.history().stream().allMatch(h -> h.progress() == null), "readable before");
            retort.upgrade("head");
            List<HistoryEntry> history = retort.history();
            assertEquals(List.of("p1", "p2"), history.stream().map(HistoryEntry::revision).toList());
            assertEquals(new HistoryEntry.Progress(5, 5, null, history.get(1).progress().digest()), history.get(1).progress());
            if (kind != Kind.MARIADB) {
                assertNull(history.get(0).progress(), "p1 ran in a transaction");
            }
        }
    }

    /** What decides a statement counts, not only its text: a bulk insert's values, a worked-out statement's op. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChangedValueBeforeTheFailureIsAChangedMigration(Kind kind, @TempDir Path dir) throws Exception {
        var value = new AtomicReference<>("alpha");
        var last = new AtomicReference<>("INSERT INTO nowhere VALUES (1)");
        var index = new InlineIndex()
                .add("v1", null, op -> op.createTable("words", t -> t.column("word", dev.retort.schema.SqlType.varchar(20))))
                .add(new RevisionInfo("v2", List.of("v1"), "", List.of(), List.of(), false, ""), op -> {
                    op.bulkInsert("words", r -> r.columns("word").row(value.get()));
                    op.execute("CREATE TABLE mid_t (id INTEGER)"); // commits the insert before it
                    op.execute(last.get());
                });
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            assertThrows(RetortException.class, () -> retort.upgrade("head"));
            value.set("beta");
            last.set("CREATE TABLE fixed_t (id INTEGER)");
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.PARTLY_APPLIED, e.code(), e.getMessage());
            assertEquals(List.of("alpha"), db.strings("SELECT word FROM words"));
        }
    }

    /** The other way out: undo what ran by hand, stamp the revision before, and the step runs again whole. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void undoneByHandAndStampedWhereItIsTheStepRunsAgainWhole(Kind kind, @TempDir Path dir) throws Exception {
        var first = new AtomicReference<>("CREATE TABLE first_t (id INTEGER)");
        var last = new AtomicReference<>("INSERT INTO nowhere VALUES (1)");
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(last, first))).build();
            assertThrows(RetortException.class, () -> retort.upgrade("head"));
            db.execute("DROP TABLE first_t");
            db.execute("DROP TABLE second_t");
            db.execute("DELETE FROM base_t");
            RunResult stamped = retort.stamp(List.of("p1"), false);
            assertEquals(List.of("settles the step an earlier run left part-done"),
                    stamped.steps().stream().map(StepResult::message).toList());
            assertEquals(List.of(), retort.unfinished(), "the stamp settles it");
            first.set("CREATE TABLE first_t (id INTEGER)");
            last.set("CREATE TABLE last_t (id INTEGER)");
            retort.upgrade("head");
            assertTrue(db.tableExists("first_t") && db.tableExists("last_t"), "from its first statement");
            assertEquals(List.of("p2"), db.versionRows());
        }
    }

    /** PostgreSQL keeps the invalid index of a failed CREATE INDEX CONCURRENTLY, and the error says to drop it. */
    @org.junit.jupiter.api.Test
    void aFailedConcurrentIndexIsNamedAsLeftBehind(@TempDir Path dir) throws Exception {
        var index = new InlineIndex()
                .add("u1", null, op -> {
                    op.createTable("people", t -> t.column("email", dev.retort.schema.SqlType.TEXT));
                    op.execute("INSERT INTO people VALUES ('a'), ('a')");
                })
                .add(new RevisionInfo("u2", List.of("u1"), "", List.of(), List.of(), false, ""),
                        op -> op.createIndex("ux_email", "people", i -> i.columns("email").unique().concurrently()));
        try (var db = TestDatabase.postgres()) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertTrue(e.getMessage().contains("; PostgreSQL keeps the index of a CREATE INDEX CONCURRENTLY that failed,"
                    + " marked invalid: drop it (DROP INDEX CONCURRENTLY …) before the step runs again, if it is there: "), e.getMessage());
        }
    }

    /** A run that goes on makes the session settings of the statements that ran again: they lived in the session that ended. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aRunThatGoesOnMakesTheSessionSettingsAgain(Kind kind, @TempDir Path dir) throws Exception {
        boolean postgres = kind == Kind.POSTGRESQL;
        var first = new AtomicReference<>(postgres ? "SET lock_timeout = '1234ms'" : "SET @retort_seen = 1234");
        var last = new AtomicReference<>("INSERT INTO nowhere VALUES (1)");
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(chain(last, first))).build();
            assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(4, retort.unfinished().get(0).progress().done());
            last.set(postgres ? "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS v"
                    : "CREATE TABLE seen AS SELECT CAST(@retort_seen AS CHAR) AS v");
            retort.upgrade("head");
            assertEquals(List.of(postgres ? "1234ms" : "1234"), db.strings("SELECT v FROM seen"));
        }
    }

    @org.junit.jupiter.api.Test
    void sessionSettingsAreTheSetsThatOutliveATransaction() {
        for (String setting : List.of("SET lock_timeout = '2s'", "  set search_path to app", "RESET lock_timeout",
                "SET SESSION sql_mode = ''", "SET @a = 1", "SET NAMES utf8mb4")) {
            assertTrue(StatementProgress.isSessionSetting(setting), setting);
        }
        for (String other : List.of("SET LOCAL lock_timeout = '2s'", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
                "SET CONSTRAINTS ALL DEFERRED", "SETTLE", "CREATE TABLE t (id INTEGER)", "UPDATE t SET a = 1")) {
            assertFalse(StatementProgress.isSessionSetting(other), other);
        }
    }
}
