package dev.retort.runtime.cli;

import dev.retort.graph.RevisionGraph;
import dev.retort.index.RevisionInfo;
import java.util.Collection;
import java.util.List;

/** How revisions read on the command line, in Alembic's words: {@code a1b2 -> c3d4 (head), message}. */
final class Describe {

    private Describe() {
    }

    /** {@code c3d4 (head) (branchpoint)} and so on, for one revision. */
    static String marked(RevisionGraph graph, String id, Collection<String> current) {
        var text = new StringBuilder(id);
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

    /** One history line: parents, the revision with its marks, the message. */
    static String line(RevisionGraph graph, RevisionInfo revision, Collection<String> current) {
        String parents = revision.revises().isEmpty() ? "<base>" : String.join(", ", revision.revises());
        return parents + " -> " + marked(graph, revision.id(), current) + messageSuffix(revision);
    }

    static String messageSuffix(RevisionInfo revision) {
        return revision.message().isEmpty() ? "" : ", " + revision.message();
    }

    /** Where the database stands, for the last line of a run. */
    static String heads(RevisionGraph graph, List<String> heads) {
        if (heads.isEmpty()) {
            return "base (no revision applied)";
        }
        return String.join(", ", heads.stream().map(h -> graph.isHead(h) ? h + " (head)" : h).toList());
    }
}
