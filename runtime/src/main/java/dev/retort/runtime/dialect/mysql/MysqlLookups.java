package dev.retort.runtime.dialect.mysql;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.dialect.Action;
import dev.retort.schema.Constraint;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drops that need the catalog to know what to write: an index without its table, a constraint of unknown kind. */
final class MysqlLookups {

    private MysqlLookups() {
    }

    /** {@code DROP INDEX} needs the table here; the index is found by name in the connection's database. */
    static Action dropIndexByName(MysqlDialect dialect, String name, boolean ifExists) {
        return new Lookup("DROP INDEX " + name + ", its table looked up", List.of(), "dropIndex(\"" + name + "\") names no"
                + " table, which MySQL needs to drop an index; give it: dropIndex(\"" + name + "\", \"table\")") {
            @Override
            public void run(Connection connection, Action.StatementSink executed) throws SQLException {
                List<String> found = strings(connection, "SELECT DISTINCT TABLE_NAME FROM information_schema.STATISTICS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = ?", name);
                if (found.isEmpty() && ifExists) {
                    return;
                }
                if (found.size() != 1) {
                    throw new SQLException(found.isEmpty() ? "no table has an index " + name
                            : "tables " + found + " each have an index " + name + "; name the table in dropIndex");
                }
                executed.execute(dropIndex(connection, dialect, TableName.of(found.get(0)), name));
            }
        };
    }

    /**
     * {@code DROP INDEX}, keeping every foreign key that used it served: MySQL drops the index it
     * made for a foreign key once another index covers the key, and then refuses to drop that other
     * index. The key's own index comes back in the same statement, named as the key, as MySQL had it.
     */
    static Action dropIndex(MysqlDialect dialect, TableName table, String name, boolean ifExists, boolean online) {
        String plain = "ALTER TABLE " + dialect.qualify(table) + " DROP INDEX " + (ifExists ? "IF EXISTS " : "")
                + dialect.quote(name) + (online ? ", LOCK=NONE" : "");
        return new Lookup("DROP INDEX " + name + " ON " + table + ", keeping its foreign keys' indexes", List.of(plain), "") {
            @Override
            public void run(Connection connection, Action.StatementSink executed) throws SQLException {
                if (ifExists && strings(connection, "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA ="
                        + " COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND INDEX_NAME = ?", table.schema(), table.name(),
                        name).isEmpty()) {
                    return;
                }
                executed.execute(dropIndex(connection, dialect, table, name) + (online ? ", LOCK=NONE" : ""));
            }
        };
    }

