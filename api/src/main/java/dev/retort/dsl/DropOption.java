package dev.retort.dsl;

/** Options of the drop ops. */
public enum DropOption {
    /** {@code IF EXISTS}: no error when there is nothing to drop. */
    IF_EXISTS,
    /** {@code CASCADE} (PostgreSQL): drop what depends on it too. */
    CASCADE,
    /** {@code CONCURRENTLY} (PostgreSQL, indexes): without locking writes; needs a non-transactional migration. */
    CONCURRENTLY
}
