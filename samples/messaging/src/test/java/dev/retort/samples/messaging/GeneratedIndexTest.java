package dev.retort.samples.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's sources compiled twice give a byte-identical index. */
class GeneratedIndexTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String SERVICES = "META-INF/services/dev.retort.index.MigrationIndex";

    private static Path compile(Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            var classpath = new ArrayList<Path>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!Path.of(entry).toAbsolutePath().equals(Path.of("target/classes").toAbsolutePath())) {
                    classpath.add(Path.of(entry));
                }
            }
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            var task = javac.getTask(null, files, null, List.of("--release", "17"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new RevisionProcessor()));
            assertTrue(task.call(), "the sample compiles");
        }
        String index = Files.readString(classes.resolve(SERVICES)).strip();
        return classes.resolve(index.replace('.', '/') + ".class");
    }

    @Test
    void compilingTwiceGivesAByteIdenticalIndex(@TempDir Path dir) throws IOException {
        Path first = compile(dir.resolve("first"));
        Path second = compile(dir.resolve("second"));
        assertEquals(first.getFileName(), second.getFileName(), "the same name");
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        // The index the sample's own build wrote, on this test's class path.
        var index = java.util.ServiceLoader.load(dev.retort.index.MigrationIndex.class).findFirst().orElseThrow();
        assertEquals(List.of("2b6f0c1d9e4a", "753d9557b07b", "c4e8a1f35b70"),
                index.revisions().stream().map(dev.retort.index.RevisionInfo::id).toList(), "listed in id order");
    }
}
