package dev.retort.bench;

import com.squareup.javapoet.CodeBlock;
import dev.retort.runtime.Retort;
import dev.retort.runtime.autogen.Difference;
import dev.retort.runtime.autogen.SchemaDiff;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.runtime.model.Model;
import dev.retort.runtime.model.ModelSource;
import dev.retort.runtime.model.Models;
import dev.retort.runtime.offline.ShadowSchema;
import dev.retort.cli.scaffold.OpWriter;
import dev.retort.cli.scaffold.Scaffolder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For {@link AutogenerateBench}: what {@code compareWithModel} does, part by part, through the same
 * public pieces, each timed alone (its own {@code Timings} count the introspection of each side in
 * the replay and in the model build, and on PostgreSQL the scratch database's create and drop in
 * them too). On SQLite: the replay in an in-memory {@link ShadowSchema}, the model by
 * {@link Models#create} in another in-memory database, each read by {@link Dialect#introspect}.
 * On PostgreSQL: {@code CREATE DATABASE}, the migrations upgraded in its {@code public} schema
 * (with {@code Retort.upgrade}: the same runner, plus the migration lock), the model in
 * {@code retort_model}, both read, {@code DROP DATABASE … WITH (FORCE)}. Then the diff
 * ({@link SchemaDiff#between}) and writing the source ({@link OpWriter} for each difference,
 * {@link Scaffolder#write}).
 */
final class AutogenerateParts {

    /** The parts, in the order they run. */
    static final List<String> NAMES = List.of("scratch database: CREATE DATABASE", "replay",
            "introspection of the migrations' schema", "model build", "introspection of the model's",
            "scratch database: DROP DATABASE", "diff (SchemaDiff.between)", "writing (OpWriter + Scaffolder.write)");

    /** Wall and CPU time (of this thread) of each part, in ms, and the differences found. */
    record Measured(Map<String, double[]> times, List<Difference> differences) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Dialect dialect;
    private final Retort retort;
    private final Model model;
    private final ClassLoader classes;
    private final String head;
    private final Map<String, double[]> times = new LinkedHashMap<>();
    private long wall;
    private long cpu;

    AutogenerateParts(Dialect dialect, Retort retort, Model model, ClassLoader classes, String head) {
        this.dialect = dialect;
        this.retort = retort;
        this.model = model;
        this.classes = classes;
        this.head = head;
    }

    Measured measure(Path writeTo, Scaffolder.NewRevision revision) throws SQLException, IOException {
        times.clear();
        Catalog[] catalogs = dialect.name().equals("sqlite") ? sqlite() : postgres();
        start();
        List<Difference> differences = SchemaDiff.between(catalogs[0], catalogs[1], dialect.name(), retort.config().naming(),
                dialect.equivalence(), Set.of(retort.config().versionTable().name(), retort.config().historyTable().name()));
        stop(NAMES.get(6));
        var body = new ArrayList<CodeBlock>();
        body.add(CodeBlock.of("// Written by retort revision --autogenerate from $L: review it, and adjust it,"
                + " before it runs.\n", model.describe()));
        for (Difference d : differences) {
            body.add(OpWriter.statement(d.op(), d.notes()));
        }
        Scaffolder.write(revision, body, writeTo);
        stop(NAMES.get(7));
        return new Measured(Map.copyOf(times), differences);
    }

    private Catalog[] sqlite() throws SQLException {
        var catalogs = new Catalog[2];
        start();
        try (var shadow = ShadowSchema.at(retort.migrations(), dialect, retort.config().renderContext(), List.of(head))) {
            stop(NAMES.get(1));
            catalogs[0] = dialect.introspect(shadow.connection(), null);
            stop(NAMES.get(2));
        }
        try (Connection wanted = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Models.create(model, new ModelSource.Context(classes, wanted, "sqlite", Map.of()), dialect,
                    retort.config().renderContext());
            stop(NAMES.get(3));
            catalogs[1] = dialect.introspect(wanted, null);
            stop(NAMES.get(4));
        }
        return catalogs;
    }

    private Catalog[] postgres() throws SQLException {
        var catalogs = new Catalog[2];
        DatabaseUrl url = retort.config().url();
        String name = "retort_bench_" + Long.toHexString(System.nanoTime());
        try (Connection admin = url.connect(); Statement s = admin.createStatement()) {
            start();
            s.execute("CREATE DATABASE " + name);
            stop(NAMES.get(0));
            Retort.configure().database(url.withJdbcUrl(jdbcUrl(url, name, "public"))).classLoader(classes).build()
                    .upgrade(head);
            stop(NAMES.get(1));
            try (Connection replayed = url.connect(jdbcUrl(url, name, "public"))) {
                catalogs[0] = dialect.introspect(replayed, "public");
            }
            stop(NAMES.get(2));
            try (Connection wanted = url.connect(jdbcUrl(url, name, "retort_model"))) {
                try (Statement w = wanted.createStatement()) {
                    w.execute("CREATE SCHEMA retort_model");
                }
                Models.create(model, new ModelSource.Context(classes, wanted, "postgresql", Map.of()), dialect,
                        retort.config().renderContext());
                stop(NAMES.get(3));
                catalogs[1] = dialect.introspect(wanted, "retort_model");
                stop(NAMES.get(4));
            }
            s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            stop(NAMES.get(5));
        }
        return catalogs;
    }

    /** The configured server, another database, {@code schema} first on the search path, as the scratch database is opened. */
    private static String jdbcUrl(DatabaseUrl url, String database, String schema) {
        String jdbc = url.jdbcUrl();
        int slash = jdbc.indexOf('/', "jdbc:postgresql://".length());
        return jdbc.substring(0, slash + 1) + database + "?currentSchema=" + URLEncoder.encode(schema, StandardCharsets.UTF_8);
    }

    private void start() {
        wall = System.nanoTime();
        cpu = THREADS.getCurrentThreadCpuTime();
    }

    /** Records the time since the last start or stop as {@code part}'s, and starts the next part. */
    private void stop(String part) {
        long w = System.nanoTime();
        long c = THREADS.getCurrentThreadCpuTime();
        times.put(part, new double[] {(w - wall) / 1e6, (c - cpu) / 1e6});
        wall = w;
        cpu = c;
    }
}
