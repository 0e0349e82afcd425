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

    /** The package of the generated indexes, listed by the processor to find indexes in other jars. */
    String GENERATED_PACKAGE = "dev.retort.generated";

    /**
     * Every revision of this index, in index order: the order the processor documents (revision
     * ids sorted), which the runtime uses to break ties between otherwise unordered revisions.
     */
    List<RevisionInfo> revisions();

    /**
     * A new instance of the migration at {@code position} in {@link #revisions()}.
     *
     * @throws IndexOutOfBoundsException when there is no such position
     */
    Migration newMigration(int position);
}
