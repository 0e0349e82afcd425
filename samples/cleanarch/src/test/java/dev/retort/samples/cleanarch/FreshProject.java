package dev.retort.samples.cleanarch;

import dev.retort.cli.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * Retort's command line as a project with no migrations yet runs it: Retort and its libraries,
 * and nothing of this sample. In process, the command line would find the sample's own migrations
 * (and their index) on the tests' class path, whatever {@code --classpath} says; so it runs here
 * from a class loader over the tests' class path without this module's {@code target} folder, as
 * {@code ./retort} runs from its own jar.
 */
final class FreshProject {

    private static Method main;

    private FreshProject() {
    }

    /** {@code retort args...} in {@code dir}, with only {@code env} as the environment. */
    static Cli run(Path dir, Map<String, String> env, String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try {
            code = (Integer) main().invoke(null, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), env, dir, new ByteArrayInputStream(new byte[0]));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Main.run, loaded once: loading Retort again for every command would cost each test a second. */
    private static synchronized Method main() throws Exception {
        if (main == null) {
            Path sample = Path.of("target").toAbsolutePath();
            var urls = new ArrayList<URL>();
            for (String entry : classPath().split(File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath();
                if (!path.startsWith(sample)) {
                    urls.add(url(path));
                }
            }
            // Never closed: the JDBC drivers it registers stay registered until the tests end.
            var retort = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            // DriverManager gives a connection only to code that sees the driver's own class: register this loader's.
            Class.forName("org.sqlite.JDBC", true, retort);
            Class.forName("org.postgresql.Driver", true, retort);
            main = retort.loadClass("dev.retort.cli.Main").getMethod("run", String[].class, PrintStream.class,
                    PrintStream.class, Map.class, Path.class, InputStream.class);
        }
        return main;
    }

    /** The tests' class path: surefire's full list when it runs the tests through a manifest-only jar. */
    private static String classPath() {
        String full = System.getProperty("surefire.test.class.path");
        return full != null && !full.isBlank() ? full : System.getProperty("java.class.path");
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
