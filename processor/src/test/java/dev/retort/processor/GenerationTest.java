package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.Sources.migration;
import static java.lang.reflect.Modifier.FINAL;
import static java.lang.reflect.Modifier.PUBLIC;
import static java.lang.reflect.Modifier.STATIC;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.index.IndexCodec;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.processor.codegen.IndexClassFile;
import dev.retort.processor.codegen.IndexContent;
import dev.retort.processor.codegen.IndexSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated index: its exact bytes (a class file on the class path) and text (a source in a
 * named module), that the two are the same index, its service entry, its name, and that it runs.
 */
class GenerationTest {

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new RevisionProcessor()).compile(sources);
    }

    private static final String GOLDEN_HASH = "3d95d62b67";

    @Test
    void generatesTheIndexAndItsServiceEntry() {
        Compilation c = compile(
                migration("CreateUsers", "@Revision(id = \"753d9557b07b\", message = \"create users\")"),
                migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"753d9557b07b\", message = \"add email\")"));
        assertThat(c).succeededWithoutWarnings();
        // Named after the package and a hash of what it lists: unique per module, new when the revisions change.
        assertThat(Sources.indexName(c)).isEqualTo("dev.retort.generated.RetortIndex_db_" + GOLDEN_HASH);
        // On the class path the index is a class file, and no source: javac runs no round for it.
        assertThat(c.generatedSourceFiles()).isEmpty();
        assertThat(Sources.text(Sources.indexBytes(c))).isEqualTo(golden("RetortIndex_db.class.txt"));

        MigrationIndex index = Sources.index(c);
        assertThat(index.revisions().stream().map(RevisionInfo::id).toList()).containsExactly("753d9557b07b", "a1b2c3d4e5f6")
                .inOrder();
        assertThat(index.revisions().get(1).message()).isEqualTo("add email");
        assertThat(index.newMigration(0).getClass().getName()).isEqualTo("db.CreateUsers");
        assertThat(index.newMigration(1).getClass().getName()).isEqualTo("db.AddEmail");
        assertThrows(IndexOutOfBoundsException.class, () -> index.newMigration(2));
        assertThat(index.supersedes()).isEmpty();
        assertThat(index.requires()).isEmpty();
    }

    /** In a named module the index is a source: the module's provides names it, and javac must see it compiled. */
    @Test
    void theSourceForANamedModule() {
        var content = new IndexContent("db.RetortIndex", IndexCodec.encode(List.of(
                        new RevisionInfo("753d9557b07b", List.of(), "create users", List.of(), List.of(), true, "db.CreateUsers"),
                        new RevisionInfo("a1b2c3d4e5f6", List.of("753d9557b07b"), "add email", List.of(), List.of(), true,
                                "db.Outer$AddEmail"))),
                List.of(new IndexContent.Constructed("db.CreateUsers", "db.CreateUsers", false),
                        new IndexContent.Constructed("db.Outer$AddEmail", "db.Outer.AddEmail", true)),
                List.of(), List.of("lib.RetortIndex"), List.of());
        assertThat(IndexSource.of(content).toString()).isEqualTo(golden("RetortIndex.java"));
    }

    @Test
    void sameInputGivesByteIdenticalOutputWhateverTheSourceOrder() {
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", message = \"a\")");
        JavaFileObject b = migration("B", "@Revision(id = \"bbbb\", revises = \"aaaa\", message = \"b\")");
        JavaFileObject c = migration("C", "@Revision(id = \"cccc\", revises = \"bbbb\", message = \"c\")");
        byte[] first = Sources.indexBytes(compile(a, b, c));
        assertThat(Sources.indexBytes(compile(c, a, b))).isEqualTo(first);
        assertThat(Sources.indexBytes(compile(b, c, a))).isEqualTo(first);
    }

    @Test
    void optionNamesTheIndex() throws IOException {
        Compilation c = javac().withProcessors(new RevisionProcessor())
                .withOptions("-Aretort.index=com.example.db.MyIndex")
                .compile(migration("A", "@Revision(id = \"aaaa\", message = \"a\")"));
        assertThat(c).succeeded();
        assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "com/example/db/MyIndex.class");
        var services = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", RevisionProcessor.SERVICES).orElseThrow();
        assertThat(services.getCharContent(true).toString()).isEqualTo("com.example.db.MyIndex\n");
        assertThat(Sources.index(c).newMigration(0).getClass().getName()).isEqualTo("db.A");
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
        MigrationIndex index = Sources.index(result.classes());
        assertThat(index.getClass().getDeclaredMethod("newMigration2", int.class)).isNotNull();
        assertThat(index.revisions()).hasSize(450);
        for (int i = 0; i < 450; i++) {
            assertThat(index.newMigration(i).getClass().getSimpleName())
                    .isEqualTo("M" + Integer.parseInt(index.revisions().get(i).id().substring(1)));
        }
        for (int position : new int[] {-1, 450, 600, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThrows(IndexOutOfBoundsException.class, () -> index.newMigration(position));
        }
    }

    /**
     * The class file is the index javac would compile from the source: for one and for several
     * chunks, nested and generic migrations, supersedes and requires, both list the same revisions,
     * create the same class at every position and fail alike outside them.
     */
    @Test
    void theClassFileIsTheIndexTheSourceCompilesTo(@TempDir Path dir) throws Exception {
        for (int size : new int[] {1, 7, IndexContent.CHUNK, IndexContent.CHUNK + 1, 3 * IndexContent.CHUNK + 17}) {
            Path root = dir.resolve("n" + size);
            var migrations = new ArrayList<JavaFileObject>();
            var infos = new ArrayList<RevisionInfo>();
            var constructed = new ArrayList<IndexContent.Constructed>();
            for (int i = 0; i < size; i++) {
                String simple = "M" + i;
                migrations.add(JavaFileObjects.forSourceLines("eq." + simple, "package eq;",
                        "public final class " + simple + (i % 3 == 1 ? "<T>" : "") + " implements dev.retort.Migration {",
                        "    public void upgrade(dev.retort.dsl.Ops op) { }",
                        "    public static final class Inner implements dev.retort.Migration {",
                        "        public void upgrade(dev.retort.dsl.Ops op) { }",
                        "    }",
                        "}"));
                boolean nested = i % 3 == 2;
                String binary = "eq." + simple + (nested ? "$Inner" : "");
                infos.add(new RevisionInfo(String.format("r%05d", i), i == 0 ? List.of() : List.of(String.format("r%05d", i - 1)),
                        "message\twith a tab " + i, List.of(), List.of(), i % 2 == 0, binary));
                constructed.add(new IndexContent.Constructed(binary, binary.replace('$', '.'), i % 3 == 1, nested
                        ? List.of(new IndexContent.Nesting(binary, "eq." + simple, "Inner", PUBLIC | STATIC | FINAL))
                        : List.of()));
            }
            var content = new IndexContent("eq.Index", IndexCodec.encode(infos), constructed,
                    List.of("eq.Old", "eq.Older"), List.of("lib.Index"), List.of());
            migrations.add(JavaFileObjects.forSourceString("eq.Index", IndexSource.of(content).toString()));
            var compiled = DiskCompiler.compile(root.resolve("source"), List.of(), List.of("-proc:none"),
                    migrations.toArray(JavaFileObject[]::new));
            assertThat(compiled.success()).isTrue();
            Path written = Files.createDirectories(root.resolve("written/eq"));
            Files.write(written.resolve("Index.class"), IndexClassFile.of(content));

            assertThat(innerClasses(Files.readAllBytes(written.resolve("Index.class"))))
                    .isEqualTo(innerClasses(Files.readAllBytes(compiled.classes().resolve("eq/Index.class"))));

            try (var fromSource = new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()}, getClass().getClassLoader());
                    var fromClassFile = new URLClassLoader(new URL[] {root.resolve("written").toUri().toURL(),
                        compiled.classes().toUri().toURL()}, getClass().getClassLoader())) {
                var expected = (MigrationIndex) fromSource.loadClass("eq.Index").getConstructor().newInstance();
                var actual = (MigrationIndex) fromClassFile.loadClass("eq.Index").getConstructor().newInstance();
                assertThat(actual.getClass().getProtectionDomain().getCodeSource().getLocation())
                        .isEqualTo(root.resolve("written").toUri().toURL());
                assertThat(actual.revisions()).isEqualTo(expected.revisions());
                assertThat(actual.revisions()).isEqualTo(infos);
                assertThat(actual.supersedes()).isEqualTo(expected.supersedes());
                assertThat(actual.requires()).isEqualTo(expected.requires());
                for (int i = 0; i < size; i++) {
                    assertThat(actual.newMigration(i).getClass().getName()).isEqualTo(expected.newMigration(i).getClass().getName());
                }
                for (int position : new int[] {-1, size, size + IndexContent.CHUNK, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                    assertThat(failure(() -> actual.newMigration(position)))
                            .isEqualTo(failure(() -> expected.newMigration(position)));
                }
            }
        }
    }

    /** Migrations nested in classes and in an interface: the index records them as javac records what it names. */
    @Test
    void nestedMigrationsAreRecordedAsJavacRecordsThem() {
        Compilation c = compile(
                Sources.source("db.Outer", "package db;",
                        "public final class Outer {",
                        "    public static final class Mid {",
                        "        @dev.retort.Revision(id = \"n1\", message = \"deep\")",
                        "        public static final class Inner implements dev.retort.Migration {",
                        "            public void upgrade(dev.retort.dsl.Ops op) { }",
                        "        }",
                        "    }",
                        "}"),
                Sources.source("db.Holder", "package db;",
                        "public interface Holder {",
                        "    @dev.retort.Revision(id = \"n2\", revises = \"n1\", message = \"in an interface\")",
                        "    final class InInterface implements dev.retort.Migration {",
                        "        public void upgrade(dev.retort.dsl.Ops op) { }",
                        "    }",
                        "}"),
                Sources.source("db.Ref", "package db;",
                        "final class Ref {",
                        "    Object[] make() { return new Object[] {new Outer.Mid.Inner(), new Holder.InInterface()}; }",
                        "}"));
        assertThat(c).succeededWithoutWarnings();
        var reference = c.generatedFile(StandardLocation.CLASS_OUTPUT, "db/Ref.class").orElseThrow();
        try (var in = reference.openInputStream()) {
            assertThat(innerClasses(Sources.indexBytes(c))).isEqualTo(innerClasses(in.readAllBytes()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MigrationIndex index = Sources.index(c);
        assertThat(index.newMigration(0).getClass().getName()).isEqualTo("db.Outer$Mid$Inner");
        assertThat(index.newMigration(1).getClass().getName()).isEqualTo("db.Holder$InInterface");
    }

    /** The nested classes a class file records it names (JVMS 4.7.6), in no particular order. */
    private static java.util.Set<String> innerClasses(byte[] classFile) {
        var node = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(classFile).accept(node, 0);
        var entries = new java.util.TreeSet<String>();
        node.innerClasses.forEach(c -> entries.add(c.name + " in " + c.outerName + " as " + c.innerName + ", " + c.access));
        return entries;
    }

    private static String failure(Executable call) {
        Throwable thrown = assertThrows(IndexOutOfBoundsException.class, call);
        return thrown.getClass().getName() + ": " + thrown.getMessage();
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
