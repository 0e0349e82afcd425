package dev.retort.cli;

import dev.retort.runtime.Chains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When the database is already at head, {@code upgrade head} reads the index and the version
 * table and returns: a fresh JVM's class-loading log shows no jOOQ class, no migration class, no
 * renderer, and no graph being built.
 */
class FastPathTest {

    @TempDir
    static Path fixtures;
    static Fixtures.Compiled chain;

    @BeforeAll
    static void compile() {
        chain = Fixtures.compile(fixtures, Chains.threeSteps());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void upgradeAtHeadLoadsNoJooqAndNoMigration(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (var db = TestDatabase.create(kind, dir)) {
            Path first = dir.resolve("first.log");
            Path second = dir.resolve("second.log");
            Path status = dir.resolve("status.log");
            assertEquals(0, inFreshJvm(db, first, "upgrade", "head"), "first run");
            assertEquals(0, inFreshJvm(db, second, "upgrade", "head"), "second run");
            assertEquals(0, inFreshJvm(db, status, "status"), "status");

            List<String> loadedFirst = Files.readAllLines(first);
            assertTrue(loadedFirst.stream().anyMatch(l -> l.contains("fx.CreateAlpha")), "the first run did create migrations");

            List<String> loaded = Files.readAllLines(second);
            assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.retort.generated.RetortIndex_fx")), "the index is read");
            assertFalse(loaded.stream().anyMatch(l -> l.contains(" org.jooq.")), "jOOQ must not be loaded at head");
            assertFalse(loaded.stream().anyMatch(l -> l.contains(" fx.")), "no migration class may be loaded at head");
            assertFalse(loaded.stream().anyMatch(l -> l.matches(".* dev\\.retort\\.runtime\\.dialect\\..*Renderer .*")),
                    "nothing may be rendered at head");
            assertFalse(loaded.stream().anyMatch(l -> l.contains("StepPreparer")), "no step may be prepared at head");
            // One index's graph was checked whole by the processor; at its sole head it is not built again.
            assertFalse(loaded.stream().anyMatch(l -> l.contains("dev.retort.graph.GraphValidator")),
                    "the graph need not be built at the sole head of one index");
            assertTrue(Files.readString(second.resolveSibling("second.log.out")).contains("(head)"), "the head is named");

            List<String> statusLoaded = Files.readAllLines(status);
            assertFalse(statusLoaded.stream().anyMatch(l -> l.contains("dev.retort.graph.GraphValidator")
                    || l.contains(" org.jooq.") || l.contains(" fx.")), "status at head builds no graph and loads no migration");
            String shown = Files.readString(status.resolveSibling("status.log.out"));
            assertTrue(shown.contains("Up to date.") && shown.contains("(head)"), shown);
        }
    }

    private static int inFreshJvm(TestDatabase db, Path log, String... command) throws IOException, InterruptedException {
        var java = new ArrayList<String>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.add("-Xlog:class+load=info:file=" + log);
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add("dev.retort.cli.Main");
        java.addAll(List.of("--classpath", chain.classes().toString(), "--url", db.url()));
        java.addAll(List.of(command));
        Process process = new ProcessBuilder(java).redirectErrorStream(true)
                .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish in 120 s");
        }
        return process.exitValue();
    }
}
