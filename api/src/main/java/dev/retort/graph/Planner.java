package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Turns targets into {@link Plan}s from the database's current version rows, with Alembic's
 * semantics; one planner serves one request and the graph stays immutable.
 *
 * <p>The version table keeps one row per current head: the maximal applied revisions. Because
 * of that invariant, applying revision {@code r} replaces exactly the rows among its parents and
 * dependencies (none: an insert; one: an update; several: a merge, deleting all but one), and
 * reverting {@code r} brings back those of its parents and dependencies that nothing still
 * applied implies. Computing rows from the invariant, rather than replaying Alembic's case
 * analysis, keeps them right when a dependency is also reachable through a parent.
 */
final class Planner {

    private final RevisionGraph graph;
    private final Resolver resolver;
    private final List<Integer> rows = new ArrayList<>();

    Planner(RevisionGraph graph, Collection<String> currentRows) {
        this.graph = graph;
        this.resolver = new Resolver(graph);
        for (String id : currentRows) {
            if (!graph.contains(id)) {
                throw new GraphException.UnknownCurrentRevision(id);
            }
            int p = graph.position(id);
            if (!rows.contains(p)) {
                rows.add(p);
            }
        }
        rows.sort(null);
    }

    List<String> resolve(String text) {
        Target t = Target.parse(text);
        List<Integer> found;
        if (t.isRelative() && t.steps() < 0 && t.symbol() == null) {
            int start = downgradeStart(t);
            found = List.of(resolver.walk(start, t.steps(), null, text, false));
        } else {
            found = upgradeTargets(t);
        }
        return graph.ids(found.stream().filter(p -> p != Resolver.BASE).sorted().mapToInt(Integer::intValue).toArray());
    }

    // ---- upgrade ----

    Plan upgrade(List<String> texts) {
        var targets = new BitSet(graph.size());
        for (String text : texts) {
            upgradeTargets(Target.parse(text)).forEach(targets::set);
        }
        checkOverlap(targets);
        BitSet needed = graph.closure(targets);
        needed.andNot(graph.closure(rowSet()));
        return simulate(Direction.UPGRADE, graph.order(needed));
    }

    private List<Integer> upgradeTargets(Target t) {
        if (!t.isRelative()) {
            return resolver.revisions(t.branch(), t.symbol());
        }
        BitSet within = resolver.lineageOf(t.branch());
        int landed;
        if (t.steps() < 0) {
            if (t.symbol() == null) {
                throw new GraphException.InvalidUpgradeTarget(t.text(), "a negative step goes down; use downgrade " + t.text());
            }
            landed = resolver.walk(resolver.single(t.branch(), t.symbol(), t.text()), t.steps(), null, t.text(), false);
        } else if (t.symbol() == null) {
            landed = resolver.walk(upgradeStart(t, within), t.steps(), within, t.text(), false);
        } else {
            landed = resolver.walk(resolver.single(t.branch(), t.symbol(), t.text()), t.steps(), within, t.text(), false);
        }
        return landed == Resolver.BASE ? List.of() : List.of(landed);
    }

    /**
     * Where {@code +N} starts: the current revision, or on a branch the current revision of that
     * branch, or, when the branch has not been reached yet, the tip of what is applied of it.
     */
    private int upgradeStart(Target t, BitSet within) {
        List<Integer> start = new ArrayList<>(rows);
        if (within != null) {
            start.removeIf(r -> !within.get(r));
            if (start.isEmpty()) {
                BitSet active = graph.closure(rowSet());
                active.and(within);
                start = tips(active);
            }
        }
        if (start.size() > 1) {
            throw new GraphException.AmbiguousUpgrade(t.text(), graph.ids(Resolver.toArray(start)));
        }
        return start.isEmpty() ? Resolver.BASE : start.get(0);
    }

