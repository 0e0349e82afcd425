package dev.retort.runtime.jdbc;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table: one row per step that ran, for audits and {@code history}. Rows are never
 * updated, except the row of a step run statement by statement, written at its start, which
 * carries its progress and becomes its end. Tables made before the progress columns existed get
 * them the first time a run writes.
 */
public final class HistoryStore {

    private static final String COLUMNS = "revision, direction, checksum, db_user, os_user, host, started_at, ended_at,"
            + " duration_ms, success, retort_version";
    /** How far a step run statement by statement got: see {@link HistoryEntry.Progress}. */
    private static final String PROGRESS_COLUMNS = "statements_total INTEGER, statements_done INTEGER,"
            + " next_statement VARCHAR(1000), done_digest VARCHAR(64)";
    private static final int NEXT_STATEMENT = 1000;

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
                + "retort_version VARCHAR(32) NOT NULL, "
                + PROGRESS_COLUMNS + ")";
    }

    /** Adds the progress columns to a table an earlier Retort made. */
    public void addProgressColumns(Connection connection) throws SQLException {
        if (hasProgressColumns(connection)) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            for (String column : PROGRESS_COLUMNS.split(", ")) {
                s.execute("ALTER TABLE " + dialect.qualify(table) + " ADD " + column);
            }
        }
    }

    private boolean hasProgressColumns(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + dialect.qualify(table) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = r.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnLabel(i).equalsIgnoreCase("done_digest")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Writes a step's start row with its progress and returns the row's id, to update as it goes. */
    public long start(Connection connection, HistoryEntry entry) throws SQLException {
        record(connection, entry);
        try (PreparedStatement s = connection.prepareStatement("SELECT MAX(id) FROM " + dialect.qualify(table)
                + " WHERE revision = ? AND direction = ? AND duration_ms = " + entry.durationMillis())) {
            s.setString(1, entry.revision());
            s.setString(2, entry.direction());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Turns a start row into the step's end: how long it took, whether it succeeded, and how far it
     * got. A step run statement by statement thus leaves one row, as any other step does.
     */
    public void finish(Connection connection, long id, HistoryEntry end) throws SQLException {
        HistoryEntry.Progress progress = end.progress();
        try (PreparedStatement s = connection.prepareStatement("UPDATE " + dialect.qualify(table) + " SET ended_at = ?,"
                + " duration_ms = ?, success = ?, statements_done = ?, next_statement = ?, done_digest = ? WHERE id = ?")) {
            dialect.setTimestamp(s, 1, end.endedAt());
            s.setLong(2, end.durationMillis());
            s.setBoolean(3, end.success());
            s.setInt(4, progress.done());
            s.setString(5, shortened(progress.next()));
            s.setString(6, progress.digest());
            s.setLong(7, id);
            s.executeUpdate();
        }
    }

    /**
     * Moves a start row's progress on.
     *
     * @param sending whether the next statement is about to be sent on its own, so that its outcome
     *     is unknown until the row moves on again ({@link HistoryEntry#STATEMENT_SENT})
     */
    public void progress(Connection connection, long id, HistoryEntry.Progress progress, boolean sending)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE " + dialect.qualify(table)
                + " SET statements_done = ?, next_statement = ?, done_digest = ?, duration_ms = ? WHERE id = ?")) {
            s.setInt(1, progress.done());
            s.setString(2, shortened(progress.next()));
            s.setString(3, progress.digest());
            s.setLong(4, sending ? HistoryEntry.STATEMENT_SENT : HistoryEntry.STARTED);
            s.setLong(5, id);
            s.executeUpdate();
        }
    }

    private static String shortened(String statement) {
        return statement == null || statement.length() <= NEXT_STATEMENT ? statement
                : statement.substring(0, NEXT_STATEMENT - 1) + "…";
    }

    /**
     * A step's row as a statement, for offline scripts: times and the database user are the
     * database's own when the script runs; the duration is not known.
     *
     * @param success {@code true} for the row of a step done; {@code false} for the start row of a
     *     step outside a transaction, which {@link #finishSql} turns into its end
     */
    public String recordSql(String revision, String direction, String checksum, String retortVersion, boolean success) {
        String now = dialect.currentTimestampSql();
        return "INSERT INTO " + dialect.qualify(table) + " (" + COLUMNS + ") VALUES (" + dialect.literal(revision) + ", "
                + dialect.literal(direction) + ", " + (checksum == null ? "NULL" : dialect.literal(checksum)) + ", "
                + dialect.currentUserSql() + ", NULL, " + dialect.literal("offline script") + ", " + now + ", " + now
                + ", " + (success ? 0 : HistoryEntry.STARTED) + ", " + booleanLiteral(success) + ", "
                + dialect.literal(retortVersion)
                + ")";
    }

    /**
     * Turns the step's latest start row into its end, for offline scripts: the duration is not
     * known. MySQL cannot read the table it updates in a subquery, so it picks the row by order.
     */
    public String finishSql(String revision, String direction) {
        String set = "UPDATE " + dialect.qualify(table) + " SET ended_at = " + dialect.currentTimestampSql()
                + ", duration_ms = 0, success = " + booleanLiteral(true);
        String where = " WHERE revision = " + dialect.literal(revision) + " AND direction = " + dialect.literal(direction);
        if (dialect.name().equals("mysql")) {
            return set + where + " AND duration_ms < 0 ORDER BY id DESC LIMIT 1";
        }
        return set + " WHERE id = (SELECT MAX(id) FROM " + dialect.qualify(table) + where + " AND duration_ms < 0)";
    }

    private String booleanLiteral(boolean value) {
        return dialect.booleanType().equals("INTEGER") ? (value ? "1" : "0") : (value ? "TRUE" : "FALSE");
    }

    public void record(Connection connection, HistoryEntry entry) throws SQLException {
        HistoryEntry.Progress progress = entry.progress();
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + dialect.qualify(table) + " (" + COLUMNS
                + (progress == null ? ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        : ", statements_total, statements_done, next_statement, done_digest)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
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
            if (progress != null) {
                s.setInt(12, progress.total());
                s.setInt(13, progress.done());
                s.setString(14, shortened(progress.next()));
                s.setString(15, progress.digest());
            }
            s.executeUpdate();
        }
    }

    /** Every row, oldest first; empty when the table does not exist. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        var entries = new ArrayList<HistoryEntry>();
        if (!exists(connection)) {
            return entries;
        }
        // Every column: a table made before the progress columns has none of them.
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + dialect.qualify(table) + " ORDER BY id")) {
            boolean progress = false;
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                progress |= r.getMetaData().getColumnLabel(i).equalsIgnoreCase("statements_total");
            }
            while (r.next()) {
                var entry = new HistoryEntry(r.getLong("id"), r.getString("revision"), r.getString("direction"),
                        r.getString("checksum"), r.getString("db_user"), r.getString("os_user"), r.getString("host"),
                        dialect.getTimestamp(r, "started_at"), dialect.getTimestamp(r, "ended_at"),
                        r.getLong("duration_ms"), r.getBoolean("success"), r.getString("retort_version"));
                int total = progress ? r.getInt("statements_total") : 0;
                entries.add(progress && !r.wasNull() ? entry.withProgress(new HistoryEntry.Progress(total,
                        r.getInt("statements_done"), r.getString("next_statement"), r.getString("done_digest"))) : entry);
            }
        }
        return entries;
    }
}
