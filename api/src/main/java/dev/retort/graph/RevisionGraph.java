package dev.retort.graph;

import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable DAG of revisions: several parents make a merge point, several children a branch
 * point, several bases and heads are allowed, and {@code dependsOn} adds soft edges that order
 * revisions without making them parents.
 *
 * <p>The list the graph is built from fixes the tie-break order: where two revisions could run in
 * either order, the one listed first runs first. The runtime builds it from the generated indexes
 * (each sorted by id), so the order never depends on file names or hash sets.
 *
 * <p>Build one with {@link #of}; it needs no database and loads no migration class.
 */
public final class RevisionGraph {

    private final List<RevisionInfo> revisions;
    private final Map<String, Integer> positions;
    private final Map<String, Integer> labels;
    private final int[][] parents;
    private final int[][] children;
    private final int[][] dependencies;
    private final String[] sortedIds;
    private final List<String> heads;
    private final List<String> bases;

    private RevisionGraph(List<RevisionInfo> revisions) {
        this.revisions = List.copyOf(revisions);
        int n = revisions.size();
        positions = new HashMap<>(n * 2);
        labels = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RevisionInfo r = revisions.get(i);
            positions.put(r.id(), i);
            for (String label : r.branchLabels()) {
                labels.put(label, i);
            }
        }
        parents = new int[n][];
        dependencies = new int[n][];
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            RevisionInfo r = revisions.get(i);
            parents[i] = r.revises().stream().mapToInt(positions::get).toArray();
            dependencies[i] = r.dependsOn().stream().mapToInt(this::dependencyPosition).distinct().toArray();
            for (int p : parents[i]) {
                childCount[p]++;
            }
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
            childCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int p : parents[i]) {
                children[p][childCount[p]++] = i;
            }
        }
        sortedIds = positions.keySet().toArray(String[]::new);
        Arrays.sort(sortedIds);
        var h = new ArrayList<String>();
        var b = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            if (children[i].length == 0) {
                h.add(revisions.get(i).id());
            }
            if (parents[i].length == 0) {
                b.add(revisions.get(i).id());
            }
        }
        heads = List.copyOf(h);
        bases = List.copyOf(b);
    }

    /**
     * Builds the graph.
     *
     * @throws GraphException the first problem {@link #problems} finds
     */
    public static RevisionGraph of(List<RevisionInfo> revisions) {
        Checked checked = check(revisions);
        if (checked.graph() == null) {
            throw checked.problems().get(0);
        }
        return checked.graph();
    }

    /**
     * Either the graph or every problem that keeps these revisions from forming one, checking
     * them once: for callers that report all problems, as the processor does.
     */
    public static Checked check(List<RevisionInfo> revisions) {
        List<GraphException> problems = GraphValidator.problems(revisions);
        return problems.isEmpty() ? new Checked(new RevisionGraph(revisions), problems) : new Checked(null, problems);
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param graph {@code null} when there were problems
     */
    public record Checked(RevisionGraph graph, List<GraphException> problems) {
    }

    /**
     * Every problem that keeps these revisions from forming a graph: bad ids, duplicate ids or
     * labels, unknown parents or dependencies, self loops and cycles. Empty when {@link #of}
     * would succeed.
     */
    public static List<GraphException> problems(List<RevisionInfo> revisions) {
        return GraphValidator.problems(revisions);
    }

    /** Every revision, in the order the graph was built from. */
    public List<RevisionInfo> revisions() {
        return revisions;
    }

    public int size() {
        return revisions.size();
    }

    public boolean contains(String id) {
        return positions.containsKey(id);
    }

    public Optional<RevisionInfo> find(String id) {
        Integer p = positions.get(id);
        return p == null ? Optional.empty() : Optional.of(revisions.get(p));
    }

    /** The revision with exactly this id. */
    public RevisionInfo get(String id) {
        return revisions.get(position(id));
    }

    /** Revisions no other revision revises, in graph order. */
    public List<String> heads() {
        return heads;
    }

    /** Revisions that revise nothing, in graph order. */
    public List<String> bases() {
        return bases;
    }

    public List<String> children(String id) {
        return ids(children[position(id)]);
    }

    public boolean isHead(String id) {
        return children[position(id)].length == 0;
    }

    public boolean isBranchPoint(String id) {
        return children[position(id)].length > 1;
    }

    public boolean isMergePoint(String id) {
        return parents[position(id)].length > 1;
    }

    /** The revision that declares this branch label, if any. */
    public Optional<String> labelled(String label) {
        Integer p = labels.get(label);
        return p == null ? Optional.empty() : Optional.of(revisions.get(p).id());
    }

    /**
     * The id a full or partial identifier names. Ids of three characters or fewer match only
     * exactly; longer ids also match by unambiguous prefix.
     *
     * @throws GraphException.UnknownRevision when nothing matches
     * @throws GraphException.AmbiguousRevision when a prefix matches several ids
     */
    public String resolveId(String identifier) {
        if (positions.containsKey(identifier)) {
            return identifier;
        }
        int from = Arrays.binarySearch(sortedIds, identifier);
        from = from >= 0 ? from : -from - 1;
        var candidates = new ArrayList<String>();
        for (int i = from; i < sortedIds.length && sortedIds[i].startsWith(identifier); i++) {
            if (sortedIds[i].length() >= RevisionIds.MIN_PREFIX_MATCH_LENGTH) {
                candidates.add(sortedIds[i]);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.size() > 1) {
            throw new GraphException.AmbiguousRevision(identifier, candidates);
        }
        throw new GraphException.UnknownRevision(identifier,
                identifier.length() < RevisionIds.MIN_PREFIX_MATCH_LENGTH && !identifier.isEmpty()
                        ? "a partial id needs at least " + RevisionIds.MIN_PREFIX_MATCH_LENGTH + " characters"
                        : "");
    }

    /** The given revisions and everything they need first (parents and dependencies), as a set of ids. */
    public Set<String> ancestors(Collection<String> ids) {
        BitSet closure = closure(positionsOf(ids));
        var result = new LinkedHashSet<String>();
        closure.stream().forEach(i -> result.add(revisions.get(i).id()));
        return result;
    }

    /** Every revision, each after its parents and dependencies (bases first). */
    public List<String> topologicalOrder() {
        var all = new BitSet(size());
        all.set(0, size());
        return ids(order(all));
    }

    /** Plans moving the database from {@code currentRows} up to {@code target}. */
    public Plan upgrade(Collection<String> currentRows, String target) {
        return new Planner(this, currentRows).upgrade(target);
    }

    /** Plans moving the database from {@code currentRows} down to {@code target}. */
    public Plan downgrade(Collection<String> currentRows, String target) {
        return new Planner(this, currentRows).downgrade(target);
    }

    // ---- package-private structure for the planner ----

    int position(String id) {
        Integer p = positions.get(id);
        if (p == null) {
            throw new GraphException.UnknownRevision(id, "");
        }
        return p;
    }

    String id(int position) {
        return revisions.get(position).id();
    }

    int[] parentsOf(int position) {
        return parents[position];
    }

    int[] childrenOf(int position) {
        return children[position];
    }

    int[] dependenciesOf(int position) {
        return dependencies[position];
    }

    List<String> ids(int[] positionList) {
        var result = new ArrayList<String>(positionList.length);
        for (int p : positionList) {
            result.add(id(p));
        }
        return result;
    }

    BitSet positionsOf(Collection<String> ids) {
        var set = new BitSet(size());
        ids.forEach(id -> set.set(position(id)));
        return set;
    }

    /** The closure of {@code start} under parents and dependencies. */
    BitSet closure(BitSet start) {
        var result = (BitSet) start.clone();
        var stack = new int[size()];
        int top = 0;
        for (int i = start.nextSetBit(0); i >= 0; i = start.nextSetBit(i + 1)) {
            stack[top++] = i;
        }
        while (top > 0) {
            int i = stack[--top];
            for (int[] edges : new int[][] {parents[i], dependencies[i]}) {
                for (int p : edges) {
                    if (!result.get(p)) {
                        result.set(p);
                        stack[top++] = p;
                    }
                }
            }
        }
        return result;
    }

    /**
     * The members in upgrade order: each after its parents and dependencies. Members are taken
     * as they appear in the graph's list, and each pulls in its parents (in declared order) and
     * then its dependencies first, so a branch runs whole before the next one starts.
     */
    int[] order(BitSet members) {
        var result = new int[members.cardinality()];
        int count = 0;
        var done = new BitSet(size());
        var stack = new int[members.cardinality() * 2 + 2];
        var entered = new BitSet(size());
        for (int start = members.nextSetBit(0); start >= 0; start = members.nextSetBit(start + 1)) {
            if (done.get(start)) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int i = stack[top - 1];
                if (entered.get(i)) {
                    top--;
                    if (!done.get(i)) {
                        done.set(i);
                        result[count++] = i;
                    }
                    continue;
                }
                entered.set(i);
                int[] deps = dependencies[i];
                for (int k = deps.length - 1; k >= 0; k--) {
                    if (members.get(deps[k]) && !done.get(deps[k])) {
                        stack = push(stack, top++, deps[k]);
                    }
                }
                int[] ps = parents[i];
                for (int k = ps.length - 1; k >= 0; k--) {
                    if (members.get(ps[k]) && !done.get(ps[k])) {
                        stack = push(stack, top++, ps[k]);
                    }
                }
            }
        }
        return result;
    }

    private static int[] push(int[] stack, int at, int value) {
        int[] s = at < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
        s[at] = value;
        return s;
    }

    private int dependencyPosition(String idOrLabel) {
        Integer p = positions.get(idOrLabel);
        return p != null ? p : labels.get(idOrLabel);
    }
}
