package dev.retort.runtime.jdbc;

import java.time.Instant;

/**
 * One row of the history table: a step that ran (or failed), by whom, where and when.
 *
 * @param id the row's number, in the order steps ran
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param durationMillis how long the step took; {@value #STARTED} for a start row
 */
public record HistoryEntry(long id, String revision, String direction, String checksum, String databaseUser,
        String osUser, String host, Instant startedAt, Instant endedAt, long durationMillis, boolean success,
        String retortVersion) {

    /**
     * The duration of a start row: the row a migration outside a transaction writes (not
     * successful) before its first statement, so that a process that dies between two of them
     * leaves a failed step behind. A row of the step's end follows it unless the process died.
     */
    public static final long STARTED = -1;

    /** Whether this is a start row, not followed (as the last row of its step) by the step's end. */
    public boolean isStart() {
        return !success && durationMillis == STARTED;
    }
}
