package dev.retort.bench;

import dev.retort.Migration;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.op.BatchAlterTable.Recreate;
import dev.retort.runtime.Retort;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A SQLite table rebuild by Retort against a bare copy of the same table, on a file database of
 * 1,000,000 rows (default), interleaved in one run. Retort's rebuild is the whole step: reading
 * the table's definition, the new table, INSERT … SELECT, DROP, RENAME, the index, the
 * foreign-key check, the version row and history row, the commit. The bare copy is CREATE TABLE
 * with the same definition and INSERT INTO … SELECT in one transaction (its DROP afterwards is
 * not timed), and, for the table's index, CREATE INDEX. Also reported: the JVM heap's peak during
 * the rebuilds against before them (rows never pass through the JVM). Target: at most 1.2x.
 *
 * <pre>bench/run RebuildBench [rows] [measured rounds] [noindex]</pre>
 *
 * <p>With {@code noindex} the table has no index besides its primary key.
 */
public final class RebuildBench {

    private static final String TABLE_SQL = "(\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"account\" INTEGER NOT NULL,"
            + " \"label\" TEXT NOT NULL, \"amount\" REAL, \"note\" TEXT, \"created_at\" TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)";

    private RebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean indexed = args.length < 3 || !args[2].equals("noindex");
        Path dir = Files.createTempDirectory("retort-rebuild-bench");
        Path file = dir.resolve("bench.db");
        String url = "jdbc:sqlite:" + file;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"big\" " + TABLE_SQL);
            if (indexed) {
                s.execute("CREATE INDEX \"ix_big_account\" ON \"big\" (\"account\")");
            }
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ")"
                    + " INSERT INTO big (account, label, amount, note) SELECT i % 1000, 'label ' || i, i * 0.5,"
                    + " CASE WHEN i % 3 = 0 THEN NULL ELSE 'note for row ' || i END FROM n");
        }
        // Each upgrade and each downgrade rebuilds the whole table (recreate ALWAYS): a default comes and goes.
        Migration flip = op -> op.batchAlterTable("big", b -> b.recreate(Recreate.ALWAYS)
                .alterColumn("amount", a -> a.serverDefault(dev.retort.schema.ServerDefault.value(0))
                        .existingServerDefault(null)));
        MigrationIndex index = new MigrationIndex() {
            @Override
            public List<RevisionInfo> revisions() {
                return List.of(RevisionInfo.of("r1"));
            }

            @Override
            public Migration newMigration(int position) {
                return flip;
            }
        };
        Retort retort = Retort.configure().url(url).indexes(List.of(index)).build();

        double[] copy = new double[rounds];
        double[] copyIndexed = new double[rounds];
        double[] rebuild = new double[rounds];
        long heapBefore = 0;
        long heapPeak = 0;
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            double[] bare = bareCopy(url, indexed);
            System.gc();
            resetPeaks();
            heapBefore = usedHeap();
            long t0 = System.nanoTime();
            if (r % 2 == 0) {
                retort.upgrade("head");
            } else {
                retort.downgrade("base");
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            heapPeak = Math.max(heapPeak, peakHeap());
            if (r >= 0) {
                copy[r] = bare[0];
                copyIndexed[r] = bare[0] + bare[1];
                rebuild[r] = ms;
            }
        }
        System.out.printf(Locale.ROOT, "%,d rows, %s, %d rounds, medians:%n", rows,
                indexed ? "one index besides the primary key" : "no index besides the primary key", rounds);
        System.out.printf(Locale.ROOT, "  bare copy (CREATE TABLE + INSERT … SELECT):   %,8.0f ms%n", median(copy));
        if (indexed) {
            System.out.printf(Locale.ROOT, "  bare copy + CREATE INDEX:                     %,8.0f ms%n", median(copyIndexed));
        }
        System.out.printf(Locale.ROOT, "  Retort's rebuild (the whole migration step):  %,8.0f ms%n", median(rebuild));
        System.out.printf(Locale.ROOT, "  ratio to the bare copy%s: %.2fx (target: at most 1.2x)%s%n", indexed ? " with its index" : "",
                median(rebuild) / median(copyIndexed), indexed
                        ? String.format(Locale.ROOT, "; to the copy without the index: %.2fx", median(rebuild) / median(copy)) : "");
        System.out.printf(Locale.ROOT, "  heap: %,d KB before a rebuild, %,d KB at the highest during one%n",
                heapBefore / 1024, heapPeak / 1024);
        // The whole folder: beside the database stays its migration lock file (bench.db-retort-lock), which
        // Retort never deletes, as another process may be waiting on it.
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {copy ms, index ms} for a copy of "big" into a table of the same definition. */
    private static double[] bareCopy(String url, boolean indexed) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            s.execute("CREATE TABLE \"copy\" " + TABLE_SQL);
            s.execute("INSERT INTO \"copy\" (\"id\", \"account\", \"label\", \"amount\", \"note\", \"created_at\")"
                    + " SELECT \"id\", \"account\", \"label\", \"amount\", \"note\", \"created_at\" FROM \"big\"");
            c.commit();
            long t1 = System.nanoTime();
            if (indexed) {
                s.execute("CREATE INDEX \"ix_copy_account\" ON \"copy\" (\"account\")");
                c.commit();
            }
            long t2 = System.nanoTime();
            s.execute("DROP TABLE \"copy\"");
            c.commit();
            return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
        }
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
