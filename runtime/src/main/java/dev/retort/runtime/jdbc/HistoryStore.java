package dev.retort.runtime.jdbc;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The history table: one row per step that ran, never updated, for audits and {@code history}. */
public final class HistoryStore {

    private static final String COLUMNS = "revision, direction, checksum, db_user, os_user, host, started_at, ended_at,"
            + " duration_ms, success, retort_version";

    private final Dialect dialect;
    private final TableName table;

    public HistoryStore(Dialect dialect, TableName table) {
        this.dialect = dialect;
        this.table = table;
    }

    public boolean exists(Connection connection) throws SQLException {
        return dialect.tableExists(connection, table);
    }

    public void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(createSql());
        }
    }

    public String createSql() {
        return "CREATE TABLE " + dialect.qualify(table) + " ("
                + "id " + dialect.identityPrimaryKey() + ", "
                + "revision VARCHAR(32) NOT NULL, "
                + "direction VARCHAR(16) NOT NULL, "
                + "checksum VARCHAR(64), "
                + "db_user VARCHAR(128), "
                + "os_user VARCHAR(128), "
                + "host VARCHAR(255), "
                + "started_at " + dialect.timestampType() + " NOT NULL, "
                + "ended_at " + dialect.timestampType() + " NOT NULL, "
                + "duration_ms BIGINT NOT NULL, "
                + "success " + dialect.booleanType() + " NOT NULL, "
                + "retort_version VARCHAR(32) NOT NULL)";
    }

    /**
     * A step's row as a statement, for offline scripts: times and the database user are the
     * database's own when the script runs; the duration is not known.
     */
    public String recordSql(String revision, String direction, String checksum, String retortVersion, boolean success) {
        String now = dialect.currentTimestampSql();
        return "INSERT INTO " + dialect.qualify(table) + " (" + COLUMNS + ") VALUES (" + dialect.literal(revision) + ", "
                + dialect.literal(direction) + ", " + (checksum == null ? "NULL" : dialect.literal(checksum)) + ", "
                + dialect.currentUserSql() + ", NULL, " + dialect.literal("offline script") + ", " + now + ", " + now
                + ", 0, " + booleanLiteral(success) + ", " + dialect.literal(retortVersion)
                + ")";
    }

    private String booleanLiteral(boolean value) {
        return dialect.booleanType().equals("INTEGER") ? (value ? "1" : "0") : (value ? "TRUE" : "FALSE");
    }

    public void record(Connection connection, HistoryEntry entry) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO " + dialect.qualify(table) + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, entry.revision());
            s.setString(2, entry.direction());
            s.setString(3, entry.checksum());
            s.setString(4, entry.databaseUser());
            s.setString(5, entry.osUser());
            s.setString(6, entry.host());
            dialect.setTimestamp(s, 7, entry.startedAt());
            dialect.setTimestamp(s, 8, entry.endedAt());
            s.setLong(9, entry.durationMillis());
            s.setBoolean(10, entry.success());
            s.setString(11, entry.retortVersion());
            s.executeUpdate();
        }
    }

    /** Every row, oldest first; empty when the table does not exist. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        var entries = new ArrayList<HistoryEntry>();
        if (!exists(connection)) {
            return entries;
        }
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT id, " + COLUMNS + " FROM " + dialect.qualify(table) + " ORDER BY id")) {
            while (r.next()) {
                entries.add(new HistoryEntry(r.getLong("id"), r.getString("revision"), r.getString("direction"),
                        r.getString("checksum"), r.getString("db_user"), r.getString("os_user"), r.getString("host"),
                        dialect.getTimestamp(r, "started_at"), dialect.getTimestamp(r, "ended_at"),
                        r.getLong("duration_ms"), r.getBoolean("success"), r.getString("retort_version")));
            }
        }
        return entries;
    }
}
