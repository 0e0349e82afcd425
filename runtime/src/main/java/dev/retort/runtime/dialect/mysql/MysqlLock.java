package dev.retort.runtime.dialect.mysql;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.MigrationLock;
import dev.retort.schema.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@code GET_LOCK}, held by a connection of its own for the whole run: the server releases it when
 * that connection ends, so a process that dies leaves no lock behind, and no statement of the run
 * (each DDL statement commits by itself here) can release it early.
 *
 * <p>The name holds the database and version table, so several Retort histories on one server
 * lock apart. MySQL allows 64 characters; a longer name is shortened to a digest of itself.
 */
final class MysqlLock implements MigrationLock {

    private final Connection own;
    private final String name;

    private MysqlLock(Connection own, String name) {
        this.own = own;
        this.name = name;
    }

    static MigrationLock acquire(Connection connection, ConnectionSource connections, TableName versionTable,
            Duration timeout) throws SQLException {
        String database = versionTable.schema() != null ? versionTable.schema() : MysqlDialect.currentDatabase(connection);
        String name = name(database + "." + versionTable.name());
        Connection own = connections.open();
        try {
            own.setAutoCommit(true);
            try (PreparedStatement s = own.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                s.setString(1, name);
                s.setLong(2, Math.max(0, (timeout.toMillis() + 999) / 1000));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) != 1) {
                        throw new RetortException(ErrorCode.LOCK_TIMEOUT, "another process (" + holder(own, name) + ") has"
                                + " held the migration lock of " + database + "." + versionTable.name() + " for longer than"
                                + " the lock timeout (" + timeout.toSeconds() + " s); wait for it to finish and retry, or"
                                + " raise --lock-timeout");
                    }
                }
            }
            return new MysqlLock(own, name);
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    static String name(String key) {
        String name = "retort:" + key;
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "retort:" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Who holds the lock, for the message: the server's connection id, user, host and how long. */
    private static String holder(Connection own, String name) {
        try (PreparedStatement s = own.prepareStatement("SELECT p.ID, p.USER, p.HOST, p.TIME FROM"
                + " information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return "connection " + r.getLong(1) + " of " + r.getString(2) + " from " + r.getString(3)
                            + ", in its current state for " + r.getLong(4) + " s";
                }
            }
        } catch (SQLException e) {
            // the message does without the holder's details
        }
        return "unknown";
    }

    @Override
    public void close() throws SQLException {
        try (own; PreparedStatement s = own.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            s.setString(1, name);
            s.execute();
        }
    }
}
