package dev.retort.runtime;

import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.RowChange;
import dev.retort.graph.Step;
import dev.retort.runtime.dialect.ThisProcess;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.jdbc.HistoryStore;
import dev.retort.runtime.jdbc.VersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code stamp}: the version table written to say where the database is, with history rows, and nothing run. */
final class Stamper {

    private final Connection connection;
    private final VersionStore versions;
    private final HistoryStore history;
    private final StepListener listener;
    private String databaseUser;

    Stamper(Connection connection, VersionStore versions, HistoryStore history, StepListener listener) {
        this.connection = connection;
        this.versions = versions;
        this.history = history;
        this.listener = listener;
    }

    /** Writes a stamp's row changes and history rows in one transaction; nothing else runs. */
    RunResult stamp(Plan plan, boolean purge) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        databaseUser = connection.getMetaData().getUserName();
        var results = new ArrayList<StepResult>();
        connection.setAutoCommit(false);
        try {
            if (!versions.exists(connection)) {
                versions.create(connection);
            }
            if (!history.exists(connection)) {
                history.create(connection);
            } else {
                history.addProgressColumns(connection);
            }
            if (purge) {
                versions.clear(connection);
            }
            for (int i = 0; i < plan.steps().size(); i++) {
                Step step = plan.steps().get(i);
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                versions.apply(connection, step.rowChanges());
                history.record(connection, new HistoryEntry(0, step.revision(), step.direction().label(), null,
                        databaseUser, ThisProcess.user(), ThisProcess.host(), started, Instant.now(),
                        (System.nanoTime() - t0) / 1_000_000, true, Retort.version()));
                results.add(new StepResult(step.revision(), "", step.direction(), replacedRows(step),
                        step.revision().equals("base") ? List.of() : List.of(step.revision()), step.headsAfter(), 0,
                        Duration.ofNanos(System.nanoTime() - t0)));
            }
            if (plan.steps().isEmpty() && !Validator.unfinished(history.read(connection)).isEmpty()) {
                settle(plan.headsAfter(), results);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        for (int i = 0; i < results.size(); i++) {
            listener.finished(results.get(i), i + 1, results.size());
        }
        return new RunResult(plan.direction(), plan.headsBefore(), plan.headsAfter(), results);
    }

    /**
     * A stamp to where the database already is, when a step was left part-done: the user made the
     * schema match these revisions by hand (undid what ran), and the stamp row says so, which
     * settles the record.
     */
    private void settle(List<String> heads, List<StepResult> results) throws SQLException {
        for (String head : heads.isEmpty() ? List.of("base") : heads) {
            Instant now = Instant.now();
            history.record(connection, new HistoryEntry(0, head, Direction.STAMP.label(), null, databaseUser,
                    ThisProcess.user(), ThisProcess.host(), now, now, 0, true, Retort.version()));
            List<String> at = head.equals("base") ? List.of() : List.of(head);
            results.add(new StepResult(head, "settles the step an earlier run left part-done", Direction.STAMP, at, at,
                    heads, 0, Duration.ZERO));
        }
    }

    /** The rows a stamp step took away. */
    private static List<String> replacedRows(Step step) {
        var rows = new ArrayList<String>();
        for (RowChange change : step.rowChanges()) {
            if (change instanceof RowChange.Delete d) {
                rows.add(d.revision());
            } else if (change instanceof RowChange.Update u) {
                rows.add(u.from());
            }
        }
        return rows;
    }
}
