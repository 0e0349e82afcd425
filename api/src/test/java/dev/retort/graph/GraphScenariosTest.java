package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.index.RevisionInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Alembic's semantics, table-driven over small graphs: each case is a graph, the database's
 * version rows, a command with its target, and what must happen (the steps in order and the rows
 * after) or the error it must raise.
 *
 * <p>Steps read {@code +a1} (upgrade), {@code -a1} (downgrade), {@code =a1} (stamp); rows are
 * sorted for comparison. The orders are Alembic 1.20's, checked with its {@code RevisionMap} on the
 * same graphs ({@link AlembicParityTest} compares many more).
 */
class GraphScenariosTest {

    private static RevisionInfo r(String id, String... parents) {
        return RevisionInfo.of(id, parents);
    }

    /** Graphs by name. Listing order is the tie-break order. */
    static final Map<String, RevisionGraph> GRAPHS = Map.of(
            // a1 -> a2 -> a3
            "linear", RevisionGraph.of(List.of(r("a1"), r("a2", "a1"), r("a3", "a2"))),
            // base -> l1, r1 ; m merges l1 and r1 ; top above m
            "diamond", RevisionGraph.of(List.of(r("base1"), r("l1", "base1"), r("r1", "base1"), r("m1", "l1", "r1"),
                    r("top1", "m1"))),
            // two independent roots
            "bases", RevisionGraph.of(List.of(r("x1"), r("x2", "x1"), r("y1"), r("y2", "y1"))),
            // r0 branches into alpha (a1 -> a2) and beta (b1 -> b2), labelled on their first revisions
            "labelled", RevisionGraph.of(List.of(r("r0"), r("a1", "r0").withBranchLabels("alpha"), r("a2", "a1"),
                    r("b1", "r0").withBranchLabels("beta"), r("b2", "b1"))),
            // an app branch whose second revision depends on the first revision of a library branch
            "deps", RevisionGraph.of(List.of(r("app1").withBranchLabels("app"), r("app2", "app1").withDependsOn("lib1"),
                    r("lib1").withBranchLabels("lib"), r("lib2", "lib1"))),
            // r0 branches three ways; m1 merges a1 and b1; m2 merges m1 and c1
            "merges", RevisionGraph.of(List.of(r("r0"), r("a1", "r0"), r("b1", "r0"), r("c1", "r0"),
                    r("m1", "a1", "b1"), r("m2", "m1", "c1"))));

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- linear: head, relative steps, ids and prefixes ----
                ok("linear", "", "upgrade head", "+a1 +a2 +a3", "a3"),
                ok("linear", "", "upgrade +2", "+a1 +a2", "a2"),
                ok("linear", "a1", "upgrade +1", "+a2", "a2"),
                ok("linear", "", "upgrade a2", "+a1 +a2", "a2"),
                ok("linear", "", "upgrade head-1", "+a1 +a2", "a2"),
                ok("linear", "", "upgrade base+1", "+a1", "a1"),
                ok("linear", "a1", "upgrade a1+2", "+a2 +a3", "a3"),
                ok("linear", "a3", "upgrade a1", "", "a3"),
                ok("linear", "a3", "downgrade -1", "-a3", "a2"),
                ok("linear", "a3", "downgrade -3", "-a3 -a2 -a1", ""),
                ok("linear", "a3", "downgrade a1", "-a3 -a2", "a1"),
                ok("linear", "a3", "downgrade base", "-a3 -a2 -a1", ""),
                ok("linear", "a3", "downgrade head-2", "-a3 -a2", "a1"),
                ok("linear", "a2", "downgrade a2", "", "a2"),
                err("linear", "a2", "upgrade +2", GraphException.RelativeOutOfRange.class),
                err("linear", "", "downgrade -1", GraphException.RelativeOutOfRange.class),
                err("linear", "a1", "downgrade -2", GraphException.RelativeOutOfRange.class),
                err("linear", "a1", "downgrade a3", GraphException.InvalidDowngradeTarget.class),
                err("linear", "a1", "upgrade -1", GraphException.WrongDirection.class),
                err("linear", "a1", "downgrade +1", GraphException.WrongDirection.class),
                err("linear", "", "upgrade zz", GraphException.UnknownRevision.class),
                err("linear", "zzzz9", "upgrade head", GraphException.UnknownCurrentRevision.class),

