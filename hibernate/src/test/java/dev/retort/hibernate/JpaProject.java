package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import dev.retort.runtime.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A project with no migrations yet, driven through the command line in process: its compiled
 * migrations and the entity classes on {@code --classpath} (here the test classes, this module and
 * Hibernate being on the command line's own class path already), its database in
 * {@code RETORT_URL}.
 */
final class JpaProject {

    static final String PACKAGE = "com.example.db";
    private static final Pattern GENERATED = Pattern.compile("Generating (\\S+\\.java) \\((\\w+),");

    final Path dir;
    private final Map<String, String> env;

    JpaProject(Path dir, TestDatabase db) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.env = Map.of("RETORT_URL", db.url());
        Files.createDirectories(this.dir.resolve("target/classes"));
        String entities = Path.of("target/test-classes").toAbsolutePath().toString();
        Files.writeString(this.dir.resolve("retort.properties"), "source-dir=src/main/java\npackage=" + PACKAGE
                + "\nclasspath=target/classes" + File.pathSeparator + entities + "\n");
    }

    Cli run(String... args) {
        return Cli.in(dir, env, "", args);
    }

    /** Runs {@code retort ARGS}; fails unless it exits 0. */
    Cli ok(String... args) {
        Cli cli = run(args);
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }

    /** {@code retort revision ...}: what it printed, the new file and its id. */
    Generated revision(String... args) {
        Cli cli = ok(args);
        Matcher m = GENERATED.matcher(cli.out());
        if (!m.find()) {
            throw new AssertionError("no 'Generating' line:\n" + cli);
        }
        return new Generated(cli.out(), dir.resolve(m.group(1)), m.group(2));
    }

    /** {@code mvn compile}: javac with Retort's processor, which checks the graph and writes the index. */
    void compile() {
        Fixtures.compileTree(dir.resolve("src/main/java"), dir.resolve("target/classes"));
    }

    /** The project, sources and classes, copied to {@code target} and pointed at {@code db}. */
    JpaProject copyTo(Path target, TestDatabase db) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(dir.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return new JpaProject(target, db);
    }

    record Generated(String out, Path file, String id) {
        String source() throws IOException {
            return Files.readString(file);
        }
    }
}