    /** The members that no other member stands on. */
    private List<Integer> tips(BitSet members) {
        BitSet below = new BitSet(graph.size());
        members.stream().forEach(m -> {
            for (int d : downRevisions(m)) {
                below.set(d);
            }
        });
        var tips = new ArrayList<Integer>();
        members.stream().filter(m -> !below.get(m)).forEach(tips::add);
        return tips;
    }

    private void checkOverlap(BitSet targets) {
        if (targets.cardinality() < 2) {
            return;
        }
        for (int t = targets.nextSetBit(0); t >= 0; t = targets.nextSetBit(t + 1)) {
            BitSet below = graph.closure(graph.bit(t));
            below.clear(t);
            below.and(targets);
            if (!below.isEmpty()) {
                throw new GraphException.OverlappingTargets(graph.id(t), graph.ids(below.stream().toArray()));
            }
        }
    }

    // ---- downgrade ----

    Plan downgrade(String text) {
        Target t = Target.parse(text);
        String branch = t.branch();
        int target;
        if (!t.isRelative()) {
            if (Target.HEADS.equals(t.symbol())) {
                throw new GraphException.InvalidTarget(text, "downgrade needs one revision, not heads");
            }
            target = resolver.single(branch, t.symbol(), text);
        } else if (t.steps() > 0) {
            if (t.symbol() == null) {
                throw new GraphException.InvalidTarget(text, "a positive step goes up; use upgrade " + text);
            }
            target = resolver.walk(resolver.single(branch, t.symbol(), text), t.steps(), resolver.lineageOf(branch), text,
                    false);
        } else if (t.symbol() == null) {
            int start = downgradeStart(t);
            branch = branch != null ? branch : graph.id(start);
            target = resolver.walk(start, t.steps(), null, text, false);
        } else {
            target = resolver.walk(resolver.single(branch, t.symbol(), text), t.steps(), null, text, false);
        }
        return downgradeTo(target, branch, text);
    }

    /** Where {@code -N} starts: the current revision, or on a branch the current revision of that branch. */
    private int downgradeStart(Target t) {
        if (rows.isEmpty()) {
            throw new GraphException.RelativeOutOfRange(t.text(), -t.steps(), 0);
        }
        List<Integer> start = new ArrayList<>(rows);
        if (t.branch() != null) {
            BitSet within = resolver.lineageOf(t.branch());
            start.removeIf(r -> !within.get(r));
            if (start.isEmpty()) {
                graph.currentHeads(graph.ids(Resolver.toArray(rows))).stream().map(graph::position)
                        .filter(within::get).forEach(start::add);
            }
            if (start.isEmpty()) {
                throw new GraphException.InvalidDowngradeTarget(t.text(), currentIds());
            }
        }
        if (start.size() > 1) {
            throw new GraphException.AmbiguousWalk(t.text(), "the database's current revisions",
                    graph.ids(Resolver.toArray(start)));
        }
        return start.get(0);
    }

    /**
     * Reverts what is applied above {@code target}: the descendants (and dependents) of its
     * children, or of every base for base. A branch narrows the children to those on its line, so
     * other branches stay.
     */
    private Plan downgradeTo(int target, String branch, String text) {
        var roots = new ArrayList<Integer>();
        if (target == Resolver.BASE) {
            graph.bases().forEach(b -> roots.add(graph.position(b)));
        } else {
            for (int c : graph.childrenOf(target)) {
                roots.add(c);
            }
        }
        if (branch != null && roots.size() > 1) {
            BitSet line = graph.ancestorsByParents(graph.bit(resolver.branch(branch)));
            roots.removeIf(r -> !line.get(r));
            if (roots.isEmpty()) {
                throw new GraphException.InvalidDowngradeTarget(text, currentIds());
            }
        }
        var rootSet = new BitSet(graph.size());
        roots.forEach(rootSet::set);
        BitSet applied = graph.closure(rowSet());
        if (target != Resolver.BASE && !applied.get(target)) {
            throw new GraphException.InvalidDowngradeTarget(graph.id(target), currentIds());
        }
        BitSet revert = graph.descendants(rootSet, true);
        revert.and(applied);
        int[] order = graph.order(revert);
        reverse(order);
        return simulate(Direction.DOWNGRADE, order);
    }

