package dev.retort.graph;

/** Which way a step moves the schema. */
public enum Direction {
    UPGRADE, DOWNGRADE,
    /** The version table was written without running the migration ({@code stamp}). */
    STAMP;

    /** Lower-case, as the history table and output show it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
