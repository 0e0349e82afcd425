package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Branch labels as Alembic propagates them: a label declared on a revision also names every
 * descendant of it, and, when those descendants form one line, its ancestors back to (not
 * including) the nearest branch point (counting dependents) or merge point.
 */
final class BranchLabels {

    private BranchLabels() {
    }

    /** The labels each revision carries, by position. */
    static List<Set<String>> propagate(RevisionGraph graph, Map<String, Integer> declared) {
        Edges edges = graph.edges();
        var result = new ArrayList<Set<String>>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            result.add(new TreeSet<>());
        }
        for (Map.Entry<String, Integer> label : declared.entrySet()) {
            BitSet line = edges.descendants(edges.bit(label.getValue()), false);
            line.stream().forEach(i -> result.get(i).add(label.getKey()));
            for (int at = tipOfLine(edges, line); at >= 0 && edges.children(at).length + edges.dependents(at).length <= 1
                    && edges.parents(at).length <= 1; at = edges.parents(at).length == 0 ? -1 : edges.parents(at)[0]) {
                result.get(at).add(label.getKey());
            }
        }
        return result.stream().map(s -> (Set<String>) Collections.unmodifiableSet(s)).toList();
    }

    /** The one revision of a line without a child in it; -1 when the set branches. */
    private static int tipOfLine(Edges edges, BitSet line) {
        int tip = -1;
        for (int i = line.nextSetBit(0); i >= 0; i = line.nextSetBit(i + 1)) {
            if (edges.children(i).length > 1) {
                return -1;
            }
            if (edges.children(i).length == 0) {
                tip = i;
            }
        }
        return tip;
    }
}
