package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Turns a target into a {@link Plan} from the database's current version rows. One planner
 * serves one request; the graph stays immutable.
 *
 * <p>The version table keeps one row per current head: the maximal applied revisions. Because
 * of that invariant, applying revision {@code r} replaces exactly the rows among its parents and
 * dependencies (Alembic's HeadMaintainer: none is an insert, one an update, several a merge),
 * and reverting {@code r} brings back those of its parents and dependencies that no other row
 * still implies.
 */
final class Planner {

    private final RevisionGraph graph;
    private final List<Integer> rows = new ArrayList<>();

    Planner(RevisionGraph graph, Collection<String> currentRows) {
        this.graph = graph;
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

    Plan upgrade(String text) {
        Target target = Target.parse(text);
        if (target instanceof Target.Relative rel && rel.steps() < 0 && rel.anchor() == null) {
            throw new GraphException.InvalidUpgradeTarget(text, "a negative step goes down; use downgrade " + text);
        }
        BitSet needed = graph.closure(resolve(target, text));
        needed.andNot(graph.closure(rowSet()));
        return simulate(Direction.UPGRADE, graph.order(needed));
    }

    Plan downgrade(String text) {
        Target target = Target.parse(text);
        if (target instanceof Target.Relative rel && rel.steps() > 0 && rel.anchor() == null) {
            throw new GraphException.InvalidTarget(text, "a positive step goes up; use upgrade " + text);
        }
        BitSet targets = resolve(target, text);
        BitSet applied = graph.closure(rowSet());
        BitSet outside = (BitSet) targets.clone();
        outside.andNot(applied);
        if (!outside.isEmpty()) {
            throw new GraphException.InvalidDowngradeTarget(graph.id(outside.nextSetBit(0)), currentIds());
        }
        applied.andNot(graph.closure(targets));
        int[] order = graph.order(applied);
        reverse(order);
        return simulate(Direction.DOWNGRADE, order);
    }

    /** The revisions a target names: empty for base. */
    private BitSet resolve(Target target, String text) {
        var set = new BitSet(graph.size());
        if (target instanceof Target.Heads) {
            graph.heads().forEach(h -> set.set(graph.position(h)));
        } else if (target instanceof Target.Relative rel) {
            int landed = walk(rel, text);
            if (landed >= 0) {
                set.set(landed);
            }
        } else {
            int single = single(target);
            if (single >= 0) {
                set.set(single);
            }
        }
        return set;
    }

    /** The one revision a non-relative target names, or -1 for base. */
    private int single(Target target) {
        if (target instanceof Target.Base) {
            return -1;
        }
        if (target instanceof Target.Head) {
            List<String> heads = graph.heads();
            if (heads.size() > 1) {
                throw new GraphException.MultipleHeads(heads);
            }
            return heads.isEmpty() ? -1 : graph.position(heads.get(0));
        }
        return graph.position(graph.resolveId(((Target.Rev) target).identifier()));
    }

    /** Walks a relative target one revision at a time; refuses to choose between branches. */
    private int walk(Target.Relative rel, String text) {
        int at;
        if (rel.anchor() == null) {
            if (rows.size() > 1) {
                throw new GraphException.AmbiguousWalk(text, "the database's current revisions", currentIds());
            }
            at = rows.isEmpty() ? -1 : rows.get(0);
        } else {
            at = single(rel.anchor());
        }
        int wanted = Math.abs(rel.steps());
        for (int taken = 0; taken < wanted; taken++) {
            int[] next;
            if (rel.steps() > 0) {
                next = at < 0 ? positions(graph.bases()) : graph.childrenOf(at);
            } else {
                if (at < 0) {
                    throw new GraphException.RelativeOutOfRange(text, wanted, taken);
                }
                next = graph.parentsOf(at);
                if (next.length == 0) {
                    at = -1;
                    continue;
                }
            }
            if (next.length == 0) {
                throw new GraphException.RelativeOutOfRange(text, wanted, taken);
            }
            if (next.length > 1) {
                throw new GraphException.AmbiguousWalk(text, at < 0 ? "base" : graph.id(at), graph.ids(next));
            }
            at = next[0];
        }
        return at;
    }

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
        rows.forEach(r -> {
            if (r != revision) {
                others.set(r);
            }
        });
        BitSet implied = others.isEmpty() ? others : graph.closure(others);
        var restored = new ArrayList<Integer>();
        for (int down : downRevisions(revision)) {
            if (!implied.get(down) && !restored.contains(down) && !rows.contains(down)) {
                restored.add(down);
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

    private List<String> currentIds() {
        var ids = new ArrayList<String>(rows.size());
        rows.forEach(r -> ids.add(graph.id(r)));
        return ids;
    }

    private int[] positions(List<String> ids) {
        return ids.stream().mapToInt(graph::position).toArray();
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
