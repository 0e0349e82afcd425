package dev.retort.cli.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.testing.Cli;
import dev.retort.runtime.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Maven project in a temporary folder, driven through the command line as a developer would. */
final class Project {

    static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>chat</artifactId>
              <version>1.0</version>
              <!-- the application's own dependencies -->
              <dependencies>
                <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-api</artifactId>
                  <version>2.0.16</version>
                </dependency>
              </dependencies>
            </project>
            """;

    private static final Pattern GENERATED = Pattern.compile("Generating (\\S+\\.java) \\((\\w+),");

    final Path dir;
    final Map<String, String> env;

    Project(Path dir, Map<String, String> env) throws IOException {
        this.dir = dir;
        this.env = env;
        Files.writeString(dir.resolve("pom.xml"), POM);
    }

    /** Runs {@code retort ARGS} in the project; fails unless it exits 0. */
    Cli ok(String... args) {
        Cli cli = run(args);
        assertEquals(0, cli.exitCode(), () -> String.join(" ", args) + "\n" + cli);
        return cli;
    }

    Cli run(String... args) {
        return Cli.in(dir, env, "", args);
    }

    /** {@code retort revision ...}: the new file and its id. */
    Generated revision(String... args) {
        Cli cli = ok(args);
        Matcher m = GENERATED.matcher(cli.out());
        if (!m.find()) {
            throw new AssertionError("no 'Generating' line:\n" + cli);
        }
        return new Generated(dir.resolve(m.group(1)), m.group(2));
    }

    /** Fills the generated {@code upgrade} body, as the developer does in the IDE. */
    void fill(Generated revision, String upgradeBody) throws IOException {
        String source = Files.readString(revision.file());
        String empty = "public void upgrade(Ops op) {\n    }";
        if (!source.contains(empty)) {
            throw new AssertionError("no empty upgrade body in " + revision.file() + ":\n" + source);
        }
        Files.writeString(revision.file(), source.replace(empty, "public void upgrade(Ops op) {\n        " + upgradeBody
                + "\n    }"));
    }

    /** {@code mvn compile}: the processor checks the graph and writes the index. */
    Fixtures.Compiled compile() {
        return Fixtures.compileTree(dir.resolve("src/main/java"), dir.resolve("target/classes"));
    }

    record Generated(Path file, String id) {
    }
}
