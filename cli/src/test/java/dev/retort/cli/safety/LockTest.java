package dev.retort.cli.safety;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.schema.TableName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration lock: a bounded wait with its own exit code, no lock at head, no deadlock with CONCURRENTLY. */
class LockTest {

    private static InlineIndex oneTable() {
        return new InlineIndex().add("k1", null, op -> op.createTable("t", t -> t.column("id", BIGINT, c -> c.primaryKey())));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRunWaitsAtMostTheLockTimeout(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir); Connection holder = db.connect();
                MigrationLock held = lockOf(kind, holder, db)) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(oneTable()))
                    .lockTimeout(Duration.ofMillis(700)).build();
            long t0 = System.nanoTime();
            var e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
            long waited = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
            assertTrue(e.getMessage().contains("for longer than the lock timeout (0 s); wait for it to finish and retry, or"
                    + " raise --lock-timeout"), e.getMessage());
            assertTrue(waited >= 600, "waited " + waited + " ms");
            assertTrue(!db.tableExists("retort_version") && !db.tableExists("t"), "nothing ran");
        }
    }

    @Test
    void theCommandLineExitsThreeOnALockTimeout(@TempDir Path dir) throws Exception {
        var chain = Fixtures.compile(dir.resolve("classes"), Fixtures.migration("First", "h1000001")
                .upgrade("op.createTable(\"one\", t -> t.column(\"id\", BIGINT));").toString());
        try (var db = TestDatabase.create(Kind.SQLITE, dir); Connection holder = db.connect();
                MigrationLock held = lockOf(Kind.SQLITE, holder, db)) {
            Cli cli = Cli.run("--classpath", chain.classes().toString(), "--url", db.url(), "--lock-timeout", "1", "upgrade");
            assertEquals(3, cli.exitCode(), cli.toString());
            assertEquals(1, cli.err().strip().lines().count(), cli.toString());
            // The holder is named from the note it wrote into the lock file: this test's own process.
            assertTrue(cli.err().startsWith("retort: error: another process (process " + ProcessHandle.current().pid()
                    + " of "), cli.toString());
            assertTrue(cli.err().contains(") has held the migration lock of "), cli.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void atHeadNoLockIsTaken(Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Retort.configure().url(db.url()).indexes(List.of(oneTable())).build().upgrade("head");
            try (Connection holder = db.connect(); MigrationLock held = lockOf(kind, holder, db)) {
                var result = Retort.configure().url(db.url()).indexes(List.of(oneTable()))
                        .lockTimeout(Duration.ZERO).build().upgrade("head");
                assertTrue(result.nothingToDo(), "an application at head starts while another process migrates");
            }
        }
    }

    /**
     * A non-transactional CREATE INDEX CONCURRENTLY while another process waits for the lock: the
     * waiter polls outside any transaction, so the index build (which waits for every open
     * transaction) is not held up, and both finish.
     */
    @Test
    void concurrentlyDoesNotDeadlockWithAWaitingProcess() throws Exception {
        var started = new CountDownLatch(1);
        var awaitWaiter = new AtomicReference<Runnable>(() -> { });
        var index = new InlineIndex()
                .add("c1", null, op -> {
                    op.createTable("big", t -> t.column("id", BIGINT, c -> c.primaryKey()).column("label", TEXT));
                    op.execute("INSERT INTO big SELECT i, 'label ' || i FROM generate_series(1, 200000) i");
                })
                .add(new RevisionInfo("c2", List.of("c1"), "", List.of(), List.of(), false, ""), op -> {
                    started.countDown();
                    awaitWaiter.get().run(); // the other run is polling for the lock now
                    op.createIndex("ix_big_label", "big", i -> i.columns("label").concurrently());
                });
        try (var db = TestDatabase.postgres()) {
            String waiterUrl = db.url() + "&ApplicationName=" + WAITER;
            awaitWaiter.set(() -> awaitPolling(db));
            Retort.configure().url(db.url()).indexes(List.of(index)).build().upgrade("c1");
            var pool = Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> Retort.configure().url(db.url()).indexes(List.of(index)).build().upgrade("head"));
                started.await(30, TimeUnit.SECONDS);
                var second = pool.submit(() -> Retort.configure().url(waiterUrl).indexes(List.of(index))
                        .lockTimeout(Duration.ofSeconds(60)).build().upgrade("head"));
                assertEquals(1, first.get(60, TimeUnit.SECONDS).steps().size());
                assertTrue(second.get(60, TimeUnit.SECONDS).nothingToDo(), "the waiter found the work done");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("c2"), db.versionRows());
        }
    }

    private static final String WAITER = "retort-lock-waiter";

    /** Until the waiting run's lock connection has polled pg_try_advisory_lock (and been refused). */
    private static void awaitPolling(TestDatabase db) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE application_name = ? AND query LIKE '%pg_try_advisory_lock%'")) {
            s.setString(1, WAITER);
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the second run never polled for the lock");
    }

    /** Holds the lock as another process's run would. */
    private static MigrationLock lockOf(Kind kind, Connection connection, TestDatabase db) throws Exception {
        return Dialects.named(kind.dialect()).lock(connection,
                () -> DriverManager.getConnection(db.url()), TableName.of("retort_version"), Duration.ofSeconds(5));
    }
}
