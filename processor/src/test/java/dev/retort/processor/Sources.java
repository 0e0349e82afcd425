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
}
