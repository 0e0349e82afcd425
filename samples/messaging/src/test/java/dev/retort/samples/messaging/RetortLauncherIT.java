package dev.retort.samples.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The repository's {@code ./retort} launcher with the packaged sample jar: upgrade head,
 * downgrade base, upgrade head leaves the schema the first upgrade made, read from the catalog.
 */
class RetortLauncherIT {

    private static final Path ROOT = Path.of(System.getProperty("retort.root", "../.."));
    private static final String JAR = System.getProperty("sample.jar");

    record Run(int code, String output) {
    }

    private static Run retort(Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(ROOT.resolve("retort").toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "retort", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./retort did not finish: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void upgradeDowngradeBaseUpgradeGivesTheSameSchema(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(Path.of(JAR)), "the sample jar is built before integration tests: " + JAR);
        try (var db = TestDatabase.create(kind, dir)) {
            Run up = retort(dir, "--classpath", JAR, "--url", db.url(), "upgrade", "head");
            assertEquals(0, up.code(), up.output());
            assertTrue(up.output().contains("is now at c4e8a1f35b70 (head)."), up.output());
            String first = db.snapshot();

            Run down = retort(dir, "--classpath", JAR, "--url", db.url(), "downgrade", "base");
            assertEquals(0, down.code(), down.output());
            assertTrue(down.output().contains("is now at base (no revision applied)."), down.output());
            assertEquals(List.of(), db.versionRows());

            Run again = retort(dir, "--classpath", JAR, "--url", db.url(), "upgrade", "head");
            assertEquals(0, again.code(), again.output());
            assertEquals(first, db.snapshot());
        }
    }
}
