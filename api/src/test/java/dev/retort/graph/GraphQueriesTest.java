package dev.retort.graph;

import static dev.retort.graph.GraphScenariosTest.GRAPHS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.index.RevisionInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the graph answers besides plans: labels, identifiers, current heads, history ranges. */
class GraphQueriesTest {

    private static RevisionInfo r(String id, String... parents) {
        return RevisionInfo.of(id, parents);
    }

    @Test
    void labelNamesTheBranchFromItsRevisionUpToTheHeads() {
        RevisionGraph g = GRAPHS.get("labelled");
        assertEquals(Set.of("alpha"), g.labels("a1"));
        assertEquals(Set.of("alpha"), g.labels("a2"));
        assertEquals(Set.of("beta"), g.labels("b2"));
        assertEquals(Set.of(), g.labels("r0"), "a branch point keeps no label");
    }

    @Test
    void labelOnAStraightLineAlsoNamesItsAncestorsBackToTheBase() {
        RevisionGraph g = RevisionGraph.of(List.of(r("a1"), r("a2", "a1").withBranchLabels("main"), r("a3", "a2")));
        assertEquals(Set.of("main"), g.labels("a1"));
        assertEquals(Set.of("main"), g.labels("a3"));
    }

    @Test
    void labelStopsAtAMergePointAndAtBranchingDescendants() {
        RevisionGraph diamond = RevisionGraph.of(List.of(r("base1"), r("l1", "base1").withBranchLabels("left"),
                r("r1", "base1"), r("m1", "l1", "r1"), r("top1", "m1")));
        assertEquals(Set.of("left"), diamond.labels("top1"));
        assertEquals(Set.of(), diamond.labels("base1"));
        assertEquals(Set.of(), diamond.labels("r1"));
        RevisionGraph fork = RevisionGraph.of(List.of(r("a1"), r("a2", "a1").withBranchLabels("x"), r("b1", "a2"),
                r("c1", "a2")));
        assertEquals(Set.of("x"), fork.labels("b1"));
        assertEquals(Set.of(), fork.labels("a1"), "the descendants branch, so no ancestor is labelled");
    }

    @Test
    void aDependentMakesARealBranchPoint() {
        RevisionGraph g = GRAPHS.get("deps");
        assertEquals(true, g.isRealBranchPoint("lib1"));
        assertEquals(false, g.isBranchPoint("lib1"));
        assertEquals(List.of("app2", "lib2"), g.heads(), "a revision others only depend on stays a head");
    }

    @Test
    void labelsAndTheirPrefixesAreIdentifiers() {
        RevisionGraph g = GRAPHS.get("labelled");
        assertEquals("a1", g.resolveId("alpha"));
        assertEquals("a1", g.resolveId("alph"));
        assertEquals("a1", g.resolveId("alp"), "the prefix may be short; the key it matches must be longer than three");
        assertThrows(GraphException.UnknownRevision.class, () -> g.resolveId("r"), "r0 is too short to match a prefix");
    }

    @Test
    void currentShowsHeadsThatADependencyImplies() {
        RevisionGraph g = GRAPHS.get("deps");
        assertEquals(List.of("app2", "lib1"), g.currentHeads(List.of("app2")));
        assertEquals(List.of(), g.currentHeads(List.of()));
    }

    @Test
    void historyRanges() {
        RevisionGraph linear = GRAPHS.get("linear");
        assertEquals(List.of("a3", "a2", "a1"), linear.history(":", List.of()));
        assertEquals(List.of("a3", "a2", "a1"), linear.history(null, List.of()));
        assertEquals(List.of("a3", "a2"), linear.history("a2:", List.of()));
        assertEquals(List.of("a2", "a1"), linear.history(":a2", List.of()));
        assertEquals(List.of("a2", "a1"), linear.history("a1:a2", List.of()));
        assertEquals(List.of("a3", "a2"), linear.history("-1:", List.of()));
        assertEquals(List.of("a3", "a2", "a1"), linear.history("-9:", List.of()), "relative steps stop at the edge");
        assertEquals(List.of("a3", "a2"), linear.history("current:", List.of("a2")));
        assertEquals(List.of("a2", "a1"), linear.history(":current", List.of("a2")));
        var e = assertThrows(GraphException.NotAnAncestor.class, () -> linear.history("a3:a1", List.of()));
        assertEquals("revision a3 is not an ancestor of revision a1; give the older revision first, as in from:to",
                e.getMessage());
        assertThrows(GraphException.InvalidTarget.class, () -> linear.history("a1", List.of()));

        RevisionGraph labelled = GRAPHS.get("labelled");
        assertEquals(List.of("a2", "a1"), labelled.history("a1:", List.of()), "only what descends from the lower end");
        assertEquals(List.of("b2", "b1", "r0"), labelled.history(":beta@head", List.of()));
    }

    @Test
    void overlappingTargetsAreRefused() {
        RevisionGraph g = GRAPHS.get("linear");
        var e = assertThrows(GraphException.OverlappingTargets.class, () -> g.upgrade(List.of(), List.of("a2", "a1")));
        assertEquals(List.of("a2", "a1"), e.ids());
        assertEquals(List.of("a3"), g.upgrade(List.of(), List.of("a3")).headsAfter());
    }

    @Test
    void stampPurgeIgnoresUnknownRows() {
        RevisionGraph g = GRAPHS.get("linear");
        Plan plan = g.stamp(List.of("gone1", "gone2"), List.of("a2"), true);
        assertEquals(List.of("gone1", "gone2"), plan.headsBefore());
        assertEquals(List.of("a2"), plan.headsAfter());
        assertEquals(List.of(new RowChange.Insert("a2")), plan.steps().get(0).rowChanges());
        assertEquals(Direction.STAMP, plan.direction());
    }

    @Test
    void reservedWordsAreNeitherIdsNorLabels() {
        assertEquals(GraphException.InvalidRevisionId.class, RevisionGraph.problems(List.of(r("head"))).get(0).getClass());
        assertEquals(GraphException.InvalidBranchLabel.class,
                RevisionGraph.problems(List.of(r("a1").withBranchLabels("base"))).get(0).getClass());
    }
}
