package dev.retort.runtime.dialect.sqlite;

import dev.retort.runtime.dialect.sqlite.SqlTokens.Token;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.CheckInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.IndexInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one SQLite database (main or attached) from {@code sqlite_master} and the table pragmas.
 * The pragmas know columns, keys, foreign-key actions and index columns; constraint names, CHECK
 * expressions, deferrability and index expressions and conditions exist only in the stored
 * {@code CREATE} text, so those are read from it.
 */
final class SqliteIntrospector {

    private final Connection connection;
    private final String schema;
    private final SqliteDialect dialect;

    private SqliteIntrospector(Connection connection, String schema, SqliteDialect dialect) {
        this.connection = connection;
        this.schema = schema == null ? "main" : schema;
        this.dialect = dialect;
    }

    static Catalog read(Connection connection, String schema, SqliteDialect dialect) throws SQLException {
        return new SqliteIntrospector(connection, schema, dialect).read();
    }

    private Catalog read() throws SQLException {
        String master = dialect.quote(schema) + ".sqlite_master";
        var tables = new ArrayList<TableInfo>();
        var views = new ArrayList<Catalog.ViewInfo>();
        Map<String, String> tableSql = new LinkedHashMap<>();
        Map<String, List<String>> triggers = new LinkedHashMap<>();
        Map<String, String> indexSql = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT type, name, tbl_name, sql FROM " + master
                + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
            switch (row.get(0)) {
                case "table" -> tableSql.put(row.get(1), row.get(3));
                case "view" -> views.add(new Catalog.ViewInfo(row.get(1), viewQuery(row.get(3))));
                case "trigger" -> triggers.computeIfAbsent(row.get(2), t -> new ArrayList<>()).add(row.get(1));
                case "index" -> indexSql.put(row.get(1), row.get(3));
                default -> { }
            }
        }
        for (var table : tableSql.entrySet()) {
            tables.add(table(table.getKey(), table.getValue(), triggers.getOrDefault(table.getKey(), List.of()), indexSql));
        }
        return new Catalog(tables, views, List.of(), List.of());
    }

    private TableInfo table(String name, String sql, List<String> triggers, Map<String, String> indexSql) throws SQLException {
        SqliteTable parsed = SqliteTable.parse(sql);
        var columns = new ArrayList<ColumnInfo>();
        var pk = new ArrayList<String[]>();
        for (List<String> row : rows("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?, ?)"
                + " ORDER BY cid", name, schema)) {
            if (!"0".equals(row.get(4))) {
                pk.add(new String[] {row.get(4), row.get(0)});
            }
            columns.add(new ColumnInfo(row.get(0), row.get(1), "0".equals(row.get(2)), row.get(3), false, null));
        }
        pk.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
        List<String> pkColumns = pk.stream().map(p -> p[1]).toList();
        KeyInfo primaryKey = pkColumns.isEmpty() ? null : new KeyInfo(constraintName(parsed, "PRIMARY", pkColumns), pkColumns);
        if (pkColumns.size() == 1) {
            // INTEGER PRIMARY KEY is the rowid, never NULL whatever the pragma says; with AUTOINCREMENT it is what
            // identity() makes, numbers never given out twice, which a plain rowid (serial()) does not promise.
            for (int i = 0; i < columns.size(); i++) {
                ColumnInfo c = columns.get(i);
                if (c.name().equals(pkColumns.get(0)) && c.type().equalsIgnoreCase("INTEGER")) {
                    boolean autoIncrement = parsed.column(c.name()).map(SqliteIntrospector::autoIncrement).orElse(false);
                    columns.set(i, new ColumnInfo(c.name(), c.type(), false, c.defaultValue(), autoIncrement, null));
                }
            }
        }
        var uniques = new ArrayList<KeyInfo>();
        var indexes = new ArrayList<IndexInfo>();
        for (List<String> index : rows("SELECT name, \"unique\", origin FROM pragma_index_list(?, ?) ORDER BY name",
                name, schema)) {
            if (index.get(2).equals("u")) {
                List<String> keyColumns = rows("SELECT name FROM pragma_index_info(?, ?) ORDER BY seqno", index.get(0), schema)
                        .stream().map(r -> r.get(0)).toList();
                uniques.add(new KeyInfo(constraintName(parsed, "UNIQUE", keyColumns), keyColumns));
            } else if (index.get(2).equals("c")) {
                indexes.add(index(index.get(0), "1".equals(index.get(1)), indexSql.get(index.get(0))));
            }
        }
        return new TableInfo(name, columns, primaryKey, uniques, checks(parsed), foreignKeys(name, parsed), indexes, triggers,
                null);
    }

    private static boolean autoIncrement(SqliteTable.Column column) {
        return column.clauses().stream().anyMatch(clause -> SqlTokens.of(clause).stream().anyMatch(t -> t.is("AUTOINCREMENT")));
    }

    /** The name of the key of this kind on these columns, from a table constraint or a column clause. */
    private static String constraintName(SqliteTable table, String kind, List<String> columns) {
        for (SqliteTable.TableConstraint c : table.constraints()) {
            if (c.kind().equals(kind) && sameColumns(c.columns(), columns)) {
                return c.name();
            }
        }
        if (columns.size() == 1) {
            Optional<SqliteTable.Column> column = table.column(columns.get(0));
            if (column.isEmpty()) {
                column = table.columns().stream().filter(c -> c.name().equalsIgnoreCase(columns.get(0))).findFirst();
            }
            String clauseKind = kind.equals("FOREIGN") ? "REFERENCES" : kind;
            for (String clause : column.map(SqliteTable.Column::clauses).orElse(List.of())) {
                List<Token> tokens = SqlTokens.of(clause);
                if (tokens.size() > 2 && tokens.get(0).is("CONSTRAINT") && tokens.get(2).is(clauseKind)) {
                    return tokens.get(1).name();
                }
            }
        }
        return null;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<CheckInfo> checks(SqliteTable table) {
        var checks = new ArrayList<CheckInfo>();
        for (SqliteTable.TableConstraint c : table.constraints()) {
            if (c.kind().equals("CHECK")) {
                checks.add(new CheckInfo(c.name(), parenthesized(c.body())));
            }
        }
        for (SqliteTable.Column column : table.columns()) {
            for (String clause : column.clauses()) {
                List<Token> tokens = SqlTokens.of(clause);
                boolean named = tokens.get(0).is("CONSTRAINT");
                int start = named ? 2 : 0;
                if (tokens.size() > start && tokens.get(start).is("CHECK")) {
                    checks.add(new CheckInfo(named ? tokens.get(1).name() : null,
                            parenthesized(clause.substring(tokens.get(start).start()))));
                }
            }
        }
        return checks;
    }

    /** {@code CHECK (a > 0)} as {@code a > 0}. */
    private static String parenthesized(String clause) {
        List<Token> tokens = SqlTokens.of(clause);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                int close = SqlTokens.matching(tokens, i);
                return clause.substring(tokens.get(i).end(), tokens.get(close).start()).strip();
            }
        }
        return clause;
    }

    private List<ForeignKeyInfo> foreignKeys(String table, SqliteTable parsed) throws SQLException {
        Map<String, List<List<String>>> byId = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM"
                + " pragma_foreign_key_list(?, ?) ORDER BY id, seq", table, schema)) {
            byId.computeIfAbsent(row.get(0), id -> new ArrayList<>()).add(row);
        }
        var keys = new ArrayList<ForeignKeyInfo>();
        // The pragma lists foreign keys last-declared first; the catalog lists them as declared.
        var ids = new ArrayList<>(byId.keySet());
        java.util.Collections.reverse(ids);
        for (String id : ids) {
            List<List<String>> rows = byId.get(id);
            List<String> columns = rows.stream().map(r -> r.get(2)).toList();
            List<String> referred = rows.stream().map(r -> r.get(3)).toList();
            String text = foreignKeyText(parsed, columns);
            String upper = text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean deferrable = upper.contains("DEFERRABLE") && !upper.contains("NOT DEFERRABLE");
            keys.add(new ForeignKeyInfo(constraintName(parsed, "FOREIGN", columns), columns, rows.get(0).get(1),
                    referred.contains(null) ? List.of() : referred, rows.get(0).get(5), rows.get(0).get(4), deferrable,
                    deferrable && upper.contains("INITIALLY DEFERRED")));
        }
        return keys;
    }

    private static String foreignKeyText(SqliteTable table, List<String> columns) {
        for (SqliteTable.TableConstraint c : table.constraints()) {
            if (c.kind().equals("FOREIGN") && sameColumns(c.columns(), columns)) {
                return c.body();
            }
        }
        if (columns.size() == 1) {
            for (SqliteTable.Column column : table.columns()) {
                if (column.name().equalsIgnoreCase(columns.get(0))) {
                    return column.clauses().stream().filter(c -> SqliteTable.startsWith(c, "REFERENCES")).findFirst().orElse("");
                }
            }
        }
        return "";
    }

    /** An index from its stored statement: parts and condition as written, DESC noted. */
    private static IndexInfo index(String name, boolean unique, String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        int on = 0;
        while (!tokens.get(on).is("ON")) {
            on++;
        }
        int open = on + 1;
        while (!tokens.get(open).is("(")) {
            open++;
        }
        int close = SqlTokens.matching(tokens, open);
        var parts = new ArrayList<String>();
        int start = open + 1;
        int depth = 0;
        for (int i = open + 1; i <= close; i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && i < close) {
                depth--;
            } else if (depth == 0 && (t.is(",") || i == close)) {
                parts.add(part(sql, tokens.subList(start, i)));
                start = i + 1;
            }
        }
        String where = null;
        if (close + 1 < tokens.size() && tokens.get(close + 1).is("WHERE")) {
            where = sql.substring(tokens.get(close + 2).start()).strip();
        }
        return new IndexInfo(name, unique, parts, where);
    }

    private static String part(String sql, List<Token> tokens) {
        int end = tokens.size();
        boolean descending = false;
        if (tokens.get(end - 1).is("DESC") || tokens.get(end - 1).is("ASC")) {
            descending = tokens.get(end - 1).is("DESC");
            end--;
        }
        String key = end == 1 ? tokens.get(0).name() : sql.substring(tokens.get(0).start(), tokens.get(end - 1).end());
        if (end > 1 && key.startsWith("(") && key.endsWith(")")) {
            key = key.substring(1, key.length() - 1).strip();
        }
        return descending ? key + " DESC" : key;
    }

    /** {@code CREATE VIEW v AS SELECT …} as {@code SELECT …}. */
    private static String viewQuery(String sql) {
        List<Token> tokens = SqlTokens.of(sql);
        for (Token t : tokens) {
            if (t.is("AS")) {
                return sql.substring(t.end()).strip();
            }
        }
        return sql;
    }

    private List<List<String>> rows(String sql, String... parameters) throws SQLException {
        var rows = new ArrayList<List<String>>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    var row = new ArrayList<String>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
