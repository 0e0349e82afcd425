package dev.retort.cli;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Retort;
import dev.retort.index.RevisionInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How revisions read on the command line, in Alembic's words, so its users recognise them: one
 * line ({@code a1b2 -> c3d4 (billing) (head), add column}) or, verbose, an entry per revision.
 */
final class Formats {

    private static final String BASE = "base (no revision applied)";

    private final RevisionGraph graph;
    private final Collection<String> current;

    Formats(RevisionGraph graph, Collection<String> current) {
        this.graph = graph;
        this.current = current;
    }

    /**
     * One revision on one line: optionally its parents (and dependencies) in front, its labels,
     * its marks, and optionally its message.
     */
    String line(String id, boolean parents, boolean message) {
        RevisionInfo r = graph.get(id);
        var text = new StringBuilder();
        if (parents) {
            text.append(r.revises().isEmpty() ? "<base>" : String.join(", ", r.revises()));
            if (!r.dependsOn().isEmpty()) {
                text.append(" (").append(String.join(", ", r.dependsOn())).append(')');
            }
            text.append(" -> ");
        }
        text.append(id);
        if (!graph.labels(id).isEmpty()) {
            text.append(" (").append(String.join(", ", graph.labels(id))).append(')');
        }
        text.append(marks(id));
        if (message && !r.message().isEmpty()) {
            text.append(", ").append(r.message());
        }
        return text.toString();
    }

    /** Everything known of one revision, as {@code --verbose} and {@code show} print it. */
    String entry(String id) {
        RevisionInfo r = graph.get(id);
        var text = new StringBuilder("Rev: ").append(id).append(marks(id)).append('\n');
        text.append(r.isMergePoint() ? "Merges: " : "Parent: ")
                .append(r.revises().isEmpty() ? "<base>" : String.join(", ", r.revises())).append('\n');
        if (!r.dependsOn().isEmpty()) {
            text.append("Also depends on: ").append(String.join(", ", r.dependsOn())).append('\n');
        }
        if (graph.isBranchPoint(id)) {
            text.append("Branches into: ").append(String.join(", ", graph.children(id))).append('\n');
        }
        if (!graph.labels(id).isEmpty()) {
            text.append("Branch names: ").append(String.join(", ", graph.labels(id))).append('\n');
        }
        if (!r.transactional()) {
            text.append("Transactional: no\n");
        }
        text.append("Class: ").append(r.className()).append('\n');
        text.append('\n');
        for (String paragraph : (r.message().isEmpty() ? "(no message)" : r.message()).split("\n")) {
            text.append("    ").append(paragraph).append('\n');
        }
        return text.toString();
    }

    private String marks(String id) {
        var text = new StringBuilder();
        if (graph.isHead(id)) {
            text.append(" (head)");
        }
        if (graph.isBranchPoint(id)) {
            text.append(" (branchpoint)");
        }
        if (graph.isMergePoint(id)) {
            text.append(" (mergepoint)");
        }
        if (current.contains(id)) {
            text.append(" (current)");
        }
        return text.toString();
    }

    /** Where the database stands, for the last line of a run. */
    /**
     * As {@link #heads(RevisionGraph, List)}; at the sole head of one generated index without
     * building the graph, as a start at head builds none ({@code MigrationSet.soleHead}).
     */
    static String heads(Retort retort, List<String> heads) {
        if (heads.isEmpty()) {
            return BASE;
        }
        if (retort.migrations().atSoleHead(heads)) {
            return heads.get(0) + " (head)";
        }
        return heads(retort.graph(), heads);
    }

    static String heads(RevisionGraph graph, List<String> heads) {
        if (heads.isEmpty()) {
            return BASE;
        }
        return String.join(", ", heads.stream().map(h -> graph.contains(h) && graph.isHead(h) ? h + " (head)" : h).toList());
    }

    /** One revision for {@code --json}: what {@link #entry} prints, as fields. */
    Map<String, Object> json(String id) {
        RevisionInfo r = graph.get(id);
        var fields = new LinkedHashMap<String, Object>();
        fields.put("revision", id);
        fields.put("revises", r.revises());
        fields.put("dependsOn", r.dependsOn());
        fields.put("branchLabels", List.copyOf(graph.labels(id)));
        fields.put("message", r.message());
        fields.put("head", graph.isHead(id));
        fields.put("branchPoint", graph.isBranchPoint(id));
        fields.put("mergePoint", graph.isMergePoint(id));
        fields.put("current", current.contains(id));
        fields.put("transactional", r.transactional());
        fields.put("className", r.className());
        return fields;
    }
}
