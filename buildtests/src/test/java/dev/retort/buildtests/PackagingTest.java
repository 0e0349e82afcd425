package dev.retort.buildtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-module application as users package it: a library module with its own branch, and an
 * application module with one revision on the library's and one independent branch. It runs from
 * a shaded jar (with the services transformer, and without, in either order), a Spring Boot
 * repackaged jar, the module path, and a child class loader. Each run applies all four revisions,
 * or fails with one line that names the fix; nothing is dropped silently.
 */
class PackagingTest {

    private static final Path API = Tools.artifact("retort-api-");
    private static final Path RUNTIME = Tools.artifact("retort-runtime-");
    private static final Path SQLITE = Tools.artifact("sqlite-jdbc-");
    private static final Path BOOT_LOADER = Tools.artifact("spring-boot-loader-");

    @TempDir
    static Path work;
    static Path lib;
    static Path app;

    /** Runs the migrations on an SQLite file given as its argument, and prints where the database stands. */
    private static final String MAIN = """
            package app;

            public final class Main {
                public static void main(String[] args) {
                    var result = dev.retort.runtime.Retort.configure().url("jdbc:sqlite:" + args[0]).build().upgrade("heads");
                    System.out.println("applied " + result.steps().size() + ", at " + result.headsAfter());
                }
            }
            """;

    private static String migration(String pkg, String name, String annotation) {
        return "package " + pkg + ";\n\nimport dev.retort.Migration;\nimport dev.retort.Revision;\n"
                + "import dev.retort.dsl.Ops;\n\n" + annotation + "\npublic final class " + name
                + " implements Migration {\n    @Override\n    public void upgrade(Ops op) {\n"
                + "        op.createTable(\"t_" + name.toLowerCase() + "\", t -> t.column(\"id\", dev.retort.schema.SqlType.BIGINT));\n"
                + "    }\n}\n";
    }

    @BeforeAll
    static void buildTheModules() throws IOException {
        lib = compile("lib", List.of(), Map.of(
                "lib/db/LibBase.java", migration("lib.db", "LibBase",
                        "@Revision(id = \"lib00001\", branchLabels = \"lib\", message = \"library base\")"),
                "lib/db/LibNext.java", migration("lib.db", "LibNext",
                        "@Revision(id = \"lib00002\", revises = \"lib00001\", message = \"library next\")")));
        app = compile("app", List.of(lib), Map.of(
                "app/db/OnLib.java", migration("app.db", "OnLib",
                        "@Revision(id = \"app00001\", revises = \"lib00002\", message = \"on the library\")"),
                "app/db/Own.java", migration("app.db", "Own",
                        "@Revision(id = \"own00001\", message = \"an independent branch\")"),
                "app/Main.java", MAIN));
    }

    private static Path compile(String name, List<Path> classpath, Map<String, String> sources) {
        Path src = work.resolve(name + "-src");
        sources.forEach((file, text) -> Tools.write(src.resolve(file), text));
        Path out = work.resolve(name);
        var cp = new ArrayList<>(List.of(API, RUNTIME));
        cp.addAll(classpath);
        var command = new ArrayList<>(List.of(Tools.jdkTool("javac"), "--release", "17", "-processorpath",
                Tools.processorPath(), "-cp", Tools.classPath(cp.toArray(Path[]::new)), "-d",
                out.toString()));
        command.addAll(Tools.sources(src));
        Tools.run(work, command).ok();
        return out;
    }

    private static Tools.Run java(Path dir, String... args) {
        var command = new ArrayList<>(List.of(Tools.jdkTool("java")));
        command.addAll(List.of(args));
        return Tools.run(dir, command);
    }

