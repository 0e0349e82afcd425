package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Stream;

/**
 * Whole processes, as an application or a shell starts them: Retort through its API and through
 * its command line, against the same migrations as raw JDBC, a floor, and Flyway. Each variant is
 * a new JVM measured by {@code /usr/bin/time} (wall, user + system CPU of every thread, peak
 * resident memory). In each round every variant runs once, the order turning from round to
 * round, and the ratios are taken within the round: the figures are medians of those per-round
 * ratios, so what the rest of the machine does falls on both sides of each ratio alike.
 *
 * <p>Arguments (all optional): measured rounds (default 11), databases ({@code sqlite,postgresql}),
 * workloads ({@code apply,noop,status}), and {@code keep} to keep the projects and databases
 * (the folder is printed) for profiling one variant by hand. PostgreSQL's server is {@code RETORT_BENCH_PG}
 * (default {@code 127.0.0.1:5432}, user postgres, trust); the bench creates its own databases
 * there, {@code retort_bench_*}, and leaves them for the next run.
 */
public final class StartBench {

    static final int APPLY = 200;
    static final int APPLIED = 1000;
    /** The ratios printed, numerator and denominator: an apply's, and those of a database at head. */
    private static final List<String[]> APPLY_RATIOS = List.of(new String[] {"Retort API", "raw JDBC"},
            new String[] {"Retort CLI", "Retort API"}, new String[] {"./retort", "Retort API"},
            new String[] {"Retort CLI", "raw JDBC"}, new String[] {"API, execute", "raw JDBC"},
            new String[] {"Flyway", "raw JDBC"});
    private static final List<String[]> AT_HEAD_RATIOS = List.of(new String[] {"Retort API", "floor"},
            new String[] {"raw JDBC", "floor"}, new String[] {"Retort API", "raw JDBC"},
            new String[] {"Retort CLI", "Retort API"}, new String[] {"./retort", "Retort API"},
            new String[] {"Flyway", "raw JDBC"});
    private static final List<String> DATABASES = List.of("sqlite", "postgresql");
    private static final List<String> WORKLOADS = List.of("apply", "noop", "status");

    /** What the {@code retort} script gives the JVM by default: C1 alone. */
    static final List<String> RETORT_SCRIPT_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private final Path dir;
    private final Map<Integer, StartProject> projects = new LinkedHashMap<>();
    private final Set<String> prepared = new HashSet<>();

