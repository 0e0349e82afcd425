package dev.retort;

import dev.retort.dsl.Ops;

/**
 * One schema change, described through the op DSL. Implementations record operations on the
 * given {@link Ops} and execute nothing themselves: Retort renders and runs the recorded
 * operations for the target database, or prints them in offline mode.
 *
 * <p>Implementations need a public no-argument constructor; the generated index calls it.
 */
public interface Migration {

    /** Records the operations that move the schema from the parents to this revision. */
    void upgrade(Ops op);

    /**
     * Records the operations that undo {@link #upgrade}. By default these are the reverses of
     * the upgrade's operations, in reverse order; when one of them cannot be reversed (raw SQL
     * without a reverse, a drop that does not carry what it dropped) the default fails with an
     * error naming that operation, and the migration has to override this method.
     */
    default void downgrade(Ops op) {
        op.reverseOf(this::upgrade);
    }
}
