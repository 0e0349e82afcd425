package dev.retort.runtime;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.ops.StepPreparer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the database's version and history tables with the migrations on the class path. */
final class Validator {

    private Validator() {
    }

    static ValidationReport validate(MigrationSet migrations, StepPreparer preparer, List<String> rows,
            List<HistoryEntry> history) {
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
        Set<String> applied = graph.ancestors(known);
        for (String id : graph.topologicalOrder()) {
            HistoryEntry entry = lastUpgrade.get(id);
            if (applied.contains(id) && entry != null) {
                String now = preparer.upgradeChecksum(id);
                if (!now.equals(entry.checksum())) {
                    changed.add(new ValidationReport.Changed(id, graph.get(id).message(), entry.checksum(), now,
                            entry.startedAt()));
                }
            }
        }
        return new ValidationReport(changed, unknown, unfinished(history));
    }

    /** Failed steps (only a migration outside a transaction leaves one) not followed by a success of the same step. */
    static List<HistoryEntry> unfinished(List<HistoryEntry> history) {
        var open = new ArrayList<HistoryEntry>();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry failed = history.get(i);
            if (failed.success()) {
                continue;
            }
            boolean redone = history.subList(i + 1, history.size()).stream().anyMatch(later -> later.success()
                    && later.revision().equals(failed.revision()) && later.direction().equals(failed.direction()));
            if (!redone) {
                open.add(failed);
            }
        }
        return open;
    }
}
