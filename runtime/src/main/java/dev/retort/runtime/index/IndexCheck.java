package dev.retort.runtime.index;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.index.MigrationIndex;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * That the indexes found through {@code META-INF/services} are all there are, so no migration is
 * ever dropped without a word. Merging jars (maven-shade-plugin without its
 * {@code ServicesResourceTransformer}, an assembly) keeps one module's service file: the other
 * modules' index classes are still in the jar, but nothing lists them. So each class-path root
 * that carries a Retort service file is listed for generated index classes it does not name, and
 * every index an index requires must be loaded. When there is no index at all, the class path is
 * searched for {@code @Revision} classes, to say that the processor did not run and how to fix it.
 */
final class IndexCheck {

    private static final String SERVICES = "META-INF/services/" + MigrationIndex.class.getName();
    private static final String GENERATED = MigrationIndex.GENERATED_PACKAGE.replace('.', '/') + "/RetortIndex";
    private static final String SHADE_FIX = "merge the service files when jars are merged (maven-shade-plugin:"
            + " <transformer implementation=\"org.apache.maven.plugins.shade.resource.ServicesResourceTransformer\"/>)";

    private IndexCheck() {
    }

    /**
     * @param loaded the names of the indexes loaded, superseded ones included
     * @param superseded the names some loaded index supersedes
     * @param required the names some loaded index requires
     */
    static void verify(ClassLoader loader, Set<String> loaded, Set<String> superseded, Set<String> required) {
        var missing = new TreeSet<String>(required);
        missing.removeAll(loaded);
        missing.removeAll(superseded);
        for (String name : missing) {
            boolean present = loader.getResource(name.replace('.', '/') + ".class") != null;
            throw new RetortException(ErrorCode.NO_MIGRATIONS, "the migration index " + name + ", whose revisions"
                    + " another index's revise or depend on, is " + (present ? "on the class path but no META-INF/services file lists it; " + SHADE_FIX
                            : "not on the class path; add the jar or module that has its migrations"));
        }
        // Jars only: merging is what loses a service file, while a folder holding an index it does not
        // list is an earlier build's output, which the next clean build removes.
        for (Path root : rootsWithServiceFile(loader)) {
            if (!Files.isRegularFile(root)) {
                continue;
            }
            for (String name : generatedIndexes(root)) {
                if (!loaded.contains(name) && !superseded.contains(name)) {
                    throw new RetortException(ErrorCode.NO_MIGRATIONS, "the migration index " + name + " is in " + root
                            + " but its META-INF/services file does not list it, so its migrations would be left out; "
                            + SHADE_FIX);
                }
            }
        }
    }

    /**
     * Why no index is found, when classes annotated {@code @Revision} are on the class path: the
     * processor did not run where they were compiled.
     */
    static String whyNone(ClassLoader loader) {
        for (Path root : searchedRoots(loader)) {
            String found = revisionClass(root);
            if (found != null) {
                return "; " + found + " in " + root + " is annotated @Revision, but no index was generated where it was"
                        + " compiled: the Retort processor did not run. javac 23 and later run processors only from the"
                        + " processor path: add retort-processor to the compiler plugin's annotationProcessorPaths (Maven) or"
                        + " to the annotationProcessor configuration (Gradle), then rebuild clean (mvn clean compile)";
            }
        }
        return "";
    }

    /** The class-path roots (folders and jar files) that hold a Retort service file. */
    private static List<Path> rootsWithServiceFile(ClassLoader loader) {
        var roots = new ArrayList<Path>();
        try {
            for (URL url : Collections.list(loader.getResources(SERVICES))) {
                Path root = root(url, SERVICES);
                if (root != null) {
                    roots.add(root);
                }
            }
        } catch (IOException e) {
            // the check is a safeguard; a loader that cannot list its resources is left to ServiceLoader
        }
        return roots;
    }

    /**
     * Where the application's classes are: the loader's own URLs (a --classpath, a child loader),
     * else the JVM's class path; Retort's own jars (those holding {@code @Revision} itself) aside.
     */
    private static List<Path> searchedRoots(ClassLoader loader) {
        var roots = new ArrayList<Path>();
        if (loader instanceof java.net.URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                Path path = path(url);
                if (path != null) {
                    roots.add(path);
                }
            }
        } else {
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    roots.add(Path.of(entry).toAbsolutePath());
                }
            }
        }
        roots.removeIf(IndexCheck::isRetort);
        return roots;
    }

    private static boolean isRetort(Path root) {
        String api = "dev/retort/Revision.class";
        if (Files.isDirectory(root)) {
            return Files.exists(root.resolve(api));
        }
        try (var zip = new ZipFile(root.toFile())) {
            return zip.getEntry(api) != null;
        } catch (IOException e) {
            return true; // not readable as a jar: nothing to search
        }
    }

    /** The folder or jar a resource URL comes from; null for other kinds (nested jars, custom loaders). */
    private static Path root(URL url, String resource) {
        String text = url.toString();
        if (text.startsWith("jar:file:") && text.endsWith("!/" + resource)) {
            return path(URI.create(text.substring(4, text.length() - resource.length() - 2)));
        }
        if (text.startsWith("file:") && text.endsWith(resource)) {
            Path file = path(URI.create(text));
            return file == null ? null : file.getRoot().resolve(file.subpath(0, file.getNameCount()
                    - Path.of(resource).getNameCount()));
        }
        return null;
    }

    private static Path path(URL url) {
        try {
            return path(url.toURI());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static Path path(URI uri) {
        try {
            return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The generated index classes a jar holds, by name. */
    private static List<String> generatedIndexes(Path jar) {
        var names = new ArrayList<String>();
        // A loop, not a stream: every start runs this, and a stream's classes and lambdas cost it more than the walk.
        try (var zip = new ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                String n = entries.nextElement().getName();
                if (n.startsWith(GENERATED) && n.endsWith(".class") && n.indexOf('$') < 0) {
                    names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            // not a jar we can read: nothing to compare
        }
        return names;
    }

    /**
     * The constant-pool entry a class annotated {@code @Revision} holds, as its bytes are: tag 1
     * (UTF-8), the length, the annotation's descriptor. A method descriptor that mentions the type
     * is another entry, and this class's own text is built at run time, so neither matches.
     */
    private static byte[] marker() {
        byte[] descriptor = ("L" + Revision.class.getName().replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[descriptor.length + 3];
        entry[0] = 1;
        entry[1] = (byte) (descriptor.length >> 8);
        entry[2] = (byte) descriptor.length;
        System.arraycopy(descriptor, 0, entry, 3, descriptor.length);
        return entry;
    }

    /** A class annotated {@code @Revision} in this root, by name, or null. */
    private static String revisionClass(Path root) {
        byte[] marker = marker();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    if (contains(Files.readAllBytes(f), marker)) {
                        String relative = root.relativize(f).toString();
                        return relative.substring(0, relative.length() - 6).replace(java.io.File.separatorChar, '.');
                    }
                }
            } catch (IOException e) {
                return null;
            }
        } else if (Files.isRegularFile(root)) {
            try (var zip = new ZipFile(root.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            if (contains(in.readAllBytes(), marker)) {
                                return entry.getName().substring(0, entry.getName().length() - 6).replace('/', '.');
                            }
                        }
                    }
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean contains(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
