package dev.retort.buildtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import dev.retort.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One migration set compiled by each compiler a Java team uses, each as its build runs it: javac 17,
 * javac 25 for release 17 and 25, Eclipse's ecj in batch mode (a full build, then an incremental one
 * with the output folder on the class path, as Maven passes it), and {@code -Xlint:all -Werror}.
 * Each writes an index that lists every revision; a broken set is reported on the right lines; and
 * where a compiler does not run the processor at all, the first command says so and names the fix.
 */
class CompilerMatrixTest {

    private static final Path API = Tools.artifact("retort-api-");
    private static final Path ECJ = Tools.artifact("ecj-");

    private static String migration(String name, String annotation) {
        return "package com.example.db;\n\nimport dev.retort.Migration;\nimport dev.retort.Revision;\n"
                + "import dev.retort.dsl.Ops;\n\n" + annotation + "\npublic final class " + name
                + " implements Migration {\n    @Override\n    public void upgrade(Ops op) {\n"
                + "        op.execute(\"SELECT 1\", \"SELECT 1\");\n    }\n}\n";
    }

    /** Three revisions, one of them a generic class (the generated code must not warn about it). */
    private static Path project(Path dir) {
        Tools.write(dir.resolve("src/com/example/db/First.java"), migration("First",
                "@Revision(id = \"a1000001\", message = \"first\")"));
        Tools.write(dir.resolve("src/com/example/db/Second.java"), migration("Second",
                "@Revision(id = \"a1000002\", revises = \"a1000001\", message = \"second\")"));
        Tools.write(dir.resolve("src/com/example/db/Third.java"), migration("Third",
                "@Revision(id = \"a1000003\", revises = \"a1000002\", message = \"third\")")
                .replace("class Third implements", "class Third<T> implements"));
        return dir;
    }

    private static List<String> javac(Path javac, Path dir, List<String> options) {
        Tools.write(dir.resolve("out/.keep"), ""); // a build's output folder exists, and is on its class path
        var command = new ArrayList<>(List.of(javac.toString(), "-processorpath", Tools.processorPath(),
                "-cp", Tools.classPath(API, dir.resolve("out")), "-d", dir.resolve("out").toString(), "-s",
                dir.resolve("gen").toString()));
        command.addAll(options);
        command.addAll(Tools.sources(dir.resolve("src")));
        return command;
    }

    private static List<String> ecj(Path dir, List<String> sources, String... options) {
        var command = new ArrayList<>(List.of(Tools.jdkTool("java"), "-jar", ECJ.toString(), "-17", "-proceedOnError"));
        command.addAll(List.of(options));
        command.addAll(List.of(
                "-cp", Tools.processorPath() + File.pathSeparator + dir.resolve("out"), "-s", dir.resolve("gen").toString(),
                "-d", dir.resolve("out").toString()));
        command.addAll(sources);
        return command;
    }

