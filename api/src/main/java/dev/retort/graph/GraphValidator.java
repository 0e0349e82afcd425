package dev.retort.graph;

import dev.retort.index.RevisionInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every problem in a list of revisions: the rules the processor reports at compile time
 * and the runtime refuses to run with. Collecting all of them (rather than stopping at the first)
 * lets the processor point at every wrong line in one compilation.
 */
final class GraphValidator {

    private final List<RevisionInfo> revisions;
    private final List<GraphException> problems = new ArrayList<>();
    private final Map<String, RevisionInfo> byId = new LinkedHashMap<>();
    private final Map<String, String> labelOwner = new HashMap<>();

    private GraphValidator(List<RevisionInfo> revisions) {
        this.revisions = revisions;
    }

    static List<GraphException> problems(List<RevisionInfo> revisions) {
        var validator = new GraphValidator(revisions);
        validator.checkIds();
        validator.checkLabels();
        validator.checkEdges();
        if (validator.problems.isEmpty()) {
            validator.checkCycles();
        }
        return List.copyOf(validator.problems);
    }

    private void checkIds() {
        var classes = new LinkedHashMap<String, List<String>>();
        for (RevisionInfo r : revisions) {
            if (!RevisionIds.isValidId(r.id())) {
                problems.add(new GraphException.InvalidRevisionId(r.id(), where(r)));
                continue;
            }
            classes.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.className().isEmpty() ? r.id() : r.className());
            byId.putIfAbsent(r.id(), r);
        }
        classes.forEach((id, names) -> {
            if (names.size() > 1) {
                problems.add(new GraphException.DuplicateRevision(id, names));
            }
        });
    }

    private void checkLabels() {
        for (RevisionInfo r : byId.values()) {
            for (String label : r.branchLabels()) {
                if (!RevisionIds.isValidLabel(label)) {
                    problems.add(new GraphException.InvalidBranchLabel(label, r.id()));
                } else if (byId.containsKey(label)) {
                    problems.add(new GraphException.DuplicateBranchLabel(
                            label, List.of(r.id(), label), "is also a revision id"));
                } else {
                    String owner = labelOwner.putIfAbsent(label, r.id());
                    if (owner != null && !owner.equals(r.id())) {
                        problems.add(new GraphException.DuplicateBranchLabel(
                                label, List.of(owner, r.id()), "is declared by two revisions"));
                    }
                }
            }
        }
    }

    private void checkEdges() {
        for (RevisionInfo r : byId.values()) {
            checkListedOnce(r, r.revises(), false);
            checkListedOnce(r, r.dependsOn(), true);
            for (String parent : r.revises()) {
                if (parent.equals(r.id())) {
                    problems.add(new GraphException.SelfLoop(r.id()));
                } else if (!byId.containsKey(parent)) {
                    problems.add(new GraphException.MissingRevision(r.id(), parent, false));
                }
            }
            for (String dependency : r.dependsOn()) {
                String target = labelOwner.getOrDefault(dependency, dependency);
                if (target.equals(r.id())) {
                    problems.add(new GraphException.DependencySelfLoop(r.id()));
                } else if (!byId.containsKey(target)) {
                    problems.add(new GraphException.MissingRevision(r.id(), dependency, true));
                }
            }
        }
    }

    private void checkListedOnce(RevisionInfo r, List<String> ids, boolean dependency) {
        var seen = new java.util.HashSet<String>();
        for (String id : ids) {
            if (!seen.add(id)) {
                problems.add(new GraphException.DuplicateParent(r.id(), id, dependency));
            }
        }
    }

    /** A cycle through revises alone is a Cycle; one that needs a dependsOn edge is a DependencyCycle. */
    private void checkCycles() {
        List<String> cycle = findCycle(false);
        if (cycle != null) {
            problems.add(new GraphException.Cycle(cycle));
            return;
        }
        cycle = findCycle(true);
        if (cycle != null) {
            problems.add(new GraphException.DependencyCycle(cycle));
        }
    }

    /** Iterative DFS (chains of thousands of revisions would overflow a recursive one). */
    private List<String> findCycle(boolean withDependencies) {
        var state = new HashMap<String, Integer>(); // 1 = on the stack, 2 = done
        for (String start : byId.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            var path = new ArrayList<String>();
            var iterators = new ArrayDeque<java.util.Iterator<String>>();
            path.add(start);
            state.put(start, 1);
            iterators.push(edges(start, withDependencies).iterator());
            while (!iterators.isEmpty()) {
                var it = iterators.peek();
                if (!it.hasNext()) {
                    iterators.pop();
                    state.put(path.remove(path.size() - 1), 2);
                    continue;
                }
                String next = it.next();
                Integer s = state.get(next);
                if (s == null) {
                    state.put(next, 1);
                    path.add(next);
                    iterators.push(edges(next, withDependencies).iterator());
                } else if (s == 1) {
                    var cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
                    Collections.reverse(cycle); // edges point to parents; list each revision after the one it needs
                    // Start at the smallest id, so the same cycle reads the same whichever revision found it.
                    Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
                    cycle.add(cycle.get(0));
                    return cycle;
                }
            }
        }
        return null;
    }

    private List<String> edges(String id, boolean withDependencies) {
        RevisionInfo r = byId.get(id);
        if (!withDependencies) {
            return r.revises();
        }
        var all = new ArrayList<>(r.revises());
        r.dependsOn().forEach(d -> all.add(labelOwner.getOrDefault(d, d)));
        return all;
    }

    private static String where(RevisionInfo r) {
        return r.className().isEmpty() ? "" : " (in " + r.className() + ")";
    }
}
