package dev.retort.samples.cleanarch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy step of the README, exactly: {@code DATABASE_URL=… mvn -B retort:upgrade} on this
 * project, a real Maven with the plugin the reactor built, on a fresh database; then the
 * application starts and finds nothing to migrate.
 */
class DeployTest {

    private static final String HEAD = "5d8b1e3f7a24";

    @TempDir
    Path dir;

    @Test
    void mvnRetortUpgradeMigratesBeforeTheApplicationStarts() throws Exception {
        String url = "sqlite:///" + dir.resolve("cleanarch.db").toAbsolutePath();
        String output = mvn(url, "-B", "retort:upgrade");
        assertTrue(output.contains("[INFO] [2/2] upgrade   0c4f8a2e6b13 -> " + HEAD + ", add new column to messages"), output);
        assertTrue(output.contains("is now at " + HEAD + " (head)."), output);
        assertTrue(output.contains("BUILD SUCCESS"), output);

        var out = new ByteArrayOutputStream();
        int code = Main.run(Map.of("DATABASE_URL", url), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("cleanarch: database at [" + HEAD + "]; starting."),
                out.toString(StandardCharsets.UTF_8));
    }

    /** Runs Maven in this module, with DATABASE_URL, and returns what it printed; fails on a non-zero exit. */
    private String mvn(String databaseUrl, String... args) throws IOException, InterruptedException {
        Path pluginRepo = Path.of(System.getProperty("retort.plugin.repo", "")).toAbsolutePath().normalize();
        if (!Files.isDirectory(pluginRepo.resolve("dev/retort/retort-maven-plugin"))) {
            String why = "the Maven plugin is not in " + pluginRepo + " (the maven-plugin module's ITs install it there;"
                    + " build it first: mvn -B verify -pl maven-plugin,samples/cleanarch -am)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path settings = dir.resolve("settings.xml");
        String userRepo = Path.of(System.getProperty("retort.user.repo")).toUri().toString();
        Files.writeString(settings, "<settings><mirrors><mirror><id>user-repo</id><mirrorOf>*</mirrorOf><url>" + userRepo
                + "</url></mirror></mirrors></settings>\n");
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("retort.maven.home"), "bin", "mvn").toString(),
                "-s", settings.toString(), "-Dmaven.repo.local=" + pluginRepo));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true);
        builder.environment().remove("RETORT_URL");
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mvn did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
