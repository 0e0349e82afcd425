package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The graph's edges by position, both ways, and the walks over them: the sets a plan needs
 * (ancestors, descendants) and Alembic's order of a set. Positions are the order the graph was
 * built from, which is the tie-break wherever two revisions could come in either order.
 */
final class Edges {

    private final int[][] parents;
    private final int[][] children;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final int[][] normalizedDown;

    Edges(int[][] parents, int[][] dependencies) {
        int n = parents.length;
        this.parents = parents;
        this.dependencies = dependencies;
        this.children = invert(parents, n);
        this.dependents = invert(dependencies, n);
        this.normalizedDown = new int[n][];
        for (int i = 0; i < n; i++) {
            normalizedDown[i] = normalizedDown(i);
        }
    }

    int size() {
        return parents.length;
    }

    int[] parents(int i) {
        return parents[i];
    }

    int[] children(int i) {
        return children[i];
    }

    int[] dependencies(int i) {
        return dependencies[i];
    }

    int[] dependents(int i) {
        return dependents[i];
    }

    /**
     * Parents in declared order, then the dependencies no ancestor (through parents) already
     * declares: Alembic's {@code _normalized_down_revisions}, what the order walks down by.
     */
    int[] normalizedDown(int i) {
        if (normalizedDown[i] != null) {
            return normalizedDown[i];
        }
        if (dependencies[i].length == 0) {
            return parents[i]; // nothing to normalize: no ancestor walk (graphs of thousands of revisions)
        }
        BitSet implied = new BitSet(size());
        BitSet above = ancestorsByParents(bit(i));
        above.clear(i);
        above.stream().forEach(a -> Arrays.stream(dependencies[a]).forEach(implied::set));
        int[] all = Arrays.copyOf(parents[i], parents[i].length + dependencies[i].length);
        int count = parents[i].length;
        for (int d : dependencies[i]) {
            if (!implied.get(d) && Arrays.stream(all, 0, count).noneMatch(x -> x == d)) {
                all[count++] = d;
            }
        }
        return Arrays.copyOf(all, count);
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

    /** {@code start} and its descendants: children, and with {@code withDependents} also revisions depending on them. */
    BitSet descendants(BitSet start, boolean withDependents) {
        return walk(start, withDependents, children, dependents);
    }

    private BitSet walk(BitSet start, boolean both, int[][] first, int[][] second) {
        var result = (BitSet) start.clone();
        var todo = new ArrayList<Integer>();
        start.stream().forEach(todo::add);
        while (!todo.isEmpty()) {
            int i = todo.remove(todo.size() - 1);
            for (int p : first[i]) {
                if (!result.get(p)) {
                    result.set(p);
                    todo.add(p);
                }
            }
            if (both) {
                for (int p : second[i]) {
                    if (!result.get(p)) {
                        result.set(p);
                        todo.add(p);
                    }
                }
            }
        }
        return result;
    }

    /**
     * The members top-down, as Alembic's {@code _topological_sort} orders them: starting from the
     * given heads that are members (in graph order), it follows one line down, switching to
     * another line whenever the revision it is at is still needed by that line, so each branch
     * comes whole and shared revisions come after every branch above them. An upgrade runs the
     * result backwards; a downgrade and {@code history} use it as it is.
     *
     * @param heads where the walk starts: an upgrade's targets, a downgrade's current rows,
     *     a history range's upper end
     */
    int[] topDown(BitSet members, Iterable<Integer> heads) {
        BitSet todo = (BitSet) members.clone();
        var current = new ArrayList<Integer>();
        heads.forEach(h -> {
            if (todo.get(h) && !current.contains(h)) {
                current.add(h);
            }
        });
        // Alembic fails (an assertion) on members the heads do not reach, such as a range's
        // revisions that only a dependency links to its upper end; they start lines of their own.
        BitSet unreached = (BitSet) members.clone();
        var walk = new ArrayList<>(current);
        walk.forEach(unreached::clear);
        while (!walk.isEmpty()) {
            for (int d : normalizedDown[walk.remove(walk.size() - 1)]) {
                if (unreached.get(d)) {
                    unreached.clear(d);
                    walk.add(d);
                }
            }
        }
        tips(unreached).forEach(current::add);
        current.sort(null);
        var ancestors = new ArrayList<BitSet>();
        current.forEach(h -> ancestors.add(closure(bit(h))));
        int[] output = new int[members.cardinality()];
        int count = 0;
        int at = 0;
        while (!current.isEmpty() || !todo.isEmpty()) {
            if (current.isEmpty()) {
                // Members only a non-member links to the heads: each pass emits at least its tips.
                for (int tip : tips(todo)) {
                    current.add(tip);
                    ancestors.add(closure(bit(tip)));
                }
                at = 0;
            }
            int candidate = current.get(at);
            int needer = neededBy(candidate, at, ancestors);
            if (needer >= 0) {
                at = needer; // another line still needs it: that line goes first
                continue;
            }
            if (todo.get(candidate)) {
                output[count++] = candidate;
                todo.clear(candidate);
            }
            List<Integer> next = new ArrayList<>();
            for (int d : normalizedDown[candidate]) {
                if (todo.get(d) && !current.contains(d)) {
                    next.add(d);
                }
            }
            if (next.isEmpty()) {
                current.remove(at);
                ancestors.remove(at);
                at = Math.max(at - 1, 0);
            } else if (parents[candidate].length == 1 && normalizedDown[candidate].length == 1) {
                // Down a plain line: the line's ancestry loses the candidate, as in Alembic.
                current.set(at, next.get(0));
                ancestors.get(at).clear(candidate);
            } else {
                current.set(at, next.get(0));
                ancestors.set(at, closure(bit(next.get(0))));
                for (int k = 1; k < next.size(); k++) {
                    current.add(next.get(k));
                    ancestors.add(closure(bit(next.get(k))));
                }
            }
        }
        return Arrays.copyOf(output, count);
    }

    /** The first other line whose ancestry holds the candidate, or -1. */
    private static int neededBy(int candidate, int at, List<BitSet> ancestors) {
        for (int k = 0; k < ancestors.size(); k++) {
            if (k != at && ancestors.get(k).get(candidate)) {
                return k;
            }
        }
        return -1;
    }

    /** The members no other member stands on (by child or dependent), in graph order. */
    List<Integer> tips(BitSet members) {
        var tips = new ArrayList<Integer>();
        members.stream().filter(i -> Arrays.stream(children[i]).noneMatch(members::get)
                && Arrays.stream(dependents[i]).noneMatch(members::get)).forEach(tips::add);
        return tips;
    }

    /** The members no other member stands on by its normalized parents, in graph order: where a relative walk up starts. */
    List<Integer> unneeded(BitSet members) {
        BitSet below = new BitSet(size());
        members.stream().forEach(m -> Arrays.stream(normalizedDown[m]).forEach(below::set));
        var tips = new ArrayList<Integer>();
        members.stream().filter(m -> !below.get(m)).forEach(tips::add);
        return tips;
    }

    static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
