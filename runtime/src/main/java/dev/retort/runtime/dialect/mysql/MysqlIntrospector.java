package dev.retort.runtime.dialect.mysql;

import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableBuilder;
import dev.retort.runtime.introspect.TableInfo.CheckInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import dev.retort.schema.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one database from {@code information_schema}, a handful of queries for all its tables.
 * Types are given as Retort writes them ({@code INT}, not {@code int(11)}; {@code BOOLEAN} for
 * {@code tinyint(1)}; {@code JSON} for MariaDB's {@code longtext} with its {@code json_valid}
 * check), so MariaDB and MySQL 8 read the same.
 *
 * <p>MySQL keeps a unique constraint as a unique index: both are read as unique constraints. The
 * index InnoDB makes for a foreign key (named as the key) belongs to the key, not to the indexes.
 */
final class MysqlIntrospector {

    private static final Pattern DISPLAY_WIDTH = Pattern.compile("(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)(.*)");

    private final Connection connection;
    private final String schema;
    private final boolean mariadb;
    /** Whether the session prints names in double quotes ({@code ANSI_QUOTES}), which are read back as backticks. */
    private final boolean ansiQuotes;

    private MysqlIntrospector(Connection connection, String schema, boolean mariadb, boolean ansiQuotes) {
        this.connection = connection;
        this.schema = schema;
        this.mariadb = mariadb;
        this.ansiQuotes = ansiQuotes;
    }

    /** The database {@code schema}, or the connection's own when {@code null}. */
    static Catalog read(Connection connection, String schema) throws SQLException {
        String name = schema != null ? schema : MysqlDialect.currentDatabase(connection);
        boolean ansi = MysqlLookups.strings(connection, "SELECT @@SESSION.sql_mode").get(0).contains("ANSI_QUOTES");
        return new MysqlIntrospector(connection, name, isMariadb(connection), ansi).read();
    }

    /**
     * Check and view text with its names in backticks, whatever the session's {@code sql_mode}:
     * under {@code ANSI_QUOTES} MySQL prints them in double quotes, which a session without it
     * reads as strings. Strings, in single quotes, are left as they are.
     */
    String backticked(String printed) {
        if (!ansiQuotes || printed == null) {
            return printed;
        }
        var out = new StringBuilder(printed.length());
        int i = 0;
        while (i < printed.length()) {
            char c = printed.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                var inner = new StringBuilder();
                while (end < printed.length()) {
                    char d = printed.charAt(end);
                    if (d == '\\' && c == '\'' && end + 1 < printed.length()) {
                        inner.append(d).append(printed.charAt(end + 1));
                        end += 2;
                    } else if (d == c && end + 1 < printed.length() && printed.charAt(end + 1) == c) {
                        inner.append(d).append(d);
                        end += 2;
                    } else if (d == c) {
                        break;
                    } else {
                        inner.append(d);
                        end++;
                    }
                }
                out.append(c == '"' ? "`" + inner.toString().replace("\"\"", "\"").replace("`", "``") + "`"
                        : "'" + inner + "'");
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static boolean isMariadb(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
    }

    /** Whether MariaDB made this column JSON: a {@code longtext} with a column check {@code json_valid}. */
    static boolean isJson(Connection connection, TableName table, String column) throws SQLException {
        return !MysqlLookups.strings(connection, "SELECT 1 FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?"
                + " AND LEVEL = 'Column' AND CHECK_CLAUSE LIKE 'json_valid(%'", table.schema(), table.name(), column).isEmpty();
    }

    private Catalog read() throws SQLException {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        var views = new ArrayList<Catalog.ViewInfo>();
        var sequences = new ArrayList<String>();
        query("SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " ORDER BY TABLE_NAME", r -> {
                    switch (r.getString(2)) {
                        case "BASE TABLE" -> tables.put(r.getString(1), new TableBuilder(r.getString(1), blankToNull(r.getString(3))));
                        case "SEQUENCE" -> sequences.add(r.getString(1));
                        default -> { }
                    }
                });
        Set<String> jsonColumns = new HashSet<>();
        Map<String, List<CheckInfo>> checks = new LinkedHashMap<>();
        query("SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE" + (mariadb ? ", cc.LEVEL" : ", 'Table'")
                + " FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc"
                + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + (mariadb ? " AND cc.TABLE_NAME = tc.TABLE_NAME" : "")
                + " WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME", r -> {
                    String clause = backticked(r.getString(3));
                    // Quoted as the session's sql_mode quotes names: backticks, or double quotes under ANSI_QUOTES.
                    if (r.getString(4).equals("Column") && clause.equals("json_valid(`" + r.getString(2) + "`)")) {
                        jsonColumns.add(r.getString(1) + "." + r.getString(2));
                    } else {
                        checks.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(new CheckInfo(r.getString(2),
                                clause));
                    }
                });
        query("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION", r -> {
                    TableBuilder table = tables.get(r.getString(1));
                    if (table != null) {
                        String extra = r.getString(6).toLowerCase(Locale.ROOT);
                        boolean json = jsonColumns.contains(r.getString(1) + "." + r.getString(2));
                        table.columns().add(new ColumnInfo(r.getString(2), json ? "JSON" : type(r.getString(3)),
                                r.getString(4).equals("YES"), defaultValue(r.getString(5), extra), extra.contains("auto_increment"),
                                blankToNull(r.getString(7))));
                    }
                });
        checks.forEach((table, list) -> {
            if (tables.containsKey(table)) {
                tables.get(table).checks().addAll(list);
            }
        });
        readKeys(tables);
        readIndexes(tables);
        query("SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                + " ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME", r -> {
                    TableBuilder table = tables.get(r.getString(1));
                    if (table != null) {
                        table.triggers().add(r.getString(2));
                    }
                });
        query("SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
                // MySQL qualifies every name with the database; without it, a replay elsewhere reads the same.
                r -> views.add(new Catalog.ViewInfo(r.getString(1), backticked(r.getString(2).strip())
                        .replace("`" + schema.replace("`", "``") + "`.", ""))));
        return new Catalog(tables.values().stream().map(TableBuilder::build).toList(), views, List.of(), sequences);
    }

