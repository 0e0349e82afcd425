package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.index.MigrationSet;
import dev.retort.cli.scaffold.SourceRevisions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The project's migrations as {@code revision}, {@code merge} and {@code init} see them: the
 * source folder and package new revisions go into, and every revision declared so far, in the
 * sources and in compiled indexes on the class path (a source wins over its stale compiled self).
 */
final class Workspace {

    static final String DEFAULT_SOURCE_DIR = "src/main/java";

    private final Path sourceRoot;
    private final String packageOption;
    private final List<SourceRevisions.Declared> declared;
    private final List<RevisionInfo> known;

    private Workspace(Path sourceRoot, String packageOption, List<SourceRevisions.Declared> declared,
            List<RevisionInfo> known) {
        this.sourceRoot = sourceRoot;
        this.packageOption = packageOption;
        this.declared = declared;
        this.known = known;
    }

    static Workspace of(RetortCommand top, String dir, String packageName) {
        Settings settings = top.settings();
        Path root = settings.path(dir, "source-dir", DEFAULT_SOURCE_DIR);
        List<SourceRevisions.Declared> declared = SourceRevisions.read(root);
        Map<String, RevisionInfo> byId = new LinkedHashMap<>();
        for (RevisionInfo compiled : compiled(settings, top.classpath)) {
            byId.put(compiled.id(), compiled);
        }
        for (SourceRevisions.Declared d : declared) {
            byId.put(d.revision().id(), d.revision());
        }
        return new Workspace(root, settings.value(packageName, "package", null), declared, new ArrayList<>(byId.values()));
    }

    /** Revisions in compiled indexes on the class path (option or file); entries not built yet are passed over. */
    private static List<RevisionInfo> compiled(Settings settings, String option) {
        String entries = settings.value(option, "classpath", null);
        if (entries == null) {
            return List.of();
        }
        var urls = new ArrayList<URL>();
        for (String entry : entries.split(File.pathSeparator)) {
            Path path = settings.workingDir().resolve(entry);
            if (!entry.isBlank() && Files.exists(path)) {
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new RetortException(ErrorCode.BAD_CONFIGURATION, "classpath entry " + entry + ": " + e.getMessage());
                }
            }
        }
        if (urls.isEmpty()) {
            return List.of();
        }
        try (var loader = new URLClassLoader(urls.toArray(URL[]::new), Workspace.class.getClassLoader())) {
            return List.copyOf(MigrationSet.load(loader).graph().revisions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path sourceRoot() {
        return sourceRoot;
    }

    List<RevisionInfo> known() {
        return known;
    }

    List<SourceRevisions.Declared> declared() {
        return declared;
    }

    /** The package for a new revision: the option, the file's, or the one package the sources use. */
    String packageName() {
        if (packageOption != null) {
            return packageOption;
        }
        var packages = new TreeSet<String>();
        declared.forEach(d -> packages.add(d.packageName()));
        if (packages.size() == 1) {
            return packages.first();
        }
        throw new RetortException(ErrorCode.BAD_OPTION, packages.isEmpty()
                ? "no migration sources under " + sourceRoot + " to take the package from; give --package (or package= in"
                        + " retort.properties, as init writes it)"
                : "migrations under " + sourceRoot + " are in several packages " + packages + "; give --package");
    }
}
