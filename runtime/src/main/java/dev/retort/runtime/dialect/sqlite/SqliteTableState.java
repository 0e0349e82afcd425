package dev.retort.runtime.dialect.sqlite;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.sqlite.SqlTokens.Token;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQLite table as a rebuild needs it: its definition, its indexes and triggers (which go with
 * it when it is dropped), the views (only to know which columns they use) and its AUTOINCREMENT
 * counter.
 */
record SqliteTableState(SqliteTable definition, List<Index> indexes, List<String> triggers, List<String> views,
        Long sequence) {

    /** An index of the table, with the statement that made it. */
    record Index(String name, String sql) {
    }

    static SqliteTableState read(Connection connection, SqliteDialect dialect, TableName table) throws SQLException {
        String master = table.schema() == null ? "sqlite_master" : dialect.quote(table.schema()) + ".sqlite_master";
        String sql = null;
        var indexes = new ArrayList<Index>();
        var triggers = new ArrayList<String>();
        var views = new ArrayList<String>();
        try (PreparedStatement s = connection.prepareStatement("SELECT type, name, sql FROM " + master
                + " WHERE (tbl_name = ? AND type IN ('table', 'index', 'trigger') OR type = 'view') AND sql IS NOT NULL"
                + " ORDER BY type, name")) {
            s.setString(1, table.name());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    switch (r.getString(1)) {
                        case "table" -> sql = r.getString(3);
                        case "index" -> indexes.add(new Index(r.getString(2), r.getString(3)));
                        case "trigger" -> triggers.add(r.getString(3));
                        default -> views.add(r.getString(3));
                    }
                }
            }
        }
        if (sql == null) {
            throw new RetortException(ErrorCode.MIGRATION_FAILED, "table " + table + " does not exist, so it cannot be altered");
        }
        SqliteTable definition;
        try {
            definition = SqliteTable.parse(sql);
        } catch (RuntimeException e) {
            throw new RetortException(ErrorCode.UNSUPPORTED_OP, "table " + table + " has a definition Retort cannot rebuild"
                    + " without losing part of it (" + e.getMessage() + "); change it with execute() instead", e);
        }
        return new SqliteTableState(definition, indexes, triggers, views, sequence(connection, master, table.name()));
    }

    /**
     * Whether SQLite can drop the column in place: it is no key, not unique, in no other
     * constraint, index or view, and no other column's clauses use it. Anything else needs a
     * rebuild (SQLite refuses, or would leave an index behind).
     */
    boolean isPlainColumn(String column) {
        var own = definition.column(column);
        if (own.isEmpty() || own.get().has("PRIMARY") || own.get().has("UNIQUE")) {
            return false;
        }
        for (SqliteTable.TableConstraint c : definition.constraints()) {
            if (c.columns().contains(column) || mentions(c.body(), column)) {
                return false;
            }
        }
        for (SqliteTable.Column other : definition.columns()) {
            if (!other.name().equals(column) && other.clauses().stream().anyMatch(c -> mentions(c, column))) {
                return false;
            }
        }
        return indexes.stream().noneMatch(i -> mentions(i.sql(), column)) && views.stream().noneMatch(v -> mentions(v, column));
    }

    /** Whether SQL names this column anywhere (SQLite names compare without regard to case). */
    static boolean mentions(String sql, String column) {
        for (Token token : SqlTokens.of(sql)) {
            if (token.name().equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    private static Long sequence(Connection connection, String master, String name) throws SQLException {
        String sequences = master.replace("sqlite_master", "sqlite_sequence");
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = 'sqlite_sequence'");
                ResultSet r = exists.executeQuery()) {
            if (!r.next()) {
                return null;
            }
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT seq FROM " + sequences + " WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }
}
