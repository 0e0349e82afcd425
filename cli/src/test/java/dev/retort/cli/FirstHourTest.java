package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.Retort;
import dev.retort.runtime.StepResult;
import dev.retort.graph.Direction;
import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets in the first hour, beyond the tour: defaults said aloud, help that fits, help when wrong. */
class FirstHourTest {

    @TempDir
    static Path fixtures;
    static String classes;

    @BeforeAll
    static void compile() {
        classes = Fixtures.twoInALine(fixtures).classes().toString();
    }

    /** No URL from any source: the first line says which database is used, before anything is written. */
    @Test
    void theDefaultDatabaseIsNamedFirst(@TempDir Path dir) {
        Cli up = Cli.in(dir, Map.of(), "", "--classpath", classes, "upgrade");
        assertEquals(0, up.exitCode(), up.toString());
        assertEquals("retort: no database given (--url, RETORT_URL, DATABASE_URL, url in retort.properties); using"
                + " sqlite:///retort.db in " + dir, up.err().lines().findFirst().orElse(""));
        Cli given = Cli.in(dir, Map.of(), "", "--classpath", classes, "--url", "sqlite:///retort.db", "current");
        assertEquals("", given.err(), "a database given says nothing");
        Cli offline = Cli.in(dir, Map.of(), "", "--classpath", classes, "upgrade", "--sql", "--dialect", "sqlite");
        assertEquals("", offline.err(), "an offline script connects to nothing and says nothing");
    }

    @Test
    void onlyCommandsThatUseADatabaseListItsOptions() {
        for (String command : List.of("merge", "init", "heads", "branches", "show")) {
            String help = Cli.run(command, "--help").out();
            assertFalse(help.contains("--url=") || help.contains("--lock-timeout="), command + ":\n" + help);
            assertTrue(help.contains("--classpath") || command.equals("init") || command.equals("merge"),
                    command + ":\n" + help);
        }
        // revision uses one with --autogenerate: the database says which kind of scratch database to compare in.
        for (String command : List.of("upgrade", "downgrade", "current", "status", "backup", "revision")) {
            String help = Cli.run(command, "--help").out();
            assertTrue(help.contains("--url=") && help.contains("--version-table="), command + ":\n" + help);
        }
        Cli before = Cli.run("--url", "sqlite:///nowhere/x.db", "--classpath", classes, "heads");
        assertEquals(0, before.exitCode(), "given before the command, database options are accepted: " + before);
    }