    // ---- stamp ----

    /** Each destination replaces the rows on its lineage (or is added beside them); base removes rows. */
    Plan stamp(List<String> texts, List<String> purged) {
        List<String> before = new ArrayList<>(purged);
        before.addAll(currentIds());
        var steps = new ArrayList<Step>();
        for (String text : texts) {
            Target t = Target.parse(text);
            List<Integer> destinations = t.isRelative()
                    ? List.of(resolver.walk(resolver.single(t.branch(), t.symbol() == null ? Target.HEAD : t.symbol(), text),
                            t.steps(), null, text, false))
                    : resolver.revisions(t.branch(), t.symbol());
            if (destinations.isEmpty() || destinations.equals(List.of(Resolver.BASE))) {
                BitSet within = resolver.lineageOf(t.branch());
                var changes = new ArrayList<RowChange>();
                for (int r : new ArrayList<>(rows)) {
                    if (within == null || within.get(r)) {
                        rows.remove(Integer.valueOf(r));
                        changes.add(new RowChange.Delete(graph.id(r)));
                    }
                }
                if (!changes.isEmpty()) {
                    steps.add(new Step(Target.BASE, Direction.STAMP, changes, currentIds()));
                }
                continue;
            }
            for (int destination : destinations) {
                stampOne(destination).ifPresent(steps::add);
            }
        }
        return new Plan(Direction.STAMP, before, steps, currentIds());
    }

    private java.util.Optional<Step> stampOne(int destination) {
        if (rows.contains(destination)) {
            return java.util.Optional.empty();
        }
        BitSet related = graph.closure(graph.bit(destination));
        related.or(graph.descendants(graph.bit(destination), true));
        var replaced = new ArrayList<Integer>();
        rows.stream().filter(related::get).forEach(replaced::add);
        return java.util.Optional.of(new Step(graph.id(destination), Direction.STAMP, replace(replaced, destination),
                currentIds()));
    }

    // ---- history ----

