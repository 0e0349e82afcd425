package dev.retort.runtime.dialect.postgres;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.schema.TableName;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * PostgreSQL's session-level advisory lock, held on a connection of its own that stays idle
 * outside any transaction: the server releases it when the process dies, and
 * {@code CREATE INDEX CONCURRENTLY} (which waits for every open transaction) never waits on it.
 * For the same reason the wait polls {@code pg_try_advisory_lock} with short autocommit queries
 * instead of blocking in {@code pg_advisory_lock}: a waiter blocked in a query would be an open
 * transaction that the holder's {@code CONCURRENTLY} waits for, and neither would finish.
 *
 * <p>The key is the schema-qualified version table, so databases that keep several Retort
 * histories (one per schema or table name) lock them apart.
 */
final class PostgresAdvisoryLock implements MigrationLock {

    /** "RETR": the first key of every Retort lock, so other advisory locks do not collide with it. */
    private static final int CLASS_KEY = 0x52455452;

    private final Connection own;
    private final int key;

    private PostgresAdvisoryLock(Connection own, int key) {
        this.own = own;
        this.key = key;
    }

    static MigrationLock acquire(Connection connection, ConnectionSource connections, TableName versionTable,
            Duration timeout) throws SQLException {
        String schema = versionTable.schema() != null ? versionTable.schema() : currentSchema(connection);
        int key = key(schema + "." + versionTable.name());
        Connection own = connections.open();
        try {
            own.setAutoCommit(true);
            long deadline = System.nanoTime() + timeout.toNanos();
            long pause = 10;
            while (!tryLock(own, key)) {
                if (System.nanoTime() > deadline) {
                    throw new RetortException(ErrorCode.LOCK_TIMEOUT, "another process (" + holder(own, key) + ") has held"
                            + " the migration lock of " + schema + "." + versionTable.name() + " for longer than the lock"
                            + " timeout (" + timeout.toSeconds() + " s); wait for it to finish and retry, or raise"
                            + " --lock-timeout");
                }
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
                pause = Math.min(pause * 2, 200);
            }
            return new PostgresAdvisoryLock(own, key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            own.close();
            throw new RetortException(ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock");
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    private static boolean tryLock(Connection own, int key) throws SQLException {
        try (PreparedStatement s = own.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, CLASS_KEY);
            s.setInt(2, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, for the message: backend pid, application, host, since when. */
    private static String holder(Connection own, int key) {
        try (PreparedStatement s = own.prepareStatement("SELECT a.pid, a.application_name, a.client_addr, a.backend_start"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                + " AND l.classid = ? AND l.objid = ? AND l.granted")) {
            s.setLong(1, Integer.toUnsignedLong(CLASS_KEY));
            s.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return "server process " + r.getInt(1) + (r.getString(2) == null || r.getString(2).isEmpty() ? ""
                            : " of " + r.getString(2)) + (r.getString(3) == null ? "" : " from " + r.getString(3))
                            + ", connected since " + r.getTimestamp(4).toInstant();
                }
            }
        } catch (SQLException e) {
            // the message does without the holder's details
        }
        return "unknown";
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT current_schema()"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private static int key(String name) {
        var crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public void close() throws SQLException {
        try (own; PreparedStatement s = own.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, CLASS_KEY);
            s.setInt(2, key);
            s.execute();
        }
    }
}
