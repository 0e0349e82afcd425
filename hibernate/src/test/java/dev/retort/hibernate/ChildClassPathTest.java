package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.RetortException;
import dev.retort.runtime.model.ModelSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the command line will find and run this module, in a JVM laid out as the command line's: the
 * application class path holds the runtime, the drivers and their libraries, nothing of Hibernate's;
 * {@code --classpath} becomes a child {@link java.net.URLClassLoader} holding the project's classes,
 * this module and Hibernate's jars.
 *
 * <p>A JVM of its own rather than loaders inside the test's: Hibernate's class loader service always
 * adds the application class loader, which in a test JVM holds a second Hibernate, whose services
 * then fail to load as the child's types ("not a subtype") and are logged. It also makes this the
 * test that nothing reaches stdout or stderr in a command-line run, jboss-logging having chosen no
 * backend yet.
 */
class ChildClassPathTest {

    private static final String PROBE = """
            import dev.retort.runtime.dialect.Dialects;
            import dev.retort.runtime.model.ModelSource;
            import java.io.File;
            import java.net.URL;
            import java.net.URLClassLoader;
            import java.nio.file.Path;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.util.Map;
            import java.util.ServiceLoader;

            public class Probe {
                public static void main(String[] args) throws Exception {
                    var urls = new java.util.ArrayList<URL>();
                    for (String entry : args[0].split(File.pathSeparator)) {
                        urls.add(Path.of(entry).toUri().toURL());
                    }
                    System.out.println("own loader: " + ServiceLoader.load(ModelSource.class).stream().count());
                    try (var child = new URLClassLoader(urls.toArray(URL[]::new), Probe.class.getClassLoader())) {
                        for (ModelSource source : ServiceLoader.load(ModelSource.class, child)) {
                            System.out.println("child loader: " + source.getClass().getName() + " " + source.scheme()
                                    + (source.getClass().getClassLoader() == child ? " from the child" : " from elsewhere"));
                            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[1])) {
                                source.create(args[2], new ModelSource.Context(child, c, "sqlite", Map.of()));
                                System.out.println("tables: " + Dialects.named("sqlite").introspect(c, null).tables().size());
                            }
                        }
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsTheModuleOnAChildLoaderAndItsBuildPrintsNothing() throws Exception {
        List<Path> cli = codeSources(RetortException.class, ModelSource.class, org.jooq.DSLContext.class,
                io.r2dbc.spi.ConnectionFactory.class, org.reactivestreams.Publisher.class, org.postgresql.Driver.class,
                org.sqlite.JDBC.class, picocli.CommandLine.class);
        List<String> child = Sources.testClassPath().stream().filter(e -> !cli.contains(Path.of(e))).toList();
        Path probe = Sources.compile(dir.resolve("probe"), Map.of("Probe", PROBE));
        var classPath = new ArrayList<>(cli.stream().map(Path::toString).toList());
        classPath.add(probe.toString());

        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), "Probe",
                String.join(File.pathSeparator, child), dir.resolve("child.db").toString(), TestModels.SHOP)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        assertEquals("""
                own loader: 0
                child loader: dev.retort.hibernate.JpaModelSource jpa from the child
                tables: 13
                """, Files.readString(output));
        assertEquals(0, process.exitValue());
    }

    private static List<Path> codeSources(Class<?>... types) throws Exception {
        var paths = new ArrayList<Path>();
        for (Class<?> type : types) {
            paths.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return List.copyOf(paths);
    }
}
