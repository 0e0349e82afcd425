package dev.retort.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Small migration sources for processor tests; each names the lines its tests point at. */
final class Sources {

    private Sources() {
    }

    /** A well-formed migration in package {@code db}. */
    static JavaFileObject migration(String simpleName, String annotation) {
        return JavaFileObjects.forSourceLines("db." + simpleName,
                "package db;",
                "",
                "import dev.retort.Migration;",
                "import dev.retort.Revision;",
                "import dev.retort.dsl.Ops;",
                "",
                annotation,
                "public final class " + simpleName + " implements Migration {",
                "    @Override public void upgrade(Ops op) {",
                "        op.execute(\"SELECT 1\");",
                "    }",
                "}");
    }

    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** The index a compilation wrote, as its services file names it. */
    static String indexName(com.google.testing.compile.Compilation c) {
        try {
            return c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "", RevisionProcessor.SERVICES).orElseThrow()
                    .getCharContent(true).toString().strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The index a compilation on disk wrote into {@code classes}. */
    static String indexName(java.nio.file.Path classes) {
        try {
            return java.nio.file.Files.readString(classes.resolve(RevisionProcessor.SERVICES)).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The class file of the index a compilation wrote. */
    static byte[] indexBytes(com.google.testing.compile.Compilation c) {
        return classBytes(c, indexName(c));
    }

    private static byte[] classBytes(com.google.testing.compile.Compilation c, String name) {
        try (var in = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class")
                .orElseThrow(() -> new AssertionError("no class file " + name)).openInputStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The index a compilation wrote, loaded with the classes it compiled, and created as the runtime creates it. */
    static dev.retort.index.MigrationIndex index(com.google.testing.compile.Compilation c) {
        var loader = new ClassLoader(Sources.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class").isEmpty()) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = classBytes(c, name);
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return create(loader, indexName(c));
    }

    /** The index a compilation on disk wrote into {@code classes}, loaded from there. */
    static dev.retort.index.MigrationIndex index(java.nio.file.Path classes) throws java.io.IOException {
        var loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, Sources.class.getClassLoader());
        return create(loader, indexName(classes));
    }

    private static dev.retort.index.MigrationIndex create(ClassLoader loader, String name) {
        try {
            return (dev.retort.index.MigrationIndex) loader.loadClass(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the index " + name + " cannot be created", e);
        }
    }

    /** A class file as ASM prints it: every field, constant and instruction, for a golden file. */
    static String text(byte[] classFile) {
        var out = new java.io.StringWriter();
        new org.objectweb.asm.ClassReader(classFile).accept(new org.objectweb.asm.util.TraceClassVisitor(
                new java.io.PrintWriter(out)), 0);
        return out.toString();
    }
}
