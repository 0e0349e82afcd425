package dev.retort.bench;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;

import dev.retort.Migration;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long a write waits while a migration changes a busy table, with the plain rendering and the
 * online-safe one: {@code bench/run OnlineSafeBench [rows] [rounds] [lock-timeout-seconds]}.
 *
 * <p>A table of {@code rows} rows (1,000,000 by default) with a writer thread inserting and
 * updating as fast as it can; the migration adds an index, a foreign key, a NOT NULL and a unique
 * constraint. Each write's time is measured; the longest and the 99th percentile are printed for
 * each mode, the modes interleaved round by round on fresh tables of the same rows. Needs the
 * PostgreSQL server of {@code RETORT_TEST_PG_URL} (default 127.0.0.1:5432, database test).
 */
public final class OnlineSafeBench {

    private OnlineSafeBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int lockTimeout = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String base = System.getenv().getOrDefault("RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        System.out.printf("OnlineSafeBench: %,d rows, %d rounds, lock_timeout %d s; load average %s%n", rows, rounds,
                lockTimeout, loadAverage());
        var results = new ArrayList<String>();
        for (int round = 0; round < rounds; round++) {
            for (boolean safe : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                results.add(run(base, rows, safe, lockTimeout, round));
                System.out.println(results.get(results.size() - 1));
            }
        }
    }

    private static String run(String base, int rows, boolean safe, int lockTimeout, int round) throws Exception {
        String schema = "bench_online_" + (safe ? "safe" : "plain") + "_" + round;
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(base); Statement s = admin.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        Retort setup = Retort.configure().url(url).indexes(List.of(index())).build();
        setup.upgrade("b1");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO parents SELECT g FROM generate_series(1, 1000) g");
            s.execute("INSERT INTO items SELECT g, 1 + g % 1000, 'c' || g, g % 97 FROM generate_series(1, " + rows + ") g");
            s.execute("ANALYZE items");
        }
        var waits = new ArrayList<Long>();
        var stop = new AtomicBoolean();
        Thread writer = new Thread(() -> write(url, rows, stop, waits));
        writer.start();
        Thread.sleep(500); // the writer is in its stride before the migration starts
        long t0 = System.nanoTime();
        var builder = Retort.configure().url(url).indexes(List.of(index()));
        if (safe) {
            builder.onlineSafe(Duration.ofSeconds(lockTimeout));
        }
        builder.build().upgrade("head");
        long migration = System.nanoTime() - t0;
        Thread.sleep(500);
        stop.set(true);
        writer.join();
        try (Connection admin = DriverManager.getConnection(base); Statement s = admin.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        waits.sort(null);
        long max = waits.isEmpty() ? 0 : waits.get(waits.size() - 1);
        long p99 = waits.isEmpty() ? 0 : waits.get((int) (waits.size() * 0.99));
        return String.format(Locale.ROOT, "%-12s round %d: migration %6d ms, %7d writes, longest write wait %6.1f ms,"
                + " p99 %6.1f ms", safe ? "online-safe" : "plain", round, migration / 1_000_000, waits.size(), max / 1e6,
                p99 / 1e6);
    }

    /** Inserts and updates until told to stop, each statement's time kept. */
    private static void write(String url, int rows, AtomicBoolean stop, List<Long> waits) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long id = rows + 1L;
            while (!stop.get()) {
                long t = System.nanoTime();
                s.execute("INSERT INTO items VALUES (" + id + ", 1, 'w" + id + "', 1)");
                long inserted = System.nanoTime();
                s.execute("UPDATE items SET qty = qty + 1 WHERE id = " + (1 + ThreadLocalRandom.current().nextInt(rows)));
                long updated = System.nanoTime();
                synchronized (waits) {
                    waits.add(inserted - t);
                    waits.add(updated - inserted);
                }
                id++;
            }
        } catch (Exception e) {
            throw new IllegalStateException("the writer failed", e);
        }
    }

    private static MigrationIndex index() {
        Migration tables = op -> {
            op.createTable("parents", t -> t.column("id", BIGINT, c -> c.primaryKey()));
            op.createTable("items", t -> t.column("id", BIGINT, c -> c.primaryKey())
                    .column("parent_id", BIGINT).column("code", TEXT).column("qty", INTEGER));
        };
        Migration change = op -> {
            op.createIndex("ix_items_qty", "items", "qty");
            op.addConstraint("items", c -> c.foreignKey("parent_id").references("parents", "id"));
            op.alterColumn("items", "code", a -> a.notNull().existingNullable(true));
            op.addConstraint("items", c -> c.unique("code"));
        };
        List<RevisionInfo> revisions = List.of(RevisionInfo.of("b1"), RevisionInfo.of("b2", "b1"));
        return new MigrationIndex() {
            @Override
            public List<RevisionInfo> revisions() {
                return revisions;
            }

            @Override
            public Migration newMigration(int position) {
                return position == 0 ? tables : change;
            }
        };
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
