package dev.retort.graph;

/**
 * One change to the version table, which holds one row per current head of the database.
 * A step along a line updates a row; a new branch or base inserts one; a merge deletes all
 * but one of its parents' rows; a downgrade through a merge inserts them back.
 */
public sealed interface RowChange {

    /** The version table gains a row. */
    record Insert(String revision) implements RowChange {
    }

    /** The version table loses a row. */
    record Delete(String revision) implements RowChange {
    }

    /** A row changes from one revision to another. */
    record Update(String from, String to) implements RowChange {
    }
}
