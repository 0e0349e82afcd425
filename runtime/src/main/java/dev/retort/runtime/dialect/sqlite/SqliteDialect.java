package dev.retort.runtime.dialect.sqlite;

import dev.retort.op.Op;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * SQLite. Through JDBC its DDL is transactional (Python's driver was what kept Alembic from
 * using that), so a failed migration rolls back whole here too.
 */
public final class SqliteDialect implements Dialect {

    /** Created on first use, so an application already at head never loads it. */
    private SqliteRenderer renderer;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public List<String> render(Op op) {
        if (renderer == null) {
            renderer = new SqliteRenderer(this);
        }
        return op.accept(renderer);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String identityPrimaryKey() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public String booleanType() {
        return "INTEGER";
    }

    @Override
    public String timestampType() {
        return "TEXT";
    }

    /** ISO-8601 text sorts and reads back exactly, where the driver's default would store epoch millis. */
    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, value.toString());
    }

    @Override
    public Instant getTimestamp(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        String master = table.schema() == null ? "sqlite_master" : quote(table.schema()) + ".sqlite_master";
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?")) {
            s.setString(1, table.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