                // ---- diamond: a merge collapses rows, downgrading through it restores them ----
                ok("diamond", "", "upgrade head", "+base1 +r1 +l1 +m1 +top1", "top1"),
                ok("diamond", "", "upgrade heads", "+base1 +r1 +l1 +m1 +top1", "top1"),
                ok("diamond", "base1", "upgrade l1", "+l1", "l1"),
                ok("diamond", "l1", "upgrade r1", "+r1", "l1 r1"),
                ok("diamond", "l1 r1", "upgrade m1", "+m1", "m1"),
                ok("diamond", "top1", "downgrade m1", "-top1", "m1"),
                ok("diamond", "m1", "downgrade l1", "-m1", "l1 r1"),
                ok("diamond", "m1", "downgrade base1", "-m1 -l1 -r1", "base1"),
                ok("diamond", "l1 r1", "downgrade l1@base1", "-l1", "r1"),
                ok("diamond", "l1 r1", "downgrade r1@-1", "-r1", "l1"),
                ok("diamond", "top1", "downgrade base", "-top1 -m1 -l1 -r1 -base1", ""),
                err("diamond", "m1", "downgrade -1", GraphException.AmbiguousWalk.class),
                err("diamond", "base1", "upgrade +1", GraphException.AmbiguousWalk.class),
                err("diamond", "l1 r1", "upgrade +1", GraphException.AmbiguousUpgrade.class),
                err("diamond", "l1 r1", "downgrade -1", GraphException.AmbiguousWalk.class),

                // ---- several bases: independent rows, head is ambiguous, base reverts both ----
                ok("bases", "", "upgrade heads", "+y1 +y2 +x1 +x2", "x2 y2"),
                ok("bases", "", "upgrade x2", "+x1 +x2", "x2"),
                ok("bases", "x2", "upgrade y1", "+y1", "x2 y1"),
                ok("bases", "x2 y2", "downgrade x1", "-x2", "x1 y2"),
                ok("bases", "x2 y2", "downgrade x2@base", "-x2 -x1", "y2"),
                ok("bases", "x2 y2", "downgrade base", "-x2 -x1 -y2 -y1", ""),
                ok("bases", "x2 y1", "upgrade y1@+1", "+y2", "x2 y2"),
                err("bases", "", "upgrade head", GraphException.MultipleHeads.class),
                err("bases", "x1 y1", "upgrade +1", GraphException.AmbiguousUpgrade.class),

                // ---- labels: label@head, a bare label, label@base, label@-1, label@rev ----
                ok("labelled", "", "upgrade alpha@head", "+r0 +a1 +a2", "a2"),
                ok("labelled", "", "upgrade beta", "+r0 +b1", "b1"),
                ok("labelled", "a2", "upgrade beta@head", "+b1 +b2", "a2 b2"),
                ok("labelled", "", "upgrade heads", "+r0 +b1 +b2 +a1 +a2", "a2 b2"),
                ok("labelled", "a2 b2", "downgrade beta@-1", "-b2", "a2 b1"),
                ok("labelled", "a2 b2", "downgrade alpha@-2", "-a2 -a1", "b2"),
                ok("labelled", "a2 b2", "downgrade b1", "-b2", "a2 b1"),
                ok("labelled", "a2 b2", "downgrade r0", "-a2 -a1 -b2 -b1", "r0"),
                ok("labelled", "a2 b2", "downgrade beta@r0", "-b2 -b1", "a2"),
                ok("labelled", "a2 b2", "downgrade beta@base", "-a2 -a1 -b2 -b1 -r0", ""),
                ok("labelled", "a1 b1", "upgrade alpha@+1", "+a2", "a2 b1"),
                ok("labelled", "r0", "upgrade beta@+1", "+b1", "b1"),
                ok("labelled", "", "upgrade a1@head", "+r0 +a1 +a2", "a2"),
                ok("labelled", "", "upgrade alpha@a2", "+r0 +a1 +a2", "a2"),
                ok("labelled", "a2", "downgrade alpha@head-1", "-a2", "a1"),
                err("labelled", "", "upgrade head", GraphException.MultipleHeads.class),
                err("labelled", "", "upgrade gamma@head", GraphException.UnknownBranch.class),
                err("labelled", "", "upgrade alpha@b2", GraphException.NotInBranch.class),
                err("labelled", "a2 b2", "downgrade gamma@-1", GraphException.UnknownBranch.class),

                // ---- dependencies: applied first, rows implied by a dependency are not kept ----
                ok("deps", "", "upgrade app@head", "+lib1 +app1 +app2", "app2"),
                ok("deps", "app1 lib1", "upgrade app2", "+app2", "app2"),
                ok("deps", "", "upgrade heads", "+lib1 +lib2 +app1 +app2", "app2 lib2"),
                ok("deps", "app2", "upgrade lib@head", "+lib2", "app2 lib2"),
                ok("deps", "app2", "downgrade -1", "-app2", "app1 lib1"),
                ok("deps", "app2 lib2", "downgrade lib@base", "-app2 -lib2 -lib1", "app1"),
                // lib1 is applied only because app2 depends on it: Alembic's "Nothing to drop".
                err("deps", "app2", "downgrade lib1", GraphException.NothingToRevert.class),

