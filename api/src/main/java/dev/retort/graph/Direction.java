package dev.retort.graph;

/** Which way a step moves the schema. */
public enum Direction {
    UPGRADE, DOWNGRADE;

    /** Lower-case, as the history table and output show it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
