package dev.retort.graph;

import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
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
 * <p>Where revisions could run in either order they run in Alembic's order (see
 * {@link Edges#topDown}), and the list the graph is built from stands for Alembic's load order in
 * its tie-breaks. The runtime builds it from the generated indexes (sorted by class name, each
 * listing its revisions sorted by id), so the order never depends on file names or hash sets.
 *
 * <p>Build one with {@link #of}; it needs no database and loads no migration class. Plans are
 * made by {@link #upgrade}, {@link #downgrade} and {@link #stamp} from the database's version
 * rows; {@link #history} lists a range.
 */
public final class RevisionGraph {

    private final List<RevisionInfo> revisions;
    private final Map<String, Integer> positions;
    private final Map<String, Integer> labels;
    private final Edges edges;
    private final IdLookup lookup;
    private final List<String> heads;
    private final List<String> bases;
    private final List<Set<String>> effectiveLabels;

    /** From a validator that found no problem: its id map and edges are this graph's. */
    private RevisionGraph(List<RevisionInfo> revisions, GraphValidator valid) {
        this.revisions = List.copyOf(revisions);
        positions = valid.positions();
        labels = valid.labels();
        edges = new Edges(valid.parents(), valid.dependencies());
        var h = new ArrayList<String>();
        var b = new ArrayList<String>();
        for (int i = 0; i < revisions.size(); i++) {
            if (edges.children(i).length == 0) {
                h.add(revisions.get(i).id());
            }
            if (edges.parents(i).length == 0) {
                b.add(revisions.get(i).id());
            }
        }
        heads = List.copyOf(h);
        bases = List.copyOf(b);
        effectiveLabels = BranchLabels.propagate(this, labels);
        lookup = new IdLookup(this, positions, labels);
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
        return ids(edges.parents(position(id)));
    }

    public List<String> children(String id) {
        return ids(edges.children(position(id)));
    }

    /** Revisions whose {@code dependsOn} names this one. */
    public List<String> dependents(String id) {
        return ids(edges.dependents(position(id)));
    }

    /** The revisions this one depends on, labels resolved to ids. */
    public List<String> dependencies(String id) {
        return ids(edges.dependencies(position(id)));
    }

    public boolean isHead(String id) {
        return edges.children(position(id)).length == 0;
    }

    /** Several revisions revise this one. */
    public boolean isBranchPoint(String id) {
        return edges.children(position(id)).length > 1;
    }

    /** Several revisions revise or depend on this one: where a branch label stops propagating. */
    public boolean isRealBranchPoint(String id) {
        int p = position(id);
        return edges.children(p).length + edges.dependents(p).length > 1;
    }

    public boolean isMergePoint(String id) {
        return edges.parents(position(id)).length > 1;
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
        return lookup.resolve(identifier, within);
    }

    /** The given revisions and everything they need first (parents and dependencies), as a set of ids. */
    public Set<String> ancestors(Collection<String> ids) {
        BitSet closure = edges.closure(positionsOf(ids));
        var result = new LinkedHashSet<String>();
        closure.stream().forEach(i -> result.add(id(i)));
        return result;
    }

    /**
     * Every revision in the order {@code upgrade heads} runs them from an empty database: each
     * after its parents and dependencies, in Alembic's order (see {@link Edges#topDown}).
     */
    public List<String> topologicalOrder() {
        var all = new BitSet(size());
        all.set(0, size());
        return ids(upgradeOrder(all, edges.tips(all)));
    }

    /**
     * What the database's current revisions amount to, as {@code current} shows them: the version
     * rows, and the heads of branches that a row implies through {@code dependsOn} (those have no
     * row of their own).
     */
    public List<String> currentHeads(Collection<String> rows) {
        BitSet applied = edges.closure(positionsOf(rows));
        return ids(applied.stream().filter(i -> Arrays.stream(edges.children(i)).noneMatch(applied::get)).toArray());
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
        return new RangeWalk(this, currentRows).history(range);
    }

    // ---- Alembic's graph API ----

    /**
     * The revisions between two ends, top-down, as Alembic's {@code iterate_revisions(upper,
     * lower, ...)} walks them: by default what the {@code upper} targets need that the
     * {@code lower} ones do not; {@link RangeOptions#forDowngrade} lists what a downgrade from the
     * {@code upper} revisions (the current ones) to the single {@code lower} target reverts.
     * {@link #history} is this walk with {@link RangeOptions#HISTORY}; an upgrade plan runs the
     * {@link RangeOptions#UPGRADE} walk backwards.
     *
     * @param upper targets (ids, prefixes, labels, {@code heads}, {@code branch@head}, relative steps)
     * @param lower targets; empty for base
     * @throws GraphException when an end names nothing, the ends are not in line, or a relative
     *     step runs off the graph with {@link RangeOptions#exactLength}
     */
    public List<String> iterate(List<String> upper, List<String> lower, RangeOptions options) {
        return new RangeWalk(this, List.of()).iterate(upper, lower, options);
    }

    /**
     * The targets that share lineage with {@code checkAgainst} (a revision, label or
     * {@code branch@…} target), as Alembic's {@code filter_for_lineage}: a target is kept when the
     * revisions it names, or their branch's labelled revision, are among its ancestors or
     * descendants (through dependencies too with {@code includeDependencies}).
     */
    public List<String> filterForLineage(Collection<String> targets, String checkAgainst, boolean includeDependencies) {
        return new Resolver(this).filterForLineage(targets, checkAgainst, includeDependencies);
    }

    /**
     * A revision's parents in declared order, then its dependencies less those an ancestor
     * already depends on: Alembic's {@code _normalized_down_revisions}, what its version row
     * stands on and what the order walks down by.
     */
    public List<String> normalizedParents(String id) {
        return ids(edges.normalizedDown(resolvePosition(id, null)));
    }

    /**
     * One step applied to version rows as Alembic's {@code HeadMaintainer} applies it: the row
     * changes (inserts, updates, deletes) and the rows after.
     *
     * @param rows the version table's rows before the step
     * @param direction {@link Direction#UPGRADE} or {@link Direction#DOWNGRADE}
     */
    public Step applyStep(Collection<String> rows, String revision, Direction direction) {
        if (direction == Direction.STAMP) {
            throw new IllegalArgumentException("a stamp moves rows by targets: use stamp(rows, targets, purge)");
        }
        return new VersionRows(this, rows).checkedStep(resolvePosition(revision, null), direction);
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

    Edges edges() {
        return edges;
    }

    /** The members in the order an upgrade runs them: Alembic's top-down order from the targets, backwards. */
    int[] upgradeOrder(BitSet members, Iterable<Integer> targets) {
        int[] order = edges.topDown(members, targets);
        Edges.reverse(order);
        return order;
    }
}
