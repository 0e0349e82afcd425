package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module B's migrations revise module A's, which B sees only as compiled classes on its class path. */
class CrossJarTest {

    private static JavaFileObject migration(String pkg, String simpleName, String annotation) {
        return JavaFileObjects.forSourceLines(pkg + "." + simpleName,
                "package " + pkg + ";",
                annotation,
                "public final class " + simpleName + " implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { op.execute(\"SELECT 1\"); }",
                "}");
    }

    @Test
    void revisionInAnotherJarIsFound(@TempDir Path dir) throws IOException {
        var a = DiskCompiler.compile(dir.resolve("a"), List.of(),
                migration("lib.db", "Base", "@dev.retort.Revision(id = \"lib0001\", branchLabels = \"lib\")"));
        assertThat(a.success()).isTrue();
        assertThat(Files.readString(a.classes().resolve(RevisionProcessor.SERVICES)))
                .isEqualTo("dev.retort.generated.RetortIndex_lib_db\n");

        var b = DiskCompiler.compile(dir.resolve("b"), List.of(a.classes()),
                migration("app.db", "OnTop", "@dev.retort.Revision(id = \"app0001\", revises = \"lib0001\")"));
        assertThat(b.diagnostics()).doesNotContain("error");
        assertThat(b.success()).isTrue();
    }

    @Test
    void idFoundInNeitherJarIsAnError(@TempDir Path dir) throws IOException {
        var a = DiskCompiler.compile(dir.resolve("a"), List.of(),
                migration("lib.db", "Base", "@dev.retort.Revision(id = \"lib0001\")"));
        var b = DiskCompiler.compile(dir.resolve("b"), List.of(a.classes()),
                migration("app.db", "OnTop", "@dev.retort.Revision(id = \"app0001\", revises = \"lib0002\")"));
        assertThat(b.success()).isFalse();
        assertThat(b.diagnostics()).contains(Diagnostics.UNKNOWN_REVISION + " revises 'lib0002'");
        assertThat(b.diagnostics()).contains("(did you mean 'lib0001'?)");
    }
}