    @Test
    void aMistypedRevisionGetsASuggestion(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("a.db"));
        Cli cli = Cli.run("--classpath", classes, "--url", "sqlite:///" + dir.resolve("a.db"), "upgrade", "d1000003");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertEquals("retort: error: no revision matches 'd1000003'; did you mean 'd1000001'?\n", cli.err());
    }

    /** On a terminal, a step still running after a moment says so; the finished line replaces it. */
    @Test
    void aLongStepShowsThatItIsRunning() throws Exception {
        var text = new ByteArrayOutputStream();
        var out = new PrintWriter(text, true, StandardCharsets.UTF_8);
        var progress = new Progress(out, true, Duration.ofMillis(50));
        progress.starting("d1000001", "one", 1, 2);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!text.toString(StandardCharsets.UTF_8).contains("running") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        progress.finished(new StepResult("d1000001", "one", Direction.UPGRADE, List.of(), List.of("d1000001"),
                List.of("d1000001"), 1, Duration.ofMillis(1234)), 1, 2);
        String shown = text.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r[1/2] d1000001, one … running, 0 s"), shown);
        assertTrue(shown.endsWith("\r\033[2K[1/2] upgrade   <base> -> d1000001, one (1234 ms)\n"), shown);

        var piped = new ByteArrayOutputStream();
        var quiet = new Progress(new PrintWriter(piped, true, StandardCharsets.UTF_8), false, Duration.ofMillis(1));
        quiet.starting("d1000001", "one", 1, 2);
        Thread.sleep(50);
        assertEquals("", piped.toString(StandardCharsets.UTF_8), "piped output gets no running line");
    }

    /** A step that fails never finishes: closing the progress ends its running line and stops the clock. */
    @Test
    void aFailedStepLeavesItsRunningLineEnded() throws Exception {
        var text = new ByteArrayOutputStream();
        var out = new PrintWriter(text, true, StandardCharsets.UTF_8);
        try (var progress = new Progress(out, true, Duration.ofMillis(20))) {
            progress.starting("d1000001", "one", 1, 2);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!text.toString(StandardCharsets.UTF_8).contains("running") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        String closed = text.toString(StandardCharsets.UTF_8);
        assertTrue(closed.startsWith("\r[1/2] d1000001, one … running, ") && closed.endsWith(" s\n"), closed);
        Thread.sleep(1100); // past the clock's next tick, had it not stopped
        assertEquals(closed, text.toString(StandardCharsets.UTF_8), "nothing after the close");
    }

    /** An application whose classes live in a child loader (devtools, an application server) finds its migrations. */
    @Test
    void theContextClassLoaderIsWhereMigrationsAreLookedFor() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (var child = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()}, before)) {
            thread.setContextClassLoader(child);
            assertEquals(2, Retort.configure().url("sqlite://").build().graph().size());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Classes annotated @Revision with no index: the processor did not run, and the message says how to fix it. */
    @Test
    void migrationsWithoutAnIndexNameTheProcessor(@TempDir Path dir) {
        var bare = Fixtures.compileWithoutProcessor(dir, Fixtures.migration("Lone", "l1000001").message("lone")
                .upgrade("").toString());
        Cli cli = Cli.run("--classpath", bare.classes().toString(), "heads");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("fx.Lone in " + bare.classes() + " is annotated @Revision, but no index was"
                + " generated where it was compiled: the Retort processor did not run. javac 23 and later run processors"
                + " only from the processor path: add retort-processor to the compiler plugin's annotationProcessorPaths"),
                cli.toString());
    }

    /**
     * Only a class annotated @Revision counts: not one that merely names the type (a method taking
     * one), nor Retort's own classes, which hold the descriptor as text (a folder as an IDE runs them).
     */
    @Test
    void classesThatOnlyMentionRevisionAreNotTakenForMigrations(@TempDir Path dir) throws Exception {
        var mentions = Fixtures.compileWithoutProcessor(dir, "package fx;\n"
                + "public final class Mentions {\n"
                + "    public String of(dev.retort.Revision revision) { return revision.id(); }\n"
                + "}\n");
        String own = "dev/retort/runtime/index/IndexCheck.class";
        try (var in = getClass().getClassLoader().getResourceAsStream(own)) {
            Path copy = mentions.classes().resolve(own);
            Files.createDirectories(copy.getParent());
            Files.write(copy, in.readAllBytes());
        }
        Cli cli = Cli.run("--classpath", mentions.classes().toString(), "heads");
        assertEquals(2, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("no migrations found"), cli.toString());
        assertFalse(cli.err().contains("is annotated @Revision"), cli.toString());
    }

    /**
     * Two modules' classes merged into one jar that kept one service file (maven-shade-plugin
     * without ServicesResourceTransformer): refused, naming the transformer, never run with half the
     * migrations; merged properly, it runs all.
     */
    @Test
    void aMergedJarThatLostAServiceFileIsRefusedNamingTheFix(@TempDir Path dir) throws Exception {
        var lib = Fixtures.compile(dir.resolve("lib"), Fixtures.migration("lib.db", "LibBase", "lib00001")
                .message("lib").upgrade("").toString());
        var app = Fixtures.compile(dir.resolve("app"), List.of(lib.classes()), Fixtures.migration("app.db", "AppOwn",
                "app00001").message("independent app branch").upgrade("").toString());
        for (boolean keepApp : new boolean[] {true, false}) {
            Path jar = merge(dir.resolve("fat-" + keepApp + ".jar"), keepApp ? List.of(app.classes(), lib.classes())
                    : List.of(lib.classes(), app.classes()), null);
            Cli cli = Cli.run("--classpath", jar.toString(), "heads");
            assertEquals(2, cli.exitCode(), cli.toString());
            assertTrue(cli.err().contains("but its META-INF/services file does not list it, so its migrations would be"
                    + " left out; merge the service files when jars are merged (maven-shade-plugin: <transformer"
                    + " implementation=\"org.apache.maven.plugins.shade.resource.ServicesResourceTransformer\"/>)"),
                    cli.toString());
        }
        Path merged = merge(dir.resolve("merged.jar"), List.of(app.classes(), lib.classes()),
                Files.readString(app.classes().resolve(SERVICES)) + Files.readString(lib.classes().resolve(SERVICES)));
        Cli cli = Cli.run("--classpath", merged.toString(), "heads");
        assertEquals(0, cli.exitCode(), cli.toString());
        assertEquals(2, cli.out().lines().count(), cli.toString());
    }

    private static final String SERVICES = "META-INF/services/dev.retort.index.MigrationIndex";

    /** A jar of these folders, first one's entry winning as shade's does; {@code services} replaces the service file. */
    private static Path merge(Path jar, List<Path> folders, String services) throws Exception {
        var seen = new java.util.HashSet<String>();
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (services != null) {
                out.putNextEntry(new JarEntry(SERVICES));
                out.write(services.getBytes(StandardCharsets.UTF_8));
                seen.add(SERVICES);
            }
            for (Path folder : folders) {
                try (var files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = folder.relativize(file).toString().replace('\\', '/');
                        if (seen.add(name)) {
                            out.putNextEntry(new JarEntry(name));
                            out.write(Files.readAllBytes(file));
                        }
                    }
                }
            }
        }
        return jar;
    }

    /** A PostgreSQL reached through its Unix socket, as libpq and Cloud SQL write it. */
    @Test
    void aUnixSocketUrlConnects() throws Exception {
        try (var db = TestDatabase.postgres()) {
            Cli cli = Cli.run("--classpath", classes, "--url", "postgresql:///test?host=/var/run/postgresql&user=postgres"
                    + "&currentSchema=" + db.schema(), "upgrade");
            assertEquals(0, cli.exitCode(), cli.toString());
            assertEquals(List.of("d1000002"), db.versionRows());
        }
    }

    /** Without SLF4J (or any logging set up), Retort's warnings reach java.util.logging: never silent. */
    @Test
    void warningsAreLoggedWithoutAnyLoggingLibrary(@TempDir Path dir) throws Exception {
        var records = new ArrayList<LogRecord>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.retort.runtime.Retort");
        Level level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            var before = Fixtures.compile(dir.resolve("v1"), Fixtures.migration("W", "w1000001")
                    .upgrade("op.execute(\"SELECT 1\", \"SELECT 1\");").toString());
            var after = Fixtures.compile(dir.resolve("v2"), Fixtures.migration("W", "w1000001")
                    .upgrade("op.execute(\"SELECT 11\", \"SELECT 1\");").toString(),
                    Fixtures.migration("X", "w1000002").revises("w1000001").upgrade("").toString());
            String url = "sqlite:///" + dir.resolve("w.db");
            Retort.configure().url(url).classLoader(before.loader()).build().upgrade("head");
            Retort.configure().url(url).classLoader(after.loader()).build().upgrade("head");
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                    && r.getMessage().contains("changed since it was applied")), records.toString());
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
    }
}
