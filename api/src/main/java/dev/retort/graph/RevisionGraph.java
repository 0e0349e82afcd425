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
import java.util.TreeSet;

/**
 * An immutable DAG of revisions with Alembic's semantics: several parents make a merge point,
 * several children a branch point, several bases and heads are allowed, and {@code dependsOn}
 * adds soft edges that order revisions without making them parents (a revision others depend
 * on stays a head). Branch labels name a revision and, as Alembic propagates them, its branch.
 *
 * <p>The list the graph is built from fixes the tie-break order: where two revisions could run in
 * either order, the one listed first runs first. The runtime builds it from the generated indexes
 * (sorted by class name, each listing its revisions sorted by id), so the order never depends on
 * file names or hash sets.
 *
 * <p>Build one with {@link #of}; it needs no database and loads no migration class. Plans are
 * made by {@link #upgrade}, {@link #downgrade} and {@link #stamp} from the database's version
 * rows; {@link #history} lists a range.
 */
public final class RevisionGraph {

    private final List<RevisionInfo> revisions;
    private final Map<String, Integer> positions;
    private final Map<String, Integer> labels;
    private final int[][] parents;
    private final int[][] children;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final String[] sortedKeys;
    private final List<String> heads;
    private final List<String> bases;
    private final List<Set<String>> effectiveLabels;

    /** From a validator that found no problem: its id map and edges are this graph's. */
    private RevisionGraph(List<RevisionInfo> revisions, GraphValidator valid) {
        this.revisions = List.copyOf(revisions);
        int n = revisions.size();
        positions = valid.positions();
        labels = valid.labels();
        parents = valid.parents();
        dependencies = valid.dependencies();
        children = invert(parents, n);
        dependents = invert(dependencies, n);
        sortedKeys = new String[n + labels.size()];
        for (int i = 0; i < n; i++) {
            sortedKeys[i] = revisions.get(i).id();
        }
        System.arraycopy(labels.keySet().toArray(String[]::new), 0, sortedKeys, n, labels.size());
        Arrays.sort(sortedKeys);
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
        effectiveLabels = propagateLabels();
    }

    private static int[][] invert(int[][] edges, int n) {
        int[] count = new int[n];
        for (int[] e : edges) {
            for (int p : e) {
                count[p]++;
            }
        }
        int[][] inverted = new int[n][];
        for (int i = 0; i < n; i++) {
            inverted[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int p : edges[i]) {
                inverted[p][count[p]++] = i;
            }
        }
        return inverted;
    }

    /**
     * Builds the graph.
     *
     * @throws GraphException the first problem {@link #check} finds
     */
    public static RevisionGraph of(List<RevisionInfo> revisions) {
        Checked checked = check(revisions);
        if (checked.graph() == null) {
            throw checked.problems().get(0);
        }
        return checked.graph();
    }

    /**
     * Either the graph or every problem that keeps these revisions from forming one (bad ids,
     * duplicate ids or labels, parents listed twice, unknown parents or dependencies, self loops,
     * cycles), checking them once: for callers that report all problems, as the processor does.
     */
    public static Checked check(List<RevisionInfo> revisions) {
        GraphValidator validator = GraphValidator.run(revisions);
        List<GraphException> problems = validator.problems();
        return problems.isEmpty()
                ? new Checked(new RevisionGraph(revisions, validator), problems)
                : new Checked(null, problems);
    }

