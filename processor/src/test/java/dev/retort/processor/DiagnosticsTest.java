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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per diagnostic: the tag and the text, and the file, line (and where it matters the
 * column) javac reports it on.
 */
class DiagnosticsTest {

    private static final JavaFileObject BASE = migration("Base", "@Revision(id = \"753d9557b07b\", message = \"base\")");

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new RevisionProcessor()).compile(sources);
    }

    private static JavaFileObject plain(String name, String... body) {
        String[] lines = new String[body.length + 2];
        lines[0] = "package db;";
        lines[1] = "";
        System.arraycopy(body, 0, lines, 2, body.length);
        return source("db." + name, lines);
    }

    // ---- the graph ----

    @Test
    void unknownParent() {
        JavaFileObject bad = migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"nope\", message = \"m\")");
        Compilation c = compile(BASE, bad);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(Diagnostics.UNKNOWN_REVISION + " revises 'nope', which no revision declares;"
                        + " fix the id, or put the jar that declares it on the compile class path")
                .inFile(bad).onLineContaining("revises = \"nope\"");
    }

    @Test
    void unknownParentIsPointedAtAmongSeveral() {
        JavaFileObject bad = migration("Merge", "@Revision(id = \"a1b2c3d4e5f6\", revises = {\"753d9557b07b\", \"nope\"}, message = \"m\")");
        Compilation c = compile(BASE, bad);
        assertThat(c).hadErrorContaining(Diagnostics.UNKNOWN_REVISION + " revises 'nope'")
                .inFile(bad).onLine(7).atColumn(59);
    }

    @Test
    void unknownParentSuggestsAClosId() {
        JavaFileObject bad = migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"753d9557b07c\", message = \"m\")");
        assertThat(compile(BASE, bad)).hadErrorContaining("revises '753d9557b07c', which no revision declares"
                + " (did you mean '753d9557b07b'?)").inFile(bad).onLine(7);
    }

    @Test
    void unknownParentGivenAsPrefixSuggestsTheFullId() {
        JavaFileObject bad = migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"753d\", message = \"m\")");
        assertThat(compile(BASE, bad)).hadErrorContaining(
                "(did you mean '753d9557b07b'? annotations need the full id)").inFile(bad).onLine(7);
    }

    @Test
    void unknownDependency() {
        JavaFileObject bad = migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", dependsOn = \"elsewhere\", message = \"m\")");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.UNKNOWN_REVISION + " depends on 'elsewhere'")
                .inFile(bad).onLineContaining("dependsOn = \"elsewhere\"");
    }

    @Test
    void duplicateIdIsReportedOnBothDeclarations() {
        JavaFileObject first = migration("First", "@Revision(id = \"abc123\", message = \"m\")");
        JavaFileObject second = migration("Second", "@Revision(id = \"abc123\", message = \"m\")");
        Compilation c = compile(first, second);
        assertThat(c).hadErrorContaining(Diagnostics.DUPLICATE_ID + " revision id 'abc123' is also declared by db.Second;"
                + " give each revision its own id").inFile(first).onLineContaining("abc123");
        assertThat(c).hadErrorContaining(Diagnostics.DUPLICATE_ID + " revision id 'abc123' is also declared by db.First")
                .inFile(second).onLineContaining("abc123");
    }

    @Test
    void badIdForm() {
        JavaFileObject bad = migration("Bad", "@Revision(id = \"Not-An-Id\", message = \"m\")");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.BAD_ID
                        + " 'Not-An-Id' is not a valid revision id; use 1 to 32 characters of [0-9a-z_]")
                .inFile(bad).onLineContaining("Not-An-Id");
    }

    @Test
    void badBranchLabelForm() {
        JavaFileObject bad = migration("Bad", "@Revision(id = \"abc123\", branchLabels = \"a@b\", message = \"m\")");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.BAD_ID + " branch label 'a@b' of revision abc123 is not valid")
                .inFile(bad).onLineContaining("a@b");
    }

    @Test
    void revisionRevisingItself() {
        JavaFileObject bad = migration("Self", "@Revision(id = \"abc123\", revises = \"abc123\", message = \"m\")");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.SELF_REVISION
                        + " revision 'abc123' revises itself; name its parent instead (or nothing, for a base)")
                .inFile(bad).onLine(7).atColumn(36);
    }

    @Test
    void revisionDependingOnItself() {
        JavaFileObject bad = migration("Self", "@Revision(id = \"abc123\", dependsOn = \"abc123\", message = \"m\")");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.SELF_DEPENDENCY
                + " revision 'abc123' depends on itself; remove it from dependsOn").inFile(bad).onLine(7);
    }

    @Test
    void cycleThroughRevisesNamesEveryRevisionOnIt() {
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", revises = \"cccc\", message = \"m\")");
        JavaFileObject b = migration("B", "@Revision(id = \"bbbb\", revises = \"aaaa\", message = \"m\")");
        JavaFileObject cc = migration("C", "@Revision(id = \"cccc\", revises = \"bbbb\", message = \"m\")");
        Compilation c = compile(a, b, cc);
        String cycle = "(aaaa <- bbbb <- cccc <- aaaa, each revising or depending on the one before)";
        assertThat(c).hadErrorContaining(Diagnostics.CYCLE + " revision 'aaaa' is on a cycle " + cycle)
                .inFile(a).onLineContaining("revises = \"cccc\"");
        assertThat(c).hadErrorContaining(Diagnostics.CYCLE + " revision 'bbbb' is on a cycle").inFile(b).onLine(7);
        assertThat(c).hadErrorContaining(Diagnostics.CYCLE + " revision 'cccc' is on a cycle").inFile(cc).onLine(7);
    }

    @Test
    void cycleThroughDependsOn() {
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", dependsOn = \"bbbb\", message = \"m\")");
        JavaFileObject b = migration("B", "@Revision(id = \"bbbb\", revises = \"aaaa\", message = \"m\")");
        Compilation c = compile(a, b);
        assertThat(c).hadErrorContaining(Diagnostics.DEPENDENCY_CYCLE + " revision 'aaaa' is on a cycle")
                .inFile(a).onLineContaining("dependsOn = \"bbbb\"");
        assertThat(c).hadErrorContaining(Diagnostics.DEPENDENCY_CYCLE + " revision 'bbbb' is on a cycle")
                .inFile(b).onLineContaining("revises = \"aaaa\"");
    }

    @Test
    void sameParentListedTwice() {
        JavaFileObject bad = migration("Twice", "@Revision(id = \"abc123\", revises = {\"753d9557b07b\", \"753d9557b07b\"}, message = \"m\")");
        assertThat(compile(BASE, bad)).hadErrorContaining(Diagnostics.DUPLICATE_PARENT
                + " revises lists '753d9557b07b' twice; name it once").inFile(bad).onLine(7).atColumn(53);
    }

    @Test
    void branchLabelUsedTwice() {
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", branchLabels = \"billing\", message = \"m\")");
        JavaFileObject b = migration("B", "@Revision(id = \"bbbb\", branchLabels = \"billing\", message = \"m\")");
        Compilation c = compile(a, b);
        assertThat(c).hadErrorContaining(Diagnostics.DUPLICATE_LABEL + " branch label 'billing' is declared by two revisions"
                + " (aaaa, bbbb); choose another label").inFile(a).onLineContaining("billing");
        assertThat(c).hadErrorContaining(Diagnostics.DUPLICATE_LABEL).inFile(b).onLineContaining("billing");
    }

    @Test
    void branchLabelEqualToARevisionId() {
        JavaFileObject a = migration("A", "@Revision(id = \"aaaa\", message = \"m\")");
        JavaFileObject bad = migration("B", "@Revision(id = \"bbbb\", revises = \"aaaa\", branchLabels = \"aaaa\","
                + " message = \"m\")");
        assertThat(compile(a, bad)).hadErrorContaining(Diagnostics.DUPLICATE_LABEL
                + " branch label 'aaaa' is also a revision id (bbbb, aaaa); choose another label")
                .inFile(bad).onLine(7).atColumn(57);
        assertThat(compile(a, bad)).hadErrorCount(1);
    }

    // ---- each class ----

    @Test
    void interfaceIsNotAMigration() {
        JavaFileObject bad = plain("Nope", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "public interface Nope extends dev.retort.Migration { }");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.NOT_A_CLASS
                        + " @Revision is on interface db.Nope, but only a class can be a migration")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void enumIsNotAMigration() {
        JavaFileObject bad = plain("Nope", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "public enum Nope implements dev.retort.Migration { X; public void upgrade(dev.retort.dsl.Ops op) { } }");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.NOT_A_CLASS + " @Revision is on enum db.Nope")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void classThatIsNotPublic() {
        JavaFileObject bad = plain("Hidden", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "final class Hidden implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.NOT_PUBLIC + " migration db.Hidden must be public")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void abstractClass() {
        JavaFileObject bad = plain("Partial", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "public abstract class Partial implements dev.retort.Migration { }");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.ABSTRACT + " migration db.Partial is abstract")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void nonStaticInnerClass() {
        JavaFileObject bad = plain("Outer", "public final class Outer {",
                "    @dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "    public final class Inner implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }",
                "}");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.INNER_CLASS
                        + " migration db.Outer.Inner is an inner class, which needs an outer instance; declare it static")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void staticNestedClassIsFine() {
        JavaFileObject ok = plain("Outer", "public final class Outer {",
                "    @dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "    public static final class Nested implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }",
                "}");
        Compilation c = compile(ok);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void classThatDoesNotImplementMigration() {
        JavaFileObject bad = plain("NotAMigration", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "public final class NotAMigration { }");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.NOT_MIGRATION
                        + " db.NotAMigration is annotated @Revision but does not implement dev.retort.Migration;"
                        + " add 'implements Migration'")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    @Test
    void aLintExemptionNamesARuleThatExistsAndSaysWhy() {
        JavaFileObject unknown = plain("Dropping", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "@dev.retort.AllowLint(rule = \"drop-colum\", reason = \"unused since 4.2\")",
                "public final class Dropping implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        assertThat(compile(unknown)).hadErrorContaining(Diagnostics.LINT_EXEMPTION
                + " migration db.Dropping is exempted from lint rule 'drop-colum', which does not exist; the rules are"
                + " drop-table, drop-column,").inFile(unknown).onLineContaining("@dev.retort.Revision");
        JavaFileObject noReason = plain("Dropping", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "@dev.retort.AllowLint(rule = \"drop-column\", reason = \" \")",
                "public final class Dropping implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        assertThat(compile(noReason)).hadErrorContaining(Diagnostics.LINT_EXEMPTION
                + " migration db.Dropping is exempted from lint rule 'drop-column' without a reason; say why the danger"
                + " is accepted here: reason = \"...\"");
        JavaFileObject good = plain("Dropping", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "@dev.retort.AllowLint(rule = \"drop-column\", reason = \"unused since 4.2\")",
                "@dev.retort.AllowLint(rule = \"rename-table\", reason = \"a view keeps the old name\")",
                "public final class Dropping implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        assertThat(compile(good)).succeeded();
    }

    @Test
    void anOnlineSafeTimeoutBelowOneSecond() {
        JavaFileObject negative = plain("Safe", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "@dev.retort.OnlineSafe(lockTimeoutSeconds = -30)",
                "public final class Safe implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        assertThat(compile(negative)).hadErrorContaining(Diagnostics.ONLINE_SAFE + " migration db.Safe asks for"
                + " @OnlineSafe(lockTimeoutSeconds = -30); give a whole number of seconds from 1 to 86400")
                .inFile(negative).onLineContaining("@dev.retort.Revision");
        JavaFileObject huge = plain("Safe", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "@dev.retort.OnlineSafe(lockTimeoutSeconds = 3000000)",
                "public final class Safe implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        assertThat(compile(huge)).hadErrorContaining(Diagnostics.ONLINE_SAFE + " migration db.Safe asks for"
                + " @OnlineSafe(lockTimeoutSeconds = 3000000); give a whole number of seconds from 1 to 86400");
        JavaFileObject good = plain("Safe", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "@dev.retort.OnlineSafe(lockTimeoutSeconds = 1)",
                "public final class Safe implements dev.retort.Migration {",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        assertThat(compile(good)).succeeded();
    }

    @Test
    void classWithoutPublicNoArgConstructor() {
        JavaFileObject bad = plain("NeedsArgs", "@dev.retort.Revision(id = \"abc123\", message = \"m\")",
                "public final class NeedsArgs implements dev.retort.Migration {",
                "    public NeedsArgs(String s) { }",
                "    public void upgrade(dev.retort.dsl.Ops op) { }",
                "}");
        assertThat(compile(bad)).hadErrorContaining(Diagnostics.NO_PUBLIC_CONSTRUCTOR
                        + " migration db.NeedsArgs has no public no-argument constructor; add one, the generated index calls it")
                .inFile(bad).onLineContaining("@dev.retort.Revision");
    }

    // ---- heads and advice ----

    @Test
    void multipleHeadsIsAWarningListingTheHeadsAndTheIndexIsWritten() {
        JavaFileObject left = migration("Left", "@Revision(id = \"left1\", revises = \"753d9557b07b\", message = \"m\")");
        JavaFileObject right = migration("Right", "@Revision(id = \"right1\", revises = \"753d9557b07b\", message = \"m\")");
        Compilation c = compile(BASE, left, right);
        assertThat(c).succeeded();
        String message = Diagnostics.MULTIPLE_HEADS + " the revision graph has 2 heads (left1, right1); write a merge"
                + " revision that revises them all: retort merge -m \"merge heads\" heads";
        assertThat(c).hadWarningContaining(message).inFile(left).onLineContaining("left1");
        assertThat(c).hadWarningContaining(message).inFile(right).onLineContaining("right1");
        assertThat(Sources.index(c).revisions()).hasSize(3);
    }

    @Test
    void multipleHeadsIsAnErrorWhenTheBuildWantsOneHead(@TempDir Path dir) throws IOException {
        JavaFileObject left = migration("Left", "@Revision(id = \"left1\", revises = \"753d9557b07b\", message = \"m\")");
        JavaFileObject right = migration("Right", "@Revision(id = \"right1\", revises = \"753d9557b07b\", message = \"m\")");
        Compilation c = javac().withProcessors(new RevisionProcessor()).withOptions("-Aretort.heads=single")
                .compile(BASE, left, right);
        assertThat(c).hadErrorContaining(Diagnostics.MULTIPLE_HEADS + " the revision graph has 2 heads (left1, right1)")
                .inFile(left).onLine(7);
        var onDisk = DiskCompiler.compile(dir, List.of(), List.of("-Aretort.heads=single"), BASE, left, right);
        assertThat(onDisk.wroteAnIndex()).isFalse();
    }

    @Test
    void dependencyImpliedByAParentIsAWarning() {
        JavaFileObject second = migration("Second", "@Revision(id = \"bbbb\", revises = \"753d9557b07b\", message = \"m\")");
        JavaFileObject third = migration("Third", "@Revision(id = \"cccc\", revises = \"bbbb\", dependsOn = \"753d9557b07b\","
                + " message = \"m\")");
        Compilation c = compile(BASE, second, third);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining(Diagnostics.IMPLIED_DEPENDENCY + " dependsOn '753d9557b07b' is already implied:"
                + " 'bbbb' needs it first anyway; remove it from dependsOn").inFile(third).onLineContaining("dependsOn");
    }

    @Test
    void emptyMessageIsAWarning() {
        JavaFileObject quiet = migration("Quiet", "@Revision(id = \"abc123\")");
        Compilation c = compile(quiet);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining(Diagnostics.EMPTY_MESSAGE + " revision 'abc123' has no message; say what it does")
                .inFile(quiet).onLineContaining("@Revision");
    }

    // ---- options and reporting ----

    @Test
    void badHeadsOption() {
        Compilation c = javac().withProcessors(new RevisionProcessor()).withOptions("-Aretort.heads=maybe").compile(BASE);
        assertThat(c).hadErrorContaining(Diagnostics.BAD_OPTION + " -Aretort.heads=maybe is not understood;"
                + " use 'multiple' (warn about several heads) or 'single' (fail on them)");
    }

    @Test
    void badIndexOption() {
        Compilation c = javac().withProcessors(new RevisionProcessor()).withOptions("-Aretort.index=not a name").compile(BASE);
        assertThat(c).hadErrorContaining(Diagnostics.BAD_OPTION + " -Aretort.index=not a name is not a qualified class name");
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() {
        JavaFileObject one = migration("One", "@Revision(id = \"Bad-Id\", message = \"m\")");
        JavaFileObject two = migration("Two", "@Revision(id = \"abc123\", revises = \"missing\", message = \"m\")");
        JavaFileObject three = plain("Three", "@dev.retort.Revision(id = \"ccc333\", message = \"m\")",
                "public final class Three { }");
        Compilation c = compile(one, two, three);
        assertThat(c).hadErrorCount(3);
        assertThat(c).hadErrorContaining(Diagnostics.BAD_ID).inFile(one).onLine(7);
        assertThat(c).hadErrorContaining(Diagnostics.UNKNOWN_REVISION).inFile(two).onLine(7);
        assertThat(c).hadErrorContaining(Diagnostics.NOT_MIGRATION).inFile(three).onLine(3);
    }

    /** Another processor writes a migration in round 1; Retort's index was already written then. */
    @Test
    void revisionGeneratedInALaterRoundIsAnError() {
        var generator = new javax.annotation.processing.AbstractProcessor() {
            private boolean done;

            @Override
            public java.util.Set<String> getSupportedAnnotationTypes() {
                return java.util.Set.of("*");
            }

            @Override
            public javax.lang.model.SourceVersion getSupportedSourceVersion() {
                return javax.lang.model.SourceVersion.latestSupported();
            }

            @Override
            public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> a,
                    javax.annotation.processing.RoundEnvironment round) {
                if (!done) {
                    done = true;
                    try (var out = processingEnv.getFiler().createSourceFile("db.Late").openWriter()) {
                        out.write("package db;\n@dev.retort.Revision(id = \"late1\", revises = \"753d9557b07b\", message = \"m\")\n"
                                + "public final class Late implements dev.retort.Migration {\n"
                                + "    public void upgrade(dev.retort.dsl.Ops op) { }\n}\n");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return false;
            }
        };
        Compilation c = javac().withProcessors(generator, new RevisionProcessor()).compile(BASE);
        assertThat(c).hadErrorContaining(Diagnostics.LATE_REVISION + " @Revision classes generated by another processor"
                + " (db.Late) came after the index was written; write migrations as sources");
    }

    @Test
    void problemsOnlyInOtherJarsAreWarnings(@TempDir Path dir) throws IOException {
        var a = DiskCompiler.compile(dir.resolve("a"), List.of(), source("liba.Same",
                "package liba;", "@dev.retort.Revision(id = \"same1\", message = \"a\")",
                "public final class Same implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"));
        var b = DiskCompiler.compile(dir.resolve("b"), List.of(), source("libb.Same",
                "package libb;", "@dev.retort.Revision(id = \"same1\", message = \"b\")",
                "public final class Same implements dev.retort.Migration { public void upgrade(dev.retort.dsl.Ops op) { } }"));
        var c = DiskCompiler.compile(dir.resolve("c"), List.of(a.classes(), b.classes()),
                migration("Mine", "@Revision(id = \"mine1\", revises = \"same1\", message = \"m\")"));
        assertThat(c.success()).isTrue();
        assertThat(c.diagnostics()).contains(Diagnostics.FOREIGN_INDEX + " revision id same1 is declared more than once"
                + " (liba.Same, libb.Same)");
    }

    @Test
    void noIndexIsWrittenWhenThereWasAnError(@TempDir Path dir) throws IOException {
        var result = DiskCompiler.compile(dir, List.of(), BASE,
                migration("AddEmail", "@Revision(id = \"a1b2c3d4e5f6\", revises = \"nope\", message = \"m\")"));
        assertThat(result.success()).isFalse();
        assertThat(result.wroteAnIndex()).isFalse();
        assertThat(Files.exists(result.classes().resolve(RevisionProcessor.SERVICES))).isFalse();
    }

    /** A record must fit in one class-file constant: a message that cannot is refused, one just below it works. */
    @Test
    void aMessageTooLongForTheIndexIsRefusedAndOneThatFitsWorks() {
        String fits = "\u00e9".repeat(30_000); // two bytes each in a class file: 60,000
        Compilation ok = compile(migration("Long", "@Revision(id = \"long1\", message = \"" + fits + "\")"));
        assertThat(ok).succeededWithoutWarnings();
        assertThat(Sources.index(ok).revisions().get(0).message()).isEqualTo(fits);

        JavaFileObject tooLong = migration("TooLong", "@Revision(id = \"long2\", message = \"" + "\u20ac".repeat(22_000) + "\")");
        Compilation c = compile(tooLong);
        assertThat(c).hadErrorContaining(Diagnostics.TOO_LONG + " revision 'long2' takes 66023 bytes in the index, more"
                + " than a class-file constant holds (65535); shorten its message").inFile(tooLong).onLine(7);
        assertThat(c).hadErrorCount(1);
    }
}
