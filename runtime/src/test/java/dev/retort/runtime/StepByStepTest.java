package dev.retort.runtime;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.dsl.Ops;
import dev.retort.graph.Direction;
import dev.retort.graph.Step;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.ops.StepPreparer;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run prepares each step just before it runs, as Alembic does: a revision whose ops cannot be
 * recorded or rendered stops the run at its own step, with the steps before it committed and
 * nothing of it run, failing with the error the preparer gives for that step.
 */
class StepByStepTest {

    private static final String FIRST = "s1000001";
    private static final String SECOND = "s1000002";
    private static final String THIRD = "s1000003";

    /** Ways a migration's ops cannot be turned into statements, and what each fails with. */
    enum Breakage {
        /** Recording throws: the DSL refuses a table with a column declared twice. */
        COLUMN_TWICE(ErrorCode.MIGRATION_CODE_FAILED, "failed before any of its statements ran: java.lang.IllegalArgumentException:"
                + " table broken_t declares column id twice",
                op -> op.createTable("broken_t", t -> t.column("id", BIGINT).column("id", BIGINT))),
        /** The migration's own code throws. */
        THROWS(ErrorCode.MIGRATION_CODE_FAILED, "failed before any of its statements ran: java.lang.IllegalStateException: no way",
                op -> {
                    throw new IllegalStateException("no way");
                }),
        /** The default downgrade of an op that carries no reverse. */
        NO_REVERSE(ErrorCode.IRREVERSIBLE_OP, "INSERT INTO second_t", null),
        /** Recorded, but no SQL literal can carry the default's NUL character: rendering refuses it. */
        NOT_RENDERABLE(ErrorCode.INVALID_OP, "holds a NUL character",
                op -> op.addColumn("second_t", "note", TEXT, c -> c.serverDefault("a\0b"))),
        /** Recorded and rendered, but refused inside the transactional revision it is in. */
        NEEDS_NO_TRANSACTION(ErrorCode.INVALID_OP, "cannot run inside a transaction",
                op -> op.createIndex("ix_second", "second_t", i -> i.columns("id").concurrently()));

        final ErrorCode code;
        final String says;
        final Consumer<Ops> ops;

        Breakage(ErrorCode code, String says, Consumer<Ops> ops) {
            this.code = code;
            this.says = says;
            this.ops = ops;
        }
    }

    static Stream<Arguments> downgrades() {
        return cases(Stream.of(Breakage.values()));
    }

    static Stream<Arguments> upgrades() {
        return cases(Stream.of(Breakage.values()).filter(b -> b != Breakage.NO_REVERSE));
    }