    /** Every problem {@link #check} finds; empty when {@link #of} would succeed. */
    public static List<GraphException> problems(List<RevisionInfo> revisions) {
        return GraphValidator.problems(revisions);
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param graph {@code null} when there were problems
     */
    public record Checked(RevisionGraph graph, List<GraphException> problems) {
    }

    // ---- the revisions ----

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

    /** Revisions no other revision revises, in graph order (a revision others only depend on is one). */
    public List<String> heads() {
        return heads;
    }

    /** Revisions that revise nothing, in graph order. */
    public List<String> bases() {
        return bases;
    }

    public List<String> parents(String id) {
        return ids(parents[position(id)]);
    }

    public List<String> children(String id) {
        return ids(children[position(id)]);
    }

    /** Revisions whose {@code dependsOn} names this one. */
    public List<String> dependents(String id) {
        return ids(dependents[position(id)]);
    }

    /** The revisions this one depends on, labels resolved to ids. */
    public List<String> dependencies(String id) {
        return ids(dependencies[position(id)]);
    }

    public boolean isHead(String id) {
        return children[position(id)].length == 0;
    }

    /** Several revisions revise this one. */
    public boolean isBranchPoint(String id) {
        return children[position(id)].length > 1;
    }

    /** Several revisions revise or depend on this one: where a branch label stops propagating. */
    public boolean isRealBranchPoint(String id) {
        int p = position(id);
        return children[p].length + dependents[p].length > 1;
    }

    public boolean isMergePoint(String id) {
        return parents[position(id)].length > 1;
    }

    /** The revision that declares this branch label, if any. */
    public Optional<String> labelled(String label) {
        Integer p = labels.get(label);
        return p == null ? Optional.empty() : Optional.of(revisions.get(p).id());
    }

    /** Every branch label declared in the graph, sorted. */
    public Set<String> branchLabels() {
        return new TreeSet<>(labels.keySet());
    }

    /**
     * The branch labels a revision carries, as Alembic propagates them: a label declared on a
     * revision also names every descendant of it, and, when those descendants form one line, its
     * ancestors back to (not including) the nearest branch point (counting dependents) or merge
     * point.
     */
    public Set<String> labels(String id) {
        return effectiveLabels.get(position(id));
    }

    private List<Set<String>> propagateLabels() {
        var result = new ArrayList<Set<String>>(size());
        for (int i = 0; i < size(); i++) {
            result.add(new TreeSet<>());
        }
        for (Map.Entry<String, Integer> label : labels.entrySet()) {
            int declared = label.getValue();
            BitSet line = descendants(bit(declared), false);
            line.stream().forEach(i -> result.get(i).add(label.getKey()));
            int tip = tipOfLine(line);
            for (int at = tip; at >= 0 && children[at].length + dependents[at].length <= 1 && parents[at].length <= 1;
                    at = parents[at].length == 0 ? -1 : parents[at][0]) {
                result.get(at).add(label.getKey());
            }
        }
        return result.stream().map(s -> (Set<String>) java.util.Collections.unmodifiableSet(s)).toList();
    }

    /** The one revision of a line without a child in it; -1 when the set branches. */
    private int tipOfLine(BitSet line) {
        int tip = -1;
        for (int i = line.nextSetBit(0); i >= 0; i = line.nextSetBit(i + 1)) {
            if (children[i].length > 1) {
                return -1;
            }
            if (children[i].length == 0) {
                tip = i;
            }
        }
        return tip;
    }

    /**
     * The id a full or partial identifier names: an exact id or branch label first, else an
     * unambiguous prefix of an id or label longer than three characters (the labelled revision for
     * a label).
     *
     * @throws GraphException.UnknownRevision when nothing matches
     * @throws GraphException.AmbiguousRevision when a prefix matches several revisions
     */
    public String resolveId(String identifier) {
        return id(resolvePosition(identifier, null));
    }

    /** {@link #resolveId}, among the revisions of a set only when {@code within} is not null. */
    int resolvePosition(String identifier, BitSet within) {
        Integer exact = positions.get(identifier);
        if (exact == null) {
            exact = labels.get(identifier);
        }
        if (exact != null) {
            return exact;
        }
        int from = Arrays.binarySearch(sortedKeys, identifier);
        from = from >= 0 ? from : -from - 1;
        var candidates = new LinkedHashSet<Integer>();
        for (int i = from; i < sortedKeys.length && sortedKeys[i].startsWith(identifier); i++) {
            if (sortedKeys[i].length() >= RevisionIds.MIN_PREFIX_MATCH_LENGTH) {
                Integer p = positions.containsKey(sortedKeys[i]) ? positions.get(sortedKeys[i]) : labels.get(sortedKeys[i]);
                if (within == null || within.get(p)) {
                    candidates.add(p);
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        if (candidates.size() > 1) {
            throw new GraphException.AmbiguousRevision(identifier, candidates.stream().map(this::id).sorted().toList());
        }
        throw new GraphException.UnknownRevision(identifier,
                identifier.length() < RevisionIds.MIN_PREFIX_MATCH_LENGTH && !identifier.isEmpty()
                        ? "a partial id needs at least " + RevisionIds.MIN_PREFIX_MATCH_LENGTH + " characters"
                        : Suggestions.closest(identifier, names()).map(n -> "did you mean '" + n + "'?").orElse(""));
    }

    /** Every id and branch label, for suggestions. */
    private List<String> names() {
        var names = new ArrayList<String>(positions.keySet());
        names.addAll(labels.keySet());
        return names;
    }

    /** The given revisions and everything they need first (parents and dependencies), as a set of ids. */
    public Set<String> ancestors(Collection<String> ids) {
        BitSet closure = closure(positionsOf(ids));
        var result = new LinkedHashSet<String>();
        closure.stream().forEach(i -> result.add(id(i)));
        return result;
    }

    /** Every revision, each after its parents and dependencies (bases first). */
    public List<String> topologicalOrder() {
        var all = new BitSet(size());
        all.set(0, size());
        return ids(order(all));
    }

    /**
     * What the database's current revisions amount to, as {@code current} shows them: the version
     * rows, and the heads of branches that a row implies through {@code dependsOn} (those have no
     * row of their own).
     */
    public List<String> currentHeads(Collection<String> rows) {
        BitSet applied = closure(positionsOf(rows));
        var result = new ArrayList<String>();
        for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
            boolean hasAppliedChild = false;
            for (int c : children[i]) {
                hasAppliedChild |= applied.get(c);
            }
            if (!hasAppliedChild) {
                result.add(id(i));
            }
        }
        return result;
    }

    /**
     * The revisions a target names, in graph order: one for an id, prefix, label or walk, several
     * for {@code heads}, none for base. Relative targets without a revision ({@code +1},
     * {@code -1}) count from {@code currentRows}.
     */
    public List<String> resolve(String target, Collection<String> currentRows) {
        return new Planner(this, currentRows).resolve(target);
    }

    // ---- plans ----

    /** Plans moving the database from {@code currentRows} up to {@code target}. */
    public Plan upgrade(Collection<String> currentRows, String target) {
        return new Planner(this, currentRows).upgrade(List.of(target));
    }

    /** Plans moving the database up to several targets at once. */
    public Plan upgrade(Collection<String> currentRows, List<String> targets) {
        return new Planner(this, currentRows).upgrade(targets);
    }

    /** Plans moving the database from {@code currentRows} down to {@code target}. */
    public Plan downgrade(Collection<String> currentRows, String target) {
        return new Planner(this, currentRows).downgrade(target);
    }

    /**
     * Plans writing the version table so the database is at {@code targets}, without running
     * migrations. With {@code purge} the current rows are dropped first, so it works even when
     * they name revisions the graph does not have.
     */
    public Plan stamp(Collection<String> currentRows, List<String> targets, boolean purge) {
        if (targets.isEmpty()) {
            throw new GraphException.InvalidTarget("", "stamp needs at least one target; stamp base empties the version"
                    + " table");
        }
        return new Planner(this, purge ? List.of() : currentRows).stamp(targets, purge ? List.copyOf(currentRows) : List.of());
    }

    /**
     * The revisions of a range, newest first, as {@code history -r from:to} lists them: either
     * side may be empty (base, and heads), {@code current} is the database's current revision, and
     * relative steps stop at the ends of the graph rather than failing.
     *
     * @throws GraphException.NotAnAncestor when {@code from} is not below {@code to}
     */
    public List<String> history(String range, Collection<String> currentRows) {
        return new Planner(this, currentRows).history(range);
    }

    // ---- package-private structure for the planner ----

    int position(String id) {
        Integer p = positions.get(id);
        if (p == null) {
            throw new GraphException.UnknownRevision(id, "");
        }
        return p;
    }

    Integer labelPosition(String label) {
        return labels.get(label);
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

    int[] dependentsOf(int position) {
        return dependents[position];
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

    BitSet bit(int position) {
        var set = new BitSet(size());
        set.set(position);
        return set;
    }

    /** {@code start} and everything it needs: parents and dependencies, transitively. */
    BitSet closure(BitSet start) {
        return walk(start, true, parents, dependencies);
    }

    /** {@code start} and its ancestors through parents only. */
    BitSet ancestorsByParents(BitSet start) {
        return walk(start, false, parents, dependencies);
    }

    /** {@code start} and its descendants: children, and with {@code dependents} also revisions depending on them. */
    BitSet descendants(BitSet start, boolean withDependents) {
        return walk(start, withDependents, children, dependents);
    }

    private BitSet walk(BitSet start, boolean both, int[][] first, int[][] second) {
        var result = (BitSet) start.clone();
        int[] stack = new int[Math.max(16, start.cardinality())];
        int top = 0;
        for (int i = start.nextSetBit(0); i >= 0; i = start.nextSetBit(i + 1)) {
            stack = push(stack, top++, i);
        }
        while (top > 0) {
            int i = stack[--top];
            for (int p : first[i]) {
                if (!result.get(p)) {
                    result.set(p);
                    stack = push(stack, top++, p);
                }
            }
            if (both) {
                for (int p : second[i]) {
                    if (!result.get(p)) {
                        result.set(p);
                        stack = push(stack, top++, p);
                    }
                }
            }
        }
        return result;
    }

    /**
     * The members in upgrade order: each after its parents and dependencies. The walk starts from
     * the members nothing else in the set stands on, in graph order, and each pulls in its parents
     * (in declared order) and then its dependencies first, so a branch runs whole before the next
     * one starts. Downgrades run the same order backwards.
     */
    int[] order(BitSet members) {
        var result = new int[members.cardinality()];
        int count = 0;
        var done = new BitSet(size());
        var entered = new BitSet(size());
        int[] stack = new int[Math.max(16, members.cardinality())];
        for (int start : startsFirst(members)) {
            if (done.get(start)) {
                continue;
            }
            int top = 0;
            stack = push(stack, top++, start);
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

    /** The tips of the set (no child or dependent in it) in graph order, then the rest. */
    private int[] startsFirst(BitSet members) {
        int[] starts = new int[members.cardinality()];
        int tips = 0;
        int rest = starts.length;
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
            boolean tip = true;
            for (int c : children[i]) {
                tip &= !members.get(c);
            }
            for (int d : dependents[i]) {
                tip &= !members.get(d);
            }
            if (tip) {
                starts[tips++] = i;
            } else {
                starts[--rest] = i;
            }
        }
        return starts;
    }

    private static int[] push(int[] stack, int at, int value) {
        int[] s = at < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
        s[at] = value;
        return s;
    }

}