    private void readKeys(Map<String, TableBuilder> tables) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<String>> referred = new LinkedHashMap<>();
        Map<String, String> referredTable = new LinkedHashMap<>();
        query("SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ?"
                + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", r -> {
                    String key = r.getString(1) + "." + r.getString(2);
                    columns.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getString(3));
                    if (r.getString(4) != null) {
                        referredTable.put(key, r.getString(4));
                        referred.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getString(5));
                    }
                });
        Map<String, String[]> rules = new LinkedHashMap<>();
        query("SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ?", r -> rules.put(r.getString(1) + "." + r.getString(2),
                        new String[] {r.getString(3), r.getString(4)}));
        query("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                + " WHERE TABLE_SCHEMA = ? AND CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
                + " ORDER BY TABLE_NAME, CONSTRAINT_NAME", r -> {
                    TableBuilder table = tables.get(r.getString(1));
                    String key = r.getString(1) + "." + r.getString(2);
                    if (table == null || !columns.containsKey(key)) {
                        return;
                    }
                    switch (r.getString(3)) {
                        case "PRIMARY KEY" -> table.primaryKey(new KeyInfo(null, columns.get(key)));
                        case "UNIQUE" -> table.uniques().add(new KeyInfo(r.getString(2), columns.get(key)));
                        default -> {
                            String[] rule = rules.getOrDefault(key, new String[] {"NO ACTION", "NO ACTION"});
                            table.foreignKeys().add(new ForeignKeyInfo(r.getString(2), columns.get(key), referredTable.get(key),
                                    referred.get(key), action(rule[0]), action(rule[1]), false, false));
                        }
                    }
                });
    }

    private void readIndexes(Map<String, TableBuilder> tables) throws SQLException {
        Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", r -> {
                    // A prefix length is left out: MariaDB gives a text column's key one by itself, and the DSL has none.
                    String part = r.getString(4) == null ? "(expression)" : r.getString(4);
                    part += "D".equals(r.getString(6)) ? " DESC" : "";
                    String key = r.getString(1) + "." + r.getString(2);
                    if (!indexes.containsKey(key)) {
                        indexes.put(key, new IndexBuilder(r.getString(1), r.getString(2), r.getInt(3) == 0));
                    }
                    indexes.get(key).parts.add(part);
                });
        for (IndexBuilder index : indexes.values()) {
            TableBuilder table = tables.get(index.table);
            if (table == null || table.uniques().stream().anyMatch(u -> u.name().equals(index.name))
                    || table.foreignKeys().stream().anyMatch(f -> f.name().equals(index.name))) {
                continue; // a unique constraint's index is the constraint; a foreign key's is the key's
            }
            table.indexes().add(new IndexInfo(index.name, index.unique, index.parts, null));
        }
    }

    /**
     * InnoDB checks a foreign key at once whatever it is told, so RESTRICT (what it reports for a
     * key given no action) is NO ACTION, as the other databases call the default.
     */
    private static String action(String rule) {
        return rule.equals("RESTRICT") ? "NO ACTION" : rule;
    }

    /** The type as Retort writes it: integer display widths dropped (MySQL 8.0.19 drops them too). */
    static String type(String columnType) {
        String type = columnType.toLowerCase(Locale.ROOT);
        if (type.equals("tinyint(1)")) {
            return "BOOLEAN";
        }
        Matcher m = DISPLAY_WIDTH.matcher(type);
        if (m.matches()) {
            type = m.group(1) + m.group(2);
        }
        if (type.startsWith("int")) {
            type = "INT" + type.substring(3);
        }
        if (type.startsWith("decimal(")) {
            type = type.replace(",", ", ");
        }
        return type.startsWith("enum(") ? "ENUM" + columnType.substring(4) : type.toUpperCase(Locale.ROOT);
    }

    /** The default as SQL: MariaDB prints it so already; MySQL prints a literal's bare value. */
    private String defaultValue(String printed, String extra) {
        if (printed == null || mariadb && printed.equals("NULL")) {
            return null;
        }
        if (mariadb || extra.contains("default_generated") || printed.matches("-?[0-9.]+")) {
            return mariadb || extra.contains("default_generated") ? backticked(printed) : printed;
        }
        return "'" + printed.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private void query(String sql, TableBuilder.RowReader reader) throws SQLException {
        TableBuilder.forEachRow(connection, sql, schema, reader);
    }

    private static final class IndexBuilder {
        final String table;
        final String name;
        final boolean unique;
        final List<String> parts = new ArrayList<>();

        IndexBuilder(String table, String name, boolean unique) {
            this.table = table;
            this.name = name;
            this.unique = unique;
        }
    }
}
