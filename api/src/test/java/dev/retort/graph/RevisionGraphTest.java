package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.index.RevisionInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

    private static RevisionInfo r(String id, String... parents) {
        return RevisionInfo.of(id, parents);
    }

    private static final RevisionGraph LINEAR = RevisionGraph.of(List.of(r("aaaa1"), r("bbbb2", "aaaa1"), r("cccc3", "bbbb2")));

    @Test
    void linearGraphHasOneHeadAndOneBase() {
        assertEquals(List.of("cccc3"), LINEAR.heads());
        assertEquals(List.of("aaaa1"), LINEAR.bases());
        assertEquals(List.of("aaaa1", "bbbb2", "cccc3"), LINEAR.topologicalOrder());
    }

    @Test
    void upgradeFromBaseToHeadInsertsThenUpdates() {
        Plan plan = LINEAR.upgrade(List.of(), "head");
        assertEquals(List.of("aaaa1", "bbbb2", "cccc3"), plan.steps().stream().map(Step::revision).toList());
        assertEquals(List.of(new RowChange.Insert("aaaa1")), plan.steps().get(0).rowChanges());
        assertEquals(List.of(new RowChange.Update("aaaa1", "bbbb2")), plan.steps().get(1).rowChanges());
        assertEquals(List.of("cccc3"), plan.headsAfter());
    }

    @Test
    void upgradeAtHeadIsEmpty() {
        assertTrue(LINEAR.upgrade(List.of("cccc3"), "head").isEmpty());
        assertTrue(LINEAR.upgrade(List.of("cccc3"), "aaaa1").isEmpty());
    }

    @Test
    void relativeUpgradeAndDowngrade() {
        assertEquals(List.of("aaaa1"), LINEAR.upgrade(List.of(), "+1").headsAfter());
        assertEquals(List.of("cccc3"), LINEAR.upgrade(List.of("aaaa1"), "+2").headsAfter());
        assertEquals(List.of("aaaa1"), LINEAR.downgrade(List.of("cccc3"), "-2").headsAfter());
        assertEquals(List.of(), LINEAR.downgrade(List.of("cccc3"), "-3").headsAfter());
        assertEquals(List.of("bbbb2"), LINEAR.upgrade(List.of(), "head-1").headsAfter());
        assertEquals(List.of("bbbb2"), LINEAR.upgrade(List.of(), "base+2").headsAfter());
        assertEquals(List.of("bbbb2"), LINEAR.upgrade(List.of(), "aaaa+1").headsAfter());
    }

    @Test
    void relativeStepBeyondTheGraphIsAnError() {
        var e = assertThrows(GraphException.RelativeOutOfRange.class, () -> LINEAR.upgrade(List.of("bbbb2"), "+2"));
        assertEquals("'+2' asks for 2 steps but only 1 is possible from there", e.getMessage());
        assertThrows(GraphException.RelativeOutOfRange.class, () -> LINEAR.downgrade(List.of("aaaa1"), "-2"));
    }

    @Test
    void downgradeToBaseDeletesTheLastRow() {
        Plan plan = LINEAR.downgrade(List.of("cccc3"), "base");
        assertEquals(List.of("cccc3", "bbbb2", "aaaa1"), plan.steps().stream().map(Step::revision).toList());
        assertEquals(List.of(new RowChange.Update("cccc3", "bbbb2")), plan.steps().get(0).rowChanges());
        assertEquals(List.of(new RowChange.Delete("aaaa1")), plan.steps().get(2).rowChanges());
        assertEquals(List.of(), plan.headsAfter());
    }

    @Test
    void downgradeToARevisionNotAppliedIsAnError() {
        var e = assertThrows(GraphException.InvalidDowngradeTarget.class, () -> LINEAR.downgrade(List.of("aaaa1"), "cccc3"));
        assertEquals(ErrorCode.INVALID_DOWNGRADE_TARGET, e.code());
    }

    @Test
    void partialIdsResolveWhenUnambiguous() {
        var graph = RevisionGraph.of(List.of(r("abc"), r("abcd1", "abc"), r("abce2", "abcd1")));
        assertEquals("abc", graph.resolveId("abc"));
        assertEquals("abcd1", graph.resolveId("abcd"));
        assertEquals("abce2", graph.resolveId("abce"));
    }

    @Test
    void ambiguousPrefixListsCandidates() {
        var graph = RevisionGraph.of(List.of(r("abcd1"), r("abcd2", "abcd1")));
        var e = assertThrows(GraphException.AmbiguousRevision.class, () -> graph.resolveId("abcd"));
        assertEquals(List.of("abcd1", "abcd2"), e.ids());
    }

    @Test
    void shortUnknownPrefixSuggestsTypingMore() {
        var e = assertThrows(GraphException.UnknownRevision.class, () -> LINEAR.resolveId("zz"));
        assertEquals("no revision matches 'zz'; a partial id needs at least 4 characters", e.getMessage());
    }

    @Test
    void shortIdsMatchOnlyExactly() {
        var graph = RevisionGraph.of(List.of(r("ab1"), r("ab2", "ab1")));
        assertThrows(GraphException.UnknownRevision.class, () -> graph.resolveId("ab"));
    }

    @Test
    void headWithSeveralHeadsNamesThem() {
        var graph = RevisionGraph.of(List.of(r("base1"), r("left1", "base1"), r("right1", "base1")));
        var e = assertThrows(GraphException.MultipleHeads.class, () -> graph.upgrade(List.of(), "head"));
        assertEquals(List.of("left1", "right1"), e.ids());
        assertEquals(ErrorCode.MULTIPLE_HEADS, e.code());
    }

    @Test
    void branchesAndMergeKeepOneRowPerHead() {
        var graph = RevisionGraph.of(List.of(
                r("base1"), r("left1", "base1"), r("right1", "base1"), r("merge1", "left1", "right1")));
        Plan toHeads = graph.upgrade(List.of("base1"), "left1");
        assertEquals(List.of("left1"), toHeads.headsAfter());
        Plan right = graph.upgrade(List.of("left1"), "right1");
        assertEquals(List.of(new RowChange.Insert("right1")), right.steps().get(0).rowChanges());
        assertEquals(Set.of("left1", "right1"), Set.copyOf(right.headsAfter()));
        Plan merge = graph.upgrade(List.of("left1", "right1"), "head");
        assertEquals(List.of(new RowChange.Delete("left1"), new RowChange.Update("right1", "merge1")),
                merge.steps().get(0).rowChanges());
        Plan unmerge = graph.downgrade(List.of("merge1"), "left1");
        assertEquals(List.of("merge1"), unmerge.steps().stream().map(Step::revision).toList());
        assertEquals(List.of(new RowChange.Update("merge1", "right1"), new RowChange.Insert("left1")),
                unmerge.steps().get(0).rowChanges());
        assertEquals(Set.of("left1", "right1"), Set.copyOf(unmerge.headsAfter()));
    }

    @Test
    void walkingDownPastAMergeIsAmbiguous() {
        var graph = RevisionGraph.of(List.of(
                r("base1"), r("left1", "base1"), r("right1", "base1"), r("merge1", "left1", "right1")));
        assertThrows(GraphException.AmbiguousWalk.class, () -> graph.downgrade(List.of("merge1"), "-1"));
    }

    @Test
    void dependencyRowIsReplacedByTheRevisionThatDependsOnIt() {
        var graph = RevisionGraph.of(List.of(r("aaaa1"), r("bbbb1"), r("aaaa2", "aaaa1").withDependsOn("bbbb1")));
        Plan plan = graph.upgrade(List.of("aaaa1", "bbbb1"), "aaaa2");
        assertEquals(List.of(new RowChange.Delete("aaaa1"), new RowChange.Update("bbbb1", "aaaa2")),
                plan.steps().get(0).rowChanges());
        Plan fromBase = graph.upgrade(List.of(), "aaaa2");
        // Alembic's order: the walk down from aaaa2 takes its parent's line, then the dependency's,
        // and the upgrade runs that backwards, so the dependency comes first.
        assertEquals(List.of("bbbb1", "aaaa1", "aaaa2"), fromBase.steps().stream().map(Step::revision).toList());
        assertEquals(List.of("aaaa2"), fromBase.headsAfter());
    }

    @Test
    void applyStepRefusesAStepThatCannotBeTaken() {
        assertEquals(List.of("bbbb2"), LINEAR.applyStep(List.of("aaaa1"), "bbbb", Direction.UPGRADE).headsAfter(),
                "a prefix names the revision");
        var notARow = assertThrows(GraphException.InvalidTarget.class,
                () -> LINEAR.applyStep(List.of("cccc3"), "aaaa1", Direction.DOWNGRADE));
        assertEquals("'aaaa1' is not a valid target: a downgrade step takes back one of the rows (cccc3), and aaaa1 is none"
                + " of them", notARow.getMessage());
        assertThrows(GraphException.InvalidTarget.class, () -> LINEAR.applyStep(List.of("cccc3"), "bbbb2", Direction.UPGRADE));
        assertEquals(List.of("aaaa1"), LINEAR.normalizedParents("bbbb"));
    }

    @Test
    void aRelativeStepTheOtherWayIsOutOfRangeForTheDirection() {
        var up = assertThrows(GraphException.WrongDirection.class, () -> LINEAR.upgrade(List.of("bbbb2"), "-1"));
        assertEquals("'-1' is out of range for upgrade: an upgrade steps up (+N); to go down, downgrade -1", up.getMessage());
        assertEquals(ErrorCode.RELATIVE_OUT_OF_RANGE, up.code());
        var down = assertThrows(GraphException.WrongDirection.class, () -> LINEAR.downgrade(List.of("bbbb2"), "+2"));
        assertEquals("'+2' is out of range for downgrade: a downgrade steps down (-N); to go up, upgrade +2", down.getMessage());
    }

    @Test
    void unknownDatabaseRevisionIsReported() {
        var e = assertThrows(GraphException.UnknownCurrentRevision.class, () -> LINEAR.upgrade(List.of("zzzz9"), "head"));
        assertEquals(ErrorCode.UNKNOWN_DATABASE_REVISION, e.code());
    }

    @Test
    void problemsAreAllReported() {
        var problems = RevisionGraph.problems(List.of(
                r("aaaa1", "nope"), r("aaaa1"), r("Bad-Id"), r("self1", "self1")));
        assertEquals(List.of(GraphException.InvalidRevisionId.class, GraphException.DuplicateRevision.class,
                        GraphException.MissingRevision.class, GraphException.SelfLoop.class),
                problems.stream().map(Object::getClass).toList());
    }

    @Test
    void cyclesNameEveryRevisionOnThem() {
        var problems = RevisionGraph.problems(List.of(r("aaaa1", "cccc3"), r("bbbb2", "aaaa1"), r("cccc3", "bbbb2")));
        assertEquals(1, problems.size());
        var cycle = (GraphException.Cycle) problems.get(0);
        assertEquals(4, cycle.ids().size());
        assertTrue(cycle.ids().containsAll(List.of("aaaa1", "bbbb2", "cccc3")));
        var deps = RevisionGraph.problems(List.of(r("aaaa1").withDependsOn("bbbb2"), r("bbbb2", "aaaa1")));
        assertEquals(GraphException.DependencyCycle.class, deps.get(0).getClass());
    }

    @Test
    void targetsOutsideTheGrammarAreRejected() {
        for (String bad : List.of("", " ", "+0", "a:b", "x@", "@head", "a-b-c", "a b", "+99999999999")) {
            assertThrows(GraphException.InvalidTarget.class, () -> LINEAR.upgrade(List.of(), bad), bad);
        }
    }
}
