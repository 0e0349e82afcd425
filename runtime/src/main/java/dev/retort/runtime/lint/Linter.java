package dev.retort.runtime.lint;

import dev.retort.AllowLint;
import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.dsl.Ops;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.index.RevisionInfo;
import dev.retort.lint.LintRule.Severity;
import dev.retort.runtime.index.MigrationSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code retort lint}: each upgrade of a range of revisions, checked against the rules, running nothing. */
public final class Linter {

    private Linter() {
    }

    /**
     * The findings of the upgrades from {@code rows} (the database's version rows; empty for every
     * revision) to the heads, in the order they would run.
     *
     * @param dialect the database the rules of one database are checked for
     */
    public static List<Finding> lint(MigrationSet migrations, List<String> rows, String dialect, LintSettings settings) {
        return lint(migrations, rows, dialect, settings, table -> null);
    }

    /** What the database tells of a table an op touches: its row count, for a SQLite rebuild; {@code null} for nothing. */
    @FunctionalInterface
    public interface TableFacts {
        String of(dev.retort.schema.TableName table);
    }

    /** As {@link #lint(MigrationSet, List, String, LintSettings)}, each SQLite rebuild told its table's rows. */
    public static List<Finding> lint(MigrationSet migrations, List<String> rows, String dialect, LintSettings settings,
            TableFacts facts) {
        Plan plan = migrations.graph().upgrade(rows, "heads");
        var revisions = new ArrayList<String>(plan.steps().size());
        for (Step step : plan.steps()) {
            revisions.add(step.revision());
        }
        return lintRevisions(migrations, revisions, dialect, settings, facts);
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
        List<String> newestFirst = migrations.graph().history(text.contains(":") ? text : text + ":" + text, rows);
        var oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The findings of these revisions' upgrades, in the order given. */
    public static List<Finding> lintRevisions(MigrationSet migrations, List<String> revisions, String dialect,
            LintSettings settings, TableFacts facts) {
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
            for (RevisionLint.Hit hit : RevisionLint.of(ops.recorded(), dialect)) {
                Severity severity = settings.severity(hit.rule());
                if (severity != Severity.OFF) {
                    String detail = hit.rule() == dev.retort.lint.LintRule.SQLITE_REBUILD && hit.table() != null
                            ? facts.of(hit.table()) : null;
                    findings.add(new Finding(revision.id(), revision.className(), hit.op().describe(), hit.rule(), severity,
                            allowed.get(hit.rule().id()), detail));
                }
            }
        }
        return findings;
    }
}
