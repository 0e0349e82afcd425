package dev.retort.runtime.index;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.graph.RevisionGraph;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The revisions of every index on the class path, as one graph. The graph's order (its
 * tie-break) is the indexes sorted by class name, each listing its revisions sorted by id, so it
 * never depends on the order of jars on the class path.
 */
public final class MigrationSet {

    private record Source(MigrationIndex index, int position) {
    }

    private final RevisionGraph graph;
    private final Map<String, Source> sources;
    /** Where the indexes were looked for, to say why there are none; null for indexes given by hand. */
    private final ClassLoader loader;

    private MigrationSet(RevisionGraph graph, Map<String, Source> sources, ClassLoader loader) {
        this.graph = graph;
        this.sources = sources;
        this.loader = loader;
    }

    /**
     * Every index that {@code loader} can see through {@code META-INF/services}.
     *
     * @throws RetortException when an index cannot be loaded or the revisions do not form a graph
     */
    public static MigrationSet load(ClassLoader loader) {
        var found = new ArrayList<MigrationIndex>();
        try {
            ServiceLoader.load(MigrationIndex.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "a migration index on the class path cannot be loaded ("
                    + e.getMessage() + "); rebuild the jar that carries it", e);
        }
        Set<String> loaded = new HashSet<>();
        Set<String> superseded = new HashSet<>();
        Set<String> required = new HashSet<>();
        for (MigrationIndex index : found) {
            loaded.add(index.getClass().getName());
            superseded.addAll(index.supersedes());
            required.addAll(index.requires());
        }
        IndexCheck.verify(loader, loaded, superseded, required);
        return of(found.stream().filter(i -> !superseded.contains(i.getClass().getName())).toList(), loader);
    }

    public static MigrationSet of(List<MigrationIndex> indexes) {
        return of(indexes, null);
    }

    private static MigrationSet of(List<MigrationIndex> indexes, ClassLoader loader) {
        var sorted = new ArrayList<>(indexes);
        sorted.sort(Comparator.comparing(i -> i.getClass().getName()));
        var revisions = new ArrayList<RevisionInfo>();
        var sources = new HashMap<String, Source>();
        for (MigrationIndex index : sorted) {
            List<RevisionInfo> listed = index.revisions();
            for (int i = 0; i < listed.size(); i++) {
                revisions.add(listed.get(i));
                sources.putIfAbsent(listed.get(i).id(), new Source(index, i));
            }
        }
        return new MigrationSet(RevisionGraph.of(revisions), sources, loader);
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * This set, when it has a revision.
     *
     * @throws RetortException {@code NO_MIGRATIONS} when it has none: running or inspecting a
     *     database against an empty class path is always a mistake in how Retort was started
     */
    public MigrationSet requireAny() {
        if (graph.size() == 0) {
            String why = loader == null ? "" : IndexCheck.whyNone(loader);
            throw new RetortException(ErrorCode.NO_MIGRATIONS, "no migrations found: no generated index"
                    + " (META-INF/services/" + MigrationIndex.class.getName() + ") is on the class path"
                    + (why.isEmpty() ? "; check that the Retort processor ran, give --classpath, and merge service files"
                            + " when shading" : why));
        }
        return this;
    }

    /**
     * A new instance of a revision's migration: the first moment its class is loaded.
     *
     * @throws RetortException when the index cannot create it (a jar built from other sources)
     */
    public Migration newMigration(String id) {
        Source source = sources.get(id);
        try {
            return source.index().newMigration(source.position());
        } catch (RuntimeException | LinkageError e) {
            throw new RetortException(ErrorCode.MIGRATION_CODE_FAILED, "revision " + id + ": cannot create "
                    + graph.get(id).className() + " (" + e + "); rebuild the jar that carries it", e);
        }
    }
}
