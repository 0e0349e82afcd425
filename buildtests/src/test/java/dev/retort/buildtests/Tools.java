package dev.retort.buildtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;

/** Processes, jars and the artifacts of this build, for tests that build and run as users' builds do. */
final class Tools {

    private Tools() {
    }

    /** What a process printed (both streams) and how it ended. */
    record Run(int exitCode, String output) {
        Run ok() {
            if (exitCode != 0) {
                fail("exit " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    static Run run(Path dir, Map<String, String> env, List<String> command) {
        try {
            var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("did not finish: " + command);
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Run run(Path dir, List<String> command) {
        return run(dir, Map.of(), command);
    }

    /** This JVM's {@code java} or another tool of its JDK. */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /**
     * A JDK of at least {@code version} (the machine has Temurin 25 under /usr/lib/jvm). Missing, the
     * test fails on CI and is skipped, loudly, elsewhere.
     */
    static Path jdk(int version) {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : jdks.sorted(Comparator.reverseOrder()).toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/javac"))) {
                    String text = Files.readString(release);
                    int at = text.indexOf("JAVA_VERSION=\"");
                    if (at >= 0) {
                        String v = text.substring(at + 14, text.indexOf('"', at + 14));
                        if (Integer.parseInt(v.split("[.]")[0]) >= version) {
                            return home;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // looked for below
        }
        String message = "no JDK " + version + " or newer under /usr/lib/jvm";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " -- CI=true, so this fails rather than skips");
        }
        System.err.println("\n!!!!! SKIPPING: " + message + " !!!!!\n");
        Assumptions.abort(message);
        return null;
    }

    /**
     * The entry of this test's class path whose file name is {@code prefix} ("retort-api-", "ecj-")
     * and a version: "asm-" is not "asm-util-".
     */
    /** What a build puts on the processor path: the processor and what it depends on. */
    static String processorPath() {
        return classPath(artifact("retort-processor-"), artifact("retort-api-"), artifact("javapoet-"), artifact("asm-"));
    }

    static Path artifact(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (name.startsWith(prefix) && name.endsWith(".jar") && name.length() > prefix.length()
                    && Character.isDigit(name.charAt(prefix.length()))) {
                return path;
            }
            // A reactor module compiled but not packaged: its classes folder, .../<module>/target/classes.
            if (name.equals("classes") && path.getParent() != null && path.getParent().getParent() != null
                    && ("retort-" + path.getParent().getParent().getFileName() + "-").equals(prefix)) {
                return path;
            }
        }
        throw new AssertionError("no " + prefix + "* on the test class path");
    }

    static String classPath(Path... entries) {
        var joined = new ArrayList<String>();
        for (Path p : entries) {
            joined.add(p.toString());
        }
        return String.join(File.pathSeparator, joined);
    }

    /** The {@code .java} files under a folder. */
    static List<String> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar of these folders' files; where two hold the same name the first one's is kept, as shading does. */
    static Path jar(Path jar, Map<String, String> manifest, List<Path> folders) {
        return jar(jar, manifest, folders, Map.of());
    }

    /**
     * A jar of these folders' files, with {@code extra} entries (name to bytes) first; nested jars
     * (names ending in .jar) are stored uncompressed, as Spring Boot's launcher needs them.
     */
    static Path jar(Path jar, Map<String, String> manifest, List<Path> folders, Map<String, byte[]> extra) {
        var seen = new java.util.HashSet<String>();
        var mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        try (var out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            seen.add("META-INF/MANIFEST.MF");
            for (var e : extra.entrySet()) {
                seen.add(e.getKey());
                put(out, e.getKey(), e.getValue(), seen);
            }
            for (Path folder : folders) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                        if (seen.add(name)) {
                            put(out, name, Files.readAllBytes(file), seen);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes, java.util.Set<String> seen)
            throws IOException {
        // Directory entries first, as the jar tool writes them: Spring Boot's launcher finds BOOT-INF/classes/ by its entry.
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            String dir = name.substring(0, slash + 1);
            if (seen.add(dir)) {
                out.putNextEntry(new JarEntry(dir));
                out.closeEntry();
            }
        }
        var entry = new JarEntry(name);
        if (name.endsWith(".jar")) {
            var crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /** The folder's contents as a jar when it is a folder (a module not packaged yet), else itself. */
    static Path asJar(Path artifact, Path dir, String moduleName) {
        if (Files.isRegularFile(artifact)) {
            return artifact;
        }
        return jar(dir.resolve(moduleName + ".jar"), Map.of("Automatic-Module-Name", moduleName), List.of(artifact));
    }

    /** Unpacks a jar's entries into a folder. */
    static Path unjar(Path jar, Path into) {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    Path target = into.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
