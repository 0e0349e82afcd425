package dev.retort.index;

import dev.retort.Migration;
import java.util.List;

/**
 * Lists the revisions of one compilation and creates their migrations. Implemented by the
 * class the annotation processor generates; hand-written implementations (in tests, or for
 * migrations built at run time) follow the same contract.
 *
 * <p>Reading {@link #revisions()} must not load or instantiate any migration class: applications
 * call it at every start, and when the database is already at head nothing more happens.
 */
public interface MigrationIndex {

    /**
     * The package of the generated indexes on the class path, listed by the processor to find
     * indexes in other jars. (In a named module the index is in the migrations' own package, and
     * other modules find it by the module's {@code provides}.)
     */
    String GENERATED_PACKAGE = "dev.retort.generated";

    /**
     * Every revision of this index, in index order: the order the processor documents (revision
     * ids sorted), which the runtime uses to break ties between otherwise unordered revisions.
     */
    List<RevisionInfo> revisions();

    /**
     * The indexes this one replaces: earlier builds of the same module, which a build that does
     * not clean its output leaves beside it (the generated name changes with the revisions). The
     * runtime and other modules' processors pass them over.
     */
    default List<String> supersedes() {
        return List.of();
    }

    /**
     * The indexes of other modules whose revisions this one's revise or depend on: the runtime
     * checks they are loaded, and names the one that is not (a jar left out, or a service file
     * lost when jars were merged).
     */
    default List<String> requires() {
        return List.of();
    }

    /**
     * A new instance of the migration at {@code position} in {@link #revisions()}.
     *
     * @throws IndexOutOfBoundsException when there is no such position
     */
    Migration newMigration(int position);
}
