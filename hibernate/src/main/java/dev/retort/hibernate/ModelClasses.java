package dev.retort.hibernate;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes of some packages (and their sub-packages) that Hibernate maps: those annotated
 * {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} or {@code @Converter}.
 *
 * <p>Hibernate 7 has no package scan to lend: hibernate-core keeps only a disabled scanner, and
 * the real one (hibernate-scan-jandex) scans whole persistence-unit roots, not packages. So the
 * class path is listed here, two ways. {@link ClassLoader#getResources} finds each directory and
 * each jar that has an entry for the package, through any class loader, the application one and
 * a manifest's {@code Class-Path} included. A jar written without directory entries escapes that,
 * so the jars of every {@link URLClassLoader} in the chain are also listed entry by entry.
 */
final class ModelClasses {

    private static final Set<Class<? extends Annotation>> MAPPED =
            Set.of(Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class);

    private ModelClasses() {
    }

    /**
     * The mapped classes of {@code packages}, by name.
     *
     * @param model the model setting, for messages
     * @throws RetortException {@code BAD_CONFIGURATION} when a class cannot be loaded or none is mapped
     */
    static List<Class<?>> find(ClassLoader loader, List<String> packages, String model) {
        SortedSet<String> names = new TreeSet<>();
        for (String pkg : packages) {
            names.addAll(classNames(loader, pkg));
        }
        var mapped = new ArrayList<Class<?>>();
        boolean javax = false;
        for (String name : names) {
            Class<?> type = load(loader, name, model);
            if (MAPPED.stream().anyMatch(type::isAnnotationPresent)) {
                mapped.add(type);
            }
            javax |= Stream.of(type.getAnnotations())
                    .anyMatch(a -> a.annotationType().getName().startsWith("javax.persistence."));
        }
        if (mapped.isEmpty()) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION,
                    "model " + model + ": " + nothingMapped(String.join(", ", packages), names.size(), javax));
        }
        return mapped;
    }

    private static String nothingMapped(String packages, int classes, boolean javax) {
        if (classes == 0) {
            return "no class in package " + packages
                    + " on the class path; check the package name and that the class path holds the compiled entities";
        }
        if (javax) {
            return "the classes in " + packages
                    + " use javax.persistence, which Hibernate 7 does not read; move them to jakarta.persistence";
        }
        return "none of the " + classes + " classes in " + packages
                + " is annotated @Entity, @Embeddable, @MappedSuperclass or @Converter; name the package of the entities";
    }

    private static Class<?> load(ClassLoader loader, String name, String model) {
        try {
            // Not initialized: a static block of the user's has no business running here.
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model " + model + ": class " + name
                    + " cannot be loaded (" + e + "); put what it needs on the class path", e);
        }
    }

    /** The binary names of the classes in {@code pkg} and below, wherever {@code loader} sees them. */
    static SortedSet<String> classNames(ClassLoader loader, String pkg) {
        String dir = pkg.replace('.', '/') + '/';
        SortedSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    listDirectory(Path.of(root.toURI()), dir, names);
                } else if (root.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        listJar(file, dir, names);
                    }
                }
            }
            for (ClassLoader l = loader; l != null; l = l.getParent()) {
                if (l instanceof URLClassLoader urls) {
                    for (URL url : urls.getURLs()) {
                        if (url.getProtocol().equals("file") && url.getPath().endsWith(".jar")) {
                            listJarFile(Path.of(url.toURI()), dir, names);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list package " + pkg + " on the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a class path entry is no valid URI: " + e.getInput(), e);
        }
        return names;
    }

    private static void listDirectory(Path packageDir, String dir, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(packageDir)) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> addClass(dir + packageDir.relativize(f).toString().replace(File.separatorChar, '/'), names));
        }
    }

    private static void listJarFile(Path jar, String dir, Set<String> names) throws IOException {
        if (Files.isRegularFile(jar)) {
            try (JarFile file = new JarFile(jar.toFile())) {
                listJar(file, dir, names);
            }
        }
    }

    private static void listJar(JarFile jar, String dir, Set<String> names) {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(dir)) {
                addClass(entry, names);
            }
        }
    }

    private static void addClass(String entry, Set<String> names) {
        if (entry.endsWith(".class") && !entry.endsWith("package-info.class") && !entry.endsWith("module-info.class")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
