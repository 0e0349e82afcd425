package dev.retort.runtime.offline;

import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.runtime.TransactionMode;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.jdbc.HistoryStore;
import dev.retort.runtime.jdbc.VersionStore;
import dev.retort.runtime.ops.PreparedStep;
import dev.retort.runtime.ops.StepPreparer;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as a SQL script, written without a database: the statements each migration runs, in
 * the order and the transactions they run in online, with the version table's DDL (when the
 * script starts at base) and changes, and the history rows. SQLite table rebuilds are rendered on
 * a shadow schema replayed from earlier migrations. A migration with Java in it cannot be
 * printed: the script fails naming the revision.
 */
public final class OfflineSql {

    private final MigrationSet migrations;
    private final Dialect dialect;
    private final RenderContext context;
    private final VersionStore versions;
    private final HistoryStore history;
    private final TransactionMode mode;
    private final String retortVersion;

    public OfflineSql(MigrationSet migrations, Dialect dialect, RenderContext context, VersionStore versions,
            HistoryStore history, TransactionMode mode, String retortVersion) {
        this.migrations = migrations;
        this.dialect = dialect;
        this.context = context;
        this.versions = versions;
        this.history = history;
        this.mode = mode;
        this.retortVersion = retortVersion;
    }

    /**
     * The script of {@code plan}, which starts from the version rows {@code from}.
     *
     * @param title what the script does, for its first line
     */
    public String script(Plan plan, List<String> from, String title) {
        var out = header(title);
        List<String> setup = setup(plan, from);
        List<RenderedStep> steps = render(plan, from);
        boolean open = false;
        boolean first = true;
        for (RenderedStep rendered : steps) {
            PreparedStep step = rendered.step();
            // On MySQL every step runs as a non-transactional one does: its DDL commits by itself.
            boolean transactional = !step.outsideTransaction() && dialect.transactionalDdl();
            if (open && (!transactional || mode == TransactionMode.PER_MIGRATION)) {
                out.append("COMMIT;\n");
                open = false;
            }
            out.append('\n').append("-- ").append(step.step().direction().label()).append(' ').append(step.revision().id())
                    .append(step.revision().message().isEmpty() ? "" : ": " + oneLine(step.revision().message()))
                    .append('\n');
            if (!open && transactional) {
                if (rebuilds(step)) {
                    // Inside a transaction the pragma does nothing; with foreign keys on, a rebuild's DROP would cascade.
                    out.append("PRAGMA foreign_keys = OFF;\n");
                }
                out.append("BEGIN;\n");
                open = true;
            }
            if (first) {
                setup.forEach(sql -> statement(out, sql));
                first = false;
            }
            if (!transactional) {
                // As online: the start is recorded first, so a script stopped part-way shows a failed step.
                statement(out, history.recordSql(step.revision().id(), step.step().direction().label(), step.checksum(),
                        retortVersion, false));
            }
            rendered.statements().forEach(sql -> statement(out, sql));
            if (!transactional) {
                out.append("BEGIN;\n");
            }
            versions.applySql(step.step().rowChanges()).forEach(sql -> statement(out, sql));
            if (transactional) {
                statement(out, history.recordSql(step.revision().id(), step.step().direction().label(), step.checksum(),
                        retortVersion, true));
            } else {
                // As online: the start row becomes the step's end.
                statement(out, history.finishSql(step.revision().id(), step.step().direction().label()));
                out.append("COMMIT;\n");
            }
        }
        if (open) {
            out.append("COMMIT;\n");
        }
        return out.toString();
    }

    /** The script of a stamp plan: the version rows and history rows only. */
    public String stampScript(Plan plan, List<String> from, boolean purge, String title) {
        var out = header(title);
        List<String> setup = setup(plan, from);
        out.append('\n').append("BEGIN;\n");
        setup.forEach(sql -> statement(out, sql));
        if (purge) {
            statement(out, versions.clearSql());
        }
        for (Step step : plan.steps()) {
            versions.applySql(step.rowChanges()).forEach(sql -> statement(out, sql));
            statement(out, history.recordSql(step.revision(), step.direction().label(), null, retortVersion, true));
        }
        out.append("COMMIT;\n");
        return out.toString();
    }

    private StringBuilder header(String title) {
        var out = new StringBuilder();
        out.append("-- Retort ").append(retortVersion).append(": ").append(title).append(" (").append(dialect.name())
                .append(")\n");
        out.append(switch (dialect.name()) {
            case "sqlite" -> "-- Apply with: sqlite3 DATABASE < THIS_FILE\n";
            case "mysql" -> "-- Apply with: mariadb DATABASE < THIS_FILE (or mysql); each DDL statement commits by itself\n";
            default -> "-- Apply with: psql -v ON_ERROR_STOP=1 -f THIS_FILE\n";
        });
        dialect.sessionSetupSql().forEach(sql -> statement(out, sql));
        return out;
    }

    /** Retort's own tables, created by the first step when the script starts at base (as online). */
    private List<String> setup(Plan plan, List<String> from) {
        return from.isEmpty() && !plan.steps().isEmpty() ? List.of(versions.createSql(), history.createSql()) : List.of();
    }

    private List<RenderedStep> render(Plan plan, List<String> from) {
        if (dialect.name().equals("sqlite")) {
            try (var shadow = ShadowSchema.at(migrations, dialect, context, from)) {
                return shadow.render(plan, false);
            }
        }
        var steps = new ArrayList<RenderedStep>();
        for (PreparedStep step : new StepPreparer(migrations, dialect, context).prepare(plan)) {
            var statements = new ArrayList<String>();
            for (Action action : step.actions()) {
                try {
                    statements.addAll(action.offline());
                } catch (dev.retort.RetortException e) {
                    throw new dev.retort.RetortException(e.code(), "revision " + step.revision().id() + ": "
                            + e.getMessage(), e);
                }
            }
            steps.add(new RenderedStep(step, statements));
        }
        return steps;
    }

    private static boolean rebuilds(PreparedStep step) {
        return step.actions().stream().anyMatch(a -> a instanceof Action.Live live && live.needsForeignKeysOff());
    }

    private static void statement(StringBuilder out, String sql) {
        out.append(sql.strip());
        if (!sql.strip().startsWith("--")) {
            out.append(';');
        }
        out.append('\n');
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
