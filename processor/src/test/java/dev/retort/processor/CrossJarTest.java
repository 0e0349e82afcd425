package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module B's migrations revise module A's (a library that ships its own migration branch), which
 * B's compilation sees only as a compiled jar on its class path.
 */
class CrossJarTest {

    private Path library;

    private static JavaFileObject migration(String pkg, String simpleName, String annotation) {
        return JavaFileObjects.forSourceLines(pkg + "." + simpleName,
                "package " + pkg + ";",
                annotation,
                "public final class " + simpleName + " implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { op.execute(\"SELECT 1\"); }",
                "}");
    }

    @BeforeEach
    void compileTheLibrary(@TempDir Path dir) throws IOException {
        var a = DiskCompiler.compile(dir.resolve("a"), List.of(),
                migration("lib.db", "Base", "@dev.retort.Revision(id = \"lib0001\", branchLabels = \"lib\", message = \"m\")"),
                migration("lib.db", "Next", "@dev.retort.Revision(id = \"lib0002\", revises = \"lib0001\", message = \"m\")"));
        assertThat(a.success()).isTrue();
        assertThat(Sources.indexName(a.classes())).startsWith("dev.retort.generated.RetortIndex_lib_db_");
        library = a.classes();
    }

    private Compilation compileAgainstLibrary(JavaFileObject... sources) {
        var classpath = new ArrayList<File>();
        classpath.add(library.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        return javac().withProcessors(new RevisionProcessor()).withClasspath(classpath).compile(sources);
    }

    @Test
    void revisionInAnotherJarIsFoundAndNotListedAgain() throws IOException {
        Compilation b = compileAgainstLibrary(
                migration("app.db", "OnTop", "@dev.retort.Revision(id = \"app0001\", revises = \"lib0002\", message = \"m\")"));
        assertThat(b).succeededWithoutWarnings();
        var index = Sources.index(b);
        assertThat(index.revisions().stream().map(dev.retort.index.RevisionInfo::id).toList()).containsExactly("app0001");
        assertThat(index.revisions().get(0).revises()).containsExactly("lib0002");
        assertThat(index.requires()).containsExactly(Sources.indexName(library));
    }

    @Test
    void dependencyOnAnotherJarsBranchLabel() {
        Compilation b = compileAgainstLibrary(
                migration("app.db", "Uses", "@dev.retort.Revision(id = \"app0001\", revises = \"lib0002\", dependsOn = \"lib\","
                        + " message = \"m\")"));
        assertThat(b).succeeded();
        assertThat(b).hadWarningContaining(Diagnostics.IMPLIED_DEPENDENCY + " dependsOn 'lib' is already implied");
    }

    @Test
    void idFoundInNeitherJarIsAnError() {
        JavaFileObject bad = migration("app.db", "OnTop", "@dev.retort.Revision(id = \"app0001\", revises = \"lib0003\","
                + " message = \"m\")");
        Compilation b = compileAgainstLibrary(bad);
        assertThat(b).hadErrorContaining(Diagnostics.UNKNOWN_REVISION + " revises 'lib0003', which no revision declares"
                + " (did you mean 'lib0001'?)").inFile(bad).onLine(2);
    }

    @Test
    void idThatAnotherJarAlreadyUsesIsADuplicate() {
        JavaFileObject bad = migration("app.db", "Clash", "@dev.retort.Revision(id = \"lib0002\", message = \"m\")");
        Compilation b = compileAgainstLibrary(bad);
        assertThat(b).hadErrorContaining(Diagnostics.DUPLICATE_ID
                + " revision id 'lib0002' is also declared by lib.db.Next (on the class path)").inFile(bad).onLine(2);
    }

    @Test
    void headsCountAcrossJars() {
        Compilation b = compileAgainstLibrary(
                migration("app.db", "NewBase", "@dev.retort.Revision(id = \"app0001\", message = \"m\")"));
        assertThat(b).hadWarningContaining(Diagnostics.MULTIPLE_HEADS + " the revision graph has 2 heads (app0001, lib0002)");
    }
}
