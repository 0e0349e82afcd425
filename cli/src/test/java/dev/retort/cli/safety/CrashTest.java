package dev.retort.cli.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.Plan;
import dev.retort.runtime.Retort;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.runtime.jdbc.HistoryEntry;
import dev.retort.runtime.ops.StepPreparer;
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
import java.sql.DriverManager;
import java.sql.Statement;
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
 * the 200,000-row data migration, inside the table rebuild (SQLite) or the ALTERs, between steps,
 * at a random moment. Afterwards the database is exactly as reported: at a revision the version
 * table records with that revision's schema, or, where DDL commits by itself (MySQL), that plus
 * the statements the history row records (and the one it had sent, whose outcome is not known).
 * Nothing stays locked, and a second run completes to head, after finishing by hand what the
 * report could not know.
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
                awaitServerDone(db);

                // A kill inside the first step's transaction leaves no version table at all.
                List<String> rows = db.tableExists("retort_version") ? db.versionRows() : List.of();
                String at = rows.isEmpty() ? "base" : rows.get(0);
                assertTrue(rows.size() <= 1, "one head: " + rows);
                var index = ChainMain.longChain();
                Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).lockTimeout(Duration.ofSeconds(30))
                        .build();
                // Where a step runs statement by statement (MySQL), its history row says how far it got.
                HistoryEntry open = retort.unfinished().stream().findFirst().orElse(null);
                HistoryEntry.Progress progress = open == null ? null : open.progress();
                int done = progress == null ? 0 : progress.done();
                boolean sent = open != null && open.statementSent();
                landed.add(kill.marker() + " +" + kill.pauseMillis() + "ms -> " + at + (open == null ? ""
                        : " + " + done + (sent ? " (+1 sent)" : "") + " of " + open.revision()));
                Catalog actual = withoutRetortTables(catalog(db));
                String where = kind + ", seed " + seed + ", killed at " + kill + ": ";
                int matched = done;
                if (open == null || done == 0 && !sent) {
                    Catalog reference = expected.computeIfAbsent(at, revision -> reference(kind, round, revision));
                    assertEquals(withoutRetortTables(reference), actual, where + "the schema is that of revision " + at);
                } else {
                    // The reported state, and nothing else: the statements recorded as done, and the one sent, if any.
                    Catalog partial = withoutRetortTables(partial(kind, round, at, open.revision(), done));
                    Catalog more = sent ? withoutRetortTables(partial(kind, round, at, open.revision(), done + 1)) : null;
                    assertTrue(actual.equals(partial) || actual.equals(more), where + "the schema is " + at + " with "
                            + done + (sent ? " or " + (done + 1) : "") + " statements of " + open.revision());
                    matched = actual.equals(partial) ? done : done + 1;
                }
                if (sent) {
                    // Not guessed: the next run refuses, and the way out is finishing the revision by hand and stamping it.
                    var refused = assertThrows(RetortException.class, () -> retort.upgrade("head"));
                    assertEquals(ErrorCode.PARTLY_APPLIED, refused.code(), refused.getMessage());
                    finishByHand(db, at, open.revision(), matched);
                    retort.stamp(List.of(open.revision()), false);
                }

                // Nothing is left locked: a second run takes the lock at once and completes.
                retort.upgrade("head");
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
            String notFinished = "the upgrade of revision h1000002 started on ";
            String state = "and has not finished: statement 1 of 3 committed, and statements 2-3 had not taken effect (it"
                    + " is still running, or its process stopped); once no process runs it, upgrade goes on from statement 2"
                    + " (run(\"pause\"))";
            Cli current = Cli.run("--classpath", cp, "--url", db.url(), "current");
            assertTrue(current.out().startsWith("warning: " + notFinished) && current.out().contains(state),
                    current.toString());
            Cli validate = Cli.run("--classpath", cp, "--url", db.url(), "validate");
            assertTrue(validate.out().startsWith("warning: " + notFinished), validate.toString());
            Cli strict = Cli.run("--classpath", cp, "--url", db.url(), "validate", "--strict");
            assertEquals(4, strict.exitCode(), "a CI gate fails on a part-done database: " + strict);
            assertEquals("retort: error: 1 migration(s) left part-done (--strict)\n", strict.err());

            // The pause ran in a transaction that died with the process, so the next run goes on from it.
            Cli again = Cli.run("--classpath", cp, "--url", db.url(), "upgrade");
            assertTrue(again.out().startsWith("warning: " + notFinished), "warned before it runs: " + again);
            assertEquals(0, again.exitCode(), again.toString());
            assertTrue(db.tableExists("first_half") && db.tableExists("second_half"));
            assertEquals(List.of("h1000002"), db.versionRows());
            assertEquals("h1000002 (head)\n", Cli.run("--classpath", cp, "--url", db.url(), "current").out());
        }
    }

    /**
     * Killed while a statement that commits by itself runs (a slow {@code CREATE TABLE … AS SELECT}
     * outside a transaction): its outcome is not known, so the report says so, the next upgrade
     * refuses rather than guess, and finishing by hand and stamping settles it.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE) // SQLite has no sleep()
    void aKillWhileAStatementRunsIsReportedAsUnknownAndNotGuessed(Kind kind, @TempDir Path dir) throws Exception {
        String sleep = kind == Kind.MARIADB ? "SELECT SLEEP(3) AS s" : "SELECT pg_sleep(3) IS NULL AS s";
        var chain = Fixtures.compile(dir.resolve("classes"),
                Fixtures.migration("Base", "k1000001").upgrade("op.createTable(\"base_t\", t -> t.column(\"id\", BIGINT));")
                        .toString(),
                Fixtures.migration("Slow", "k1000002").revises("k1000001").message("slow")
                        .attributes("transactional = false")
                        .upgrade("op.execute(\"CREATE TABLE first_half (id INTEGER)\");"
                                + " op.run(\"announce\", c -> { System.out.println(\"sending the slow one\"); System.out.flush(); });"
                                + " op.execute(\"CREATE TABLE slow_t AS " + sleep + "\");"
                                + " op.execute(\"CREATE TABLE second_half (id INTEGER)\");")
                        .toString());
        String cp = chain.classes().toString();
        try (var db = TestDatabase.create(kind, dir)) {
            Child child = Child.start(Main.class, dir.resolve("child.log"), "--classpath", cp, "--url", db.url(), "upgrade");
            awaitMarker(child, "sending the slow one");
            Thread.sleep(500);
            child.kill();
            Thread.sleep(3_500); // MariaDB finishes the statement; PostgreSQL rolls it back with the session

            String state = "and has not finished: statements 1-2 of 4 committed, and statement 3 (CREATE TABLE slow_t AS "
                    + sleep + ") had been sent, committing by itself, when it was last seen, so it may or may not have"
                    + " taken effect, and statement 4 did not run";
            Cli current = Cli.run("--classpath", cp, "--url", db.url(), "current");
            assertTrue(current.out().startsWith("warning: the upgrade of revision k1000002 started on ")
                    && current.out().contains(state), current.toString());
            Cli refused = Cli.run("--classpath", cp, "--url", db.url(), "upgrade");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("the upgrade of revision k1000002 stopped on ")
                    && refused.err().contains(" while statement 3 of 4 was running (CREATE TABLE slow_t AS " + sleep + ")"
                            + ", after statements 1-2 had committed; each statement commits by itself, so that one may or"
                            + " may not have taken effect"), refused.toString());
            assertEquals(List.of("k1000001"), db.versionRows(), "nothing ran");

            // Look at the schema, finish by hand, stamp.
            if (!db.tableExists("slow_t")) {
                db.execute("CREATE TABLE slow_t (s INTEGER)");
            }
            db.execute("CREATE TABLE second_half (id INTEGER)");
            assertEquals(0, Cli.run("--classpath", cp, "--url", db.url(), "stamp", "k1000002").exitCode());
            assertEquals("k1000002 (head)\n", Cli.run("--classpath", cp, "--url", db.url(), "current").out());
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

    /**
     * MySQL runs a statement to its end after its client is gone: the schema is read once the
     * killed process's statements have finished on the server, as the report's reader would.
     */
    private static void awaitServerDone(TestDatabase db) throws Exception {
        if (db.kind() != Kind.MARIADB) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!db.strings("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()"
                + " AND COMMAND <> 'Sleep'").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the killed run's statements still run on the server after 60 s");
            }
            Thread.sleep(20);
        }
    }

    /** The schema after revision {@code at} and the first {@code statements} statements of {@code next}. */
    private static Catalog partial(Kind kind, Path dir, String at, String next, int statements) {
        try (var db = TestDatabase.create(kind, Files.createTempDirectory(dir, "partial"))) {
            if (!at.equals("base")) {
                Retort.configure().url(db.url()).indexes(List.of(ChainMain.longChain())).build().upgrade(at);
            }
            runActions(db, at, next, 0, statements);
            return catalog(db);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What a user does after a refusal: runs the statements after {@code from} by hand. */
    private static void finishByHand(TestDatabase db, String at, String next, int from) throws Exception {
        runActions(db, at, next, from, Integer.MAX_VALUE);
    }

    /** Runs statements {@code from} (counted from 0) up to {@code to} of the step from {@code at} to {@code next}. */
    private static void runActions(TestDatabase db, String at, String next, int from, int to) throws Exception {
        MigrationSet set = MigrationSet.of(List.of(ChainMain.longChain()));
        Dialect dialect = Dialects.named(db.kind().dialect());
        Plan plan = set.graph().upgrade(at.equals("base") ? List.of() : List.of(at), next);
        List<Action> actions = new StepPreparer(set, dialect, RenderContext.defaults()).prepare(plan).get(0).actions();
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            for (Action action : actions.subList(from, Math.min(to, actions.size()))) {
                if (action instanceof Action.Sql sql) {
                    s.execute(sql.sql());
                } else if (action instanceof Action.Code code) {
                    code.work().run(c);
                } else if (action instanceof Action.Live live) {
                    live.run(c, s::execute);
                } else {
                    ((Action.Rows) action).insert(c);
                }
            }
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
