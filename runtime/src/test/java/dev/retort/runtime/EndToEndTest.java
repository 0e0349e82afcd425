package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.graph.Direction;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A chain compiled by the real processor, run through the Java API on real SQLite and PostgreSQL. */
class EndToEndTest {

    @TempDir
    static Path fixtures;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(fixtures, Chains.threeSteps());
    }

    private static Retort retort(TestDatabase db) {
        return Retort.configure().url(db.url()).classLoader(chain.loader()).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void upgradeDowngradeUpgradeLeavesTheSameSchema(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = retort(db);
            RunResult up = retort.upgrade("head");
            assertEquals(List.of("a1000001", "a1000002", "a1000003"), up.steps().stream().map(StepResult::revision).toList());
            assertEquals(List.of("a1000003"), db.versionRows());
            db.execute("INSERT INTO alpha (name) VALUES ('x')");
            assertEquals(List.of("0"), db.strings("SELECT score FROM alpha"), "the server default fills existing and new rows");
            String first = db.snapshot();

            RunResult down = retort.downgrade("base");
            assertEquals(Direction.DOWNGRADE, down.direction());
            assertEquals(List.of(), down.headsAfter());
            assertEquals(List.of(), db.versionRows());
            assertFalse(db.tableExists("alpha"));
            assertFalse(db.tableExists("beta"));

            retort.upgrade("head");
            assertEquals(first, db.snapshot());

            List<HistoryEntry> history = retort.history();
            assertEquals(9, history.size());
            assertTrue(history.stream().allMatch(HistoryEntry::success));
            assertEquals(List.of("upgrade", "upgrade", "upgrade", "downgrade", "downgrade", "downgrade",
                    "upgrade", "upgrade", "upgrade"), history.stream().map(HistoryEntry::direction).toList());
            assertEquals(history.get(0).checksum(), history.get(6).checksum(), "the same ops give the same checksum");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void relativeAndPartialTargets(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort retort = retort(db);
            retort.upgrade("+1");
            assertEquals(List.of("a1000001"), db.versionRows());
            retort.upgrade("a1000003");
            assertEquals(List.of("a1000003"), db.versionRows());
            retort.downgrade("-1");
            assertEquals(List.of("a1000002"), db.versionRows());
            assertTrue(retort.upgrade("a1000002").nothingToDo());
            retort.upgrade("head");
            assertTrue(retort.upgrade("head").nothingToDo());
            assertEquals(List.of("a1000003"), retort.current());
        }
    }
}
