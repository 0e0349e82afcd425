package dev.retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Walks a range of revisions as Alembic's {@code iterate_revisions} does: what the upper end
 * needs down to the lower end ({@code history}, an upgrade), or what a downgrade from the upper
 * end to the lower one reverts, in Alembic's top-down order ({@link Edges#topDown}).
 */
final class RangeWalk {

    private final RevisionGraph graph;
    private final Resolver resolver;
    private final Collection<String> currentRows;

    /** @param currentRows what {@code current} stands for in a range */
    RangeWalk(RevisionGraph graph, Collection<String> currentRows) {
        this.graph = graph;
        this.resolver = new Resolver(graph);
        this.currentRows = new VersionRows(graph, currentRows).ids(); // an unknown row fails here, used or not
    }

    /** {@code history -r lower:upper}: either side may be empty (base, and heads). */
    List<String> history(String range) {
        String text = range == null ? ":" : range.strip();
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            throw new GraphException.InvalidTarget(text, "a range is [from]:[to], from:, :to or from:to");
        }
        String lower = text.substring(0, colon).strip();
        String upper = text.substring(colon + 1).strip();
        return iterate(List.of(upper.isEmpty() ? Target.HEADS : upper), lower.isEmpty() ? List.of() : List.of(lower),
                RangeOptions.HISTORY);
    }

    List<String> iterate(List<String> upper, List<String> lower, RangeOptions options) {
        if (options.forDowngrade()) {
            if (lower.size() > 1) {
                throw new GraphException.InvalidTarget(String.join(",", lower), "a downgrade walks to one target");
            }
            var planner = new Planner(graph, upper);
            String target = lower.isEmpty() ? Target.BASE : lower.get(0);
            return graph.ids(planner.downgradeOrder(target, options.inclusive(), options.implicitBase()));
        }
        return graph.ids(upward(upper, lower, options));
    }

    /**
     * Alembic's {@code _collect_upgrade_revisions}: the upper ends and what they need, less what
     * the lower ends already need; with {@code inclusive} the lower ends too. A relative upper end
     * walks from the lower end; a lower end naming a branch ({@code branch@base}) keeps the upper
     * ends on that branch.
     */
    private int[] upward(List<String> upperTexts, List<String> lowerTexts, RangeOptions options) {
        boolean relativeLower = lowerTexts.stream().anyMatch(text -> !text.equals("current")
                && Target.parse(text).isRelative() && Target.parse(text).symbol() == null);
        var lower = new BitSet(graph.size());
        var upper = new BitSet(graph.size());
        if (relativeLower) {
            // A lower end such as branch@-1 counts down from the upper end (Alembic's special case).
            for (String text : upperTexts) {
                upper.or(end(text, null, options));
            }
            for (String text : lowerTexts) {
                lower.or(lowerFrom(text, upper, options));
            }
        } else {
            for (String text : lowerTexts) {
                lower.or(end(text, null, options));
            }
            for (String text : upperTexts) {
                upper.or(end(text, lower, options));
            }
        }
        String branch = lowerTexts.size() == 1 && lowerTexts.get(0).contains("@")
                ? branchLabel(Target.parse(lowerTexts.get(0)).branch()) : null;
        if (branch != null) {
            upper.stream().filter(u -> !graph.labels(graph.id(u)).contains(branch)).forEach(upper::clear);
        }
        resolver.checkOverlap(upper);
        BitSet needs = graph.edges().closure(upper);
        if (!options.implicitBase() && !relativeLower) {
            for (int l = lower.nextSetBit(0); l >= 0; l = lower.nextSetBit(l + 1)) {
                if (!needs.get(l)) {
                    String shown = upper.isEmpty() ? Target.BASE : String.join(",", graph.ids(upper.stream().toArray()));
                    throw new GraphException.NotAnAncestor(graph.id(l), shown);
                }
            }
        }
        needs.andNot(graph.edges().closure(lower));
        if (options.inclusive()) {
            needs.or(lower);
        }
        if (!lower.isEmpty() && !options.implicitBase()) {
            needs.and(graph.edges().descendants(lower, false));
        }
        return graph.edges().topDown(needs, upper.stream().boxed().toList());
    }

    /** The label a {@code branch@…} names: the label itself, or the one label of a revision given in its place. */
    private String branchLabel(String branch) {
        if (branch == null || graph.labelled(branch).isPresent()) {
            return branch;
        }
        Set<String> labels = graph.labels(graph.id(resolver.branch(branch)));
        return labels.size() == 1 ? labels.iterator().next() : null;
    }

    /**
     * One end of a range: {@code current}, a target, or a relative step. An upper end's
     * {@code +N} counts from the lower end ({@code from}), on its branch when one is named; a
     * lower end's counts from the heads. Without {@code exactLength} a walk stops at the edge.
     */
    private BitSet end(String text, BitSet from, RangeOptions options) {
        var result = new BitSet(graph.size());
        if (text.equals("current")) {
            currentRows.forEach(r -> result.set(graph.position(r)));
            return result;
        }
        Target t = Target.parse(text);
        if (!t.isRelative()) {
            resolver.revisions(t.branch(), t.symbol()).forEach(result::set);
            return result;
        }
        BitSet within = resolver.lineageOf(t.branch());
        List<Integer> starts;
        if (t.symbol() != null) {
            starts = List.of(resolver.single(t.branch(), t.symbol(), text));
        } else if (from == null) {
            starts = resolver.revisions(t.branch(), Target.HEADS);
        } else if (t.steps() < 0) {
            throw new GraphException.InvalidTarget(text, "the upper end of a range cannot step down from the lower end;"
                    + " name a revision, as in heads-1 or " + (t.branch() == null ? "" : t.branch() + "@") + "head-1");
        } else {
            starts = List.of(resolver.relativeStart(from.stream().boxed().toList(), within, text));
        }
        for (int start : starts) {
            int landed = resolver.walk(start, t.steps(), within, text, !options.exactLength());
            if (landed != Resolver.BASE) {
                result.set(landed);
            }
        }
        return result;
    }

    /**
     * A relative lower end: {@code -N} (on a branch when one is named) down from the upper end,
     * which must be one revision there; a lower end cannot step up.
     */
    private BitSet lowerFrom(String text, BitSet upper, RangeOptions options) {
        Target t = Target.parse(text);
        if (t.steps() > 0) {
            throw new GraphException.InvalidTarget(text, "the lower end of a range steps down from the upper end;"
                    + " use -" + t.steps() + (t.branch() == null ? "" : " or " + t.branch() + "@-" + t.steps()));
        }
        BitSet within = resolver.lineageOf(t.branch());
        List<Integer> starts = new ArrayList<>();
        upper.stream().filter(u -> within == null || within.get(u)).forEach(starts::add);
        if (starts.size() != 1) {
            throw new GraphException.AmbiguousWalk(text, "the upper end of the range", graph.ids(Resolver.toArray(starts)));
        }
        var result = new BitSet(graph.size());
        int landed = resolver.walk(starts.get(0), t.steps(), null, text, !options.exactLength());
        if (landed != Resolver.BASE) {
            result.set(landed);
        }
        return result;
    }
}
