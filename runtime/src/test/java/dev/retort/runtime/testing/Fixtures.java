package dev.retort.runtime.testing;

import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles migration sources with the real processor into a class folder, as a user's build
 * would: the folder then holds the migrations and their generated index, ready for
 * {@code --classpath} or a class loader.
 */
public final class Fixtures {

    private static final Pattern CLASS = Pattern.compile("public\\s+final\\s+class\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+);");

    private Fixtures() {
    }

    /** The result of compiling: whether javac succeeded, what it said, where the classes are. */
    public record Compiled(boolean success, String diagnostics, Path classes) {
        public URLClassLoader loader() {
            try {
                return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Fixtures.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Compiles the sources and fails the test with javac's messages if they do not compile. */
    /** Two revisions in a line, d1000001 and d1000002, each running one SELECT; the command-line tests' set. */
    public static Compiled twoInALine(Path dir) {
        return compile(dir,
                migration("One", "d1000001").message("one").upgrade("op.execute(\"SELECT 1\", \"SELECT 1\");").toString(),
                migration("Two", "d1000002").revises("d1000001").message("two")
                        .upgrade("op.execute(\"SELECT 2\", \"SELECT 2\");").toString());
    }

    public static Compiled compile(Path dir, String... sources) {
        Compiled compiled = tryCompile(dir, sources);
        if (!compiled.success()) {
            throw new AssertionError("fixture migrations do not compile:\n" + compiled.diagnostics());
        }
        return compiled;
    }

    public static Compiled tryCompile(Path dir, String... sources) {
        return tryCompile(dir, List.of(), sources);
    }

    /** Compiles against class folders of earlier compilations too, as a module compiles against a library. */
    public static Compiled compile(Path dir, List<Path> classpath, String... sources) {
        Compiled compiled = tryCompile(dir, classpath, sources);
        if (!compiled.success()) {
            throw new AssertionError("fixture migrations do not compile:\n" + compiled.diagnostics());
        }
        return compiled;
    }

    public static Compiled tryCompile(Path dir, List<Path> extraClasspath, String... sources) {
        return tryCompile(dir, extraClasspath, true, sources);
    }

    private static Compiled tryCompile(Path dir, List<Path> extraClasspath, boolean processor, String... sources) {
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            var files = new ArrayList<Path>();
            for (String source : sources) {
                Matcher c = CLASS.matcher(source);
                Matcher p = PACKAGE.matcher(source);
                if (!c.find() || !p.find()) {
                    throw new IllegalArgumentException("a fixture needs a package and a public final class:\n" + source);
                }
                Path file = src.resolve(p.group(1).replace('.', '/')).resolve(c.group(1) + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source);
                files.add(file);
            }
            return javac(files, extraClasspath, classes, dir.resolve("generated"), processor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles as a build where the processor does not run (javac 23+ with it only on the class path). */
    public static Compiled compileWithoutProcessor(Path dir, String... sources) {
        Compiled compiled = tryCompile(dir, List.of(), false, sources);
        if (!compiled.success()) {
            throw new AssertionError("fixture migrations do not compile:\n" + compiled.diagnostics());
        }
        return compiled;
    }

    /**
     * Compiles every {@code .java} file under {@code sourceRoot} into {@code classes}, as
     * {@code mvn compile} does for a project: the way the workflow tests build what the command
     * line wrote.
     */
    public static Compiled compileTree(Path sourceRoot, Path classes) {
        try (var walk = Files.walk(sourceRoot)) {
            List<Path> files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            // The output folder on the class path, as Maven puts it: an earlier index there is superseded.
            Compiled compiled = javac(files, List.of(Files.createDirectories(classes)), classes,
                    classes.resolveSibling("generated-sources"), true);
            if (!compiled.success()) {
                throw new AssertionError("the project does not compile:\n" + compiled.diagnostics());
            }
            return compiled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac with Retort's processor, on the test's class path and {@code extraClasspath}. */
    private static Compiled javac(List<Path> files, List<Path> extraClasspath, Path classes, Path generated,
            boolean processor) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, null, null)) {
            manager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            manager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(Files.createDirectories(generated)));
            var classpath = new ArrayList<Path>(extraClasspath);
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                classpath.add(Path.of(entry));
            }
            manager.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            var out = new StringWriter();
            var task = javac.getTask(out, manager, diagnostics, processor ? List.of("--release", "17")
                    : List.of("--release", "17", "-proc:none"), null, manager.getJavaFileObjectsFromPaths(files));
            if (processor) {
                task.setProcessors(List.of(new RevisionProcessor()));
            }
            boolean ok = task.call();
            var text = new StringBuilder(out.toString());
            diagnostics.getDiagnostics().forEach(d -> text.append(d).append('\n'));
            return new Compiled(ok, text.toString(), classes);
        }
    }

    /** Starts a migration source in package {@code fx}. */
    public static MigrationSource migration(String className, String id) {
        return new MigrationSource(className, id);
    }

    /** Starts a migration source in another package, for a second compilation of its own. */
    public static MigrationSource migration(String pkg, String className, String id) {
        return new MigrationSource(className, id).inPackage(pkg);
    }

    /** A migration class as text, with the imports migrations usually need. */
    public static final class MigrationSource {
        private final String className;
        private final String id;
        private final List<String> revises = new ArrayList<>();
        private String message = "";
        private String upgrade = "";
        private String downgrade;
        private String extra = "";
        private String pkg = "fx";

        MigrationSource(String className, String id) {
            this.className = className;
            this.id = id;
        }

        MigrationSource inPackage(String name) {
            pkg = name;
            return this;
        }

        public MigrationSource revises(String... parents) {
            revises.addAll(List.of(parents));
            return this;
        }

        public MigrationSource message(String text) {
            message = text;
            return this;
        }

        /** Extra annotation attributes, such as {@code transactional = false}. */
        public MigrationSource attributes(String text) {
            extra = ", " + text;
            return this;
        }

        public MigrationSource upgrade(String body) {
            upgrade = body;
            return this;
        }

        public MigrationSource downgrade(String body) {
            downgrade = body;
            return this;
        }

        @Override
        public String toString() {
            String parents = revises.isEmpty() ? "" : ", revises = {" + String.join(", ",
                    revises.stream().map(r -> "\"" + r + "\"").toList()) + "}";
            return "package " + pkg + ";\n"
                    + "import static dev.retort.schema.SqlType.*;\n"
                    + "import static dev.retort.schema.ServerDefault.*;\n"
                    + "import static dev.retort.schema.ReferentialAction.*;\n"
                    + "import dev.retort.Migration;\n"
                    + "import dev.retort.Revision;\n"
                    + "import dev.retort.dsl.Ops;\n"
                    + "@Revision(id = \"" + id + "\"" + parents + ", message = \"" + message + "\"" + extra + ")\n"
                    + "public final class " + className + " implements Migration {\n"
                    + "    @Override public void upgrade(Ops op) {\n        " + upgrade + "\n    }\n"
                    + (downgrade == null ? "" : "    @Override public void downgrade(Ops op) {\n        " + downgrade + "\n    }\n")
                    + "}\n";
        }
    }
}