    List<String> history(String range) {
        String text = range == null ? ":" : range.strip();
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            throw new GraphException.InvalidTarget(text, "a range is [from]:[to], from:, :to or from:to");
        }
        String lowerText = text.substring(0, colon).strip();
        String upperText = text.substring(colon + 1).strip();
        BitSet upper = rangeEnd(upperText.isEmpty() ? Target.HEADS : upperText);
        BitSet lower = rangeEnd(lowerText.isEmpty() ? Target.BASE : lowerText);
        BitSet required = graph.closure(upper);
        for (int l = lower.nextSetBit(0); l >= 0; l = lower.nextSetBit(l + 1)) {
            if (!required.get(l)) {
                String upperShown = upper.isEmpty() ? Target.BASE : String.join(",", graph.ids(upper.stream().toArray()));
                throw new GraphException.NotAnAncestor(graph.id(l), upperShown);
            }
        }
        BitSet listed = required;
        if (!lower.isEmpty()) {
            BitSet below = graph.closure(lower);
            below.andNot(lower);
            listed.andNot(below);
            listed.and(graph.descendants(lower, false));
        }
        int[] order = graph.order(listed);
        reverse(order);
        return graph.ids(order);
    }

    /** One end of a range: {@code current}, a relative step that stops at the edges, or a target. */
    private BitSet rangeEnd(String text) {
        var result = new BitSet(graph.size());
        if (text.equals("current")) {
            rows.forEach(result::set);
            return result;
        }
        Target t = Target.parse(text);
        if (!t.isRelative()) {
            resolver.revisions(t.branch(), t.symbol()).forEach(result::set);
            return result;
        }
        List<Integer> starts = t.symbol() == null
                ? resolver.revisions(t.branch(), Target.HEADS)
                : List.of(resolver.single(t.branch(), t.symbol(), text));
        for (int start : starts) {
            int landed = resolver.walk(start, t.steps(), resolver.lineageOf(t.branch()), text, true);
            if (landed != Resolver.BASE) {
                result.set(landed);
            }
        }
        return result;
    }

    // ---- the version rows ----

    private Plan simulate(Direction direction, int[] order) {
        List<String> before = currentIds();
        var steps = new ArrayList<Step>(order.length);
        for (int revision : order) {
            List<RowChange> changes = direction == Direction.UPGRADE ? apply(revision) : revert(revision);
            steps.add(new Step(graph.id(revision), direction, changes, currentIds()));
        }
        return new Plan(direction, before, steps, currentIds());
    }

    private List<RowChange> apply(int revision) {
        var replaced = new ArrayList<Integer>();
        for (int down : downRevisions(revision)) {
            if (rows.contains(down) && !replaced.contains(down)) {
                replaced.add(down);
            }
        }
        return replace(replaced, revision);
    }

    /** {@code revision} takes the place of the {@code replaced} rows: an insert, an update, or a merge. */
    private List<RowChange> replace(List<Integer> replaced, int revision) {
        var changes = new ArrayList<RowChange>();
        if (replaced.isEmpty()) {
            rows.add(revision);
            changes.add(new RowChange.Insert(graph.id(revision)));
            return changes;
        }
        for (int i = 0; i < replaced.size() - 1; i++) {
            rows.remove(replaced.get(i));
            changes.add(new RowChange.Delete(graph.id(replaced.get(i))));
        }
        int last = replaced.get(replaced.size() - 1);
        rows.set(rows.indexOf(last), revision);
        changes.add(new RowChange.Update(graph.id(last), graph.id(revision)));
        return changes;
    }

    private List<RowChange> revert(int revision) {
        int at = rows.indexOf(revision);
        var others = new BitSet(graph.size());
        rows.stream().filter(r -> r != revision).forEach(others::set);
        BitSet implied = others.isEmpty() ? others : graph.closure(others);
        int[] down = downRevisions(revision);
        var restored = new ArrayList<Integer>();
        for (int d : down) {
            if (!implied.get(d) && !restored.contains(d) && !impliedBySibling(d, down)) {
                restored.add(d);
            }
        }
        var changes = new ArrayList<RowChange>();
        if (restored.isEmpty()) {
            rows.remove(at);
            changes.add(new RowChange.Delete(graph.id(revision)));
            return changes;
        }
        int last = restored.get(restored.size() - 1);
        rows.set(at, last);
        changes.add(new RowChange.Update(graph.id(revision), graph.id(last)));
        for (int i = 0; i < restored.size() - 1; i++) {
            rows.add(restored.get(i));
            changes.add(new RowChange.Insert(graph.id(restored.get(i))));
        }
        return changes;
    }

    /** A parent or dependency that another one already stands on gets no row of its own. */
    private boolean impliedBySibling(int d, int[] down) {
        if (down.length < 2) {
            return false;
        }
        var siblings = new BitSet(graph.size());
        for (int s : down) {
            if (s != d) {
                siblings.set(s);
            }
        }
        return graph.closure(siblings).get(d);
    }

    /** Parents in declared order, then dependencies: what a revision's row stands on. */
    private int[] downRevisions(int revision) {
        int[] parents = graph.parentsOf(revision);
        int[] deps = graph.dependenciesOf(revision);
        int[] all = java.util.Arrays.copyOf(parents, parents.length + deps.length);
        System.arraycopy(deps, 0, all, parents.length, deps.length);
        return all;
    }

    private BitSet rowSet() {
        var set = new BitSet(graph.size());
        rows.forEach(set::set);
        return set;
    }

    /** The rows in graph order, whatever order the changes left them in. */
    private List<String> currentIds() {
        int[] sorted = new int[rows.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = rows.get(i);
        }
        java.util.Arrays.sort(sorted);
        return graph.ids(sorted);
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
