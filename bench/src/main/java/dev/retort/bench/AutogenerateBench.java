package dev.retort.bench;

import dev.retort.runtime.ModelDiff;
import dev.retort.runtime.Retort;
import dev.retort.cli.Main;
import dev.retort.runtime.dialect.Dialects;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code retort revision --autogenerate} at scale: a model of 500 tables (a {@code DeclaredSchema}
 * generated from a fixed seed by {@link GeneratedSchema}) against migrations that create 490 of
 * them (10 revisions of 49 tables), both compiled at start with Retort's processor. On SQLite and
 * on PostgreSQL, one after the other in each round, after warm-up rounds, it times:
 *
 * <ul>
 *   <li>the whole command in process ({@code Main.run}, which {@code main} calls: reading the
 *       sources and the compiled index, loading the migrations and the model in a class loader of
 *       their own, comparing, writing the source);
 *   <li>{@code Retort#compareWithModel} alone, with the split its {@code Timings} give;
 *   <li>the same work part by part ({@link AutogenerateParts}): replay, introspection of the
 *       migrations' schema, model build, introspection of the model's, on PostgreSQL the scratch
 *       database's create and drop, the diff ({@code SchemaDiff.between}) and writing the source
 *       ({@code OpWriter} for each difference, {@code Scaffolder.write} to a temporary folder).
 * </ul>
 *
 * <p>Each with its wall time and the CPU time of the calling thread: this machine is shared, and
 * what the rest of it does shows in wall time far more than in CPU time (on SQLite all the work is
 * on that thread; on PostgreSQL most of it is the server's, which only wall time shows). Then, in
 * JVMs that have run nothing yet ({@link NewJvmRuns}), the whole command as a user runs it and,
 * in another JVM each time, the parts once, as is and with {@code -XX:TieredStopAtLevel=1}. It
 * prints medians, with the lowest and highest round in process, and asserts no timing; it fails
 * when autogenerate finds anything but the tables the migrations leave out and their indexes.
 * Targets: the whole command under 5 s, the diff under 100 ms.
 *
 * <pre>bench/run AutogenerateBench [measured rounds] [sqlite,postgresql] [new-JVM runs of each kind]</pre>
 *
 * <p>PostgreSQL is {@code RETORT_BENCH_PG_URL}, by default {@code postgresql://postgres@127.0.0.1:5432/test};
 * its user needs {@code CREATEDB}.
 */
public final class AutogenerateBench {

    private static final int WARM_UP = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AutogenerateBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> databases = List.of((args.length > 1 ? args[1] : "sqlite,postgresql").split(","));
        int newJvmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String pgUrl = System.getenv().getOrDefault("RETORT_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");

        AutogenerateProject project = AutogenerateProject.create();
        System.out.printf(Locale.ROOT, "%d tables in the model, %d of them made by %d migrations, seed %d; project in %s;"
                + " %d measured rounds after %d warm-up rounds%n", AutogenerateProject.TABLES,
                AutogenerateProject.TABLES - AutogenerateProject.MISSING,
                (AutogenerateProject.TABLES - AutogenerateProject.MISSING) / AutogenerateProject.PER_REVISION,
                AutogenerateProject.SEED, project.dir(), rounds, WARM_UP);
        var targets = new ArrayList<Target>();
        ClassLoader loader = project.loader();
        for (String database : databases) {
            String url = database.equals("sqlite") ? "sqlite:///" + project.dir().resolve("app.db") : pgUrl;
            targets.add(new Target(project, database, url, loader));
        }
        for (int r = -WARM_UP; r < rounds; r++) {
            for (Target target : targets) {
                target.round(r, r >= 0);
            }
        }
        targets.forEach(Target::report);
        if (newJvmRuns > 0) {
            for (Target target : targets) {
                var runs = new NewJvmRuns(project, target.database, target.url);
                runs.run(newJvmRuns);
                runs.report();
            }
        }
        System.out.println("\ntargets: the whole command under 5 s, the diff under 100 ms");
    }

    /** One database: its Retort, its parts, and what each round measured. */
    private static final class Target {
        private final AutogenerateProject project;
        private final String database;
        private final String url;
        private final Retort retort;
        private final AutogenerateParts parts;
        /** Per part, per measured round: {wall, CPU} in ms. */
        private final Map<String, List<double[]>> times = new LinkedHashMap<>();

        Target(AutogenerateProject project, String database, String url, ClassLoader loader) {
            this.project = project;
            this.database = database;
            this.url = url;
            this.retort = Retort.configure().url(url).classLoader(loader).build();
            this.parts = new AutogenerateParts(Dialects.named(database), retort, AutogenerateProject.MODEL, loader,
                    project.head());
        }

        void round(int round, boolean measured) throws Exception {
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            String printed = command(round);
            long w1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            ModelDiff.Result result = retort.compareWithModel(AutogenerateProject.MODEL, Map.of(), List.of(project.head()));
            long w2 = System.nanoTime();
            long c2 = THREADS.getCurrentThreadCpuTime();
            project.checkPrinted(database, printed);
            project.check(database, result.differences());
            AutogenerateParts.Measured split = parts.measure(Files.createTempDirectory(project.dir(), "written-" + database),
                    project.newRevision(AutogenerateProject.revId("fd", round + WARM_UP)));
            project.check(database, split.differences());
            if (!measured) {
                return;
            }
            add("the whole command, in process", ms(w1 - w0), ms(c1 - c0));
            add("compareWithModel", ms(w2 - w1), ms(c2 - c1));
            ModelDiff.Timings timings = result.timings();
            add("Timings: replay", timings.replayMillis(), Double.NaN);
            add("Timings: model", timings.modelMillis(), Double.NaN);
            add("Timings: diff", timings.diffMillis(), Double.NaN);
            split.times().forEach((part, t) -> add(part, t[0], t[1]));
        }

        /** The command in process; returns what it printed. The source it writes is deleted. */
        private String command(int round) throws Exception {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            List<String> args = project.command(url, AutogenerateProject.revId("fe", round + WARM_UP));
            int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), project.dir(), InputStream.nullInputStream());
            String printed = out.toString(StandardCharsets.UTF_8);
            if (code != 0) {
                throw new IllegalStateException(database + ": retort exited with " + code + ":\n" + printed + err);
            }
            project.deleteWritten();
            return printed;
        }

        private void add(String part, double wall, double cpu) {
            times.computeIfAbsent(part, p -> new ArrayList<>()).add(new double[] {wall, cpu});
        }

        void report() {
            System.out.printf(Locale.ROOT, "%n%s, %d rounds; ms, wall: median (lowest – highest); CPU of the calling thread:"
                    + " median%n", database, times.get("compareWithModel").size());
            line("the whole command, in process (Main.run)", "the whole command, in process");
            line("compareWithModel", "compareWithModel");
            line("  its Timings: replay (with introspection" + (database.equals("sqlite") ? ")" : ", CREATE DATABASE)"),
                    "Timings: replay");
            line("  its Timings: model (with introspection" + (database.equals("sqlite") ? ")" : ", DROP DATABASE)"),
                    "Timings: model");
            line("  its Timings: diff (whole ms)", "Timings: diff");
            System.out.println("the same, part by part:");
            double wall = 0;
            double cpu = 0;
            for (String part : AutogenerateParts.NAMES) {
                if (times.containsKey(part)) {
                    line("  " + part, part);
                    wall += medianOf(part, 0);
                    cpu += medianOf(part, 1);
                }
            }
            System.out.printf(Locale.ROOT, "  %-52s %9.1f %23s CPU %7.1f%n", "sum of the medians", wall, "", cpu);
            System.out.printf(Locale.ROOT, "the command's own work besides compareWithModel and writing (reading the sources and%n"
                    + "  the compiled index, loading the migrations and the model in a new class loader), CPU: %.0f%n",
                    medianOf("the whole command, in process", 1) - medianOf("compareWithModel", 1)
                            - medianOf(AutogenerateParts.NAMES.get(7), 1));
        }

        private void line(String label, String part) {
            double[] wall = times.get(part).stream().mapToDouble(t -> t[0]).toArray();
            double cpu = medianOf(part, 1);
            System.out.printf(Locale.ROOT, "  %-52s %9.1f   (%7.1f – %7.1f)   %s%n", label, median(wall),
                    Arrays.stream(wall).min().orElseThrow(), Arrays.stream(wall).max().orElseThrow(),
                    Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "CPU %7.1f", cpu));
        }

        private double medianOf(String part, int which) {
            return median(times.get(part).stream().mapToDouble(t -> t[which]).toArray());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
