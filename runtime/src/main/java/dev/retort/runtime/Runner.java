package dev.retort.runtime;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.ThisProcess;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.jdbc.HistoryStore;
import dev.retort.runtime.jdbc.VersionStore;
import dev.retort.runtime.ops.PreparedStep;
import dev.retort.runtime.ops.StepPreparer;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares and executes a plan's steps on one connection: each migration in its own transaction
 * with its version-table change and history row, so a failure leaves every earlier step applied
 * and nothing of the failing one.
 */
final class Runner {

    private static final System.Logger LOG = System.getLogger(Runner.class.getName());
    private static final int SHOWN_SQL = 300;

    private final Connection connection;
    private final Dialect dialect;
    private final VersionStore versions;
    private final HistoryStore history;
    private final StepListener listener;
    private final LockRetry retry;
    private String databaseUser;
    /** The statement (or Java work) running now, named when it fails. */
    private String current;

    Runner(Connection connection, Dialect dialect, VersionStore versions, HistoryStore history, StepListener listener) {
        this.connection = connection;
        this.dialect = dialect;
        this.versions = versions;
        this.history = history;
        this.listener = listener;
        this.retry = new LockRetry(connection, dialect, () -> current);
    }

    /**
     * Runs the plan's steps: each transactional migration in its own transaction, or, in
     * {@link TransactionMode#ALL}, every run of transactional migrations in one; a migration
     * declared {@code transactional = false} always alone, outside any.
     *
     * <p>Each transaction's steps are prepared just before it begins (as Alembic runs each step
     * it can): a migration that cannot record or render its ops fails with the preparer's error,
     * after the steps before it committed and before anything of its own transaction ran.
     */
    RunResult run(Plan plan, StepPreparer preparer, TransactionMode mode, Unfinished unfinished) throws SQLException {
        mode.requireSupportedBy(dialect, preparer.onlineSafeRun());
        if (dialect.rendersOnlineSafe()) {
            preparer = preparer.knowing(this::refusesOnlineSafe);
        }
        long t0 = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        databaseUser = connection.getMetaData().getUserName();
        List<Step> steps = plan.steps();
        var results = new ArrayList<StepResult>();
        try {
            boolean tablesMissing = !versions.exists(connection) || !history.exists(connection);
            if (!tablesMissing) {
                history.addProgressColumns(connection);
            }
            int i = 0;
            while (i < steps.size()) {
                boolean createTables = tablesMissing && i == 0;
                if (preparer.outsideTransaction(steps.get(i)) || !dialect.transactionalDdl()
                        || unfinished.partDone(steps.get(i))) {
                    PreparedStep step = preparer.prepare(steps.get(i));
                    listener.starting(step.revision().id(), step.revision().message(), i + 1, steps.size());
                    StepResult result = runStatementByStatement(step, createTables, unfinished.resumeAt(step));
                    results.add(result);
                    listener.finished(result, i + 1, steps.size());
                    i++;
                    continue;
                }
                int end = i + 1;
                while (mode == TransactionMode.ALL && end < steps.size() && !preparer.outsideTransaction(steps.get(end))
                        && !unfinished.partDone(steps.get(end))) {
                    end++;
                }
                // All of a transaction's actions are needed before it begins: SQLite turns foreign keys off outside it.
                List<PreparedStep> group = steps.subList(i, end).stream().map(preparer::prepare).toList();
                List<StepResult> done = runInTransaction(group, i, steps.size(), createTables, mode);
                for (int k = 0; k < done.size(); k++) {
                    results.add(done.get(k));
                    listener.finished(done.get(k), i + k + 1, steps.size());
                }
                i = end;
            }
        } catch (SQLException | RuntimeException e) {
            logCommittedBeforeFailure(plan, results);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        logRun(plan, results, t0);
        return new RunResult(plan.direction(), plan.headsBefore(), plan.headsAfter(), results);
    }

    /** Steps in one transaction with their version-row changes and history rows: all of them or none. */
    private List<StepResult> runInTransaction(List<PreparedStep> group, int before, int total, boolean createTables,
            TransactionMode mode) throws SQLException {
        connection.setAutoCommit(true);
        var results = new ArrayList<StepResult>(group.size());
        List<Action> actions = group.stream().flatMap(step -> step.actions().stream()).toList();
        try (Dialect.AutoCloseableSql restore = dialect.prepareStep(connection, actions)) {
            connection.setAutoCommit(false);
            PreparedStep step = group.get(0);
            try {
                if (createTables) {
                    createMissingTables();
                }
                for (int k = 0; k < group.size(); k++) {
                    step = group.get(k);
                    listener.starting(step.revision().id(), step.revision().message(), before + k + 1, total);
                    Instant started = Instant.now();
                    long t0 = System.nanoTime();
                    int executed = perform(step);
                    versions.apply(connection, step.step().rowChanges());
                    history.record(connection, entry(step, started, t0, true));
                    results.add(result(step, t0, executed));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                throw failure(step, current, e, group.size() == 1 ? "and was rolled back"
                        : "and the run's transaction (" + group.size() + " revisions, --transaction-mode all) was rolled"
                                + " back whole");
            } finally {
                connection.setAutoCommit(true); // the step's connection settings come back outside any transaction
            }
        }
        if (mode == TransactionMode.ALL && group.size() > 1) {
            LOG.log(Level.INFO, "committed {0} revisions in one transaction", group.size());
        }
        return results;
    }

    /**
     * A step outside any transaction: a migration declared {@code transactional = false}
     * ({@code CREATE INDEX CONCURRENTLY}), or any migration on a database whose DDL commits by
     * itself (MySQL). Its history row is written first and moved on before each statement, so a
     * failure or a crash leaves exactly how far it got; data statements between DDL run in
     * transactions with that progress. Then the version row changes, and the row becomes the
     * step's end, in one transaction.
     */
    private StepResult runStatementByStatement(PreparedStep step, boolean createTables, HistoryEntry.Progress resume)
            throws SQLException {
        if (createTables) {
            connection.setAutoCommit(false);
            createMissingTables();
            connection.commit();
        }
        connection.setAutoCommit(true);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        var progress = new StatementProgress(step.actions(), resume);
        long startRow = history.start(connection, new HistoryEntry(0, step.revision().id(), step.step().direction().label(),
                step.checksum(), databaseUser, ThisProcess.user(), ThisProcess.host(), started, started,
                HistoryEntry.STARTED, false, Retort.version(), progress.current()));
        int executed = 0;
        try (Dialect.AutoCloseableSql restore = dialect.prepareStep(connection, step.actions())) {
            executed += perform(progress.sessionSettingsDone());
            boolean sent = false;
            while (!progress.finished()) {
                List<Action> next = progress.nextRun();
                if (next.size() == 1 && !StatementProgress.isData(next.get(0))) {
                    history.progress(connection, startRow, progress.current(), true);
                    executed += step.onlineSafe() ? retry.statement(next.get(0) instanceof Action.Sql sql ? sql.sql()
                            : null, () -> perform(next)) : perform(next);
                    progress.ran(next.size());
                    sent = true;
                } else {
                    if (sent) {
                        // The statement before committed: say so before data that may roll back.
                        history.progress(connection, startRow, progress.current(), false);
                    }
                    // Data between DDL: the statements and the progress past them commit together.
                    LockRetry.Attempt data = () -> {
                        int ran = 0;
                        for (int k = 0; k < next.size(); k++) {
                            progress.attempting(k);
                            ran += perform(next.subList(k, k + 1));
                        }
                        return ran;
                    };
                    if (step.onlineSafe()) {
                        executed += retry.transaction(data);
                    } else {
                        connection.setAutoCommit(false);
                        executed += data.run();
                    }
                    progress.ran(next.size());
                    history.progress(connection, startRow, progress.current(), false);
                    connection.commit();
                    connection.setAutoCommit(true);
                    sent = false;
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) {
                rollback(e);
                connection.setAutoCommit(true);
            }
            try {
                dialect.resetSession(connection);
            } catch (SQLException reset) {
                e.addSuppressed(reset);
            }
            history.finish(connection, startRow, entry(step, started, t0, false).withProgress(progress.current()));
            throw failure(step, current, e, progress.failureNote() + dialect.leftBehindBy(current));
        }
        connection.setAutoCommit(false);
        try {
            versions.apply(connection, step.step().rowChanges());
            history.finish(connection, startRow, entry(step, started, t0, true).withProgress(progress.current()));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw failure(step, null, e, "after its statements ran, while recording it");
        }
        return result(step, t0, executed);
    }

    private boolean refusesOnlineSafe(dev.retort.schema.TableName table) {
        try {
            return dialect.refusesOnlineSafe(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell whether " + table + " is partitioned: " + e.getMessage(), e);
        }
    }

    /** Runs the step's actions; returns how many statements ran. {@link #current} names the one running. */
    private int perform(PreparedStep step) throws SQLException {
        return perform(step.actions());
    }

    private int perform(List<Action> actions) throws SQLException {
        int count = 0;
        for (Action action : actions) {
            if (action instanceof Action.Sql sql) {
                execute(sql.sql());
                count++;
            } else if (action instanceof Action.Rows rows) {
                current = rows.sql() + " (" + rows.rows().size() + " rows, values bound)";
                LOG.log(Level.DEBUG, current);
                count += rows.insert(connection);
                current = null;
            } else if (action instanceof Action.Code code) {
                current = "run(\"" + code.description() + "\")";
                code.work().run(connection);
                current = null;
            } else {
                var live = (Action.Live) action;
                LOG.log(Level.DEBUG, live.description());
                int[] ran = {0};
                live.run(connection, sql -> {
                    execute(sql);
                    ran[0]++;
                });
                count += ran[0];
            }
        }
        current = null;
        return count;
    }

    private void createMissingTables() throws SQLException {
        if (!versions.exists(connection)) {
            versions.create(connection);
        }
        if (!history.exists(connection)) {
            history.create(connection);
        }
    }

    private void execute(String sql) throws SQLException {
        current = sql;
        LOG.log(Level.DEBUG, sql);
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
        current = null; // a later failure that is no statement's (a check after them) names none
    }

    /** An upgrade moves from the parents to the revision, a downgrade back, as Alembic logs them. */
    private StepResult result(PreparedStep step, long t0, int statements) {
        List<String> revision = List.of(step.revision().id());
        List<String> parents = step.revision().revises();
        boolean up = step.step().direction() == Direction.UPGRADE;
        var result = new StepResult(step.revision().id(), step.revision().message(), step.step().direction(),
                up ? parents : revision, up ? revision : parents, step.step().headsAfter(), statements,
                Duration.ofNanos(System.nanoTime() - t0));
        LOG.log(Level.DEBUG, () -> describe(result));
        return result;
    }

    private static String describe(StepResult result) {
        return result.direction().label() + " " + shown(result.from()) + " -> " + shown(result.to()) + ", "
                + result.message() + " (" + result.duration().toMillis() + " ms)";
    }

    /** What a failed run left committed, at INFO too: each step's own line is DEBUG. */
    private static void logCommittedBeforeFailure(Plan plan, List<StepResult> results) {
        if (!results.isEmpty()) {
            StepResult last = results.get(results.size() - 1);
            LOG.log(Level.INFO, () -> plan.direction().label() + " " + shown(plan.headsBefore()) + " -> "
                    + shown(last.headsAfter()) + ": " + results.size() + (results.size() == 1 ? " revision" : " revisions")
                    + " committed before the run failed");
        }
    }

    /**
     * One line for the run, as Flyway's "Successfully applied": each step's own line is DEBUG,
     * since a logged line costs a cold process about a millisecond of CPU (bench/README.md,
     * StartBench) and an application's start log wants the outcome, not 200 lines.
     */
    private static void logRun(Plan plan, List<StepResult> results, long t0) {
        if (results.size() == 1) {
            LOG.log(Level.INFO, () -> describe(results.get(0)));
        } else if (!results.isEmpty()) {
            LOG.log(Level.INFO, () -> plan.direction().label() + " " + shown(plan.headsBefore()) + " -> "
                    + shown(plan.headsAfter()) + ": " + results.size() + " revisions in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    static String shown(List<String> revisions) {
        return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
    }

    private HistoryEntry entry(PreparedStep step, Instant started, long t0, boolean success) {
        Instant ended = Instant.now();
        return new HistoryEntry(0, step.revision().id(), step.step().direction().label(), step.checksum(), databaseUser,
                ThisProcess.user(), ThisProcess.host(), started, ended, (System.nanoTime() - t0) / 1_000_000, success,
                Retort.version());
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static RetortException failure(PreparedStep step, String statement, Exception e, String what) {
        String message = step.revision().message().isEmpty() ? "" : " (" + step.revision().message() + ")";
        String cause = e instanceof RetortException r ? r.getMessage() : oneLine(e.getMessage());
        String sql = statement == null ? "" : "; statement: " + shown(statement);
        ErrorCode code = e instanceof RetortException r ? r.code() : ErrorCode.MIGRATION_FAILED;
        return new RetortException(code, step.step().direction().label() + " of revision " + step.revision().id() + message
                + " failed " + what + ": " + cause + sql, e);
    }

    /** Database messages span lines (PostgreSQL adds "Position: 15"); errors are one line. */
    static String oneLine(String text) {
        return text == null ? "(no message)" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** A statement as a log line or message shows it: one line, cut short. */
    static String shown(String sql) {
        return shorten(oneLine(String.valueOf(sql)));
    }

    private static String shorten(String sql) {
        return sql.length() <= SHOWN_SQL ? sql : sql.substring(0, SHOWN_SQL) + "…";
    }
}
