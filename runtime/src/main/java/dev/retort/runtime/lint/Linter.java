package dev.retort.runtime.lint;

import dev.retort.AllowLint;
import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.OnlineSafe;
import dev.retort.RetortException;
import dev.retort.dsl.Ops;
import dev.retort.graph.Step;
import dev.retort.index.RevisionInfo;
import dev.retort.lint.LintRule;
import dev.retort.lint.LintRule.Severity;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code retort lint}: each upgrade of a range of revisions, checked against the rules, running nothing. */
public final class Linter {

    private Linter() {
    }

    /** What the database tells of a table an op touches: its row count, for a SQLite rebuild; {@code null} for nothing. */
    @FunctionalInterface
    public interface TableFacts {
        String of(TableName table);

        TableFacts NONE = table -> null;

        /** Each table's rows as the database counts them now ({@code 12,408 rows}); nothing for one not there yet. */
        static TableFacts rowCounts(Connection connection, Dialect dialect) {
            return table -> {
                try (var s = connection.createStatement();
                        var r = s.executeQuery("SELECT count(*) FROM " + dialect.qualify(table))) {
                    r.next();
                    return String.format(Locale.ROOT, "%,d rows", r.getLong(1));
                } catch (SQLException e) {
                    return null; // a table a pending revision creates first has no rows to count
                }
            };
        }
    }

    /** Whether an end of the range is the database's current revision ({@code current}, {@code current+1}). */
    public static boolean readsCurrent(String range) {
        for (String end : range.split(":", -1)) {
            String e = end.strip();
            if (e.equals("current") || e.startsWith("current+") || e.startsWith("current-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * How the revisions are checked.
     *
     * @param dialect the database whose own rules apply
     * @param onlineSafeRun whether the run renders PostgreSQL's DDL online-safe ({@code --online-safe}),
     *     which takes care of the locking rules for every migration, as {@code @OnlineSafe} does for one
     * @param naming how unnamed constraints are named: the online-safe rendering validates a constraint by its name
     */
    public record Context(String dialect, LintSettings settings, boolean onlineSafeRun, NamingConvention naming,
            TableFacts facts) {

        /** The plain rendering, the Alembic naming convention, and no database. */
        public static Context of(String dialect, LintSettings settings) {
            return new Context(dialect, settings, false, NamingConvention.alembic(), TableFacts.NONE);
        }

        public Context withFacts(TableFacts tableFacts) {
            return new Context(dialect, settings, onlineSafeRun, naming, tableFacts);
        }
    }

    /** The revisions the upgrades from {@code rows} (the database's version rows; empty for every revision) to the heads run, in order. */
    public static List<String> pending(MigrationSet migrations, List<String> rows) {
        var revisions = new ArrayList<String>();
        for (Step step : migrations.graph().upgrade(rows, "heads").steps()) {
            revisions.add(step.revision());
        }
        return revisions;
    }

    /**
     * The revisions of a range, oldest first, as {@code retort lint RANGE} checks them: {@code from:to}
     * as {@code history -r} takes it (either side may be empty: base, heads; both ends included),
     * or one revision alone.
     *
     * @param rows the database's version rows, for a range that says {@code current}
     */
    public static List<String> range(MigrationSet migrations, String range, List<String> rows) {
        String text = range.strip();
        var revisions = new ArrayList<>(migrations.graph().history(text.contains(":") ? text : text + ":" + text, rows));
        Collections.reverse(revisions);
        return revisions;
    }

    /** The findings of the upgrades from {@code rows} to the heads, in the order they would run. */
    public static List<Finding> lint(MigrationSet migrations, List<String> rows, String dialect, LintSettings settings) {
        return lint(migrations, pending(migrations, rows), Context.of(dialect, settings));
    }

    /** The findings of these revisions' upgrades, in the order given. */
    public static List<Finding> lint(MigrationSet migrations, List<String> revisions, Context context) {
        var findings = new ArrayList<Finding>();
        for (String id : revisions) {
            RevisionInfo revision = migrations.graph().get(id);
            Migration migration = migrations.newMigration(revision.id());
            var ops = new Ops();
            try {
                migration.upgrade(ops);
            } catch (RuntimeException e) {
                throw new RetortException(ErrorCode.MIGRATION_CODE_FAILED, "revision " + revision.id() + " ("
                        + revision.className() + ") upgrade() failed while it was recorded for lint: " + e, e);
            }
            Map<String, String> allowed = new HashMap<>();
            for (AllowLint allow : migration.getClass().getAnnotationsByType(AllowLint.class)) {
                allowed.put(allow.rule(), allow.reason());
            }
            boolean onlineSafe = context.onlineSafeRun() || migration.getClass().isAnnotationPresent(OnlineSafe.class);
            NamingConvention naming = onlineSafe ? context.naming() : null;
            for (RevisionLint.Hit hit : RevisionLint.of(ops.recorded(), context.dialect(), revision.transactional(),
                    naming)) {
                Severity severity = context.settings().severity(hit.rule());
                if (severity != Severity.OFF) {
                    String detail = hit.rule() == LintRule.SQLITE_REBUILD && hit.table() != null
                            ? context.facts().of(hit.table()) : null;
                    findings.add(new Finding(revision.id(), revision.className(), hit.op().describe(), hit.rule(), severity,
                            allowed.get(hit.rule().id()), detail));
                }
            }
        }
        return findings;
    }
}
