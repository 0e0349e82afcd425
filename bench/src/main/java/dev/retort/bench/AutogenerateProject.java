package dev.retort.bench;

import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.autogen.Difference;
import dev.retort.runtime.model.Model;
import dev.retort.cli.scaffold.Scaffolder;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project {@link AutogenerateBench} runs autogenerate on, in a folder: the migration sources
 * ({@code src}), the model's source, and both compiled with Retort's processor
 * ({@code out-classes}), from {@link GeneratedSchema} with a fixed seed; and what autogenerate
 * must find in it.
 */
record AutogenerateProject(Path dir, Path src, Path classes, String head, Set<String> expectedTables,
        int expectedDifferences) {

    static final long SEED = 20261130L;
    static final int TABLES = 500;
    static final int MISSING = 10;
    static final int PER_REVISION = 49;
    static final Model MODEL = Model.parse("class:" + GeneratedSchema.MODEL_CLASS, "bench");

    /** Writes and compiles the project in a new temporary folder. */
    static AutogenerateProject create() throws IOException {
        Path dir = Files.createTempDirectory("retort-autogenerate-bench");
        GeneratedSchema schema = GeneratedSchema.generate(SEED, TABLES, MISSING);
        var sources = new ArrayList<>(schema.writeMigrations(dir.resolve("src"), PER_REVISION));
        sources.add(schema.writeModel(dir.resolve("model-src")));
        ProcessorBench.compile(dir, sources, new RevisionProcessor(), "classes");
        return in(dir);
    }

    /** The project {@link #create} made in {@code dir}. */
    static AutogenerateProject in(Path dir) {
        GeneratedSchema schema = GeneratedSchema.generate(SEED, TABLES, MISSING);
        int revisions = (TABLES - MISSING + PER_REVISION - 1) / PER_REVISION;
        int differences = schema.missing().stream().mapToInt(i -> 1 + schema.tables().get(i).indexes().size()).sum();
        return new AutogenerateProject(dir, dir.resolve("src"), dir.resolve("out-classes"),
                GeneratedSchema.revisionId(revisions - 1), Set.copyOf(schema.missingNames()), differences);
    }

    /** A class loader for the compiled migrations and model. */
    ClassLoader loader() throws MalformedURLException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, AutogenerateProject.class.getClassLoader());
    }

    /** {@code retort revision --autogenerate …} against {@code url}, as a user would type it after {@code retort}. */
    List<String> command(String url, String revId) {
        return List.of("revision", "--autogenerate", "-m", "add the tables the model has", "--model",
                "class:" + GeneratedSchema.MODEL_CLASS, "--url", url, "--classpath", classes.toString(), "--dir",
                src.toString(), "--rev-id", revId);
    }

    /** The revision the bench itself writes, as the command would. */
    Scaffolder.NewRevision newRevision(String id) {
        return new Scaffolder.NewRevision(id, List.of(head), "add the tables the model has", List.of(), List.of(),
                GeneratedSchema.MIGRATION_PACKAGE, "AddTheTablesTheModelHas_" + id);
    }

    static String revId(String prefix, int n) {
        return String.format(Locale.ROOT, "%s%010d", prefix, n);
    }

    /** Deletes what the command wrote among the migration sources, so the next run sees the same project. */
    void deleteWritten() throws IOException {
        try (Stream<Path> files = Files.list(src.resolve(GeneratedSchema.MIGRATION_PACKAGE.replace('.', '/')))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("CreateTables")).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Exactly the missing tables and their indexes; anything else means the timings measure another comparison. */
    void check(String database, List<Difference> differences) {
        var unexpected = differences.stream().filter(d -> !(d.op() instanceof CreateTable t
                && expectedTables.contains(t.table().name()) || d.op() instanceof CreateIndex i
                && expectedTables.contains(i.table().name()))).map(d -> d.op().describe()).toList();
        if (!unexpected.isEmpty() || differences.size() != expectedDifferences) {
            throw new IllegalStateException(database + ": autogenerate found " + differences.size() + " differences, "
                    + expectedDifferences + " expected; unexpected: " + unexpected.subList(0, Math.min(20, unexpected.size())));
        }
    }

    /** The same for what the command printed: one {@code Detected} line for each difference. */
    void checkPrinted(String database, String printed) {
        if (printed.lines().filter(l -> l.strip().startsWith("Detected ")).count() != expectedDifferences) {
            throw new IllegalStateException(database + ": the command printed\n" + printed);
        }
    }
}
