package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.Sources.migration;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated index: its exact text, its service entry, its name, and that it runs. */
class GenerationTest {

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new RevisionProcessor()).compile(sources);
    }

    private static final String GOLDEN_HASH = "07a5def86e";

    @Test
    void generatesTheIndexAndItsServiceEntry() throws IOException {
        Compilation c = compile(
                migration("CreateUsers", "@Revision(id = \"753d9557b07b\", message = \"create users\")"),
                migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"753d9557b07b\", message = \"add email\")"));
        assertThat(c).succeededWithoutWarnings();
        // Named after the package and a hash of what it lists: unique per module, new when the revisions change.
        assertThat(Sources.indexName(c)).isEqualTo("dev.retort.generated.RetortIndex_db_" + GOLDEN_HASH);
        var index = c.generatedSourceFile(Sources.indexName(c)).orElseThrow();
        assertThat(index.getCharContent(true).toString()).isEqualTo(golden("RetortIndex_db.java"));
    }

    @Test
    void sameInputGivesByteIdenticalOutputWhateverTheSourceOrder() throws IOException {
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", message = \"a\")");
        JavaFileObject b = migration("B", "@Revision(id = \"bbbb\", revises = \"aaaa\", message = \"b\")");
        JavaFileObject c = migration("C", "@Revision(id = \"cccc\", revises = \"bbbb\", message = \"c\")");
        String first = indexText(compile(a, b, c));
        assertThat(indexText(compile(c, a, b))).isEqualTo(first);
        assertThat(indexText(compile(b, c, a))).isEqualTo(first);
    }

    @Test
    void optionNamesTheIndex() throws IOException {
        Compilation c = javac().withProcessors(new RevisionProcessor())
                .withOptions("-Aretort.index=com.example.db.MyIndex")
                .compile(migration("A", "@Revision(id = \"aaaa\", message = \"a\")"));
        assertThat(c).succeeded();
        assertThat(c).generatedSourceFile("com.example.db.MyIndex");
        var services = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", RevisionProcessor.SERVICES).orElseThrow();
        assertThat(services.getCharContent(true).toString()).isEqualTo("com.example.db.MyIndex\n");
    }

    @Test
    void migrationsInSeveralPackagesShareTheirCommonPackage() {
        Compilation c = compile(
                Sources.source("app.db.users.A", "package app.db.users;",
                        "@dev.retort.Revision(id = \"aaaa\", message = \"a\")",
                        "public final class A implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"),
                Sources.source("app.db.chat.B", "package app.db.chat;",
                        "@dev.retort.Revision(id = \"bbbb\", revises = \"aaaa\", message = \"b\")",
                        "public final class B implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"));
        assertThat(c).succeeded();
        assertThat(Sources.indexName(c)).startsWith("dev.retort.generated.RetortIndex_app_db_");
    }

    /** 450 revisions: the generated methods are split in chunks, and every position creates its migration. */
    @Test
    void largeGraphsSplitTheGeneratedMethodsAndStillWork(@TempDir Path dir) throws Exception {
        var sources = new ArrayList<JavaFileObject>();
        for (int i = 0; i < 450; i++) {
            sources.add(migration("M" + i, "@Revision(id = \"m" + String.format("%04d", i) + "\""
                    + (i == 0 ? "" : ", revises = \"m" + String.format("%04d", i - 1) + "\"") + ", message = \"m\")"));
        }
        var result = DiskCompiler.compile(dir, List.of(), sources.toArray(JavaFileObject[]::new));
        assertThat(result.success()).isTrue();
        String name = Sources.indexName(result.classes());
        String text = Files.readString(result.generated().resolve(name.replace('.', '/') + ".java"));
        assertThat(text).contains("private static Migration newMigration2(int position)");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {result.classes().toUri().toURL()},
                getClass().getClassLoader())) {
            var index = (dev.retort.index.MigrationIndex) loader.loadClass(name)
                    .getConstructor().newInstance();
            assertThat(index.revisions()).hasSize(450);
            for (int i = 0; i < 450; i++) {
                assertThat(index.newMigration(i).getClass().getSimpleName())
                        .isEqualTo("M" + Integer.parseInt(index.revisions().get(i).id().substring(1)));
            }
        }
    }

    private static String indexText(Compilation c) throws IOException {
        return c.generatedSourceFile(Sources.indexName(c)).orElseThrow().getCharContent(true).toString();
    }

    /** Generated code is compared byte for byte: the processor's output must be deterministic. */
    static String golden(String name) {
        try (InputStream in = GenerationTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing golden file " + name, e);
        }
    }
}