    private StartBench(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        List<String> databases = List.of((args.length > 1 ? args[1] : "sqlite,postgresql").split(","));
        List<String> workloads = List.of((args.length > 2 ? args[2] : "apply,noop,status").split(","));
        boolean keep = args.length > 3 && args[3].equals("keep");
        if (!DATABASES.containsAll(databases) || !WORKLOADS.containsAll(workloads)) {
            throw new IllegalArgumentException("usage: StartBench [rounds] [" + String.join(",", DATABASES) + "] ["
                    + String.join(",", WORKLOADS) + "] [keep]");
        }
        Path dir = Files.createTempDirectory("retort-start-bench");
        try {
            var bench = new StartBench(dir);
            System.out.printf(Locale.ROOT, "StartBench: %d rounds; %s; JDK %s; load average %s%n", rounds, databases,
                    System.getProperty("java.version"), loadAverage());
            for (String database : databases) {
                for (String workload : workloads) {
                    bench.run(database, workload, rounds);
                }
            }
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        } finally {
            if (keep) {
                System.out.println("kept, for profiling by hand: " + dir);
            } else {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private void run(String database, String workload, int rounds) throws Exception {
        boolean apply = workload.equals("apply");
        StartProject project = project(apply ? APPLY : APPLIED);
        List<Variant> variants = variants(database, project, workload.equals("status") ? "status" : "upgrade", apply);
        if (apply) {
            variants.add(new Variant("API, execute", "execute", retortClassPath(database, executeTwin(project)),
                    RetortApiMain.class, List.of("upgrade")));
        }
        var databases = new Databases(dir, database, project.revisions());
        if (!apply && prepared.add(database + project.revisions())) {
            // Each store once, to head: the command lines share the API's.
            for (Variant variant : variants(database, project, "upgrade", true)) {
                if (variant.main() != null) {
                    databases.reset(variant.store());
                    StartRun.of(this, variant, databases);
                }
            }
        }
        var results = new StartResults(database + ", " + describe(workload), variants.stream().map(Variant::name).toList());
        if (rounds == 0) {
            return;
        }
        for (int round = -1; round < rounds; round++) {
            var measured = new LinkedHashMap<String, StartRun>();
            for (int k = 0; k < variants.size(); k++) {
                Variant variant = variants.get(Math.floorMod(round + k, variants.size()));
                if (apply) {
                    databases.reset(variant.store());
                }
                measured.put(variant.name(), StartRun.of(this, variant, databases));
            }
            if (round >= 0) {
                results.add(measured);
            }
        }
        results.print(apply ? APPLY_RATIOS : AT_HEAD_RATIOS);
    }

    /** Every way to run {@code verb} ({@code upgrade} or {@code status}); the floor where the database is at head. */
    private static List<Variant> variants(String database, StartProject project, String verb, boolean empty) {
        var variants = new ArrayList<Variant>();
        if (!empty) {
            variants.add(new Variant("floor", "raw", classPath(database), FloorMain.class, List.of()));
        }
        variants.add(new Variant("raw JDBC", "raw", classPath(database), RawJdbcMain.class,
                List.of(project.rawSql(database).toString(), verb)));
        variants.add(new Variant("Retort API", "retort", retortClassPath(database, project), RetortApiMain.class,
                List.of(verb)));
        String classes = project.jar().toString();
        List<String> command = verb.equals("status") ? List.of("status", "--classpath", classes)
                : List.of("upgrade", "head", "--classpath", classes);
        variants.add(new Variant("Retort CLI", "retort", List.of(), null, command));
        variants.add(new Variant("./retort", "retort", List.of(), null, command, RETORT_SCRIPT_OPTIONS));
        var flyway = new ArrayList<>(classPath(database));
        flyway.addAll(entries("flyway-"));
        variants.add(new Variant("Flyway", "flyway", flyway, FlywayMain.class,
                List.of(project.flywayDir(database).toString(), verb)));
        return variants;
    }

    /** An application's: the driver, the migrations, Retort's runtime and what it needs. */
    private static List<String> retortClassPath(String database, StartProject project) {
        var path = new ArrayList<>(classPath(database));
        path.add(project.jar().toString());
        path.addAll(entries("retort-api", "retort-runtime", "jooq-", "r2dbc-spi", "reactive-streams"));
        return path;
    }

    private StartProject executeTwin(StartProject project) throws IOException {
        StartProject twin = projects.get(-project.revisions());
        if (twin == null) {
            twin = project.withRawOps();
            projects.put(-project.revisions(), twin);
        }
        return twin;
    }

    private static String describe(String workload) {
        return switch (workload) {
            case "apply" -> "apply " + APPLY + " migrations to an empty database";
            case "noop" -> "a start at head, " + APPLIED + " applied (upgrade head)";
            case "status" -> "status with " + APPLIED + " applied";
            default -> throw new IllegalArgumentException("workload " + workload + ": apply, noop or status");
        };
    }

    private StartProject project(int revisions) throws IOException {
        StartProject project = projects.get(revisions);
        if (project == null) {
            project = StartProject.create(dir, revisions);
            projects.put(revisions, project);
        }
        return project;
    }

    /** The bench's own jar and the database's driver: all the floor and raw JDBC need. */
    private static List<String> classPath(String database) {
        var path = new ArrayList<String>();
        path.add(Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath().toString());
        path.addAll(entries(database.equals("sqlite") ? "sqlite-jdbc" : "postgresql-"));
        return path;
    }

    private static List<String> entries(String... prefixes) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Arrays.stream(prefixes).anyMatch(Path.of(entry).getFileName().toString()::startsWith))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList();
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    Path dir() {
        return dir;
    }

    /** One way to run the migrations: its main class and class path, or the CLI's jar when {@code main} is null. */
    record Variant(String name, String store, List<String> classPath, Class<?> main, List<String> arguments,
            List<String> jvmOptions) {

        Variant(String name, String store, List<String> classPath, Class<?> main, List<String> arguments) {
            this(name, store, classPath, main, arguments, List.of());
        }
    }

    /** Each variant's own database (the floor reads raw JDBC's), per chain length. */
    record Databases(Path dir, String database, int revisions) {

        String jdbcUrl(String store) {
            return database.equals("sqlite") ? "jdbc:sqlite:" + file(store)
                    : "jdbc:postgresql://" + server() + "/" + name(store) + "?user=postgres";
        }

        private Path file(String store) {
            return dir.resolve(store + "-" + revisions + ".db");
        }

        private String name(String store) {
            return "retort_bench_" + store + "_" + revisions;
        }

        private static String server() {
            return System.getenv().getOrDefault("RETORT_BENCH_PG", "127.0.0.1:5432");
        }

        /** Empties the store: a new SQLite file, or a new public schema in its own PostgreSQL database. */
        void reset(String store) throws IOException, SQLException {
            if (database.equals("sqlite")) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith(file(store).getFileName().toString()))
                            .toList()) {
                        Files.delete(f);
                    }
                }
                return;
            }
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server() + "/postgres?user=postgres");
                    Statement statement = admin.createStatement()) {
                var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name(store) + "'");
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + name(store));
                }
            }
            try (Connection own = DriverManager.getConnection(jdbcUrl(store)); Statement statement = own.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            }
        }
    }
}
