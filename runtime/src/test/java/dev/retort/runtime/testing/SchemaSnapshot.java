package dev.retort.runtime.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of a test database as sorted text, read from the catalog: columns with types,
 * nullability, defaults and identity; constraints with their definitions; indexes with theirs.
 * Two snapshots are equal when the schemas are.
 */
public final class SchemaSnapshot {

    private SchemaSnapshot() {
    }

    public static String of(Connection connection, TestDatabase.Kind kind) throws SQLException {
        var lines = new ArrayList<String>();
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            lines.addAll(rows(connection, "SELECT table_name, column_name, data_type, character_maximum_length,"
                    + " numeric_precision, numeric_scale, is_nullable, column_default, is_identity"
                    + " FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " ORDER BY table_name, ordinal_position", "column"));
            lines.addAll(rows(connection, "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2", "constraint"));
            lines.addAll(rows(connection, "SELECT tablename, indexname,"
                    + " replace(indexdef, current_schema() || '.', '') FROM pg_indexes"
                    + " WHERE schemaname = current_schema() ORDER BY 1, 2", "index"));
        } else if (kind == TestDatabase.Kind.MARIADB) {
            lines.addAll(rows(connection, "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1", "table"));
            lines.addAll(rows(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
                    + " COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " ORDER BY TABLE_NAME, ORDINAL_POSITION", "column"));
            lines.addAll(rows(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM"
                    + " information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2", "constraint"));
            lines.addAll(rows(connection, "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1, 2", "check"));
            lines.addAll(rows(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME,"
                    + " REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()"
                    + " ORDER BY 1, 2, ORDINAL_POSITION", "key"));
            lines.addAll(rows(connection, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION"
                    + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2, SEQ_IN_INDEX", "index"));
        } else {
            lines.addAll(rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master"
                    + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name", "object"));
            for (String table : rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' ORDER BY name", "")) {
                String name = table.substring(table.indexOf('|') + 1);
                lines.addAll(rows(connection, "SELECT '" + name.replace("'", "''") + "', name, type, \"notnull\", dflt_value, pk"
                        + " FROM pragma_table_info('" + name.replace("'", "''") + "') ORDER BY cid", "column"));
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> rows(Connection connection, String query, String label) throws SQLException {
        var result = new ArrayList<String>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                var line = new StringBuilder(label);
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    line.append('|').append(r.getString(i));
                }
                result.add(line.toString());
            }
        }
        return result;
    }
}
