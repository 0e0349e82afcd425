package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.Sources.migration;
import static dev.retort.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem of a compilation in one pass, each on its own line; nothing concluded from what
 * the compiler could not resolve; what a strict build ({@code -Xlint:all -Werror}) and a
 * multi-module build need of the generated index.
 */
class OnePassTest {

    private static Compilation compile(List<String> options, JavaFileObject... sources) {
        return javac().withProcessors(new RevisionProcessor()).withOptions(options).compile(sources);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** A bad id, a missing parent of that same revision, and two separate cycles: all reported at once. */
    @Test
    void everyErrorIsReportedInOnePassCyclesIncluded() {
        JavaFileObject bad = migration("Bad", "@Revision(id = \"Bad-Id\", revises = \"nowhere1\", message = \"m\")");
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", revises = \"bbbb\", message = \"m\")");
        JavaFileObject b = migration("B", "@Revision(id = \"bbbb\", revises = \"aaaa\", message = \"m\")");
        JavaFileObject c = migration("C", "@Revision(id = \"cccc\", revises = \"dddd\", message = \"m\")");
        JavaFileObject d = migration("D", "@Revision(id = \"dddd\", revises = \"cccc\", message = \"m\")");
        Compilation result = compile(bad, a, b, c, d);
        assertThat(result).failed();
        assertThat(result).hadErrorContaining(Diagnostics.BAD_ID + " 'Bad-Id'").inFile(bad).onLineContaining("Bad-Id");
        assertThat(result).hadErrorContaining(Diagnostics.UNKNOWN_REVISION + " revises 'nowhere1'").inFile(bad)
                .onLineContaining("nowhere1");
        for (JavaFileObject onCycle : List.of(a, b, c, d)) {
            assertThat(result).hadErrorContaining(Diagnostics.CYCLE).inFile(onCycle).onLineContaining("revises");
        }
        assertThat(result.errors()).hasSize(6);
    }

    /**
     * Mid-edit in an IDE: the parent's {@code @Revision} import is broken, another's id is a constant
     * that does not resolve. The compiler says so; Retort adds no false "unknown revision" for the
     * child and never shows {@code <error>} as an id.
     */
    @Test
    void unresolvedSymbolsCauseNoCascade() {
        JavaFileObject parent = source("db.Parent", "package db;", "import dev.retort.Revisionx;",
                "@Revisionx(id = \"pppp\", message = \"m\")",
                "public final class Parent implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }");
        JavaFileObject child = migration("Child", "@Revision(id = \"cccc\", revises = \"pppp\", message = \"m\")");
        JavaFileObject constant = migration("Constant", "@Revision(id = Ids.NOPE, revises = \"cccc\", message = \"m\")");
        Compilation result = compile(parent, child, constant);
        assertThat(result).failed();
        assertThat(result).hadErrorContaining("Revisionx");
        for (Diagnostic<? extends JavaFileObject> diagnostic : result.diagnostics()) {
            String text = diagnostic.getMessage(null);
            assertThat(text).doesNotContain("[Retort");
            assertThat(text).doesNotContain("<error>");
        }
    }

    @Test
    void aMigrationInTheDefaultPackageIsNamed() {
        JavaFileObject bare = source("Bare", "@dev.retort.Revision(id = \"bare\", message = \"m\")",
                "public final class Bare implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }");
        Compilation result = compile(bare);
        assertThat(result).hadErrorContaining(Diagnostics.DEFAULT_PACKAGE + " migration Bare is in the default package")
                .inFile(bare).onLineContaining("@dev.retort.Revision");
    }

    /** The strict build: no warning from Retort's claim, from generated code, or for a generic migration. */
    @Test
    void aStrictBuildPassesWithAGenericMigration() {
        JavaFileObject generic = source("db.Generic", "package db;",
                "@dev.retort.Revision(id = \"gen1\", message = \"generic\")",
                "public final class Generic<T> implements dev.retort.Migration {",
                "    @Override public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        Compilation result = compile(List.of("-Xlint:all", "-Werror"), generic);
        assertThat(result).succeededWithoutWarnings();
        assertThat(Sources.index(result).newMigration(0).getClass().getName()).isEqualTo("db.Generic");
    }

    /** Two modules with migrations in the same package get indexes of different names. */
    @Test
    void indexNamesAreUniquePerModuleNotPerPackage() {
        Compilation one = compile(migration("A", "@Revision(id = \"aaaa\", message = \"m\")"));
        Compilation two = compile(migration("B", "@Revision(id = \"bbbb\", message = \"m\")"));
        assertThat(Sources.indexName(one)).startsWith("dev.retort.generated.RetortIndex_db_");
        assertThat(Sources.indexName(two)).startsWith("dev.retort.generated.RetortIndex_db_");
        assertThat(Sources.indexName(one)).isNotEqualTo(Sources.indexName(two));
    }

    /**
     * An incremental build that changes the revisions writes an index of a new name, which
     * supersedes the earlier one still in the output; a module compiled against that output sees
     * only the new one (no revision twice).
     */
    @Test
    void aNewIndexSupersedesTheOneAnEarlierBuildLeft(@TempDir Path dir) throws IOException {
        var first = DiskCompiler.compile(dir.resolve("lib"), List.of(),
                Sources.source("lib.db.L1", "package lib.db;", "@dev.retort.Revision(id = \"lib1\", message = \"m\")",
                        "public final class L1 implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"));
        String old = Sources.indexName(first.classes());
        var second = DiskCompiler.compileInto(first.classes(), dir.resolve("lib/generated2"), List.of(first.classes()),
                List.of(), Sources.source("lib.db.L2", "package lib.db;",
                        "@dev.retort.Revision(id = \"lib2\", revises = \"lib1\", message = \"m\")",
                        "public final class L2 implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"));
        assertThat(second.success()).isTrue();
        String now = Sources.indexName(first.classes());
        assertThat(now).isNotEqualTo(old);
        assertThat(Files.exists(first.classes().resolve(old.replace('.', '/') + ".class"))).isTrue();
        assertThat(Sources.index(first.classes()).supersedes()).containsExactly(old);

        var app = DiskCompiler.compile(dir.resolve("app"), List.of(first.classes()),
                Sources.source("app.db.A1", "package app.db;",
                        "@dev.retort.Revision(id = \"app1\", revises = \"lib2\", message = \"m\")",
                        "public final class A1 implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"));
        assertThat(app.diagnostics()).doesNotContain("[Retort");
        assertThat(app.success()).isTrue();
        assertThat(Sources.index(app.classes()).requires()).containsExactly(now);

        // A third build into the same folder: its index supersedes both earlier ones, which are still there.
        var third = DiskCompiler.compileInto(first.classes(), dir.resolve("lib/generated3"), List.of(first.classes()),
                List.of(), Sources.source("lib.db.L3", "package lib.db;",
                        "@dev.retort.Revision(id = \"lib3\", revises = \"lib2\", message = \"m\")",
                        "public final class L3 implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"));
        assertThat(third.success()).isTrue();
        assertThat(Sources.index(first.classes()).supersedes()).containsExactly(old, now);
        assertThat(Sources.index(first.classes()).revisions()).hasSize(3);
    }

    /** The processor's jar tells Gradle it is an aggregating incremental processor. */
    @Test
    void gradleKnowsTheProcessorIsIncremental() throws IOException {
        try (var in = RevisionProcessor.class.getResourceAsStream("/META-INF/gradle/incremental.annotation.processors")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip())
                    .isEqualTo(RevisionProcessor.class.getName() + ",aggregating");
        }
    }
}
