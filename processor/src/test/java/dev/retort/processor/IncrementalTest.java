package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE (or {@code mvn compile} after an edit) recompiles only the changed sources; the other
 * migrations are class files in the output folder. No false errors, and the regenerated index
 * still lists every revision.
 */
class IncrementalTest {

    private Path classes;
    private Path dir;

    private static JavaFileObject link(int n, String message) {
        String id = "m000" + n;
        String parent = n == 1 ? "" : ", revises = \"m000" + (n - 1) + "\"";
        return JavaFileObjects.forSourceLines("fx.M" + n,
                "package fx;",
                "@dev.retort.Revision(id = \"" + id + "\"" + parent + ", message = \"" + message + "\")",
                "public final class M" + n + " implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { op.execute(\"SELECT " + n + "\"); }",
                "}");
    }

    @BeforeEach
    void compileAChainOfFive(@TempDir Path dir) throws IOException {
        this.dir = dir;
        var first = DiskCompiler.compile(dir, List.of(),
                link(1, "one"), link(2, "two"), link(3, "three"), link(4, "four"), link(5, "five"));
        assertThat(first.success()).isTrue();
        classes = first.classes();
    }

    private DiskCompiler.Result recompile(String generated, JavaFileObject... changed) throws IOException {
        return DiskCompiler.compileInto(classes, dir.resolve(generated), List.of(classes), List.of(), changed);
    }

    private List<RevisionInfo> indexedRevisions() throws Exception {
        try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            var index = (MigrationIndex) loader.loadClass(Sources.indexName(classes)).getConstructor().newInstance();
            for (int i = 0; i < index.revisions().size(); i++) {
                assertThat(index.newMigration(i).getClass().getName()).isEqualTo(index.revisions().get(i).className());
            }
            return index.revisions();
        }
    }

    @Test
    void recompilingOneSourceKeepsEveryRevisionInTheIndex() throws Exception {
        var result = recompile("generated-again", link(3, "three, edited"));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.success()).isTrue();
        List<RevisionInfo> revisions = indexedRevisions();
        assertThat(revisions.stream().map(RevisionInfo::id).toList()).containsExactly("m0001", "m0002", "m0003", "m0004", "m0005")
                .inOrder();
        assertThat(revisions.get(2).message()).isEqualTo("three, edited");
        assertThat(Sources.indexName(classes)).startsWith("dev.retort.generated.RetortIndex_fx_");
    }

    @Test
    void recompiledSourceIsCheckedAgainstTheRevisionsLeftAsClassFiles() throws Exception {
        var result = recompile("generated-bad", JavaFileObjects.forSourceLines("fx.M5",
                "package fx;",
                "@dev.retort.Revision(id = \"m0005\", revises = \"m0009\", message = \"five\")",
                "public final class M5 implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}"));
        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).contains(Diagnostics.UNKNOWN_REVISION + " revises 'm0009'");
    }

    @Test
    void deletedMigrationLeavesTheIndex() throws Exception {
        Files.delete(classes.resolve("fx/M5.class"));
        var result = recompile("generated-deleted", link(4, "four"));
        assertThat(result.success()).isTrue();
        assertThat(indexedRevisions().stream().map(RevisionInfo::id).toList())
                .containsExactly("m0001", "m0002", "m0003", "m0004").inOrder();
    }

    @Test
    void addingAMigrationOnTopOfClassFiles() throws Exception {
        var result = recompile("generated-added", link(6, "six"));
        assertThat(result.success()).isTrue();
        assertThat(indexedRevisions()).hasSize(6);
    }

    /** An error on a revision that is only a class file here names its class, having no source line. */
    @Test
    void anErrorOnARevisionCompiledEarlierNamesItsClass() throws Exception {
        var result = recompile("generated-duplicate", JavaFileObjects.forSourceLines("fx.M6",
                "package fx;",
                "@dev.retort.Revision(id = \"m0003\", revises = \"m0005\", message = \"six\")",
                "public final class M6 implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}"));
        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).contains(Diagnostics.DUPLICATE_ID + " revision id 'm0003' is also declared by"
                + " fx.M6; give each revision its own id (in fx.M3, compiled earlier; its source file declares it)");
    }
}
