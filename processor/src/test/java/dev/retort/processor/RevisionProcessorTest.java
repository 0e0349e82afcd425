package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.retort.processor.Sources.migration;
import static dev.retort.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionProcessorTest {

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new RevisionProcessor()).compile(sources);
    }

    @Test
    void generatesTheIndexAndItsServiceEntry() throws IOException {
        Compilation c = compile(
                migration("CreateUsers", "@Revision(id = \"753d9557b07b\", message = \"create users\")"),
                migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"753d9557b07b\", message = \"add email\")"));
        assertThat(c).succeededWithoutWarnings();
        var index = c.generatedSourceFile("dev.retort.generated.RetortIndex_db").orElseThrow();
        assertThat(index.getCharContent(true).toString()).isEqualTo(golden("RetortIndex_db.java"));
        var services = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", RevisionProcessor.SERVICES).orElseThrow();
        assertThat(services.getCharContent(true).toString()).isEqualTo("dev.retort.generated.RetortIndex_db\n");
    }

    @Test
    void unknownParentIsAnErrorOnTheAnnotationLine() {
        JavaFileObject bad = migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"nope\")");
        Compilation c = compile(migration("CreateUsers", "@Revision(id = \"753d9557b07b\")"), bad);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(Diagnostics.UNKNOWN_REVISION + " revises 'nope', which no revision declares")
                .inFile(bad).onLineContaining("revises = \"nope\"");
    }

    @Test
    void noIndexIsWrittenWhenThereWasAnError(@TempDir Path dir) throws IOException {
        var result = DiskCompiler.compile(dir, List.of(),
                migration("CreateUsers", "@Revision(id = \"753d9557b07b\")"),
                migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"nope\")"));
        assertThat(result.success()).isFalse();
        assertThat(result.generatedAny()).isFalse();
        assertThat(Files.exists(result.classes().resolve(RevisionProcessor.SERVICES))).isFalse();
    }

    @Test
    void unknownParentSuggestsTheClosestId() {
        JavaFileObject bad = migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"753d9557b07c\")");
        Compilation c = compile(migration("CreateUsers", "@Revision(id = \"753d9557b07b\")"), bad);
        assertThat(c).hadErrorContaining("(did you mean '753d9557b07b'?)").inFile(bad).onLine(7);
    }

    @Test
    void unknownDependencyIsAnError() {
        JavaFileObject bad = migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", dependsOn = \"elsewhere\")");
        Compilation c = compile(bad);
        assertThat(c).hadErrorContaining(Diagnostics.UNKNOWN_REVISION + " depends on 'elsewhere'")
                .inFile(bad).onLineContaining("dependsOn");
    }

    @Test
    void duplicateIdIsReportedOnBothDeclarations() {
        JavaFileObject first = migration("First", "@Revision(id = \"abc123\")");
        JavaFileObject second = migration("Second", "@Revision(id = \"abc123\")");
        Compilation c = compile(first, second);
        assertThat(c).hadErrorContaining(Diagnostics.DUPLICATE_ID + " revision id 'abc123' is also declared by db.Second")
                .inFile(first).onLineContaining("abc123");
        assertThat(c).hadErrorContaining(Diagnostics.DUPLICATE_ID + " revision id 'abc123' is also declared by db.First")
                .inFile(second).onLineContaining("abc123");
    }

    @Test
    void badIdFormIsAnError() {
        JavaFileObject bad = migration("Bad", "@Revision(id = \"Not-An-Id\")");
        Compilation c = compile(bad);
        assertThat(c).hadErrorContaining(Diagnostics.BAD_ID + " 'Not-An-Id' is not a valid revision id")
                .inFile(bad).onLineContaining("Not-An-Id");
    }

    @Test
    void cycleIsReportedNamingEveryRevisionOnIt() {
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", revises = \"cccc\")");
        JavaFileObject b = migration("B", "@Revision(id = \"bbbb\", revises = \"aaaa\")");
        JavaFileObject cc = migration("C", "@Revision(id = \"cccc\", revises = \"bbbb\")");
        Compilation c = compile(a, b, cc);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(Diagnostics.CYCLE + " revision 'aaaa' is on a cycle")
                .inFile(a).onLineContaining("revises = \"cccc\"");
        assertThat(c).hadErrorContaining("bbbb").inFile(b).onLineContaining("revises = \"aaaa\"");
        assertThat(c).hadErrorContaining("cccc").inFile(cc).onLineContaining("revises = \"bbbb\"");
    }

    @Test
    void classThatIsNotAMigrationIsAnError() {
        JavaFileObject bad = source("db.NotAMigration",
                "package db;",
                "",
                "@dev.retort.Revision(id = \"abc123\")",
                "public final class NotAMigration {",
                "}");
        Compilation c = compile(bad);
        assertThat(c).hadErrorContaining(Diagnostics.NOT_MIGRATION
                        + " db.NotAMigration is annotated @Revision but does not implement dev.retort.Migration")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void migrationWithoutPublicNoArgConstructorIsAnError() {
        JavaFileObject bad = source("db.NeedsArgs",
                "package db;",
                "",
                "@dev.retort.Revision(id = \"abc123\")",
                "public final class NeedsArgs implements dev.retort.Migration {",
                "    public NeedsArgs(String s) { }",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        Compilation c = compile(bad);
        assertThat(c).hadErrorContaining(Diagnostics.NO_PUBLIC_CONSTRUCTOR + " migration db.NeedsArgs has no public no-argument constructor")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() {
        JavaFileObject one = migration("One", "@Revision(id = \"Bad-Id\")");
        JavaFileObject two = migration("Two", "@Revision(id = \"abc123\", revises = \"missing\")");
        Compilation c = compile(one, two);
        assertThat(c).hadErrorCount(2);
    }

    /** Generated code is compared byte for byte: the processor's output must be deterministic. */
    static String golden(String name) {
        try (InputStream in = RevisionProcessorTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing golden file " + name, e);
        }
    }
}
