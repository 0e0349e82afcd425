package dev.retort.processor;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles sources to real folders, for what compile-testing's in-memory files cannot show: the
 * output of a failed compilation, and a later compilation against an earlier one's classes
 * (another jar, or the output an IDE recompiles into).
 */
final class DiskCompiler {

    record Result(boolean success, String diagnostics, Path classes, Path generated) {
        /** Whether the compilation wrote an index: a source, a class in the generated package, or the services file. */
        boolean wroteAnIndex() throws IOException {
            Path indexes = classes.resolve(dev.retort.index.MigrationIndex.GENERATED_PACKAGE.replace('.', '/'));
            try (Stream<Path> sources = Files.walk(generated)) {
                if (sources.anyMatch(Files::isRegularFile)) {
                    return true;
                }
            }
            return Files.exists(classes.resolve(RevisionProcessor.SERVICES)) || Files.isDirectory(indexes);
        }
    }

    private DiskCompiler() {
    }

    static Result compile(Path root, List<Path> classpath, JavaFileObject... sources) throws IOException {
        return compile(root, classpath, List.of(), sources);
    }

    static Result compile(Path root, List<Path> classpath, List<String> options, JavaFileObject... sources)
            throws IOException {
        return compileInto(Files.createDirectories(root.resolve("classes")), Files.createDirectories(root.resolve("generated")),
                classpath, options, sources);
    }

    /** Compiles into existing folders, with {@code classes} itself on the class path, as an IDE does. */
    static Result compileInto(Path classes, Path generated, List<Path> classpath, List<String> options,
            JavaFileObject... sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(Files.createDirectories(generated)));
            var path = new ArrayList<Path>(classpath);
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                path.add(Path.of(entry));
            }
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, path);
            var out = new StringWriter();
            var task = javac.getTask(out, files, diagnostics, options, null, List.of(sources));
            task.setProcessors(List.of(new RevisionProcessor()));
            boolean ok = task.call();
            var text = new StringBuilder(out.toString());
            diagnostics.getDiagnostics().forEach(d -> text.append(d).append('\n'));
            return new Result(ok, text.toString(), classes, generated);
        }
    }
}