    /** The index the services file names lists these revisions, and each creates its migration. */
    private static void assertIndexed(Path out, String... ids) throws Exception {
        String name = Files.readString(out.resolve("META-INF/services/" + MigrationIndex.class.getName())).strip();
        try (var loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, CompilerMatrixTest.class.getClassLoader())) {
            var index = (MigrationIndex) loader.loadClass(name).getConstructor().newInstance();
            assertEquals(List.of(ids), index.revisions().stream().map(RevisionInfo::id).toList());
            for (int i = 0; i < ids.length; i++) {
                assertEquals(index.revisions().get(i).className(), index.newMigration(i).getClass().getName());
            }
        }
    }

    @Test
    void javac17(@TempDir Path dir) throws Exception {
        Tools.run(project(dir), javac(Path.of(Tools.jdkTool("javac")), dir, List.of("--release", "17"))).ok();
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003");
    }

    @Test
    void javac25ForRelease17And25(@TempDir Path dir) throws Exception {
        Path javac = Tools.jdk(25).resolve("bin/javac");
        for (String release : List.of("17", "25")) {
            Path d = Files.createDirectories(dir.resolve(release));
            Tools.run(project(d), javac(javac, d, List.of("--release", release))).ok();
            if (release.equals("17")) {
                assertIndexed(d.resolve("out"), "a1000001", "a1000002", "a1000003");
            } else {
                assertTrue(Files.readString(d.resolve("out/META-INF/services/" + MigrationIndex.class.getName()))
                        .startsWith("dev.retort.generated.RetortIndex_com_example_db_"));
            }
        }
    }

    /** The strict build of many teams: every lint warning an error. Nothing of Retort's may warn. */
    @Test
    void lintAllWithWerror(@TempDir Path dir) throws Exception {
        var options = List.of("--release", "17", "-Xlint:all", "-Werror");
        Tools.Run run17 = Tools.run(project(dir), javac(Path.of(Tools.jdkTool("javac")), dir, options));
        assertEquals(0, run17.exitCode(), run17.output());
        assertFalse(run17.output().contains("warning"), run17.output());
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003");
        Path d25 = Files.createDirectories(dir.resolve("25"));
        Tools.Run run25 = Tools.run(project(d25), javac(Tools.jdk(25).resolve("bin/javac"), d25, options));
        assertEquals(0, run25.exitCode(), run25.output());
    }

    /** ecj as a build runs it: a full build, again (the output folder holds the index), then one changed source. */
    @Test
    void ecjFullAndIncremental(@TempDir Path dir) throws Exception {
        project(dir);
        Tools.run(dir, ecj(dir, Tools.sources(dir.resolve("src")))).ok();
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003");
        Tools.run(dir, ecj(dir, Tools.sources(dir.resolve("src")))).ok();
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003");
        Path fourth = Tools.write(dir.resolve("src/com/example/db/Fourth.java"), migration("Fourth",
                "@Revision(id = \"a1000004\", revises = \"a1000003\", message = \"fourth\")"));
        Tools.run(dir, ecj(dir, List.of(fourth.toString()))).ok();
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003", "a1000004");
    }

    /**
     * A named module recompiled in part, as an IDE recompiles the changed sources with the rest of
     * the module's classes patched in: the processor reads the module's own index from its output
     * and lists every revision, with no false error about the revisions it did not recompile.
     */
    @Test
    void aNamedModuleRecompiledInPartKeepsEveryRevision(@TempDir Path dir) throws Exception {
        project(dir);
        Path moduleInfo = Tools.write(dir.resolve("src/module-info.java"), "module com.example.db {\n"
                + "    requires dev.retort.api;\n"
                + "    provides dev.retort.index.MigrationIndex with com.example.db.RetortIndex;\n}\n");
        Path javac = Path.of(Tools.jdkTool("javac"));
        var full = new ArrayList<>(List.of(javac.toString(), "--release", "17", "--processor-path", Tools.processorPath(),
                "--module-path", API.toString(), "-d", dir.resolve("out").toString()));
        full.addAll(Tools.sources(dir.resolve("src")));
        Tools.run(dir, full).ok();
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003");

        Path fourth = Tools.write(dir.resolve("src/com/example/db/Fourth.java"), migration("Fourth",
                "@Revision(id = \"a1000004\", revises = \"a1000003\", message = \"fourth\")"));
        Tools.run(dir, List.of(javac.toString(), "--release", "17", "--processor-path", Tools.processorPath(),
                "--module-path", API.toString(), "--patch-module", "com.example.db=" + dir.resolve("out"),
                "-d", dir.resolve("out").toString(), moduleInfo.toString(), fourth.toString())).ok();
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003", "a1000004");
    }

    /** A named module's index is in a package of the module: migrations that share none are told how to name it. */
    @Test
    void aNamedModuleWhoseMigrationsShareNoPackageIsToldHowToNameItsIndex(@TempDir Path dir) {
        Tools.write(dir.resolve("src/com/example/db/First.java"), migration("First",
                "@Revision(id = \"c1000001\", message = \"first\")"));
        Tools.write(dir.resolve("src/org/example/db/Second.java"), migration("Second",
                "@Revision(id = \"c1000002\", revises = \"c1000001\", message = \"second\")")
                .replace("package com.example.db;", "package org.example.db;"));
        Tools.write(dir.resolve("src/module-info.java"), "module two.roots {\n    requires dev.retort.api;\n}\n");
        var command = new ArrayList<>(List.of(Tools.jdkTool("javac"), "--release", "17", "--processor-path",
                Tools.processorPath(), "--module-path", API.toString(), "-d", dir.resolve("out").toString()));
        command.addAll(Tools.sources(dir.resolve("src")));
        Tools.Run run = Tools.run(dir, command);
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("[RetortIndexPackage] the migrations of module two.roots share no package, and"
                + " its index must be in one of its packages; move them under one package, or name the index with"
                + " -Aretort.index=<one of their packages>.RetortIndex"), run.output());
        assertFalse(run.output().contains("RetortStaleIndex"), run.output());
    }

    /**
     * An index of a fixed name ({@code -Aretort.index}) that an earlier build left in the output is
     * replaced when the revisions change: ecj refuses to generate a source for a class on its class
     * path, but the index is a class file.
     */
    @Test
    void ecjReplacesAnIndexOfAFixedName(@TempDir Path dir) throws Exception {
        project(dir);
        Tools.run(dir, ecj(dir, Tools.sources(dir.resolve("src")), "-Aretort.index=com.example.db.Index")).ok();
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003");
        Path fourth = Tools.write(dir.resolve("src/com/example/db/Fourth.java"), migration("Fourth",
                "@Revision(id = \"a1000004\", revises = \"a1000003\", message = \"fourth\")"));
        Tools.run(dir, ecj(dir, List.of(fourth.toString()), "-Aretort.index=com.example.db.Index")).ok();
        assertEquals("com.example.db.Index", Files.readString(dir.resolve("out/META-INF/services/"
                + MigrationIndex.class.getName())).strip());
        assertIndexed(dir.resolve("out"), "a1000001", "a1000002", "a1000003", "a1000004");
    }

    /**
     * A graph error on one item of a multi-line {@code revises}: javac points at the item, ecj (which
     * can point no deeper than an attribute) at the attribute. Both report every problem at once.
     */
    @Test
    void errorsLandOnTheirAnnotationValuesLine(@TempDir Path dir) throws Exception {
        Tools.write(dir.resolve("src/com/example/db/First.java"), migration("First",
                "@Revision(id = \"b1000001\", message = \"first\")"));
        Tools.write(dir.resolve("src/com/example/db/Merge.java"), migration("Merge",
                "@Revision(id = \"b1000002\",\n        revises = {\"b1000001\",\n                   \"nowhere1\"},\n"
                        + "        dependsOn = \"nowhere2\",\n        message = \"merge\")"));
        Tools.Run javac = Tools.run(dir, javac(Path.of(Tools.jdkTool("javac")), dir, List.of("--release", "17")));
        assertEquals(1, javac.exitCode(), javac.output());
        assertTrue(javac.output().contains("Merge.java:9: error: [RetortUnknownRevision] revises 'nowhere1'"), javac.output());
        assertTrue(javac.output().contains("Merge.java:10: error: [RetortUnknownRevision] depends on 'nowhere2'"),
                javac.output());

        Files.createDirectories(dir.resolve("ecj"));
        Tools.Run ecj = Tools.run(dir, ecj(dir.resolve("ecj"), Tools.sources(dir.resolve("src"))));
        assertTrue(ecj.output().contains("Merge.java (at line 8)\n\trevises = {\"b1000001\",")
                && ecj.output().contains("[RetortUnknownRevision] revises 'nowhere1'"), ecj.output());
        assertTrue(ecj.output().contains("Merge.java (at line 10)\n\tdependsOn = \"nowhere2\",")
                && ecj.output().contains("[RetortUnknownRevision] depends on 'nowhere2'"), ecj.output());
    }

    /**
     * javac 23 and later run no processor found only on the class path: the build passes and writes
     * no index. The first command then says the processor did not run, and how to make it.
     */
    @Test
    void javac25WithTheProcessorOnTheClassPathIsNamedAtTheFirstCommand(@TempDir Path dir) {
        project(dir);
        var command = new ArrayList<>(List.of(Tools.jdk(25).resolve("bin/javac").toString(), "--release", "17", "-cp",
                Tools.processorPath(), "-d", dir.resolve("out").toString()));
        command.addAll(Tools.sources(dir.resolve("src")));
        Tools.run(dir, command).ok();
        assertFalse(Files.exists(dir.resolve("out/META-INF/services")), "javac 25 ran no processor");
        var err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--classpath", dir.resolve("out").toString(), "heads"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is annotated @Revision, but no index was generated"
                + " where it was compiled: the Retort processor did not run. javac 23 and later run processors only from"
                + " the processor path: add retort-processor to the compiler plugin's annotationProcessorPaths"), err.toString());
    }
}
