package dev.retort.hibernate;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Classes compiled by a test, for class paths the test source tree cannot hold. */
final class Sources {

    private Sources() {
    }

    /** The test class path: surefire's full list when it runs us through a manifest-only jar. */
    static List<String> testClassPath() {
        String full = System.getProperty("surefire.test.class.path");
        String path = full != null && !full.isBlank() ? full : System.getProperty("java.class.path");
        return List.of(path.split(File.pathSeparator));
    }

    /** Compiles {@code sources} (binary name to text) into {@code out}, against the test class path. */
    static Path compile(Path out, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(out.resolveSibling(out.getFileName() + "-src"));
        var args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none",
                "-classpath", String.join(File.pathSeparator, testClassPath())));
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        Files.createDirectories(out);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("javac failed on " + sources.keySet());
        }
        return out;
    }

    /**
     * Jars the files under {@code classes}; with {@code directoryEntries} false the jar has none,
     * as some build tools write them, so {@code ClassLoader.getResources} cannot find its packages.
     */
    static Path jar(Path classes, Path jar, boolean directoryEntries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(classes)) {
            for (Path p : paths.sorted().toList()) {
                String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(p)) {
                    if (directoryEntries && !name.isEmpty()) {
                        out.putNextEntry(new JarEntry(name + "/"));
                        out.closeEntry();
                    }
                } else {
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
