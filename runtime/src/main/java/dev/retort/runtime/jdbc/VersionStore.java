package dev.retort.runtime.jdbc;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.RowChange;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The version table: one row per current head, column {@code version_num}, as Alembic's
 * {@code alembic_version} (so a database Alembic managed can be adopted by naming that table).
 */
public final class VersionStore {

    private final Dialect dialect;
    private final TableName table;

    public VersionStore(Dialect dialect, TableName table) {
        this.dialect = dialect;
        this.table = table;
    }

    public TableName table() {
        return table;
    }

    public boolean exists(Connection connection) throws SQLException {
        return dialect.tableExists(connection, table);
    }

    /** The current rows; empty when the table does not exist yet (a database at base). */
    public List<String> read(Connection connection) throws SQLException {
        var rows = new ArrayList<String>();
        if (!exists(connection)) {
            return rows;
        }
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT version_num FROM " + dialect.qualify(table))) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    public void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(createSql());
        }
    }

    public String createSql() {
        return "CREATE TABLE " + dialect.qualify(table) + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
                + dialect.quote(table.name() + "_pkc") + " PRIMARY KEY (version_num))";
    }

    /** A step's row changes as statements with literals, for offline scripts. */
    public List<String> applySql(List<RowChange> changes) {
        String t = dialect.qualify(table);
        var statements = new ArrayList<String>();
        for (RowChange change : changes) {
            if (change instanceof RowChange.Insert insert) {
                statements.add("INSERT INTO " + t + " (version_num) VALUES (" + dialect.literal(insert.revision()) + ")");
            } else if (change instanceof RowChange.Delete delete) {
                statements.add("DELETE FROM " + t + " WHERE version_num = " + dialect.literal(delete.revision()));
            } else if (change instanceof RowChange.Update u) {
                statements.add("UPDATE " + t + " SET version_num = " + dialect.literal(u.to()) + " WHERE version_num = "
                        + dialect.literal(u.from()));
            }
        }
        return statements;
    }

    /** Empties the table, as a statement. */
    public String clearSql() {
        return "DELETE FROM " + dialect.qualify(table);
    }

    /** Deletes every row, for {@code stamp --purge}. */
    public void clear(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(clearSql());
        }
    }

    /** Applies a step's row changes; each must touch exactly the row it names. */
    public void apply(Connection connection, List<RowChange> changes) throws SQLException {
        String t = dialect.qualify(table);
        for (RowChange change : changes) {
            if (change instanceof RowChange.Insert insert) {
                update(connection, "INSERT INTO " + t + " (version_num) VALUES (?)", insert.revision());
            } else if (change instanceof RowChange.Delete delete) {
                update(connection, "DELETE FROM " + t + " WHERE version_num = ?", delete.revision());
            } else if (change instanceof RowChange.Update u) {
                update(connection, "UPDATE " + t + " SET version_num = ? WHERE version_num = ?", u.to(), u.from());
            }
        }
    }

    private void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            int count = s.executeUpdate();
            if (count != 1) {
                throw new RetortException(ErrorCode.DATABASE_ERROR, "the version table " + table + " changed during the run ("
                        + sql.replaceAll("\\?", "%s").formatted((Object[]) values) + " touched " + count
                        + " rows); is another process migrating this database?");
            }
        }
    }
}
