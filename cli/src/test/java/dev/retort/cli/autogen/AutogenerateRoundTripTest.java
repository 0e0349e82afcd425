package dev.retort.cli.autogen;

import dev.retort.runtime.autogen.Difference;
import dev.retort.runtime.autogen.SchemaDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.Migration;
import dev.retort.dsl.Ops;
import dev.retort.index.MigrationIndex;
import dev.retort.op.Op;
import dev.retort.model.SchemaBuilder;
import dev.retort.runtime.Retort;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.runtime.model.Models;
import dev.retort.cli.scaffold.OpWriter;
import dev.retort.cli.scaffold.Scaffolder;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.schema.NamingConvention;
import com.squareup.javapoet.CodeBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autogenerate round trip, on random pairs of schemas (A, B) on each database: the ops
 * autogenerate finds from an empty history to A, and from A to B, written as migrations and
 * compiled with the processor, must upgrade a database to A's catalog and then to B's exactly;
 * autogenerate must then find nothing more; and the default downgrade must give A's catalog back.
 * 25 pairs share a database and a migration (each pair's ops in turn, under a comment naming it),
 * and all models are made in two databases per naming convention, which makes 150 pairs cheap
 * enough for every build; each pair is still diffed, written and checked on its own.
 * 150 pairs per database by default ({@code -Dretort.autogen.pairs=N}); the seed is printed,
 * {@code -Dretort.autogen.seed=N} replays one run.
 */
class AutogenerateRoundTripTest {

    private static final Set<String> IGNORED = Set.of("retort_version", "retort_history");
    private static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of(), List.of());

    /** Pairs per database: every pair is still diffed and checked on its own, in a database it shares with others. */
    private static final int GROUP = 25;

    @TempDir
    Path dir;

    @Test
    void sqlite() throws Exception {
        roundTrips(TestDatabase.Kind.SQLITE);
    }

    @Test
    void postgres() throws Exception {
        roundTrips(TestDatabase.Kind.POSTGRESQL);
    }

    @Test
    void mariadb() throws Exception {
        roundTrips(TestDatabase.Kind.MARIADB);
    }

    /** One pair: the catalogs its two models make, and every name in them. */
    private record Pair(int number, Catalog a, Catalog b, Set<String> names) {
    }

    /** Pairs that share a database: each migration of a group holds each pair's ops in turn. */
    private record Group(int number, List<Pair> pairs, String source, List<Op> firstOps, List<Op> secondOps,
            NamingConvention naming) {
        String first() {
            return String.format("a%07d", number);
        }

        String second() {
            return String.format("b%07d", number);
        }
    }

    private void roundTrips(TestDatabase.Kind kind) throws Exception {
        long seed = Long.getLong("retort.autogen.seed", System.nanoTime());
        int count = Integer.getInteger("retort.autogen.pairs", 150);
        System.out.println("AutogenerateRoundTripTest " + kind + ": " + count + " pairs, seed " + seed
                + " (replay with -Dretort.autogen.seed=" + seed + ")");
        Dialect dialect = Dialects.named(kind.dialect());
        var schemas = new RandomSchemas(new Random(seed), kind.dialect());
        Path sources = dir.resolve("src");
        var groups = new ArrayList<Group>();
        long started = System.nanoTime();
        // All models of one naming convention are made at once, in one database each: the generator never reuses a
        // name, so every pair's schemas are independent of the others' there, and one pair's part is read by its names.
        int groupCount = (count + GROUP - 1) / GROUP;
        var as = new ArrayList<RandomSchemas.Schema>();
        var bs = new ArrayList<RandomSchemas.Schema>();
        for (int i = 0; i < count; i++) {
            as.add(schemas.schema());
            bs.add(schemas.changed(as.get(i)));
        }
        // Every other group leaves constraint names to the database, as a database Alembic made without a convention.
        var conventions = List.of(NamingConvention.alembic(), NamingConvention.database());
        var builds = new ArrayList<Callable<Catalog>>();
        for (int c = 0; c < conventions.size(); c++) {
            int convention = c;
            builds.add(() -> modelCatalog(ofConvention(as, convention), dialect, conventions.get(convention)));
            builds.add(() -> modelCatalog(ofConvention(bs, convention), dialect, conventions.get(convention)));
        }
        List<Catalog> built = inParallel(builds);
        var unionsA = List.of(built.get(0), built.get(2));
        var unionsB = List.of(built.get(1), built.get(3));
        for (int g = 0; g < groupCount; g++) {
            NamingConvention naming = conventions.get(g % 2);
            Catalog unionA = unionsA.get(g % 2);
            Catalog unionB = unionsB.get(g % 2);
            var pairs = new ArrayList<Pair>();
            var first = new ArrayList<CodeBlock>();
            var second = new ArrayList<CodeBlock>();
            var firstOps = new ArrayList<Op>();
            var secondOps = new ArrayList<Op>();
            for (int k = g * GROUP; k < Math.min(count, (g + 1) * GROUP); k++) {
                Set<String> names = new HashSet<>(as.get(k).names());
                names.addAll(bs.get(k).names());
                var pair = new Pair(k, only(unionA, names), only(unionB, names), names);
                pairs.add(pair);
                first.add(CodeBlock.of("// pair $L\n", pair.number()));
                diff(EMPTY, pair.a(), dialect, naming).forEach(d -> {
                    first.add(OpWriter.statement(d.op(), d.notes()));
                    firstOps.add(d.op());
                });
                second.add(CodeBlock.of("// pair $L\n", pair.number()));
                diff(pair.a(), pair.b(), dialect, naming).forEach(d -> {
                    second.add(OpWriter.statement(d.op(), d.notes()));
                    secondOps.add(d.op());
                });
            }
            String firstId = String.format("a%07d", g);
            String secondId = String.format("b%07d", g);
            Path a = write(firstId, List.of(), "A" + g, first, sources);
            Path b = write(secondId, List.of(firstId), "B" + g, second, sources);
            groups.add(new Group(g, pairs, Files.readString(a) + Files.readString(b), firstOps, secondOps, naming));
        }
        long generated = System.nanoTime();
        Fixtures.Compiled compiled = Fixtures.compileTree(sources, dir.resolve("classes"));
        long compiledAt = System.nanoTime();
        try (var loader = compiled.loader()) {
            // Only this compilation's index: the test class path holds other tests' revisions.
            String indexClass = Files.readString(compiled.classes().resolve("META-INF/services/"
                    + MigrationIndex.class.getName())).strip();
            var index = (MigrationIndex) loader.loadClass(indexClass).getConstructor().newInstance();
            var checks = new ArrayList<Callable<Catalog>>();
            for (Group group : groups) {
                checks.add(() -> {
                    check(group, kind, dialect, index, loader, seed);
                    return null;
                });
            }
            inParallel(checks);
            System.out.printf("AutogenerateRoundTripTest %s: models and diffs %d ms, compiling %d ms, round trips %d ms%n",
                    kind, (generated - started) / 1_000_000, (compiledAt - generated) / 1_000_000,
                    (System.nanoTime() - compiledAt) / 1_000_000);
        }
    }

    /**
     * Runs the tasks two at a time, each in a database of its own: on PostgreSQL most of the time is
     * the server's, which a second connection keeps busy. The first failure is thrown as it was.
     */
    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<T>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw (Exception) e.getCause();
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The schemas of the groups that use convention {@code c}: groups alternate between the two. */
    private static List<RandomSchemas.Schema> ofConvention(List<RandomSchemas.Schema> schemas, int c) {
        var chosen = new ArrayList<RandomSchemas.Schema>();
        for (int i = 0; i < schemas.size(); i++) {
            if (i / GROUP % 2 == c) {
                chosen.add(schemas.get(i));
            }
        }
        return chosen;
    }

    private static List<Difference> diff(Catalog from, Catalog to, Dialect dialect, NamingConvention naming) {
        return SchemaDiff.between(from, to, dialect.name(), naming, dialect.equivalence(), IGNORED);
    }

    private void check(Group group, TestDatabase.Kind kind, Dialect dialect, MigrationIndex index, ClassLoader loader,
            long seed) throws Exception {
        String context = "seed " + seed + ", group " + group.number() + "; the migrations:\n" + group.source();
        // The source says what the diff found: the compiled migrations record the very same ops.
        assertEquals(text(group.firstOps()), text(recorded(loader, "ag.A" + group.number() + "_" + group.first())), context);
        assertEquals(text(group.secondOps()), text(recorded(loader, "ag.B" + group.number() + "_" + group.second())), context);
        try (var db = TestDatabase.create(kind, Files.createDirectories(dir.resolve("db" + group.number())))) {
            Retort retort = Retort.configure().url(db.url()).indexes(List.of(index)).classLoader(loader)
                    .namingConvention(group.naming()).build();
            retort.upgrade(group.first());
            Catalog upgradedToA = catalog(db, dialect);
            retort.upgrade(group.second());
            Catalog upgradedToB = catalog(db, dialect);
            retort.downgrade(group.first());
            Catalog downgraded = catalog(db, dialect);
            for (Pair pair : group.pairs()) {
                String where = "pair " + pair.number() + ", " + context;
                assertSame(pair.a(), only(upgradedToA, pair.names()), dialect, "after upgrading to A, " + where);
                assertSame(pair.b(), only(upgradedToB, pair.names()), dialect, "after upgrading to B, " + where);
                assertEquals(List.of(), diff(only(upgradedToB, pair.names()), pair.b(), dialect, group.naming()),
                        "autogenerate again finds nothing, " + where);
                assertSame(pair.a(), only(downgraded, pair.names()), dialect, "after downgrading to A, " + where);
            }
        }
    }

    private static List<Op> recorded(ClassLoader loader, String className) throws Exception {
        var migration = (Migration) loader.loadClass(className).getConstructor().newInstance();
        var ops = new Ops();
        migration.upgrade(ops);
        return ops.recorded();
    }

    private static List<String> text(List<Op> ops) {
        return ops.stream().map(Op::toString).toList();
    }

    /** The part of a catalog with these names: one pair's tables, views, enum types and sequences. */
    private static Catalog only(Catalog catalog, Set<String> names) {
        return new Catalog(catalog.tables().stream().filter(t -> names.contains(t.name())).toList(),
                catalog.views().stream().filter(v -> names.contains(v.name())).toList(),
                catalog.enums().stream().filter(e -> names.contains(e.name())).toList(),
                catalog.sequences().stream().filter(names::contains).toList());
    }

    private static void assertSame(Catalog expected, Catalog actual, Dialect dialect, String context) {
        assertEquals(List.of(), CatalogDiff.differences(expected, actual, IGNORED, dialect.equivalence()), context);
    }

    private static Catalog catalog(TestDatabase db, Dialect dialect) throws Exception {
        try (Connection c = db.connect()) {
            return dialect.introspect(c, db.schema());
        }
    }

    /** The catalog the schemas make when declared as one model: what autogenerate compares with. */
    private static Catalog modelCatalog(List<RandomSchemas.Schema> schemas, Dialect dialect, NamingConvention naming)
            throws Exception {
        var context = new RenderContext(naming, true);
        var builder = new SchemaBuilder();
        schemas.forEach(s -> s.declare(builder));
        if (dialect.name().equals("sqlite")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                Models.declare(builder, "random schemas", c, dialect, context);
                return dialect.introspect(c, null);
            }
        }
        try (var db = dialect.name().equals("mysql") ? TestDatabase.mariadb() : TestDatabase.postgres();
                Connection c = db.connect()) {
            Models.declare(builder, "random schemas", c, dialect, context);
            return dialect.introspect(c, db.schema());
        }
    }

    private static Path write(String id, List<String> revises, String className, List<CodeBlock> body, Path root) {
        return Scaffolder.write(new Scaffolder.NewRevision(id, revises, className, List.of(), List.of(), "ag",
                className + "_" + id), body, root);
    }
}
