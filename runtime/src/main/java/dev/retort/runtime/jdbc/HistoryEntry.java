package dev.retort.runtime.jdbc;

import java.time.Instant;

/**
 * One row of the history table: a step that ran (or failed), by whom, where and when.
 *
 * @param id the row's number, in the order steps ran
 * @param direction {@code upgrade} or {@code downgrade}
 */
public record HistoryEntry(long id, String revision, String direction, String checksum, String databaseUser,
        String osUser, String host, Instant startedAt, Instant endedAt, long durationMillis, boolean success,
        String retortVersion) {
}
