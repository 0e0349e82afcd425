package dev.retort.graph;

/**
 * How {@link RevisionGraph#iterate} walks a range: the options of Alembic's
 * {@code RevisionMap.iterate_revisions}.
 *
 * @param inclusive the lower end is listed too ({@code history} walks so)
 * @param implicitBase the lower end need not be below the upper one: what the upper end needs is
 *     listed down to base on every branch (an upgrade walks so, from the current revisions); for
 *     a downgrade, other applied branches are taken back to base as well
 * @param forDowngrade the upper end is the current revisions and the lower end a downgrade
 *     target: list what a downgrade reverts
 * @param exactLength a relative end ({@code +2}, {@code branch@+2}) that runs off the graph is an
 *     error; without it the walk stops at the edge ({@code history} walks so)
 */
public record RangeOptions(boolean inclusive, boolean implicitBase, boolean forDowngrade, boolean exactLength) {

    /** Alembic's defaults: exclusive of the lower end, no implicit base, upgrade side, exact lengths. */
    public static final RangeOptions DEFAULT = new RangeOptions(false, false, false, true);

    /** As {@code history -r lower:upper} lists a range. */
    public static final RangeOptions HISTORY = new RangeOptions(true, false, false, false);

    /** As an upgrade collects what it runs. */
    public static final RangeOptions UPGRADE = new RangeOptions(false, true, false, true);

    /** As a downgrade collects what it reverts. */
    public static final RangeOptions DOWNGRADE = new RangeOptions(false, false, true, true);
}