    private static Stream<Arguments> cases(Stream<Breakage> breakages) {
        // MySQL's literals carry a NUL character (\0), and every step there runs outside a transaction:
        // neither breaks a migration on MariaDB.
        return breakages.flatMap(b -> Stream.of(Kind.values())
                .filter(k -> !(k == Kind.MARIADB && (b == Breakage.NOT_RENDERABLE || b == Breakage.NEEDS_NO_TRANSACTION)))
                .map(k -> Arguments.of(k, b)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("downgrades")
    void downgradeRunsTheStepsAboveARevisionThatCannotBePreparedAndStopsThere(Kind kind, Breakage breakage,
            @TempDir Path dir) throws Exception {
        Migration second = breakage == Breakage.NO_REVERSE
                ? op -> {
                    createSecond(op);
                    op.execute("INSERT INTO second_t (id) VALUES (1)");
                }
                : migration(StepByStepTest::createSecond, breakage.ops);
        InlineIndex index = chain(second);
        try (var db = TestDatabase.create(kind, dir)) {
            var heard = new Heard();
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).listener(heard).build();
            retort.upgrade("head");
            heard.finished.clear();
            ValidationReport before = retort.validate();

            var e = assertThrows(RetortException.class, () -> retort.downgrade("base"));

            assertEquals(List.of(new ValidationReport.Unprepared(SECOND, "", Direction.DOWNGRADE, true, breakage.code,
                    e.getMessage())), before.unprepared(), "validate named the step up front, with the run's error");

            assertEquals(breakage.code, e.code(), e.getMessage());
            assertTrue(e.getMessage().startsWith("revision " + SECOND), e.getMessage());
            assertTrue(e.getMessage().contains(breakage.says), e.getMessage());
            assertEquals(preparerError(retort, kind, retort.graph().downgrade(List.of(THIRD), "base").steps().get(1)),
                    e.getMessage(), "the error the preparer gives for the step, as when every step was prepared first");
            assertEquals(List.of(SECOND), db.versionRows(), "the top step committed");
            assertEquals(List.of("downgrade " + THIRD), heard.finished, "the step that ran is reported, and only it");
            assertEquals(List.of(FIRST + " upgrade", SECOND + " upgrade", THIRD + " upgrade", THIRD + " downgrade"),
                    db.strings(historyQuery()), "no history row for the failing step");
            assertTrue(db.tableExists("first_t") && db.tableExists("second_t"), "nothing of the failing step ran");
            assertFalse(db.tableExists("broken_t"));
            assertEquals(List.of("1"), db.strings("SELECT count(*) FROM first_t"), "the rebuilt table kept its row");
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("upgrades")
    void upgradeAppliesTheStepsBeforeARevisionThatCannotBePreparedAndStopsThere(Kind kind, Breakage breakage,
            @TempDir Path dir) throws Exception {
        InlineIndex index = chain(breakage.ops::accept);
        try (var db = TestDatabase.create(kind, dir)) {
            var heard = new Heard();
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).listener(heard).build();

            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));

            assertEquals(breakage.code, e.code(), e.getMessage());
            assertTrue(e.getMessage().startsWith("revision " + SECOND), e.getMessage());
            assertEquals(preparerError(retort, kind, retort.graph().upgrade(List.of(), "head").steps().get(1)),
                    e.getMessage());
            assertEquals(List.of(FIRST), db.versionRows());
            assertEquals(List.of("upgrade " + FIRST), heard.finished);
            assertEquals(List.of(new ValidationReport.Unprepared(SECOND, "", Direction.UPGRADE, false, breakage.code,
                    e.getMessage())), retort.validate().unprepared());
            assertEquals(List.of(FIRST + " upgrade"), db.strings(historyQuery()));
            assertTrue(db.tableExists("first_t"));
            assertFalse(db.tableExists("second_t") || db.tableExists("broken_t") || db.tableExists("third_t"));
        }
    }

    /**
     * A migration outside a transaction that cannot be prepared stops the run before its start
     * row is written, so nothing reports it as half-done; one before it still runs.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNonTransactionalRevisionThatCannotBePreparedLeavesNoStartRow(Kind kind, @TempDir Path dir) throws Exception {
        var index = new InlineIndex()
                .add(FIRST, null, StepByStepTest::createFirst)
                .add(new RevisionInfo(SECOND, List.of(FIRST), "outside", List.of(), List.of(), false, ""),
                        op -> op.execute("CREATE TABLE second_t (id INTEGER)", "DROP TABLE second_t"))
                .add(new RevisionInfo(THIRD, List.of(SECOND), "outside too", List.of(), List.of(), false, ""),
                        Breakage.COLUMN_TWICE.ops::accept);
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            assertEquals(ErrorCode.MIGRATION_CODE_FAILED, e.code());
            assertTrue(e.getMessage().startsWith("revision " + THIRD + " "), e.getMessage());
            assertEquals(List.of(SECOND), db.versionRows());
            assertEquals(List.of(), db.strings("SELECT id FROM retort_history WHERE revision = '" + THIRD + "'"),
                    "neither a start row nor a failure row");
            assertEquals(List.of(), retort.unfinished());
        }
    }

    /**
     * With the whole run in one transaction, that transaction's steps are prepared before it
     * begins: a revision in it that cannot be prepared runs none of them, while a transaction
     * that ended before it (a non-transactional revision ends one) stays committed.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void inOneTransactionTheStepsOfTheFailingTransactionDoNotRun(Kind kind, @TempDir Path dir) throws Exception {
        var index = new InlineIndex()
                .add(FIRST, null, StepByStepTest::createFirst)
                .add(new RevisionInfo(SECOND, List.of(FIRST), "outside", List.of(), List.of(), false, ""),
                        op -> op.execute("CREATE TABLE second_t (id INTEGER)", "DROP TABLE second_t"))
                .add(THIRD, SECOND, op -> op.createTable("third_t", t -> t.column("id", BIGINT)))
                .add("s1000004", THIRD, Breakage.THROWS.ops::accept);
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index))
                    .transactionMode(TransactionMode.ALL).build();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            if (kind == Kind.MARIADB) {
                assertEquals(ErrorCode.BAD_OPTION, e.code());
                assertTrue(e.getMessage().startsWith("--transaction-mode all is refused on mysql: MySQL and MariaDB commit"
                        + " each DDL statement by itself"), e.getMessage());
                assertFalse(db.tableExists("retort_version"), "nothing ran");
                return;
            }
            assertTrue(e.getMessage().startsWith("revision s1000004 "), e.getMessage());
            assertEquals(List.of(SECOND), db.versionRows());
            assertFalse(db.tableExists("third_t"), "prepared with the failing step, so not run");
        }
    }

    /** first_t with a row, then {@code second}, then a constraint on first_t (a table rebuild on SQLite). */
    private static InlineIndex chain(Migration second) {
        return new InlineIndex()
                .add(FIRST, null, StepByStepTest::createFirst)
                .add(SECOND, FIRST, second)
                .add(THIRD, SECOND, op -> op.addConstraint("first_t", c -> c.name("uq_first_name").unique("name")));
    }

    private static void createFirst(Ops op) {
        op.createTable("first_t", t -> t.column("id", BIGINT, c -> c.primaryKey()).column("name", TEXT));
        op.execute("INSERT INTO first_t (id, name) VALUES (1, 'one')", "DELETE FROM first_t");
    }

    private static void createSecond(Ops op) {
        op.createTable("second_t", t -> t.column("id", BIGINT, c -> c.primaryKey()));
    }

    private static Migration migration(Consumer<Ops> upgrade, Consumer<Ops> downgrade) {
        return new Migration() {
            @Override
            public void upgrade(Ops op) {
                upgrade.accept(op);
            }

            @Override
            public void downgrade(Ops op) {
                downgrade.accept(op);
            }
        };
    }

    /** What preparing the step on its own throws: what a run that prepared every step first failed with. */
    private static String preparerError(Retort retort, Kind kind, Step step) {
        var preparer = new StepPreparer(retort.migrations(), Dialects.named(kind.dialect()),
                retort.config().renderContext());
        return assertThrows(RetortException.class, () -> preparer.prepare(step)).getMessage();
    }

    private static String historyQuery() {
        return "SELECT revision || ' ' || direction FROM retort_history ORDER BY id";
    }

    /** The steps the listener heard finish. */
    private static final class Heard implements StepListener {
        final List<String> finished = new ArrayList<>();

        @Override
        public void finished(StepResult step, int number, int total) {
            finished.add(step.direction().label() + " " + step.revision());
        }
    }
}