    private static void assertAllApplied(Tools.Run run) {
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().strip().endsWith("applied 4, at [app00001, own00001]"), run.output());
    }

    private static final String SERVICES = "META-INF/services/dev.retort.index.MigrationIndex";

    @Test
    void aShadedJarWithTheServicesTransformerRunsEveryMigration(@TempDir Path dir) throws IOException {
        String merged = Files.readString(app.resolve(SERVICES)) + Files.readString(lib.resolve(SERVICES));
        Path fat = Tools.jar(dir.resolve("app-shaded.jar"), Map.of(), List.of(app, lib),
                Map.of(SERVICES, merged.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertAllApplied(java(dir, "-cp", Tools.classPath(fat, API, RUNTIME, SQLITE), "app.Main",
                dir.resolve("shaded.db").toString()));
    }

    /** Without the transformer one module's service file wins, whichever: refused, naming the transformer. */
    @Test
    void aShadedJarWithoutTheTransformerIsRefusedNamingIt(@TempDir Path dir) {
        for (List<Path> order : List.of(List.of(app, lib), List.of(lib, app))) {
            Path fat = Tools.jar(dir.resolve("app-" + order.get(0).getFileName() + "-first.jar"), Map.of(), order);
            Tools.Run run = java(dir, "-cp", Tools.classPath(fat, API, RUNTIME, SQLITE), "app.Main",
                    dir.resolve("x.db").toString());
            assertEquals(1, run.exitCode(), run.output());
            assertTrue(run.output().contains("maven-shade-plugin: <transformer implementation=\"org.apache.maven.plugins"
                    + ".shade.resource.ServicesResourceTransformer\"/>"), run.output());
            assertTrue(Files.notExists(dir.resolve("x.db")), "nothing ran");
        }
    }

    /** Spring Boot's layout: the application in BOOT-INF/classes, each module a jar of its own in BOOT-INF/lib. */
    @Test
    void aSpringBootRepackagedJarRunsEveryMigration(@TempDir Path dir) throws IOException {
        Path libJar = Tools.jar(dir.resolve("lib.jar"), Map.of(), List.of(lib));
        var nested = new LinkedHashMap<String, byte[]>();
        for (Path jar : List.of(libJar, Tools.asJar(API, dir, "dev.retort.api"), Tools.asJar(RUNTIME, dir,
                "dev.retort.runtime"), SQLITE)) {
            nested.put("BOOT-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        Path appClasses = Files.createDirectories(dir.resolve("boot-inf"));
        Tools.unjar(Tools.jar(dir.resolve("app-classes.jar"), Map.of(), List.of(app)), appClasses.resolve("BOOT-INF/classes"));
        Path loader = Tools.unjar(BOOT_LOADER, dir.resolve("loader"));
        Files.deleteIfExists(loader.resolve("META-INF/MANIFEST.MF"));
        Path boot = Tools.jar(dir.resolve("app-boot.jar"), Map.of("Main-Class",
                "org.springframework.boot.loader.launch.JarLauncher", "Start-Class", "app.Main", "Spring-Boot-Classes",
                "BOOT-INF/classes/", "Spring-Boot-Lib", "BOOT-INF/lib/"), List.of(loader, appClasses), nested);
        assertAllApplied(java(dir, "-jar", boot.toString(), dir.resolve("boot.db").toString()));
    }

    /**
     * The module path, with the README's {@code module-info.java} for the application: each module
     * provides its index, the application's revision on the library's is checked at compile time
     * through the library's {@code provides}, and all four run. Without the provides line, the
     * processor gives it.
     */
    @Test
    void theModulePathRunsEveryMigration(@TempDir Path dir) throws IOException {
        Path api = Tools.asJar(API, dir, "dev.retort.api");
        Path runtime = Tools.asJar(RUNTIME, dir, "dev.retort.runtime");
        Path libOut = compileModule(dir, "lib", List.of(api), Map.of(
                "module-info.java", "module com.example.lib {\n    requires dev.retort.api;\n"
                        + "    provides dev.retort.index.MigrationIndex with com.example.lib.db.RetortIndex;\n}\n",
                "com/example/lib/db/LibBase.java", migration("com.example.lib.db", "LibBase",
                        "@Revision(id = \"lib00001\", branchLabels = \"lib\", message = \"library base\")"),
                "com/example/lib/db/LibNext.java", migration("com.example.lib.db", "LibNext",
                        "@Revision(id = \"lib00002\", revises = \"lib00001\", message = \"library next\")")));
        String moduleInfo = readmeModuleInfo();
        var appSources = new LinkedHashMap<String, String>();
        appSources.put("com/example/db/OnLib.java", migration("com.example.db", "OnLib",
                "@Revision(id = \"app00001\", revises = \"lib00002\", message = \"on the library\")"));
        appSources.put("com/example/db/Own.java", migration("com.example.db", "Own",
                "@Revision(id = \"own00001\", message = \"an independent branch\")"));
        appSources.put("com/example/app/Main.java", MAIN.replace("package app;", "package com.example.app;"));

        appSources.put("module-info.java", moduleInfo.replaceAll("(?m)^ *provides .*\n", ""));
        Tools.Run missing = compileModuleRun(dir.resolve("missing"), "app", List.of(api, runtime, libOut), appSources);
        assertEquals(1, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("[RetortModuleProvides] module com.example.app does not provide its migration"
                + " index; add to module-info.java: provides dev.retort.index.MigrationIndex with"
                + " com.example.db.RetortIndex;"), missing.output());

        appSources.put("module-info.java", moduleInfo);
        Path appOut = compileModule(dir, "app", List.of(api, runtime, libOut), appSources);
        assertAllApplied(java(dir, "-p", Tools.classPath(api, runtime, SQLITE, libOut, appOut), "-m",
                "com.example.app/com.example.app.Main", dir.resolve("modules.db").toString()));
    }

    /** The {@code module-info.java} README.md shows for a named module. */
    private static String readmeModuleInfo() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("retort.root", "..")).resolve("README.md"));
        var m = java.util.regex.Pattern.compile("(?s)```java\n(module com\\.example\\.app \\{.*?)```").matcher(readme);
        assertTrue(m.find(), "README.md shows a module-info.java");
        return m.group(1);
    }

    private static Path compileModule(Path dir, String name, List<Path> modulePath, Map<String, String> sources) {
        compileModuleRun(dir, name, modulePath, sources).ok();
        return dir.resolve(name + "-out");
    }

    private static Tools.Run compileModuleRun(Path dir, String name, List<Path> modulePath, Map<String, String> sources) {
        Path src = dir.resolve(name + "-src");
        sources.forEach((file, text) -> Tools.write(src.resolve(file), text));
        var command = new ArrayList<>(List.of(Tools.jdkTool("javac"), "--release", "17", "--processor-path",
                Tools.processorPath(), "--module-path", Tools.classPath(modulePath.toArray(Path[]::new)),
                "-d", dir.resolve(name + "-out").toString()));
        command.addAll(Tools.sources(src));
        return Tools.run(dir, command);
    }

    /** An application server or devtools: the migrations live in a child loader, made the thread's context loader. */
    @Test
    void aChildClassLoaderRunsEveryMigration(@TempDir Path dir) {
        Path host = dir.resolve("host");
        Tools.write(host.resolve("src/host/Host.java"), """
                package host;

                import java.net.URL;
                import java.net.URLClassLoader;
                import java.nio.file.Path;

                public final class Host {
                    public static void main(String[] args) throws Exception {
                        var urls = new URL[] {Path.of(args[0]).toUri().toURL(), Path.of(args[1]).toUri().toURL()};
                        try (var child = new URLClassLoader(urls, Host.class.getClassLoader())) {
                            Thread.currentThread().setContextClassLoader(child);
                            var result = dev.retort.runtime.Retort.configure().url("jdbc:sqlite:" + args[2]).build()
                                    .upgrade("heads");
                            System.out.println("applied " + result.steps().size() + ", at " + result.headsAfter());
                        }
                    }
                }
                """);
        var compile = new ArrayList<>(List.of(Tools.jdkTool("javac"), "--release", "17", "-proc:none", "-cp",
                Tools.classPath(API, RUNTIME), "-d", host.resolve("out").toString()));
        compile.addAll(Tools.sources(host.resolve("src")));
        Tools.run(dir, compile).ok();
        assertAllApplied(java(dir, "-cp", Tools.classPath(host.resolve("out"), API, RUNTIME, SQLITE), "host.Host",
                app.toString(), lib.toString(), dir.resolve("child.db").toString()));
    }
}
