package dev.retort.runtime;

import dev.retort.RetortException;
import dev.retort.graph.Direction;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.ops.StepPreparer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the database's version and history tables with the migrations on the class path. */
final class Validator {

    private Validator() {
    }

    /**
     * The report, from the version and history tables as read.
     *
     * @param dryRun also prepare (record and render, running nothing) the downgrade of every
     *     applied revision and the upgrade of every pending one, as {@code validate} does: a run
     *     prepares each step only just before it runs, so this is where such a step shows up front
     */
    static ValidationReport validate(MigrationSet migrations, StepPreparer preparer, List<String> rows,
            List<HistoryEntry> history, boolean dryRun) {
        RevisionGraph graph = migrations.graph();
        var unknown = new ArrayList<ValidationReport.Unknown>();
        var known = new ArrayList<String>();
        for (String row : rows) {
            if (graph.contains(row)) {
                known.add(row);
            } else {
                unknown.add(new ValidationReport.Unknown(row, "version table"));
            }
        }
        Set<String> unknownInHistory = new LinkedHashSet<>();
        Map<String, HistoryEntry> lastUpgrade = new HashMap<>();
        for (HistoryEntry entry : history) {
            if (!graph.contains(entry.revision())) {
                if (!rows.contains(entry.revision())) {
                    unknownInHistory.add(entry.revision());
                }
            } else if (entry.success() && "upgrade".equals(entry.direction()) && entry.checksum() != null) {
                lastUpgrade.put(entry.revision(), entry);
            }
        }
        unknownInHistory.forEach(id -> unknown.add(new ValidationReport.Unknown(id, "history table")));
        var changed = new ArrayList<ValidationReport.Changed>();
        var unprepared = new ArrayList<ValidationReport.Unprepared>();
        Set<String> applied = graph.ancestors(known);
        for (String id : graph.topologicalOrder()) {
            HistoryEntry entry = lastUpgrade.get(id);
            if (applied.contains(id) && entry != null) {
                try {
                    String now = preparer.upgradeChecksum(id);
                    if (!now.equals(entry.checksum())) {
                        changed.add(new ValidationReport.Changed(id, graph.get(id).message(), entry.checksum(), now,
                                entry.startedAt()));
                    }
                } catch (RetortException e) {
                    unprepared.add(unprepared(graph, id, Direction.UPGRADE, true, e));
                }
            }
            if (dryRun) {
                Direction direction = applied.contains(id) ? Direction.DOWNGRADE : Direction.UPGRADE;
                try {
                    preparer.check(direction, id);
                } catch (RetortException e) {
                    unprepared.add(unprepared(graph, id, direction, applied.contains(id), e));
                }
            }
        }
        return new ValidationReport(changed, unknown, unprepared, unfinished(history));
    }

    private static ValidationReport.Unprepared unprepared(RevisionGraph graph, String id, Direction direction,
            boolean applied, RetortException e) {
        return new ValidationReport.Unprepared(id, graph.get(id).message(), direction, applied, e.code(),
                Runner.oneLine(e.getMessage()));
    }

    /**
     * Steps that failed (or were started and have not finished: a migration outside a transaction
     * records its start first) and have not succeeded since, the latest row of each. A stamp
     * settles them all: it is how a user says where a half-done database really is.
     */
    static List<HistoryEntry> unfinished(List<HistoryEntry> history) {
        Map<String, HistoryEntry> open = new LinkedHashMap<>();
        for (HistoryEntry entry : history) {
            if (entry.direction().equals("stamp")) {
                open.clear();
                continue;
            }
            String step = entry.direction() + " " + entry.revision();
            open.remove(step);
            if (!entry.success()) {
                open.put(step, entry);
            }
        }
        return List.copyOf(open.values());
    }
}
