package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever set the walk is given and wherever it starts, it lists every member once: also those
 * only a revision outside the set links to its heads (where Alembic's own sort fails).
 */
class TopDownTest {

    private static final long SEED = Long.getLong("retort.graph.seed", 20261130L);

    @Test
    void everyMemberIsListedOnceForAnySetAndAnyHeads() {
        System.out.println("TopDownTest seed " + SEED + " (replay: -Dretort.graph.seed=" + SEED + ")");
        var random = new Random(SEED);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(12);
            var revisions = new ArrayList<RevisionInfo>();
            for (int i = 0; i < n; i++) {
                var parents = new ArrayList<String>();
                var deps = new ArrayList<String>();
                for (int j = 0; j < i; j++) {
                    int roll = random.nextInt(10);
                    if (roll == 0 && parents.size() < 2) {
                        parents.add(id(j));
                    } else if (roll == 1 && deps.size() < 2) {
                        deps.add(id(j));
                    }
                }
                deps.removeAll(parents);
                revisions.add(RevisionInfo.of(id(i), parents.toArray(String[]::new)).withDependsOn(deps.toArray(String[]::new)));
            }
            RevisionGraph graph = RevisionGraph.of(revisions);
            var members = new BitSet(n);
            var heads = new ArrayList<Integer>();
            for (int i = 0; i < n; i++) {
                if (random.nextBoolean()) {
                    members.set(i);
                }
                if (random.nextInt(4) == 0) {
                    heads.add(i);
                }
            }
            int[] order = graph.edges().topDown(members, heads);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertEquals(List.of(members.stream().boxed().toArray()), List.of(Arrays.stream(sorted).boxed().toArray()),
                    "seed " + SEED + " round " + round + ": " + revisions + " members " + members + " heads " + heads);
        }
    }

    private static String id(int i) {
        return String.format("r%03d", i);
    }
}
