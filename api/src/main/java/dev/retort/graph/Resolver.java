package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Turns the parts of a {@link Target} into revisions of one graph, with Alembic's rules: a
 * branch (a label, or a revision in the label position) narrows a symbol to its lineage, and a
 * walk moves one revision at a time, refusing to choose between branches.
 */
final class Resolver {

    /** The position that stands for base: no revision at all. */
    static final int BASE = -1;

    private final RevisionGraph graph;

    Resolver(RevisionGraph graph) {
        this.graph = graph;
    }

    /** The revision a branch names: the one that declares the label, or the revision itself. */
    int branch(String branch) {
        Integer labelled = graph.labelPosition(branch);
        if (labelled != null) {
            return labelled;
        }
        try {
            return graph.resolvePosition(branch, null);
        } catch (GraphException.UnknownRevision e) {
            throw new GraphException.UnknownBranch(branch);
        }
    }

    /** The revisions that share lineage with one: its ancestors and descendants through parents, and itself. */
    BitSet lineage(int revision) {
        BitSet bit = graph.bit(revision);
        BitSet lineage = graph.edges().ancestorsByParents(bit);
        lineage.or(graph.edges().descendants(bit, false));
        return lineage;
    }

    /**
     * Where a relative {@code +N} walks up from: the one revision of {@code from} on the branch
     * ({@code within}); on a branch {@code from} has not reached, the tip of what {@code from}
     * needs there; else base.
     *
     * @throws GraphException.AmbiguousUpgrade when several revisions could be the start
     */
    int relativeStart(List<Integer> from, BitSet within, String text) {
        List<Integer> start = new ArrayList<>(from);
        if (within != null) {
            start.removeIf(r -> !within.get(r));
            if (start.isEmpty()) {
                var fromSet = new BitSet(graph.size());
                from.forEach(fromSet::set);
                BitSet active = graph.edges().closure(fromSet);
                active.and(within);
                start = graph.edges().unneeded(active);
            }
        }
        if (start.size() > 1) {
            throw new GraphException.AmbiguousUpgrade(text, graph.ids(toArray(start)));
        }
        return start.isEmpty() ? BASE : start.get(0);
    }

    /** Several targets, none below another (Alembic: "Requested revision … overlaps with other requested revisions"). */
    void checkOverlap(BitSet targets) {
        if (targets.cardinality() < 2) {
            return;
        }
        for (int t = targets.nextSetBit(0); t >= 0; t = targets.nextSetBit(t + 1)) {
            BitSet below = graph.edges().closure(graph.bit(t));
            below.clear(t);
            below.and(targets);
            if (!below.isEmpty()) {
                throw new GraphException.OverlappingTargets(graph.id(t), graph.ids(below.stream().toArray()));
            }
        }
    }

    /** Alembic's {@code filter_for_lineage}; see {@link RevisionGraph#filterForLineage}. */
    List<String> filterForLineage(Collection<String> targets, String checkAgainst, boolean includeDependencies) {
        var shares = new BitSet(graph.size());
        Target t = Target.parse(checkAgainst);
        if (t.branch() != null) {
            shares.set(branch(t.branch()));
        }
        if (!t.isRelative() && t.symbol() != null) {
            revisions(t.branch(), t.symbol()).forEach(shares::set);
        }
        var kept = new ArrayList<String>();
        for (String target : targets) {
            BitSet self = graph.bit(graph.resolvePosition(target, null));
            BitSet line = includeDependencies ? graph.edges().closure(self) : graph.edges().ancestorsByParents(self);
            line.or(graph.edges().descendants(self, includeDependencies));
            if (shares.isEmpty() || line.intersects(shares)) {
                kept.add(target);
            }
        }
        return kept;
    }

    /** The lineage of a branch, or {@code null} (everything) when there is none. */
    BitSet lineageOf(String branch) {
        return branch == null ? null : lineage(branch(branch));
    }

    /**
     * The revisions an absolute symbol names, within a branch when one is given: empty for base,
     * several for {@code heads}.
     */
    List<Integer> revisions(String branch, String symbol) {
        BitSet within = lineageOf(branch);
        var result = new ArrayList<Integer>();
        switch (symbol) {
            case Target.BASE:
                return result;
            case Target.HEADS:
                for (String head : graph.heads()) {
                    int h = graph.position(head);
                    if (within != null ? within.get(h) : graph.edges().dependents(h).length == 0) {
                        result.add(h);
                    }
                }
                return result;
            case Target.HEAD:
                for (String head : graph.heads()) {
                    int h = graph.position(head);
                    if (within == null || within.get(h)) {
                        result.add(h);
                    }
                }
                if (result.size() > 1) {
                    throw new GraphException.MultipleHeads(graph.ids(toArray(result)));
                }
                return result;
            default:
                int revision = graph.resolvePosition(symbol, within);
                if (within != null && !within.get(revision)) {
                    throw new GraphException.NotInBranch(graph.id(revision), branch);
                }
                result.add(revision);
                return result;
        }
    }

    /** The one revision (or base) an absolute symbol names. */
    int single(String branch, String symbol, String text) {
        List<Integer> found = revisions(branch, symbol);
        if (found.size() > 1) {
            throw new GraphException.MultipleHeads(graph.ids(toArray(found)));
        }
        return found.isEmpty() ? BASE : found.get(0);
    }

    /**
     * Walks {@code steps} revisions up (children; from base, the bases) or down (parents; below a
     * base, base). Up the walk keeps to {@code within} when given. A walk past the end fails, or,
     * with {@code clamp}, stops there.
     */
    int walk(int start, int steps, BitSet within, String text, boolean clamp) {
        int at = start;
        int wanted = Math.abs(steps);
        for (int taken = 0; taken < wanted; taken++) {
            int[] next;
            if (steps > 0) {
                next = filter(at == BASE ? positions(graph.bases()) : graph.edges().children(at), within);
            } else if (at == BASE) {
                next = new int[0];
            } else {
                next = graph.edges().parents(at).length == 0 ? new int[] {BASE} : graph.edges().parents(at);
            }
            if (next.length == 0) {
                if (clamp) {
                    return at;
                }
                throw new GraphException.RelativeOutOfRange(text, wanted, taken);
            }
            if (next.length > 1) {
                throw new GraphException.AmbiguousWalk(text, at == BASE ? "base" : graph.id(at), graph.ids(next));
            }
            at = next[0];
        }
        return at;
    }

    private int[] filter(int[] candidates, BitSet within) {
        if (within == null) {
            return candidates;
        }
        return java.util.Arrays.stream(candidates).filter(within::get).toArray();
    }

    private int[] positions(List<String> ids) {
        return ids.stream().mapToInt(graph::position).toArray();
    }

    static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