    /** The statement that drops the index, re-adding the index of each foreign key only it served. */
    static String dropIndex(Connection connection, MysqlDialect dialect, TableName table, String name) throws SQLException {
        String schema = table.schema();
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        for (String row : strings(connection, "SELECT CONCAT(INDEX_NAME, '\t', COLUMN_NAME) FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX",
                schema, table.name())) {
            String[] parts = row.split("\t", 2);
            indexes.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String row : strings(connection, "SELECT CONCAT(CONSTRAINT_NAME, '\t', COLUMN_NAME) FROM"
                + " information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?"
                + " AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION", schema, table.name())) {
            String[] parts = row.split("\t", 2);
            keys.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        var sql = new StringBuilder("ALTER TABLE ").append(dialect.qualify(table)).append(" DROP INDEX ").append(dialect.quote(name));
        List<String> dropped = indexes.getOrDefault(name, List.of());
        for (Map.Entry<String, List<String>> key : keys.entrySet()) {
            List<String> columns = key.getValue();
            boolean servedByDropped = startsWith(dropped, columns);
            boolean servedByOther = indexes.entrySet().stream()
                    .anyMatch(i -> !i.getKey().equals(name) && startsWith(i.getValue(), columns));
            if (servedByDropped && !servedByOther) {
                sql.append(", ADD INDEX ").append(dialect.quote(key.getKey())).append(" (")
                        .append(String.join(", ", columns.stream().map(dialect::quote).toList())).append(')');
            }
        }
        return sql.toString();
    }

    private static boolean startsWith(List<String> index, List<String> columns) {
        return index.size() >= columns.size() && index.subList(0, columns.size()).equals(columns);
    }

    /**
     * A constraint dropped as its kind needs: a foreign key with the index MySQL made for it (so a
     * downgrade leaves the table as it was), a unique constraint as its index, a check by name.
     * Offline, a named foreign key is printed; anything else needs the catalog.
     */
    static Action dropConstraint(MysqlDialect dialect, TableName table, String name, Constraint definition, boolean ifExists) {
        String alter = "ALTER TABLE " + dialect.qualify(table);
        // Offline, a named key's index is the one Retort made beside it, named as the key.
        List<String> offline = name != null && definition instanceof Constraint.ForeignKey
                ? List.of(alter + " DROP FOREIGN KEY " + (ifExists ? "IF EXISTS " : "") + dialect.quote(name)
                        + ", DROP INDEX " + dialect.quote(name))
                : name != null ? List.of(alter + " DROP CONSTRAINT " + (ifExists ? "IF EXISTS " : "") + dialect.quote(name))
                : List.of();
        return new Lookup("DROP CONSTRAINT on " + table + (name == null ? ", found by its columns" : " " + name), offline,
                "dropConstraint on " + table + " names no constraint, and MySQL drops one by name; name it") {
            @Override
            public void run(Connection connection, Action.StatementSink executed) throws SQLException {
                String found = name != null ? name : byColumns(connection, table, definition);
                String kind = found == null ? null : kind(connection, table, found);
                if (kind == null) {
                    if (ifExists) {
                        return;
                    }
                    throw new SQLException("table " + table + " has no " + (definition == null ? "constraint"
                            : definition.kindName()) + (name == null ? " on " + definition.columns() : " " + name));
                }
                executed.execute(switch (kind) {
                    case "PRIMARY KEY" -> alter + " DROP PRIMARY KEY";
                    case "UNIQUE" -> dropIndex(connection, dialect, table, found);
                    case "FOREIGN KEY" -> alter + " DROP FOREIGN KEY " + dialect.quote(found) + (strings(connection,
                            "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
                                    + " AND TABLE_NAME = ? AND INDEX_NAME = ?", table.schema(), table.name(), found).isEmpty()
                            ? "" : ", DROP INDEX " + dialect.quote(found));
                    default -> alter + " DROP CONSTRAINT " + dialect.quote(found);
                });
            }
        };
    }

    /**
     * {@code DROP COLUMN}, with the foreign keys, indexes and checks on the column dropped in the
     * same statement, as PostgreSQL drops them along: MySQL refuses to drop a column a foreign key,
     * a unique key of several columns or a check uses, and would keep an index of several columns
     * without it, where PostgreSQL drops that index.
     */
    static Action dropColumn(MysqlDialect dialect, TableName table, String column, String knownKey) {
        String plain = "ALTER TABLE " + dialect.qualify(table) + (knownKey == null ? "" : " DROP FOREIGN KEY "
                + dialect.quote(knownKey) + ",") + " DROP COLUMN " + dialect.quote(column);
        return new Lookup("ALTER TABLE " + dialect.qualify(table) + " DROP COLUMN " + dialect.quote(column)
                + ", with its foreign keys, indexes and checks", List.of(plain), "") {
            @Override
            public void run(Connection connection, Action.StatementSink executed) throws SQLException {
                var sql = new StringBuilder("ALTER TABLE ").append(dialect.qualify(table));
                for (String key : strings(connection, "SELECT DISTINCT CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE"
                        + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?"
                        + " AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY 1", table.schema(), table.name(), column)) {
                    sql.append(" DROP FOREIGN KEY ").append(dialect.quote(key)).append(',');
                }
                for (String index : strings(connection, "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS"
                        + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?"
                        + " AND INDEX_NAME <> 'PRIMARY' ORDER BY 1", table.schema(), table.name(), column)) {
                    sql.append(" DROP INDEX ").append(dialect.quote(index)).append(',');
                }
                boolean mariadb = MysqlIntrospector.isMariadb(connection);
                for (String check : strings(connection, "SELECT tc.CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS tc"
                        + " JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                        + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + (mariadb ? " AND cc.TABLE_NAME = tc.TABLE_NAME AND cc.LEVEL = 'Table'" : "")
                        + " WHERE tc.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND tc.TABLE_NAME = ?"
                        + " AND tc.CONSTRAINT_TYPE = 'CHECK' AND INSTR(cc.CHECK_CLAUSE, ?) > 0 ORDER BY 1",
                        table.schema(), table.name(), dialect.quote(column))) {
                    sql.append(" DROP CONSTRAINT ").append(dialect.quote(check)).append(',');
                }
                executed.execute(sql.append(" DROP COLUMN ").append(dialect.quote(column)).toString());
            }
        };
    }

    private static String kind(Connection connection, TableName table, String name) throws SQLException {
        List<String> kinds = strings(connection, "SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?",
                table.schema(), table.name(), name);
        return kinds.isEmpty() ? null : kinds.get(0);
    }

    /**
     * The name of the unique constraint or foreign key on exactly these columns, in order, or of the
     * check with this expression, compared without quotes, spaces or case (MySQL prints its own).
     */
    private static String byColumns(Connection connection, TableName table, Constraint definition) throws SQLException {
        if (definition instanceof Constraint.Check check) {
            List<String> names = strings(connection, "SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM"
                    + " information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc"
                    + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                    + " WHERE tc.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK'"
                    + " AND REPLACE(REPLACE(REPLACE(LOWER(cc.CHECK_CLAUSE), '`', ''), ' ', ''), '\"', '') = ?",
                    table.schema(), table.name(), check.expression().toLowerCase(java.util.Locale.ROOT)
                            .replace("`", "").replace(" ", "").replace("\"", ""));
            return names.isEmpty() ? null : names.get(0);
        }
        if (definition == null) {
            return null;
        }
        String type = definition instanceof Constraint.ForeignKey ? "FOREIGN KEY"
                : definition instanceof Constraint.Unique ? "UNIQUE" : "PRIMARY KEY";
        List<String> names = strings(connection, "SELECT k.CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE k"
                + " JOIN information_schema.TABLE_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                + " AND c.TABLE_NAME = k.TABLE_NAME AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " WHERE k.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND k.TABLE_NAME = ? AND c.CONSTRAINT_TYPE = ?"
                + " GROUP BY k.CONSTRAINT_NAME HAVING GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION) = ?",
                table.schema(), table.name(), type, String.join(",", definition.columns()));
        return names.isEmpty() ? null : names.get(0);
    }

    static List<String> strings(Connection connection, String query, String... parameters) throws SQLException {
        var values = new ArrayList<String>();
        try (PreparedStatement s = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
        }
        return values;
    }

    /** A drop worked out on the connection; offline it prints what it can without one, or says why not. */
    private abstract static class Lookup implements Action.Live {
        private final String description;
        private final List<String> offline;
        private final String offlineRefusal;

        Lookup(String description, List<String> offline, String offlineRefusal) {
            this.description = description;
            this.offline = offline;
            this.offlineRefusal = offlineRefusal;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<String> offline() {
            if (offline.isEmpty()) {
                throw new RetortException(ErrorCode.UNSUPPORTED_OP, offlineRefusal);
            }
            return offline;
        }
    }
}
