package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.graph.Direction;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Branches, labels, a merge and a cross-branch dependency on real databases: after every step
 * the version table holds exactly the rows the plan says, one per current head.
 */
class BranchyChainTest {

    @TempDir
    static Path fixtures;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(fixtures, Chains.branchy());
    }

    /** Reads the version table back after every committed step and compares it with the plan. */
    private static final class RowChecker implements StepListener {
        private final TestDatabase db;
        private final List<String> problems = new ArrayList<>();
        private int steps;

        RowChecker(TestDatabase db) {
            this.db = db;
        }

        @Override
        public void finished(StepResult step, int number, int total) {
            steps++;
            try {
                List<String> expected = new ArrayList<>(step.headsAfter());
                expected.sort(null);
                if (!expected.equals(db.versionRows())) {
                    problems.add("after " + step.direction().label() + " " + step.revision() + ": expected " + expected
                            + ", the table has " + db.versionRows());
                }
            } catch (SQLException e) {
                problems.add(e.toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void branchesMergesLabelsAndDependencies(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            var checker = new RowChecker(db);
            Retort retort = Retort.configure().url(db.url()).classLoader(chain.loader()).listener(checker).build();

            assertEquals(List.of("merge1"), retort.graph().resolve("alpha@head", List.of()), "alpha's head is the merge");
            assertEquals(List.of("alpha2"), retort.upgrade("alpha@alpha2").headsAfter());
            assertTrue(db.tableExists("t_alpha2"));
            assertFalse(db.tableExists("t_beta01"));
            retort.upgrade("beta@+1");
            assertEquals(List.of("alpha2", "beta01"), db.versionRows());
            RunResult heads = retort.upgrade("heads");
            assertEquals(List.of("beta02", "merge1", "extra1"), heads.steps().stream().map(StepResult::revision).toList(),
                    "Alembic's order: top-down from the heads in index (id) order, extra1 then merge1, run backwards");
            assertEquals(List.of("extra1", "merge1"), db.versionRows(), "the merge collapsed two rows into one");

            retort.downgrade("alpha2");
            assertEquals(List.of("alpha2", "beta02", "extra1"), db.versionRows(), "downgrading through the merge restores rows");
            retort.downgrade("beta@-1");
            assertEquals(List.of("alpha2", "beta01", "extra1"), db.versionRows(), "only the beta branch moved");
            assertFalse(db.tableExists("t_beta02"));
            assertTrue(db.tableExists("t_alpha2"));
            retort.downgrade("alpha1");
            assertEquals(List.of("beta01", "extra1"), db.versionRows(), "alpha1 is implied by extra1's dependency");
            assertEquals(List.of("alpha1", "beta01", "extra1"), retort.currentHeads());

            RunResult down = retort.downgrade("base");
            assertEquals(Direction.DOWNGRADE, down.direction());
            assertEquals(List.of(), db.versionRows());
            for (String table : List.of("t_root01", "t_alpha1", "t_beta01", "t_extra1")) {
                assertFalse(db.tableExists(table), table);
            }
            assertEquals(List.of(), checker.problems);
            assertTrue(checker.steps > 10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void stampWritesRowsAndRunsNothing(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = Retort.configure().url(db.url()).classLoader(chain.loader()).build();
            RunResult stamped = retort.stamp(List.of("heads"), false);
            assertEquals(Direction.STAMP, stamped.direction());
            assertEquals(List.of("extra1", "merge1"), db.versionRows());
            assertFalse(db.tableExists("t_root01"), "stamp runs no migration");

            retort.stamp(List.of("alpha1"), false);
            assertEquals(List.of("alpha1"), db.versionRows(), "rows on alpha1's lineage, dependents included, give way");
            retort.stamp(List.of("extra@head"), false);
            assertEquals(List.of("extra1"), db.versionRows(), "extra1 stands on alpha1 through its dependency");

            db.execute("INSERT INTO retort_version (version_num) VALUES ('gone0000')");
            retort.stamp(List.of("beta01"), true);
            assertEquals(List.of("beta01"), db.versionRows(), "--purge empties the table, unknown rows too");

            assertEquals(List.of("beta02"), retort.upgrade("beta02").steps().stream().map(StepResult::revision).toList());
            List<HistoryEntry> history = retort.history();
            assertEquals(List.of("stamp", "stamp", "stamp", "stamp", "stamp", "upgrade"),
                    history.stream().map(HistoryEntry::direction).toList());
        }
    }
}
