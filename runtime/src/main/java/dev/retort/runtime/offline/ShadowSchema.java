package dev.retort.runtime.offline;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Plan;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.jdbc.Drivers;
import dev.retort.runtime.ops.PreparedStep;
import dev.retort.runtime.ops.StepPreparer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema as earlier migrations leave it, replayed on an empty in-memory SQLite database, for
 * rendering without the real one: a step whose SQL depends on the table as it stands (a SQLite
 * rebuild) runs here, and the statements it ran are the ones to print. The shadow holds only the
 * rows that earlier migrations' own SQL inserted, never the real database's.
 *
 * <p>Java data migrations ({@code run(...)}) are skipped while replaying (they change rows, not
 * the schema); in printed steps they are refused, as SQL cannot hold Java, unless the caller
 * asks for them as comments.
 */
public final class ShadowSchema implements AutoCloseable {

    private final Connection connection;
    private final Dialect dialect;
    private final StepPreparer preparer;

    private ShadowSchema(Connection connection, Dialect dialect, StepPreparer preparer) {
        this.connection = connection;
        this.dialect = dialect;
        this.preparer = preparer;
    }

    /** A shadow at {@code revisions} (version rows; empty for base), replayed from base. */
    public static ShadowSchema at(MigrationSet migrations, Dialect dialect, RenderContext context, List<String> revisions) {
        if (!dialect.name().equals("sqlite")) {
            throw new IllegalArgumentException("a shadow schema replays SQLite migrations; " + dialect.name()
                    + " renders without one");
        }
        Connection connection;
        try {
            connection = Drivers.sqliteInMemory();
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite's driver could not open a database in memory", e);
        }
        var shadow = new ShadowSchema(connection, dialect, new StepPreparer(migrations, dialect, context));
        try {
            if (!revisions.isEmpty()) {
                Plan replay = migrations.graph().upgrade(List.of(), revisions);
                for (PreparedStep step : shadow.preparer.prepare(replay)) {
                    shadow.run(step, false);
                }
            }
            return shadow;
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    /**
     * The statements of each step of {@code plan}, applied to the shadow in turn.
     *
     * @param javaAsComments whether a Java data migration becomes a {@code -- run(...)} comment
     *     rather than an error
     */
    public List<List<String>> statements(Plan plan, boolean javaAsComments) {
        return render(plan, javaAsComments).stream().map(RenderedStep::statements).toList();
    }

    /** Each step of {@code plan} with the statements it ran on the shadow, applied in turn. */
    public List<RenderedStep> render(Plan plan, boolean javaAsComments) {
        var all = new ArrayList<RenderedStep>();
        for (PreparedStep step : preparer.prepare(plan)) {
            all.add(new RenderedStep(step, run(step, true, javaAsComments)));
        }
        return all;
    }

    private List<String> run(PreparedStep step, boolean printed) {
        return run(step, printed, false);
    }

    private List<String> run(PreparedStep step, boolean printed, boolean javaAsComments) {
        var statements = new ArrayList<String>();
        String current = null;
        try (Dialect.AutoCloseableSql restore = dialect.prepareStep(connection, step.actions())) {
            for (Action action : step.actions()) {
                if (action instanceof Action.Sql sql) {
                    current = sql.sql();
                    execute(sql.sql());
                    statements.add(sql.sql());
                } else if (action instanceof Action.Rows rows) {
                    if (printed) {
                        statements.addAll(offline(step, rows));
                    }
                    current = rows.sql();
                    rows.insert(connection);
                } else if (action instanceof Action.Code code) {
                    if (printed && javaAsComments) {
                        statements.add("-- run(\"" + code.description() + "\"): Java, run online only");
                    } else if (printed) {
                        try {
                            code.offline(); // throws, naming the data migration
                        } catch (RetortException e) {
                            throw new RetortException(e.code(), "revision " + step.revision().id() + ": " + e.getMessage(), e);
                        }
                    }
                } else {
                    ((Action.Live) action).run(connection, sql -> {
                        execute(sql);
                        statements.add(sql);
                    });
                }
            }
        } catch (SQLException e) {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, "revision " + step.revision().id() + " fails when replayed on"
                    + " an empty schema to render SQL without the database (" + e.getMessage().strip()
                    + (current == null ? "" : "; statement: " + current) + "); render it against the database instead", e);
        }
        return statements;
    }

    /** The rows as literals; a value none can carry fails naming the revision. */
    private static List<String> offline(PreparedStep step, Action.Rows rows) {
        try {
            return rows.offline();
        } catch (RetortException e) {
            throw new RetortException(e.code(), "revision " + step.revision().id() + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The shadow's connection, for reading what the replay left (its catalog). */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // An in-memory database has nothing to lose on a failed close.
        }
    }
}
