package dev.retort.runtime.index;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.graph.RevisionGraph;
import dev.retort.index.EncodedIndex;
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

    /** In the graph's order: sorted by class name. */
    private final List<MigrationIndex> indexes;
    /** Where the indexes were looked for, to say why there are none; null for indexes given by hand. */
    private final ClassLoader loader;
    /** Decoded on first use, with where each revision's migration is made. */
    private List<RevisionInfo> revisions;
    private Map<String, Source> sources;
    /** Built and checked on first use. */
    private RevisionGraph graph;
    /** One generated index's heads, read from its text once: a start asks more than once. */
    private List<String> textHeads;

    private MigrationSet(List<MigrationIndex> indexes, ClassLoader loader) {
        this.indexes = indexes;
        this.loader = loader;
    }

    /**
     * Every index that {@code loader} can see through {@code META-INF/services}.
     *
     * @throws RetortException when an index cannot be loaded (the graph is checked when first used)
     */
    public static MigrationSet load(ClassLoader loader) {
        var found = new ArrayList<MigrationIndex>();
        try {
            for (MigrationIndex index : ServiceLoader.load(MigrationIndex.class, loader)) {
                found.add(index);
            }
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
        found.removeIf(index -> superseded.contains(index.getClass().getName()));
        return of(found, loader);
    }

    public static MigrationSet of(List<MigrationIndex> indexes) {
        return of(indexes, null);
    }

    private static MigrationSet of(List<MigrationIndex> indexes, ClassLoader loader) {
        var sorted = new ArrayList<>(indexes);
        if (sorted.size() > 1) {
            sorted.sort(Comparator.comparing(i -> i.getClass().getName()));
        }
        return new MigrationSet(List.copyOf(sorted), loader);
    }

    /** Every revision, the indexes' in turn. */
    private synchronized List<RevisionInfo> revisions() {
        if (revisions == null) {
            var all = new ArrayList<RevisionInfo>();
            var where = new HashMap<String, Source>();
            for (MigrationIndex index : indexes) {
                List<RevisionInfo> listed;
                try {
                    listed = index.revisions();
                } catch (RuntimeException e) {
                    throw unreadable(index, e);
                }
                for (int i = 0; i < listed.size(); i++) {
                    all.add(listed.get(i));
                    where.putIfAbsent(listed.get(i).id(), new Source(index, i));
                }
            }
            revisions = all;
            sources = where;
        }
        return revisions;
    }

    /**
     * The graph, built and checked on first use.
     *
     * @throws dev.retort.graph.GraphException the first problem the revisions have
     */
    public synchronized RevisionGraph graph() {
        if (graph == null) {
            graph = RevisionGraph.of(revisions());
        }
        return graph;
    }

    /**
     * The one head, when the revisions have one; null when they have several, or when knowing
     * would need the graph. One generated index answers from its text without building or even
     * decoding anything ({@link EncodedIndex#heads}): it is one compilation, whose graph the
     * processor checked whole, so a start that finds its database at this head can skip building
     * and checking it again, most of a start's own cost at 1,000 revisions (bench/README.md,
     * StartBench). Several indexes, or a hand-written one, answer once the graph is built.
     */
    public synchronized String soleHead() {
        List<String> heads = null;
        if (graph != null) {
            heads = graph.heads();
        } else if (indexes.size() == 1 && indexes.get(0) instanceof EncodedIndex generated) {
            if (textHeads == null) {
                try {
                    textHeads = generated.heads();
                } catch (RuntimeException e) {
                    throw unreadable(generated, e);
                }
            }
            heads = textHeads;
        }
        return heads != null && heads.size() == 1 ? heads.get(0) : null;
    }

    /** Whether version rows {@code rows} are exactly the {@link #soleHead}: the database is at head. */
    public boolean atSoleHead(List<String> rows) {
        return rows.size() == 1 && rows.get(0).equals(soleHead());
    }

    /** An index whose text does not decode: as when {@code ServiceLoader} could not create it. */
    private static RetortException unreadable(MigrationIndex index, RuntimeException e) {
        return e instanceof RetortException r ? r : new RetortException(ErrorCode.BAD_CONFIGURATION, "the migration index "
                + index.getClass().getName() + " on the class path cannot be loaded (" + e.getMessage()
                + "); rebuild the jar that carries it", e);
    }

    /**
     * This set, when it has a revision.
     *
     * @throws RetortException {@code NO_MIGRATIONS} when it has none: running or inspecting a
     *     database against an empty class path is always a mistake in how Retort was started
     */
    public MigrationSet requireAny() {
        if (soleHead() == null && revisions().isEmpty()) {
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
        revisions();
        Source source = sources.get(id);
        try {
            return source.index().newMigration(source.position());
        } catch (RuntimeException | LinkageError e) {
            throw new RetortException(ErrorCode.MIGRATION_CODE_FAILED, "revision " + id + ": cannot create "
                    + graph().get(id).className() + " (" + e + "); rebuild the jar that carries it", e);
        }
    }
}
