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
        // Cycles too, whatever else is wrong: a compilation reports every problem at once.
        validator.checkCycles();
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
                // Reported, and still a member: its own edges are checked, and children naming it find it.
                problems.add(new GraphException.InvalidRevisionId(r.id(), where(r)));
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

    /**
     * Every cycle: through revises alone a Cycle, one that needs a dependsOn edge a
     * DependencyCycle. Edges to revisions that do not exist (reported apart) are left out. Each
     * revision on a cycle is on at least one of those reported, so each gets its error.
     */
    private void checkCycles() {
        int n = revisions.size();
        parents = new int[n][];
        dependencies = new int[n][];
        int[][] both = new int[n][];
        boolean anyDependency = false;
        for (int i = 0; i < n; i++) {
            RevisionInfo r = revisions.get(i);
            parents[i] = member[i] ? edges(r.revises(), i, false) : new int[0];
            dependencies[i] = member[i] ? edges(r.dependsOn(), i, true) : new int[0];
            anyDependency |= dependencies[i].length > 0;
            both[i] = Arrays.copyOf(parents[i], parents[i].length + dependencies[i].length);
            System.arraycopy(dependencies[i], 0, both[i], parents[i].length, dependencies[i].length);
        }
        boolean[] covered = new boolean[n];
        for (List<String> cycle : cycles(parents, covered)) {
            problems.add(new GraphException.Cycle(cycle));
        }
        if (anyDependency) {
            for (List<String> cycle : cycles(both, covered)) {
                problems.add(new GraphException.DependencyCycle(cycle));
            }
        }
    }

    /** The positions an edge list names, leaving out the missing and the revision itself (reported apart). */
    private int[] edges(List<String> names, int self, boolean dependency) {
        int[] found = new int[names.size()];
        int k = 0;
        for (String name : names) {
            Integer to = dependency ? target(name) : byId.get(name);
            if (to != null && to != self) {
                found[k++] = to;
            }
        }
        return k == found.length ? found : Arrays.copyOf(found, k);
    }

    /**
     * A cycle through each revision that lies on one and is not {@code covered} yet (marking
     * those it reports), found as a shortest way back to it within its strongly connected
     * component.
     */
    private List<List<String>> cycles(int[][] edges, boolean[] covered) {
        int[] component = components(edges);
        var found = new ArrayList<List<String>>();
        var seen = new java.util.HashSet<List<String>>();
        int[] size = new int[edges.length];
        for (int c : component) {
            size[c]++;
        }
        for (int start = 0; start < edges.length; start++) {
            if (covered[start] || size[component[start]] < 2) {
                continue;
            }
            List<Integer> path = shortestCycle(edges, component, start);
            path.forEach(p -> covered[p] = true);
            List<String> cycle = named(path);
            if (seen.add(cycle)) {
                found.add(cycle);
            }
        }
        return found;
    }

    /** Positions from {@code start} back to it along the edges, staying in its component. */
    private static List<Integer> shortestCycle(int[][] edges, int[] component, int start) {
        int[] previous = new int[edges.length];
        Arrays.fill(previous, -1);
        var queue = new java.util.ArrayDeque<Integer>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int at = queue.poll();
            for (int to : edges[at]) {
                if (component[to] != component[start]) {
                    continue;
                }
                if (to == start) {
                    var path = new ArrayList<Integer>();
                    for (int p = at; p != start; p = previous[p]) {
                        path.add(p);
                    }
                    path.add(start);
                    return path; // parent first: each entry is needed by the one after it
                }
                if (previous[to] < 0) {
                    previous[to] = at;
                    queue.add(to);
                }
            }
        }
        throw new IllegalStateException("no cycle through a revision of a strongly connected component");
    }

    /** Strongly connected components (Tarjan's, iterative: chains of thousands would overflow a recursive one). */
    private static int[] components(int[][] edges) {
        int n = edges.length;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int top = 0;
        int[] callStack = new int[n];
        int[] next = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callStack[0] = root;
            next[root] = 0;
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int at = callStack[depth];
                if (next[at] < edges[at].length) {
                    int to = edges[at][next[at]++];
                    if (index[to] < 0) {
                        index[to] = low[to] = counter++;
                        stack[top++] = to;
                        onStack[to] = true;
                        next[to] = 0;
                        callStack[++depth] = to;
                    } else if (onStack[to]) {
                        low[at] = Math.min(low[at], index[to]);
                    }
                    continue;
                }
                if (low[at] == index[at]) {
                    int member;
                    do {
                        member = stack[--top];
                        onStack[member] = false;
                        component[member] = components;
                    } while (member != at);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int caller = callStack[depth];
                    low[caller] = Math.min(low[caller], low[at]);
                }
            }
        }
        return component;
    }

    /** The cycle's ids, from the smallest (so one cycle reads the same whichever revision found it), closed. */
    private List<String> named(List<Integer> path) {
        var cycle = new ArrayList<String>();
        path.forEach(p -> cycle.add(revisions.get(p).id()));
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
