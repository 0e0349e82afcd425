package dev.retort.graph;

import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every problem in a list of revisions: the rules the processor reports at compile time
 * and the runtime refuses to run with. Collecting all of them (rather than stopping at the first)
 * lets the processor point at every wrong line in one compilation.
 *
 * <p>It works on positions in the list, not on ids, because applications run it at every start
 * and graphs of thousands of revisions must cost milliseconds.
 */
final class GraphValidator {

    private final List<RevisionInfo> revisions;
    private final List<GraphException> problems = new ArrayList<>();
    private final Map<String, Integer> byId;
    private final Map<String, Integer> labelOwner = new HashMap<>();
    /** Positions of the revisions that take part in the graph: valid ids, first of duplicates. */
    private final boolean[] member;

    private GraphValidator(List<RevisionInfo> revisions) {
        this.revisions = revisions;
        this.byId = new HashMap<>(revisions.size() * 2);
        this.member = new boolean[revisions.size()];
    }

    private int[][] parents;
    private int[][] dependencies;

    /** Runs every check; afterwards, when there was no problem, the structure below is complete. */
    static GraphValidator run(List<RevisionInfo> revisions) {
        var validator = new GraphValidator(revisions);
        validator.checkIds();
        validator.checkLabels();
        validator.checkEdges();
        if (validator.problems.isEmpty()) {
            validator.checkCycles();
        }
        return validator;
    }

    static List<GraphException> problems(List<RevisionInfo> revisions) {
        return run(revisions).problems();
    }

    List<GraphException> problems() {
        return List.copyOf(problems);
    }

    // What a graph is built from, so it need not work it out again.

    Map<String, Integer> positions() {
        return byId;
    }

    Map<String, Integer> labels() {
        return labelOwner;
    }

    int[][] parents() {
        return parents;
    }

    int[][] dependencies() {
        return dependencies;
    }

    private void checkIds() {
        Map<String, List<String>> duplicates = null;
        for (int i = 0; i < revisions.size(); i++) {
            RevisionInfo r = revisions.get(i);
            if (!RevisionIds.isValidId(r.id())) {
                problems.add(new GraphException.InvalidRevisionId(r.id(), where(r)));
                continue;
            }
            Integer first = byId.putIfAbsent(r.id(), i);
            if (first == null) {
                member[i] = true;
            } else {
                if (duplicates == null) {
                    duplicates = new LinkedHashMap<>();
                }
                duplicates.computeIfAbsent(r.id(), k -> new ArrayList<>(List.of(name(revisions.get(first))))).add(name(r));
            }
        }
        if (duplicates != null) {
            duplicates.forEach((id, names) -> problems.add(new GraphException.DuplicateRevision(id, names)));
        }
    }

    private void checkLabels() {
        for (int i = 0; i < revisions.size(); i++) {
            if (!member[i]) {
                continue;
            }
            RevisionInfo r = revisions.get(i);
            for (String label : r.branchLabels()) {
                if (!RevisionIds.isValidLabel(label)) {
                    problems.add(new GraphException.InvalidBranchLabel(label, r.id()));
                } else if (byId.containsKey(label)) {
                    problems.add(new GraphException.DuplicateBranchLabel(
                            label, List.of(r.id(), label), "is also a revision id"));
                } else {
                    Integer owner = labelOwner.putIfAbsent(label, i);
                    if (owner != null && owner != i) {
                        problems.add(new GraphException.DuplicateBranchLabel(
                                label, List.of(revisions.get(owner).id(), r.id()), "is declared by two revisions"));
                    }
                }
            }
        }
    }

    private void checkEdges() {
        for (int i = 0; i < revisions.size(); i++) {
            if (!member[i]) {
                continue;
            }
            RevisionInfo r = revisions.get(i);
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
                Integer target = target(dependency);
                if (target != null && target == i) {
                    problems.add(new GraphException.DependencySelfLoop(r.id()));
                } else if (target == null) {
                    problems.add(new GraphException.MissingRevision(r.id(), dependency, true));
                }
            }
        }
    }

    /** Lists are short: comparing pairs beats building a set for every revision. */
    private void checkListedOnce(RevisionInfo r, List<String> ids, boolean dependency) {
        for (int a = 1; a < ids.size(); a++) {
            for (int b = 0; b < a; b++) {
                if (ids.get(a).equals(ids.get(b))) {
                    problems.add(new GraphException.DuplicateParent(r.id(), ids.get(a), dependency));
                    break;
                }
            }
        }
    }

    /** A cycle through revises alone is a Cycle; one that needs a dependsOn edge is a DependencyCycle. */
    private void checkCycles() {
        int n = revisions.size();
        parents = new int[n][];
        dependencies = new int[n][];
        int[][] both = new int[n][];
        for (int i = 0; i < n; i++) {
            RevisionInfo r = revisions.get(i);
            parents[i] = new int[r.revises().size()];
            for (int k = 0; k < parents[i].length; k++) {
                parents[i][k] = byId.get(r.revises().get(k));
            }
            dependencies[i] = new int[r.dependsOn().size()];
            for (int k = 0; k < dependencies[i].length; k++) {
                dependencies[i][k] = target(r.dependsOn().get(k));
            }
            if (dependencies[i].length == 0) {
                both[i] = parents[i];
            } else {
                both[i] = Arrays.copyOf(parents[i], parents[i].length + dependencies[i].length);
                System.arraycopy(dependencies[i], 0, both[i], parents[i].length, dependencies[i].length);
            }
        }
        List<String> cycle = findCycle(parents);
        if (cycle == null && java.util.Arrays.stream(dependencies).allMatch(d -> d.length == 0)) {
            return; // without dependencies the second search would repeat the first
        }
        if (cycle != null) {
            problems.add(new GraphException.Cycle(cycle));
            return;
        }
        cycle = findCycle(both);
        if (cycle != null) {
            problems.add(new GraphException.DependencyCycle(cycle));
        }
    }

    /** Iterative depth-first search over positions (chains of thousands would overflow a recursive one). */
    private List<String> findCycle(int[][] edges) {
        int n = edges.length;
        byte[] state = new byte[n]; // 1 = on the path, 2 = done
        int[] path = new int[n];
        int[] next = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            int depth = 0;
            path[0] = start;
            next[0] = 0;
            state[start] = 1;
            while (depth >= 0) {
                int at = path[depth];
                if (next[depth] == edges[at].length) {
                    state[at] = 2;
                    depth--;
                    continue;
                }
                int to = edges[at][next[depth]++];
                if (state[to] == 0) {
                    state[to] = 1;
                    path[++depth] = to;
                    next[depth] = 0;
                } else if (state[to] == 1) {
                    return cycle(path, depth, to);
                }
            }
        }
        return null;
    }

    /** The path from {@code to} to the top, each revision listed after the one it needs, from the smallest id. */
    private List<String> cycle(int[] path, int depth, int to) {
        var cycle = new ArrayList<String>();
        int from = depth;
        while (path[from] != to) {
            from--;
        }
        for (int k = depth; k >= from; k--) {
            cycle.add(revisions.get(path[k]).id());
        }
        // Start at the smallest id, so the same cycle reads the same whichever revision found it.
        Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
        cycle.add(cycle.get(0));
        return cycle;
    }

    private Integer target(String idOrLabel) {
        Integer id = byId.get(idOrLabel);
        return id != null ? id : labelOwner.get(idOrLabel);
    }

    private static String name(RevisionInfo r) {
        return r.className().isEmpty() ? r.id() : r.className();
    }

    private static String where(RevisionInfo r) {
        return r.className().isEmpty() ? "" : " (in " + r.className() + ")";
    }
}