                // ---- merges of merges ----
                ok("merges", "", "upgrade head", "+r0 +b1 +c1 +a1 +m1 +m2", "m2"),
                ok("merges", "a1 b1 c1", "upgrade m1", "+m1", "c1 m1"),
                ok("merges", "c1 m1", "upgrade head", "+m2", "m2"),
                ok("merges", "m2", "downgrade m1", "-m2", "c1 m1"),
                ok("merges", "m2", "downgrade c1", "-m2", "c1 m1"),
                ok("merges", "m2", "downgrade a1", "-m2 -m1", "a1 b1 c1"),
                ok("merges", "m2", "downgrade r0", "-m2 -m1 -a1 -c1 -b1", "r0"),

                // ---- stamp: rows written, nothing run ----
                ok("linear", "", "stamp head", "=a3", "a3"),
                ok("linear", "a3", "stamp a1", "=a1", "a1"),
                ok("linear", "a1", "stamp a1", "", "a1"),
                ok("linear", "a2", "stamp base", "=base", ""),
                ok("labelled", "", "stamp heads", "=a2 =b2", "a2 b2"),
                ok("labelled", "r0", "stamp heads", "=a2 =b2", "a2 b2"),
                ok("labelled", "a2 b2", "stamp r0", "=r0", "r0"),
                ok("labelled", "a2 b2", "stamp beta@base", "=base", "a2"),
                ok("labelled", "a1", "stamp b1", "=b1", "a1 b1"),
                ok("bases", "x2 y2", "stamp x1", "=x1", "x1 y2"),
                err("linear", "nope1", "stamp head", GraphException.UnknownCurrentRevision.class),
                err("labelled", "", "stamp head", GraphException.MultipleHeads.class));
    }

    private static Arguments ok(String graph, String rows, String command, String steps, String rowsAfter) {
        return Arguments.of(graph, rows, command, steps, rowsAfter, null);
    }

    private static Arguments err(String graph, String rows, String command, Class<? extends GraphException> error) {
        return Arguments.of(graph, rows, command, null, null, error);
    }

    @ParameterizedTest(name = "{0} at [{1}]: {2}")
    @MethodSource("cases")
    void scenario(String graphName, String rows, String command, String steps, String rowsAfter,
            Class<? extends GraphException> error) {
        RevisionGraph graph = GRAPHS.get(graphName);
        List<String> current = rows.isEmpty() ? List.of() : List.of(rows.split(" "));
        String verb = command.substring(0, command.indexOf(' '));
        String target = command.substring(command.indexOf(' ') + 1);
        if (error != null) {
            assertThrows(error, () -> plan(graph, verb, current, target));
            return;
        }
        Plan plan = plan(graph, verb, current, target);
        String prefix = switch (verb) {
            case "upgrade" -> "+";
            case "downgrade" -> "-";
            default -> "=";
        };
        assertEquals(steps, plan.steps().stream().map(s -> prefix + s.revision()).collect(Collectors.joining(" ")), "steps");
        assertEquals(rowsAfter, sorted(plan.headsAfter()), "rows after");
        for (Step step : plan.steps()) {
            assertEquals(step.headsAfter().size(), step.headsAfter().stream().distinct().count(), "no row twice");
        }
        assertEquals(replay(current, plan), sorted(plan.headsAfter()), "the row changes lead to the rows after");
    }

    private static Plan plan(RevisionGraph graph, String verb, List<String> current, String target) {
        return switch (verb) {
            case "upgrade" -> graph.upgrade(current, target);
            case "downgrade" -> graph.downgrade(current, target);
            case "stamp" -> graph.stamp(current, List.of(target), false);
            default -> throw new IllegalArgumentException(verb);
        };
    }

    /** Applies the plan's row changes to the rows, as the runtime does to the version table. */
    private static String replay(List<String> current, Plan plan) {
        var rows = new java.util.ArrayList<>(current);
        for (Step step : plan.steps()) {
            for (RowChange change : step.rowChanges()) {
                if (change instanceof RowChange.Insert i) {
                    assertEquals(false, rows.contains(i.revision()), "insert of a present row " + i);
                    rows.add(i.revision());
                } else if (change instanceof RowChange.Delete d) {
                    assertEquals(true, rows.remove(d.revision()), "delete of a missing row " + d);
                } else if (change instanceof RowChange.Update u) {
                    assertEquals(true, rows.remove(u.from()), "update of a missing row " + u);
                    rows.add(u.to());
                }
            }
        }
        return sorted(rows);
    }

    private static String sorted(List<String> ids) {
        String[] a = ids.toArray(String[]::new);
        Arrays.sort(a);
        return String.join(" ", a);
    }
}
