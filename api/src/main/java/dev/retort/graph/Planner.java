package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Turns targets into {@link Plan}s from the database's current version rows, with Alembic's
 * semantics; one planner serves one request and the graph stays immutable. What to run is
 * Alembic's set, in Alembic's order ({@link Edges#topDown}); the version rows change as
 * {@link VersionRows} says, step by step.
 */
final class Planner {

    private final RevisionGraph graph;
    private final Resolver resolver;
    private final VersionRows versionRows;
    /** The current rows by position; {@link #versionRows} changes them as steps are planned. */
    private final List<Integer> rows;

    Planner(RevisionGraph graph, Collection<String> currentRows) {
        this.graph = graph;
        this.resolver = new Resolver(graph);
        this.versionRows = new VersionRows(graph, currentRows);
        this.rows = versionRows.positions();
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
        resolver.checkOverlap(targets);
        BitSet needed = graph.edges().closure(targets);
        needed.andNot(graph.edges().closure(versionRows.set()));
        return versionRows.run(Direction.UPGRADE, graph.upgradeOrder(needed, targets.stream().boxed().toList()));
    }

    private List<Integer> upgradeTargets(Target t) {
        if (!t.isRelative()) {
            return resolver.revisions(t.branch(), t.symbol());
        }
        BitSet within = resolver.lineageOf(t.branch());
        int landed;
        if (t.steps() < 0) {
            if (t.symbol() == null) {
                throw new GraphException.WrongDirection(t.text(), Direction.UPGRADE);
            }
            landed = resolver.walk(resolver.single(t.branch(), t.symbol(), t.text()), t.steps(), null, t.text(), false);
        } else if (t.symbol() == null) {
            landed = resolver.walk(resolver.relativeStart(rows, within, t.text()), t.steps(), within, t.text(), false);
        } else {
            landed = resolver.walk(resolver.single(t.branch(), t.symbol(), t.text()), t.steps(), within, t.text(), false);
        }
        return landed == Resolver.BASE ? List.of() : List.of(landed);
    }

    // ---- downgrade ----

    Plan downgrade(String text) {
        return versionRows.run(Direction.DOWNGRADE, downgradeOrder(text, false, false));
    }

    /**
     * What a downgrade to {@code text} reverts, top-down (Alembic's {@code iterate_revisions} with
     * {@code select_for_downgrade}): with {@code inclusive} the target too; with
     * {@code implicitBase} every other applied branch down to base as well.
     */
    int[] downgradeOrder(String text, boolean inclusive, boolean implicitBase) {
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
                throw new GraphException.WrongDirection(text, Direction.DOWNGRADE);
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
        return graph.edges().topDown(revertSet(target, branch, text, inclusive, implicitBase), rows);
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
                throw new GraphException.InvalidDowngradeTarget(t.text(), versionRows.ids());
            }
        }
        if (start.size() > 1) {
            throw new GraphException.AmbiguousWalk(t.text(), "the database's current revisions",
                    graph.ids(Resolver.toArray(start)));
        }
        return start.get(0);
    }

    /**
     * What is applied above {@code target}: the descendants (and dependents) of its children, or
     * of every base for base. A branch narrows the children to those on its line, so other
     * branches stay.
     */
    private BitSet revertSet(int target, String branch, String text, boolean inclusive, boolean implicitBase) {
        var roots = new ArrayList<Integer>();
        if (target == Resolver.BASE) {
            graph.bases().forEach(b -> roots.add(graph.position(b)));
        } else if (inclusive) {
            roots.add(target);
        } else {
            for (int c : graph.edges().children(target)) {
                roots.add(c);
            }
        }
        if (branch != null && roots.size() > 1) {
            BitSet line = graph.edges().ancestorsByParents(graph.bit(resolver.branch(branch)));
            roots.removeIf(r -> !line.get(r));
            if (roots.isEmpty()) {
                throw new GraphException.InvalidDowngradeTarget(text, versionRows.ids());
            }
        }
        var rootSet = new BitSet(graph.size());
        roots.forEach(rootSet::set);
        BitSet applied = graph.edges().closure(versionRows.set());
        if (target != Resolver.BASE && !applied.get(target) && !implicitBase) {
            throw new GraphException.InvalidDowngradeTarget(graph.id(target), versionRows.ids());
        }
        BitSet revert = graph.edges().descendants(rootSet, true);
        revert.and(applied);
        if (implicitBase) {
            BitSet others = (BitSet) applied.clone();
            others.andNot(graph.edges().closure(rootSet));
            revert.or(others);
        }
        if (revert.isEmpty() && target != Resolver.BASE && !rows.contains(target)) {
            throw new GraphException.NothingToRevert(graph.id(target), versionRows.ids());
        }
        return revert;
    }

    // ---- stamp ----

    /** Each destination replaces the rows on its lineage (or is added beside them); base removes rows. */
    Plan stamp(List<String> texts, List<String> purged) {
        List<String> before = new ArrayList<>(purged);
        before.addAll(versionRows.ids());
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
                        changes.add(versionRows.delete(r));
                    }
                }
                if (!changes.isEmpty()) {
                    steps.add(new Step(Target.BASE, Direction.STAMP, changes, versionRows.ids()));
                }
                continue;
            }
            for (int destination : destinations) {
                stampOne(destination).ifPresent(steps::add);
            }
        }
        return new Plan(Direction.STAMP, before, steps, versionRows.ids());
    }

    private java.util.Optional<Step> stampOne(int destination) {
        if (rows.contains(destination)) {
            return java.util.Optional.empty();
        }
        BitSet related = graph.edges().closure(graph.bit(destination));
        related.or(graph.edges().descendants(graph.bit(destination), true));
        var replaced = new ArrayList<Integer>();
        rows.stream().filter(related::get).forEach(replaced::add);
        return java.util.Optional.of(new Step(graph.id(destination), Direction.STAMP, versionRows.replace(replaced, destination),
                versionRows.ids()));
    }
}
