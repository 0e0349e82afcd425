package dev.retort.runtime.jdbc;

import java.time.Instant;

/**
 * One row of the history table: a step that ran (or failed), by whom, where and when.
 *
 * @param id the row's number, in the order steps ran
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param durationMillis how long the step took; {@value #STARTED} for a start row
 * @param progress for a step run statement by statement (outside a transaction), how far it got;
 *     {@code null} for a step that ran in one transaction
 */
public record HistoryEntry(long id, String revision, String direction, String checksum, String databaseUser,
        String osUser, String host, Instant startedAt, Instant endedAt, long durationMillis, boolean success,
        String retortVersion, Progress progress) {

    /**
     * The duration of a start row: the row a migration outside a transaction writes (not
     * successful) before its first statement, so that a process that dies between two of them
     * leaves a failed step behind. The step's end turns it into an end row unless the process died.
     */
    public static final long STARTED = -1;

    /**
     * The duration of a start row while a statement that commits by itself (DDL on MySQL, or any
     * statement outside a transaction) has been sent: if the process dies now, that statement may
     * or may not have taken effect. With {@link #STARTED} instead, the next statement has not been
     * sent, or runs in a transaction that rolls back with the process.
     */
    public static final long STATEMENT_SENT = -2;

    public HistoryEntry(long id, String revision, String direction, String checksum, String databaseUser, String osUser,
            String host, Instant startedAt, Instant endedAt, long durationMillis, boolean success, String retortVersion) {
        this(id, revision, direction, checksum, databaseUser, osUser, host, startedAt, endedAt, durationMillis, success,
                retortVersion, null);
    }

    /** Whether this is a start row whose step has not ended: it is still running, or its process died. */
    public boolean isStart() {
        return !success && (durationMillis == STARTED || durationMillis == STATEMENT_SENT);
    }

    /** Whether a start row's next statement had been sent when it was last written: its outcome is not known. */
    public boolean statementSent() {
        return !success && durationMillis == STATEMENT_SENT;
    }

    public HistoryEntry withProgress(Progress value) {
        return new HistoryEntry(id, revision, direction, checksum, databaseUser, osUser, host, startedAt, endedAt,
                durationMillis, success, retortVersion, value);
    }

    /**
     * How far a step that runs statement by statement got: its start row is updated before each
     * statement, and its end row says where it stopped.
     *
     * @param total the step's statements
     * @param done how many of them ran and were committed
     * @param next the statement after those, the one running or the one that failed ({@code null} when all ran)
     * @param digest a digest of the {@code done} statements as they were rendered, so that a run can
     *     tell whether the migration still begins with them
     */
    public record Progress(int total, int done, String next, String digest) {
    }
}
