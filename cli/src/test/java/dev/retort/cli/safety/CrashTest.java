package dev.retort.cli.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.Retort;
import dev.retort.cli.Main;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.testing.ChainMain;
import dev.retort.runtime.testing.Child;
import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration run killed with SIGKILL (no shutdown hook, no finally) at several points: inside
 * the 200,000-row data migration, inside the table rebuild, between steps, at a random moment.
 * Afterwards the database is at a revision the version table records, its schema is that
 * revision's, nothing stays locked, and a second run completes to head.
 */
class CrashTest {

    /** Kill when the child has printed this, then after a further pause (ms). */
    private record KillPoint(String marker, int pauseMillis) {
    }

    /** Rounds of the kills; the soak profile runs more. */
    private static final int REPEATS = Integer.getInteger("retort.crash.repeats", 1);

    /** Kill points per round: the three fixed ones in the default build, all six in the soak profile. */
    private static final int POINTS = Integer.getInteger("retort.crash.points", 3);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aKilledRunLeavesARecordedRevisionAndNoLock(Kind kind, @TempDir Path dir) throws Exception {
        long seed = Long.getLong("retort.crash.seed", System.nanoTime());
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            // Printed first: a failure below is replayed with exactly these kill times.
            System.out.println("CrashTest " + kind + ": seed " + (seed + repeat) + " (replay: -Dretort.crash.seed="
                    + (seed + repeat) + ")");
            killAtPoints(kind, Files.createDirectories(dir.resolve("repeat" + repeat)), seed + repeat);
        }
    }

    private void killAtPoints(Kind kind, Path dir, long seed) throws Exception {
        var random = new Random(seed);
        List<KillPoint> all = List.of(
                new KillPoint("start l2", 300),          // inside the data migration
                new KillPoint("start l3", 20),           // inside the rebuild (SQLite) or the ALTERs
                new KillPoint("committed l1", 0),        // between steps
                new KillPoint("start l2", 50 + random.nextInt(1500)),
                new KillPoint("start l1", random.nextInt(400)),
                new KillPoint("start l4", 0));
        // The default build: the first POINTS (the fixed ones); the soak profile adds the random times.
        List<KillPoint> points = all.subList(0, Math.min(POINTS, all.size()));
        Map<String, Catalog> expected = new HashMap<>();
        var landed = new java.util.ArrayList<String>();
        int point = 0;
        for (KillPoint kill : points) {
            Path round = dir.resolve("kill" + point++);
            Files.createDirectories(round);
            try (var db = TestDatabase.create(kind, round)) {
                Child child = Child.start(ChainMain.class, round.resolve("child.log"), db.url(), "long");
                awaitMarker(child, kill.marker());
                Thread.sleep(kill.pauseMillis());
                child.kill();

                // A kill inside the first step's transaction leaves no version table at all.
                List<String> rows = db.tableExists("retort_version") ? db.versionRows() : List.of();
                String at = rows.isEmpty() ? "base" : rows.get(0);
                landed.add(kill.marker() + " +" + kill.pauseMillis() + "ms -> " + at);
                assertTrue(rows.size() <= 1, "one head: " + rows);
                Catalog reference = expected.computeIfAbsent(at, revision -> reference(kind, round, revision));
                assertEquals(withoutRetortTables(reference), withoutRetortTables(catalog(db)),
                        kind + ", seed " + seed + ", killed at " + kill + ": the schema is that of revision " + at);

                // Nothing is left locked: a second run takes the lock at once and completes.
                var index = ChainMain.longChain();
                Retort.configure().url(db.url()).indexes(List.of(index)).lockTimeout(Duration.ofSeconds(30)).build()
                        .upgrade("head");
                assertEquals(List.of("l4"), db.versionRows(), kind + ", seed " + seed + ", killed at " + kill);
                assertEquals(List.of("200000"), db.strings("SELECT count(*) FROM item"), "every row, once");
            }
        }
        System.out.println(kind + " kills landed: " + landed);
        assertTrue(landed.stream().filter(l -> !l.endsWith("-> l4")).count() >= points.size() - 2,
                "seed " + seed + ": most kills must land before the run ends: " + landed);
    }

    /**
     * A migration outside a transaction killed between two of its statements: the first one's
     * table stays, no version row moves, and the start row it wrote first makes {@code current},
     * {@code validate} and the next {@code upgrade} report the step as not finished, with the way
     * out, instead of all being well until the next upgrade trips over the half-made schema.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aKillBetweenStatementsOutsideATransactionIsReported(Kind kind, @TempDir Path dir) throws Exception {
        Path pause = Files.createFile(dir.resolve("pause")); // the migration waits to be killed while this exists
        String pausePath = pause.toString().replace("\\", "\\\\");
        var chain = Fixtures.compile(dir.resolve("classes"),
                Fixtures.migration("Base", "h1000001").message("base")
                        .upgrade("op.createTable(\"base_t\", t -> t.column(\"id\", BIGINT));").toString(),
                Fixtures.migration("Halves", "h1000002").revises("h1000001").message("two halves")
                        .attributes("transactional = false")
                        .upgrade("op.execute(\"CREATE TABLE first_half (id INTEGER)\");"
                                + " op.run(\"pause\", c -> { if (java.nio.file.Files.exists(java.nio.file.Path.of(\""
                                + pausePath + "\"))) { System.out.println(\"between the halves\"); System.out.flush();"
                                + " try { Thread.sleep(120_000); } catch (InterruptedException e) { } } });"
                                + " op.execute(\"CREATE TABLE second_half (id INTEGER)\");")
                        .toString());
        String cp = chain.classes().toString();
        try (var db = TestDatabase.create(kind, dir)) {
            Child child = Child.start(Main.class, dir.resolve("child.log"), "--classpath", cp, "--url", db.url(),
                    "upgrade");
            awaitMarker(child, "between the halves");
            child.kill();
            Files.delete(pause);

            assertEquals(List.of("h1000001"), db.versionRows());
            assertTrue(db.tableExists("first_half") && !db.tableExists("second_half"), "the first statement stays");
            String notFinished = "the upgrade of revision h1000002 started outside a transaction on ";
            String wayOut = "and has not finished (it is still running, or its process stopped part-way), so the"
                    + " database may hold part of it; once no process runs it, finish or undo its statements by hand and"
                    + " stamp the revision the schema then matches, or run upgrade again if they can run twice";
            Cli current = Cli.run("--classpath", cp, "--url", db.url(), "current");
            assertTrue(current.out().startsWith("warning: " + notFinished) && current.out().contains(wayOut),
                    current.toString());
            Cli validate = Cli.run("--classpath", cp, "--url", db.url(), "validate");
            assertTrue(validate.out().startsWith("warning: " + notFinished), validate.toString());
            Cli again = Cli.run("--classpath", cp, "--url", db.url(), "upgrade");
            assertTrue(again.out().startsWith("warning: " + notFinished), "warned before it runs: " + again);
            assertEquals(1, again.exitCode(), "first_half exists: " + again);

            // The way out: undo by hand, run again; the step's success settles the report.
            db.execute("DROP TABLE first_half");
            Cli fixed = Cli.run("--classpath", cp, "--url", db.url(), "upgrade");
            assertEquals(0, fixed.exitCode(), fixed.toString());
            assertEquals(List.of("h1000002"), db.versionRows());
            assertEquals("h1000002 (head)\n", Cli.run("--classpath", cp, "--url", db.url(), "current").out());
        }
    }

    private static void awaitMarker(Child child, String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!child.output().contains(marker + "\n")) {
            if (!child.process().isAlive()) {
                throw new AssertionError("the child ended before '" + marker + "':\n" + child.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + marker + "' in 60 s:\n" + child.output());
            }
            Thread.sleep(5);
        }
    }

    /** The schema a clean run to {@code revision} makes, on a database of the same kind. */
    private static Catalog reference(Kind kind, Path dir, String revision) {
        try (var db = TestDatabase.create(kind, Files.createTempDirectory(dir, "reference"))) {
            if (!revision.equals("base")) {
                Retort.configure().url(db.url()).indexes(List.of(ChainMain.longChain())).build().upgrade(revision);
            }
            return catalog(db);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Catalog catalog(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return Dialects.named(db.kind().dialect()).introspect(c, null);
        }
    }

    private static Catalog withoutRetortTables(Catalog catalog) {
        return new Catalog(catalog.tables().stream().filter(t -> !t.name().startsWith("retort_")).toList(),
                catalog.views(), catalog.enums(), catalog.sequences());
    }
}
